"""Derive geopol's CAMEO actor-code tables from the Phoenix (PETRARCH-2) dictionaries.

Writes two files under ``src/geopol/data/actors/``:

``cameo-codes.tsv``
    our organisation code (``IGO-UN``, ``NGO-AMNESTY``, ``IMG-IS``) -> CAMEO actor code
    (``IGOUNO``, ``NGOAMN``, ``IMGMUSISI``). For each organisation of ``orgs.yaml`` and
    ``groups.yaml``, its names and abbreviations are looked up in the Phoenix actor files;
    the code most of them carry wins, with CAMEO's sector and issue tokens (``HRI``,
    ``REF``...) after the three-letter prefix dropped, as GDELT writes the code. An
    organisation Phoenix does not know gets ``<prefix><first three letters>`` (marked ``rule``).

``historical-states.tsv``
    member country, historical state code, last day + 1 (exclusive end), source: the dated
    Phoenix codes such as ``[USRUKR <910824]`` (Ukraine is coded as a Soviet republic before
    24 August 1991), plus the few rows Phoenix has no dated code for (Russia in the USSR,
    Czech Republic and Slovakia in Czechoslovakia), marked ``geopol``.

The Phoenix dictionaries are MIT-licensed (Copyright (c) 2014 Open Event Data); the notice
is repeated in each generated file's header.

Run from the repository root::

    python scripts/make_cameo_actor_codes.py ../shared/dictionaries/petrarch2
"""

from __future__ import annotations

import collections
import re
import sys
from pathlib import Path

import yaml

OUT = Path("src/geopol/data/actors")
PREFIXES = ("IGO", "NGO", "IMG")
#: CAMEO sector and issue tokens that GDELT keeps in its type columns, not in the actor code.
SECTOR_TOKENS = frozenset(
    ["GOV", "MIL", "REB", "CRM", "OPP", "BUS", "CVL", "JUD", "COP", "MED", "LEG", "HLH", "EDU", "UAF", "SPY", "AGR", "DEV", "ENV", "LAB", "REF", "HRI", "PTY", "ELI", "NGO", "IGO", "MNC"]
)
NOTICE = (
    "# Derived by scripts/make_cameo_actor_codes.py from the Phoenix (PETRARCH-2) actor\n"
    "# dictionaries. Those dictionaries: The MIT License (MIT), Copyright (c) 2014 Open Event\n"
    "# Data. Permission is hereby granted, free of charge, to any person obtaining a copy of\n"
    "# this software and associated documentation files, to deal in the Software without\n"
    "# restriction, subject to the following condition: the above copyright notice and this\n"
    "# permission notice shall be included in all copies or substantial portions of the\n"
    "# Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n"
    "# Rows may be added by hand: the loader reads every non-comment row.\n"
)
#: Historical states Phoenix codes without a date for the core member.
EXTRA_HISTORICAL = [
    ("RUS", "USR", "1991-12-26", "geopol: dissolution of the USSR"),
    ("CZE", "CSK", "1993-01-01", "geopol: dissolution of Czechoslovakia"),
    ("SVK", "CSK", "1993-01-01", "geopol: dissolution of Czechoslovakia"),
]
_CODE = re.compile(r"\[([A-Z]{3,})(?:\s+[^\]]*)?\]")
_DATED = re.compile(r"\[(USR|YUG|CSK|DDR)([A-Z]{3}) <(\d{6})\]")


def _norm(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", " ", name.upper().replace("_", " ")).strip()


def phoenix_names(folder: Path) -> dict[str, list[str]]:
    """Normalised name -> Phoenix codes (undated or open-ended ones) of its entry."""
    table: dict[str, list[str]] = collections.defaultdict(list)
    for path in sorted(folder.glob("Phoenix.*.actors.txt")):
        names: list[str] = []
        for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            head = line.strip()
            if not raw[0].isspace() and not head.startswith(("+", "[")):
                names = []
            if not head.startswith("["):
                names.append(_norm(head.lstrip("+").split("[", 1)[0]))
            codes = [m.group(1) for m in _CODE.finditer(line)]
            for name in names:
                table[name].extend(c for c in codes if c[:3] in PREFIXES)
    return table


def cameo_form(code: str) -> str:
    prefix, rest = code[:3], code[3:]
    tokens = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    kept = [t for t in tokens if t not in SECTOR_TOKENS]
    return prefix + "".join(kept)


def org_entries(root: Path) -> list[tuple[str, list[str]]]:
    out: dict[str, list[str]] = {}
    for name in ("orgs.yaml", "groups.yaml"):
        for entry in yaml.safe_load((root / name).read_text(encoding="utf-8")) or []:
            code = str(entry.get("code") or entry.get("country") or "")
            if code[:4] not in ("IGO-", "NGO-", "IMG-"):
                continue
            forms = [entry.get("name") or "", *(entry.get("names") or []),
                     *(entry.get("abbreviations") or [])]
            out.setdefault(code, []).extend(str(f) for f in forms if f)
    return sorted(out.items())


def main(folder: Path) -> None:
    names = phoenix_names(folder)
    iso3 = {str(e.get("code")) for e in yaml.safe_load(
        (OUT / "countries.yaml").read_text(encoding="utf-8")) or []}
    rows: list[str] = []
    for code, forms in org_entries(OUT):
        votes: collections.Counter[str] = collections.Counter()
        for form in forms:
            for found in names.get(_norm(form), []):
                form_ = cameo_form(found)
                # A bare prefix or a country left as the group says nothing about this body.
                if found[:3] == code[:3] and len(form_) > 3 and form_[3:] not in iso3:
                    votes[form_] += 1
        if votes:
            best = max(votes.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
            rows.append(f"{code}\t{best}\tphoenix")
        else:
            rows.append(f"{code}\t{code[:3]}{re.sub('[^A-Z0-9]', '', code[4:])[:3]}\trule")
    (OUT / "cameo-codes.tsv").write_text(
        NOTICE + "# our_code\tcameo_code\tfrom\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    hist: dict[tuple[str, str], tuple[str, str]] = {}
    countries = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8",
                                                                     errors="replace")
    for m in _DATED.finditer(countries):
        state, member, yymmdd = m.groups()
        year = int(yymmdd[:2])
        day = f"{1900 + year if year > 30 else 2000 + year}-{yymmdd[2:4]}-{yymmdd[4:]}"
        hist[(member, state)] = (day, "phoenix")
    for member, state, day, why in EXTRA_HISTORICAL:
        hist.setdefault((member, state), (day, why))
    lines = [f"{m}\t{s}\t{d}\t{why}" for (m, s), (d, why) in sorted(hist.items())]
    (OUT / "historical-states.tsv").write_text(
        NOTICE + "# member\tstate\tend (exclusive)\tfrom\n" + "\n".join(lines) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/dictionaries/petrarch2"))
