"""Convert the Phoenix (PETRARCH-2) actor dictionaries into geopol's ``phoenix-actors.tsv``.

    python scripts/convert_phoenix_actors.py [../shared/dictionaries/petrarch2]

Reads ``Phoenix.Countries.actors.txt`` (named office holders with dated roles, state bodies),
``Phoenix.International.actors.txt`` (international organisations, NGOs, their officials),
``Phoenix.MilNonState.actors.txt`` (armed groups) and ``Phoenix.agents.txt`` (agent nouns), and
writes ``src/geopol/data/actors/phoenix-actors.tsv`` (format in ``geopol.actors.phoenix``),
with the MIT notice of the Open Event Data Alliance in its header and in ``NOTICE`` beside it.

What is kept, and what is filtered (each choice guards precision):

- people (an entry with dated roles, or one of CountryInfo's office holders) with every role
  whose code names a country geopol knows; CAMEO sectors become geopol's (``MED`` -> ``JRN``,
  ``INS``/``SEP`` -> ``REB``; issue tokens such as ``AGR`` are dropped). A role left open in
  Phoenix (``>130201``) is closed at ``OPEN_UNTIL``: the file dates from early 2014, and an
  office that began before then has rarely lasted past it; the person is a former office
  holder (country kept, sector ``ELI``) after that day.
- state bodies (``UNITED_STATES_CONGRESS [USAGOVLEG]``), international organisations (``IGO``
  codes), NGOs with an organisation of their own in the code, armed groups (MilNonState) as
  ``group``/``igo``/``ngo`` entries. Country-name entries (``AFGHANISTAN [AFG]``, with cities
  and provinces as synonyms) are left out: ``countries.yaml`` and the places stage cover them.
  Companies (``MNC``) and religions are left out.
- agent nouns of the political sectors (government, military, police, courts, legislature,
  rebels, opposition, parties, intelligence, armed groups, criminals, refugees) that
  ``agents.yaml`` does not list.
- forms geopol's own files already have are dropped (geopol's entry wins), and a Phoenix entry
  that shares any form with a person of ``people.yaml`` is dropped whole (geopol knows that
  person better). A form that two Phoenix entries of different countries claim is dropped.
- a one-word form that is a common English word (WordNet's lemma index shipped with the spaCy
  model) is dropped ("Senate", "Bush"); a person's other one-word forms count only as a
  surname (after the full name, or as a whole PERSON entity); a form made only of common words
  ("Direct Action", "Army of God") needs the named-entity tagger to agree; forms under three
  letters are dropped.
"""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "dictionaries" / "petrarch2"
ACTORS = REPO / "src" / "geopol" / "data" / "actors"
OUT = ACTORS / "phoenix-actors.tsv"
#: Phoenix's open-ended roles (``>date``) are closed on this day (see the module docstring).
OPEN_UNTIL = dt.date(2019, 1, 1)

#: CAMEO sector tokens -> geopol sectors. Issue tokens (AGR, DEV, HLH...) are not sectors.
SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "REB": "REB",
    "INS": "REB", "SEP": "REB", "OPP": "OPP", "PTY": "PTY", "SPY": "SPY", "UAF": "UAF",
    "BUS": "BUS", "CVL": "CVL", "MED": "JRN", "EDU": "EDU", "ELI": "ELI", "REF": "REF",
    "CRM": "CRM", "IGO": "IGO", "NGO": "NGO", "PRM": "PRM",
}  # fmt: skip
#: Agent sectors worth adding: political actors. Others (CVL, EDU, BUS, HLH, religions...) are
#: common nouns that would make an actor of every "woman", "school" or "boss".
AGENT_SECTORS = frozenset("GOV MIL COP JUD LEG REB OPP PTY SPY UAF CRM REF".split())  # noqa: SIM905
#: Agent words that name no actor here: weapons, vehicles and buildings (geopol's agents.yaml
#: leaves weapons out), events and abstractions ("revolt", "intelligence"), words with another
#: common sense ("deputy", "chamber", "counsel", "fighter": agents.yaml leaves "fighters" out
#: on purpose; "captain" of every sports team), lawyers (counsel for a party, not a court),
#: firefighters, executives (Hong Kong's "chief executive" is every company's), and criminals
#: of ordinary crime reporting. A phrase ending in one is dropped.
NOT_AGENTS = frozenset(
    """artillery barracks battleship battlewagon bomber carrier corvette cruiser destroyer frigate
    hmmwv humvee jetfighter kfir mig naval phalanx echelon garrison prison gangland gangdom
    governance polity kingdom bureaucracy intelligence insurgence insurgency rebellion revolt
    uprising state-owned semi-official chamber assemblage representatives deputy delegate
    counsel advocate authority sovereign prince killer criminal culprit perpetrator detainee
    objector crusader reformer reformist recreant fighter operative regulator looter raider
    expatriate convict thief thieves robber burglar mugger pickpocket shoplifter snatcher
    snitcher pilferer larcener larcenist housebreaker safebreaker safecracker cutpurse rustler
    rumrunner jailbird gaolbird miscreant malefactor lawbreaker outlaw crook conman conmen
    forger counterfeiter pedophile paedophile rapist predator gun guns missile missiles system
    plane building check vessel ship unit house office department bank board emperor
    soldiery infantry regiment troop ensign captain skipper lawyer attorney barrister
    counsellor counselor counsellor-at-law conveyancer pleader stipendiary fireman firewoman
    fireperson firefighter executive""".split()  # noqa: SIM905
)
#: Historical states Phoenix codes with their own prefix: the member geopol codes them as.
HISTORICAL = {"USR": "RUS", "YUG": "SRB", "CSK": "CZE", "DDR": "DEU"}
#: Words that make a name an organisation, not a person.
ORG_WORDS = frozenset(
    """soviet council assembly party union committee parliament ministry government army front
    court league movement organization organisation commission agency bank fund office
    department forces force brigade brigades group groups federation association institute
    congress senate republic state states kingdom volkskammer chamber cabinet police guard
    service services authority board bureau company corporation international national
    mission program programme tribunal center centre foundation society network alliance
    coalition council's people's liberation revolutionary""".split()  # noqa: SIM905
)
PREFIX_CODES = ("IGO", "NGO", "IMG")
#: Words no personal name is made of ("The Hunger Project" is no person).
FUNCTION_WORDS = frozenset(["the", "of", "for", "and", "on", "in", "to", "at", "de", "la", "&"])
_BRACKET = re.compile(r"\[([^\]]*)\]")
_WINDOW = re.compile(r"^(?P<code>[A-Z-]+)\s*(?P<win>[<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)?$")

NOTICE = """\
phoenix-actors.tsv in this folder is converted (by scripts/convert_phoenix_actors.py) from the
Phoenix (PETRARCH-2) actor dictionaries Phoenix.Countries.actors.txt,
Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt and Phoenix.agents.txt
(openeventdata/petrarch2, commit 676801c), distributed under the MIT License. The
cameo-codes.tsv and historical-states.tsv tables (scripts/make_cameo_actor_codes.py) are
derived from the same dictionaries under the same licence.

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in
all copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN
THE SOFTWARE.
"""

HEADER = """\
# Actors converted from the Phoenix (PETRARCH-2) actor dictionaries (openeventdata/petrarch2,
# commit 676801c) by scripts/convert_phoenix_actors.py. Do not edit by hand: rerun the script,
# or override an entry with a YAML file of your own (a later file's form wins).
# Loaded before geopol's own files, so countries.yaml, orgs.yaml, groups.yaml, people.yaml and
# agents.yaml win for any form they share. Format: geopol.actors.phoenix; docs/data/phoenix.md.
#
# The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance. Permission is hereby
# granted, free of charge, to any person obtaining a copy of this software and associated
# documentation files (the "Software"), to deal in the Software without restriction, subject
# to the following condition: the above copyright notice and this permission notice shall be
# included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED
# "AS IS", WITHOUT WARRANTY OF ANY KIND. The full notice is in NOTICE beside this file.
#
# kind\tname\tcountry\tsector\tforms\troles
"""


@dataclasses.dataclass
class Raw:
    """One Phoenix entry as read: its forms and its bracketed codes."""

    forms: list[str]
    codes: list[str]
    comment: str
    source: str


def _words(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def read_entries(path: Path) -> Iterator[Raw]:
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    cur: Raw | None = None
    for raw in text.splitlines():
        body, _, comment = raw.partition("#")
        if not body.strip():
            continue
        head = body.strip()
        if raw[0].isspace() or head.startswith("["):
            if cur is not None:
                cur.codes += _BRACKET.findall(body)
            continue
        name = head.lstrip("+").split("[", 1)[0]
        if head.startswith("+"):
            if cur is not None:
                cur.forms.append(_words(name))
                cur.codes += _BRACKET.findall(body)
            continue
        if cur is not None:
            yield cur
        cur = Raw([_words(name)], _BRACKET.findall(body), comment.strip(), path.name)
    if cur is not None:
        yield cur


def _date(s: str) -> dt.date | None:
    s = s.strip()
    try:
        if len(s) == 8:
            return dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        if len(s) == 6:
            yy = int(s[:2])
            return dt.date(1900 + yy if yy >= 30 else 2000 + yy, int(s[2:4]), int(s[4:6]))
    except ValueError:
        return None
    return None


@dataclasses.dataclass(frozen=True)
class Role:
    country: str
    sector: str
    start: dt.date | None
    end: dt.date | None


class Codes:
    """CAMEO code -> (geopol country, geopol sector)."""

    def __init__(self, countries: set[str], cameo_rows: list[tuple[str, str]]) -> None:
        self.countries = countries
        self.by_cameo: dict[str, str] = {}
        for ours, cameo in cameo_rows:
            # The organisation whose own code is shortest (the UN itself, not its organs).
            old = self.by_cameo.get(cameo)
            if old is None or (len(ours), ours) < (len(old), old):
                self.by_cameo[cameo] = ours

    def tokens(self, tail: str) -> list[str]:
        return [tail[i : i + 3] for i in range(0, len(tail) - len(tail) % 3, 3)]

    def resolve(self, code: str, name: str = "") -> tuple[str | None, str | None]:
        code = code.strip().upper()
        if not re.fullmatch(r"[A-Z]{3,}", code):
            return None, None
        prefix, toks = code[:3], self.tokens(code[3:])
        if prefix in PREFIX_CODES:
            return self._org(prefix, toks, name)
        country = HISTORICAL.get(prefix, prefix)
        if country not in self.countries:
            return None, None
        sectors = [SECTOR[t] for t in toks if t in SECTOR]
        if not toks:
            return country, None
        if not sectors:
            return None, None  # a region or issue code ("USAASM"): not a sector of the state
        sector = sectors[0]
        if sector == "GOV" and len(sectors) > 1 and sectors[1] in ("LEG", "JUD"):
            sector = sectors[1]
        return country, sector

    def _org(self, prefix: str, toks: list[str], name: str) -> tuple[str | None, str | None]:
        """An organisation code: geopol's own code where cameo-codes.tsv knows it, the
        country for a national NGO (``NGOCHN``), else ``IGO-``/``NGO-`` and the code's
        organisation token, or the name's initials where the code has none."""
        sector = "REB" if prefix == "IMG" else prefix
        rest = [t for t in toks if t not in SECTOR and t not in ISSUES]
        for cand in (toks, rest):
            for n in range(len(cand), 0, -1):
                key = prefix + "".join(cand[:n])
                if key in self.by_cameo:
                    return self.by_cameo[key], sector
        if prefix == "NGO" and rest and HISTORICAL.get(rest[0], rest[0]) in self.countries:
            return HISTORICAL.get(rest[0], rest[0]), "NGO"
        rest = [t for t in rest if t not in REGIONS and t not in self.countries]
        if rest:
            return f"{prefix}-{rest[0]}", sector
        initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in
                           ("of", "the", "and", "for", "de", "la", "el", "des", "du", "y"))
        if prefix == "IMG" or len(initials) < 2:
            return None, None
        return f"{prefix}-{initials.upper()[:8]}", sector


#: CAMEO issue and religion tokens (dropped when looking an organisation's own code up).
ISSUES = frozenset(
    "AGR DEV HLH ENV LAB HRI EDU MED JUD REF MOS MUS CHR CTH JEW HIN BUD SHI SUN ITH".split()  # noqa: SIM905
)
REGIONS = frozenset("AFR ASA EUR WAF EAF SAF NAF MEA CAS SAS SEA LAM CAM CRB NMR WST".split())  # noqa: SIM905


def roles_of(raw: Raw, codes: Codes) -> tuple[list[Role], tuple[str | None, str | None]]:
    """Dated roles, and the entry's undated code (country, sector) if any."""
    roles: list[Role] = []
    plain: tuple[str | None, str | None] = (None, None)
    for c in raw.codes:
        m = _WINDOW.match(c.strip())
        if not m or c.strip().startswith(("---", "~")):
            continue
        country, sector = codes.resolve(m.group("code"), _split_parens(raw.forms[0])[0])
        win = (m.group("win") or "").replace(" ", "")
        if not win:
            if plain == (None, None) and country is not None:
                plain = (country, sector)
            continue
        if country is None:
            continue
        start = end = None
        if win.startswith(">"):
            start, end = _date(win[1:]), OPEN_UNTIL
            if start is None:
                continue
        elif win.startswith("<"):
            end = _date(win[1:])
            if end is None:
                continue
        elif "-" not in win:  # a bare date: from that day
            start, end = _date(win), OPEN_UNTIL
            if start is None:
                continue
        else:
            a, b = win.split("-")
            start, end = _date(a), _date(b)
            if start is None or end is None or end <= start:
                continue
        if start is not None and end is not None and end <= start:
            continue  # a role opened after the horizon: nothing to add
        roles.append(Role(country, sector or "GOV", start, end))
    order = sorted(set(roles), key=lambda r: (r.start or dt.date.min, r.end or dt.date.max,
                                              r.country, r.sector))  # fmt: skip
    return order, plain


def common_words() -> set[str]:
    """Lower-case English words: WordNet's lemma index as the spaCy model ships it."""
    from geopol.nlp import load

    lem = load(None).get_pipe("lemmatizer")
    table = lem.lookups.get_table("lemma_index")  # type: ignore[attr-defined]
    out: set[str] = set()
    for words in table.values():
        out.update(w for w in words if "_" not in w)
    return out


def _is_common(word: str, common: set[str]) -> bool:
    w = word.lower().strip(".,'")
    if w in common:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("'s", "")):
        if w.endswith(suffix) and w[: -len(suffix)] + repl in common:
            return True
    return False


def _split_parens(form: str) -> tuple[str, str | None]:
    """"Basque Fatherland and Freedom (ETA)" -> the name and "ETA"."""
    m = re.search(r"\s*\(([^)]*)\)\s*", form)
    if not m:
        return form, None
    base = (form[: m.start()] + " " + form[m.end() :]).strip()
    inner = m.group(1).strip()
    if re.fullmatch(r"[A-Z][A-Z0-9/-]{2,7}", inner):
        return " ".join(base.split()), inner
    return " ".join(base.split()), None


def _clean(form: str) -> str:
    """Spaces normalised, a leading article dropped: geopol's matcher finds "the" itself."""
    text = " ".join(form.replace("\u00a0", " ").strip(" ,;-").split())
    return re.sub(r"^(?:the|The|THE) (?=\S)", "", text)


@dataclasses.dataclass
class Out:
    kind: str
    name: str
    country: str
    sector: str
    forms: list[str]  # "=" prefix: case-sensitive; "~": surname; "?": needs NER agreement
    roles: list[Role]
    source: str


def _person_like(name: str) -> bool:
    toks = name.lower().replace("-", " ").split()
    return 1 <= len(toks) <= 8 and not any(t.strip(".,'") in ORG_WORDS for t in toks)


def convert(folder: Path) -> list[Out]:
    countries = yaml.safe_load((ACTORS / "countries.yaml").read_text(encoding="utf-8"))
    codes = Codes(
        {c["code"] for c in countries},
        [
            (r[0], r[1])
            for r in (
                line.split("\t")
                for line in (ACTORS / "cameo-codes.tsv").read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")
            )
            if len(r) >= 2
        ],
    )
    known, people_forms = geopol_forms()
    states, agent_words = state_and_agent_forms()
    common = common_words()
    out: list[Out] = []
    for fname in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                  "Phoenix.MilNonState.actors.txt"):  # fmt: skip
        for raw in read_entries(folder / fname):
            o = _convert_entry(raw, codes, common)
            if o is None:
                continue
            if any(f.lstrip("=~?").lower() in people_forms for f in o.forms):
                continue  # a person geopol knows
            o.forms = [
                f
                for f in o.forms
                if f.lstrip("=~?").lower() not in known and not _composed(f, states, agent_words)
            ]
            if o.forms:
                out.append(o)
    out = _drop_shared(out)
    out.extend(convert_agents(folder / "Phoenix.agents.txt", common))
    return out


def _convert_entry(raw: Raw, codes: Codes, common: set[str]) -> Out | None:
    roles, (country, sector) = roles_of(raw, codes)
    name = _clean(raw.forms[0])
    person = bool(roles) or "CountryInfo" in raw.comment or "IGOrulers" in raw.comment
    base = _split_parens(name)[0]
    if not person and not raw.source.startswith("Phoenix.Countries"):
        # An undated name of two to four words, no organisation word among them and one
        # word at least that is no common English word: a person ("Ong Keng Yong").
        toks = base.replace("-", " ").split()
        person = (
            2 <= len(toks) <= 4
            and not any(t.lower() in FUNCTION_WORDS for t in toks)
            and not all(_is_common(t, common) for t in toks)
        )
    person = person and _person_like(base)
    if raw.source.startswith("Phoenix.MilNonState"):
        person = False
        if country is None:
            return None
        sector = "REB" if (sector is None or sector == "GOV") else sector
    if person:
        if not roles:
            if country is None:
                return None
            roles = [Role(country, sector or "GOV", None, None)]
        country, sector = roles[-1].country, roles[-1].sector
        kind = "person"
    else:
        if country is None and roles:
            country, sector = roles[-1].country, roles[-1].sector
            roles = []
        if country is None or sector is None:
            return None  # a country name with its cities, a company, a religion
        kind = "igo" if country.startswith("IGO-") else "ngo" if country.startswith("NGO-") else "group"
        roles = [r for r in roles if r.country == country] if roles else []
        if raw.source.startswith("Phoenix.Countries") and not roles and not _person_like(name):
            pass
    forms: list[str] = []
    for f in raw.forms:
        base, abbr = _split_parens(_clean(f))
        for text, exact in ((base, False), (abbr, True)):
            if not text:
                continue
            form = _form(text, exact, kind, common)
            if form and form not in forms:
                forms.append(form)
    if not forms:
        return None
    display = _title(_split_parens(name)[0])
    return Out(kind, display, country, sector or "", forms, roles, raw.source)


def _form(text: str, exact: bool, kind: str, common: set[str]) -> str | None:
    letters = re.sub(r"[^A-Za-z]", "", text)
    if len(letters) < 3 or not text[0].isalnum():
        return None
    toks = text.split()
    if exact:
        return None if _is_common(text, common) or len(letters) < 3 else f"={text}"
    if len(toks) == 1:
        if _is_common(toks[0], common):
            return None
        if kind == "person":
            return f"~{_title(text)}"
        if text.isupper() and len(letters) <= 6:
            return f"?{text}"  # an acronym: "ICJ", "IAEA"; NER must agree
        return f"?{_title(text)}"
    # Leading titles and articles are not the name: "Secretary Kerry" still needs a name word.
    named = [t for t in toks if not _is_common(t, common) and t.lower() not in ("the", "of")]
    if not named:
        return f"?{_title(text)}"
    return _title(text)


def _title(text: str) -> str:
    """"PEOPLE'S ARMY" -> "People's Army" (str.title would write "People'S")."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split())


def _drop_shared(entries: list[Out]) -> list[Out]:
    """Forms two entries of different countries claim are nobody's."""
    claims: dict[str, set[str]] = collections.defaultdict(set)
    for e in entries:
        for f in e.forms:
            claims[f.lstrip("=~?").lower()].add(e.country)
    out = []
    seen: set[str] = set()
    for e in entries:
        forms = []
        for f in e.forms:
            key = f.lstrip("=~?").lower()
            if len(claims[key]) > 1 or key in seen:
                continue
            seen.add(key)
            forms.append(f)
        if forms:
            e.forms = forms
            out.append(e)
    return out


def state_and_agent_forms() -> tuple[set[str], set[str]]:
    """Lower-cased names and adjectives of states, and geopol's agent words."""
    states: set[str] = set()
    for item in yaml.load((ACTORS / "countries.yaml").read_text(encoding="utf-8"),
                          Loader=yaml.CSafeLoader):  # fmt: skip
        for key in ("name", "names", "adjectives", "abbreviations"):
            value = item.get(key)
            states.update(v.lower() for v in ([value] if isinstance(value, str) else value or []))
    words: set[str] = set()
    for item in yaml.safe_load((ACTORS / "agents.yaml").read_text(encoding="utf-8")):
        words.update(w.lower() for w in item["words"])
    return states, words


def _composed(form: str, states: set[str], agent_words: set[str]) -> bool:
    """"German Chancellor", "US Secretary of State": a state and an agent word, which the
    matcher composes itself (and joins to the person the title precedes)."""
    toks = form.lstrip("=~?").lower().split()
    for k in range(1, min(3, len(toks) - 1) + 1):
        head, rest = " ".join(toks[:k]), " ".join(toks[k:])
        if head in states and (rest in agent_words or rest + "s" in agent_words):
            return True
    return False


def geopol_forms() -> tuple[set[str], set[str]]:
    """Lower-cased forms of geopol's own actor files, and those of its people."""
    forms: set[str] = set()
    people: set[str] = set()
    for name in ("countries.yaml", "orgs.yaml", "groups.yaml", "people.yaml"):
        data = yaml.load((ACTORS / name).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for item in data or []:
            found = list(_item_forms(item))
            forms.update(found)
            if name == "people.yaml":
                people.update(found)
    return forms, people


def _item_forms(item: dict[str, object]) -> Iterable[str]:
    for key in ("name", "names", "aliases", "abbreviations", "adjectives", "capitals", "short"):
        value = item.get(key)
        values = [value] if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        for v in values:
            yield str(v).lower()
    for seat in item.get("seats") or []:  # type: ignore[attr-defined]
        yield str(seat["text"] if isinstance(seat, dict) else seat).lower()


def convert_agents(path: Path, common: set[str]) -> list[Out]:
    """Agent nouns of the political sectors that agents.yaml lacks."""
    have: set[str] = set()
    data = yaml.safe_load((ACTORS / "agents.yaml").read_text(encoding="utf-8"))
    for item in data:
        have.update(w.lower() for w in item["words"])
    text = path.read_text(encoding="utf-8", errors="replace")
    sets: dict[str, list[str]] = {}
    out: dict[tuple[str, str], list[str]] = collections.defaultdict(list)
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if m:
            sets[m.group(1).upper()] = [_words(w) for w in m.group(2).split(",") if w.strip()]
            continue
        cm = _BRACKET.search(line)
        if not cm:
            continue
        code = cm.group(1).strip().replace("~", "")
        sector = SECTOR.get(code[:3])
        if sector not in AGENT_SECTORS:
            continue
        head = line.split("[")[0]
        plural = re.search(r"\{([^}]*)\}", head)
        base = re.sub(r"\{[^}]*\}", "", head).strip()
        if "!" in base and not re.search(r"!(\w+)!", base):
            continue
        for words in _expand(base, sets):
            w = _words(words).lower()
            if plural is None:
                variants = [w, _plural(w)]
            else:
                variants = [w] + ([_words(plural.group(1)).lower()] if plural.group(1).strip() else [])
            for v in variants:
                last = v.split()[-1] if v.split() else ""
                if (
                    not v
                    or v in have
                    or not re.fullmatch(r"[a-z][a-z '-]*[a-z]", v)
                    or len(v) < 3  # "mp": member of parliament or military police
                    or _singular(last) & NOT_AGENTS
                    or last.endswith(("mens", "ss", "ches"))
                ):
                    continue
                out[(sector, base.lower())].append(v)
    agents: list[Out] = []
    used: set[str] = set()
    for (sector, base), words in sorted(out.items()):
        words = [w for w in dict.fromkeys(words) if w not in used]
        used.update(words)
        if words:
            agents.append(Out("agent", _words(base), "", sector, words, [], path.name))
    return agents


def _singular(word: str) -> set[str]:
    """The forms a word may be the plural of ("armies" -> army, "infantries" -> infantry)."""
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    if word.endswith("es"):
        out.add(word[:-2])
    if word.endswith("s"):
        out.add(word[:-1])
    if word.endswith("men"):
        out.add(word[:-3] + "man")
    return out


def _plural(w: str) -> str:
    """English plural of an agent phrase's last word ("rebel army" -> "rebel armies")."""
    head, _, last = w.rpartition(" ")
    if last.endswith(("man", "woman")):
        p = last[:-3] + "men"
    elif re.search(r"[^aeiou]y$", last):
        p = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        p = last if last.endswith("s") else last + "es"
    else:
        p = last + "s"
    return f"{head} {p}" if head else p


def _expand(text: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", text)
    if not m:
        return [text]
    out: list[str] = []
    for w in sets.get(m.group(1).upper(), []):
        out.extend(_expand(text[: m.start()] + w + text[m.end() :], sets))
    return out


def _role_text(r: Role) -> str:
    return f"{r.country}:{r.sector}:{r.start or ''}:{r.end or ''}"


def write(entries: list[Out], path: Path) -> None:
    lines = [HEADER]
    order = {"person": 0, "group": 1, "igo": 2, "ngo": 3, "agent": 4}
    for e in sorted(entries, key=lambda e: (order[e.kind], e.country, e.name)):
        row = [e.kind, e.name, e.country, e.sector, "|".join(e.forms),
               ";".join(_role_text(r) for r in e.roles)]  # fmt: skip
        assert not any("\t" in c or "\n" in c for c in row), row
        lines.append("\t".join(row) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    (path.parent / "NOTICE").write_text(NOTICE, encoding="utf-8")


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else DEFAULT
    entries = convert(folder)
    write(entries, OUT)
    counts = collections.Counter(e.kind for e in entries)
    forms = sum(len(e.forms) for e in entries)
    sys.stderr.write(f"wrote {OUT}: {dict(counts)}, {forms} forms\n")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "src"))
    raise SystemExit(main(sys.argv))
