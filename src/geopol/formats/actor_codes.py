"""CAMEO actor codes: geopol's country and organisation codes as CAMEO (and GDELT) write them.

States keep their ISO3 code plus sector (``RUSGOV``). Organisations (``IGO-UN``, ``NGO-AMNESTY``,
``IMG-IS``) take the CAMEO code of ``data/actors/cameo-codes.tsv`` (``IGOUNO``, ``NGOAMN``,
``IMGMUSISI``), derived from the Phoenix dictionaries by ``scripts/make_cameo_actor_codes.py``.
Before the end of a historical state (``data/actors/historical-states.tsv``, as Phoenix dates
them) its members are coded as that state: Soviet actors of 1987 are ``USR``, Serbian actors of
1990 ``YUG``. Users may add rows to either file.
"""

from __future__ import annotations

import datetime as dt
import functools
from importlib import resources

#: Sector tokens CAMEO writes after an actor's country or organisation code.
ORG_PREFIXES = ("IGO", "NGO", "IMG")
#: geopol sectors CAMEO spells differently: journalists are MED(ia), paramilitaries and
#: pro-government militias UAF (unaligned armed forces); an unknown sector adds nothing.
CAMEO_SECTOR: dict[str, str] = {"JRN": "MED", "PRM": "UAF", "UNK": ""}
#: Sectors implied by an IMG code (an armed group) and not repeated after it.
_IMG_IMPLIED = frozenset({"REB", "UAF", "PRM", "MIL", "IMG"})


def _rows(name: str) -> list[list[str]]:
    text = resources.files("geopol.data").joinpath("actors", name).read_text(encoding="utf-8")
    return [
        line.split("\t")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]


@functools.cache
def org_codes() -> dict[str, str]:
    """Our organisation code -> CAMEO actor code (``IGO-UN`` -> ``IGOUNO``)."""
    return {r[0].strip(): r[1].strip() for r in _rows("cameo-codes.tsv") if len(r) >= 2}


@functools.cache
def _by_cameo() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for ours, cameo in org_codes().items():
        out.setdefault(cameo, []).append(ours)
    return out


@functools.cache
def historical_states() -> dict[str, tuple[str, dt.date]]:
    """Member country -> (historical state code, first day it is no longer coded so)."""
    out: dict[str, tuple[str, dt.date]] = {}
    for r in _rows("historical-states.tsv"):
        if len(r) >= 3:
            out[r[0].strip()] = (r[1].strip(), dt.date.fromisoformat(r[2].strip()))
    return out


def is_org(country: str | None) -> bool:
    return (country or "")[:4] in ("IGO-", "NGO-", "IMG-")


def historical_country(country: str | None, day: dt.date | None) -> str | None:
    """The historical state code for a member country on ``day`` (None if none applies).

    Example:
        >>> historical_country("RUS", dt.date(1987, 5, 1))
        'USR'
    """
    if not country or day is None:
        return None
    found = historical_states().get(country)
    if found is None or day >= found[1]:
        return None
    return found[0]


def org_cameo(country: str) -> str:
    """The CAMEO code of one of our organisation codes (``IGO-UN`` -> ``IGOUNO``)."""
    found = org_codes().get(country)
    if found:
        return found
    return country[:3] + "".join(ch for ch in country[4:] if ch.isalnum())[:3]


def cameo_actor_code(
    country: str | None, sector: str | None, day: dt.date | None = None
) -> str:
    """The CAMEO actor code of a country (or organisation) and sector, on ``day``.

    Example:
        >>> cameo_actor_code("IGO-UN", "IGO")
        'IGOUNO'
        >>> cameo_actor_code("RUS", "MIL", dt.date(1987, 5, 1))
        'USRMIL'
    """
    sector = CAMEO_SECTOR.get(sector or "", sector or "")
    if is_org(country):
        base = org_cameo(str(country))
        prefix = base[:3]
        if sector == prefix or (prefix == "IMG" and sector in _IMG_IMPLIED):
            sector = ""
        return base + sector
    state = historical_country(country, day)
    return f"{state or country or ''}{sector}"


def known_group(country: str | None) -> str:
    """GDELT's KnownGroupCode: the last three letters of an organisation's CAMEO code."""
    if not is_org(country):
        return ""
    code = org_cameo(str(country))
    return code[-3:] if len(code) > 3 else ""


def our_countries(code: str) -> list[str]:
    """Our country or organisation codes a CAMEO actor code stands for (may be empty).

    ``IGOUNO`` -> ``["IGO-UN", ...]`` (every organisation Phoenix codes IGOUNO), ``IGO-UN`` ->
    ``["IGO-UN"]``, a state code -> itself.
    """
    code = code.strip().upper()
    if is_org(code):
        return [code]
    found = _by_cameo().get(code)
    if found:
        # The organisation whose own code is shortest (the UN itself, not its organs) first.
        return sorted(found, key=lambda c: (len(c), c))
    return [code[:3]] if len(code) >= 3 and code[:3] not in ORG_PREFIXES else []


def actor_clause(code: str, alias: str = "") -> tuple[str, list[object]]:
    """SQL (over the flat event columns) matching events with this actor on either side.

    Accepts our codes (``PRK``, ``PRKGOV``, ``IGO-UN``) and CAMEO's (``IGOUNO``,
    ``NGOAMN``, ``USR``, ``USRGOV``): a country or organisation in the actor lists, or a
    first actor whose code starts with the given code.
    """
    a = code.strip().upper()
    parts = ["starts_with(source_code, ?)", "starts_with(target_code, ?)"]
    params: list[object] = [a, a]
    countries = [a] if len(a) == 3 or is_org(a) else []
    if not is_org(a) and len(a) > 3:
        countries += [c for c in our_countries(a) if is_org(c)]
    for c in dict.fromkeys(countries):
        parts += ["list_contains(source_countries, ?)", "list_contains(target_countries, ?)"]
        params += [c, c]
    hist = [m for m, (s, _) in historical_states().items() if s == a[:3]]
    if hist and len(a) == 3:
        for m in hist:
            end = historical_states()[m][1]
            parts.append(
                "((list_contains(source_countries, ?) OR list_contains(target_countries, ?))"
                " AND event_date < ?)"
            )
            params += [m, m, end]
    sql = "(" + " OR ".join(parts) + ")"
    if alias:
        for col in ("source_code", "target_code", "source_countries", "target_countries",
                    "event_date"):
            sql = sql.replace(f"({col}", f"({alias}.{col}").replace(f" {col}", f" {alias}.{col}")
    return sql, params
