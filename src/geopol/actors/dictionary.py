"""Actor dictionaries: YAML data files read into one lookup table.

The shipped files live in ``geopol/data/actors/`` (countries, orgs, groups, people,
agents); users add or override entries with their own YAML files of the same shape, or
with PETRARCH/TABARI ``.txt`` dictionaries (see ``geopol.actors.petrarch``). A later file
wins over an earlier one for the same name, so user entries override built-ins.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from geopol.errors import DictionaryError
from geopol.events import datafile as _datafile
from geopol.yamlio import load_yaml

if TYPE_CHECKING:
    from geopol.actors.phoenix import Table

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PRM",
        "REB",
        "PTY",
        "SPY",
        "UAF",
        "BUS",
        "CVL",
        "JRN",
        "OPP",
        "REF",
        "IGO",
        "NGO",
        "UNK",
        "ELI",
        "EDU",
        "MED",
        "REL",
        "CRM",
    ]
)
BUILTIN_FILES = ("countries.yaml", "orgs.yaml", "groups.yaml", "people.yaml", "agents.yaml")
#: Converted from the Phoenix dictionaries (geopol.actors.phoenix); loaded first, so every
#: form of the hand-written files above wins over it.
PHOENIX_FILE = "phoenix-actors.tsv"


@dataclasses.dataclass(frozen=True, slots=True)
class Role:
    """A dated role: a person's office, or a group's status over time."""

    country: str | None
    sector: str | None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry: a state, bloc, organisation, group, person, seat or agent word."""

    key: str
    kind: str  # state | capital | seat | bloc | igo | ngo | group | person | agent
    name: str
    country: str | None
    sector: str | None = None
    role: str | None = None
    roles: tuple[Role, ...] = ()

    def resolve(self, day: dt.date | None) -> Role:
        """Country, sector and role on ``day`` (the article date); the latest role if unknown."""
        if not self.roles:
            return Role(self.country, self.sector, self.role)
        if day is None:
            return self.roles[-1]
        for r in self.roles:
            if r.active(day):
                return r
        past = [r for r in self.roles if r.end is not None and r.end <= day]
        if past:
            last = max(past, key=lambda r: r.end or dt.date.min)
            # Out of office: still of that country, no longer its government.
            sector = "ELI" if last.sector == "GOV" else last.sector
            return Role(last.country, sector, f"former {last.role}" if last.role else None)
        # Before any known role: country known, office not yet held.
        first = self.roles[0]
        return Role(first.country, "ELI" if first.sector == "GOV" else first.sector, None)


@dataclasses.dataclass(frozen=True, slots=True)
class Pattern:
    """A surface form of an entry and how strictly it must match."""

    text: str
    entry: Entry
    case_sensitive: bool = False
    short: bool = False  # a person's surname alone: needs the full name earlier, or NER PERSON
    ambiguous: bool = False  # needs NER agreement (e.g. "Jordan" as GPE)
    adjective: bool = False  # "Russian", "Western": a modifier, country without a sector


@dataclasses.dataclass(slots=True)
class ActorDictionary:
    patterns: list[Pattern] = dataclasses.field(default_factory=list)
    agents: list[Pattern] = dataclasses.field(default_factory=list)
    sources: list[str] = dataclasses.field(default_factory=list)
    #: Large tables matched by lookup (``geopol.actors.phoenix``), under the patterns above.
    tables: list[Table] = dataclasses.field(default_factory=list)

    def extend(self, other: ActorDictionary) -> None:
        """Add ``other``'s entries; its forms take precedence over existing identical forms."""
        forms = {(p.text.lower() if not p.case_sensitive else p.text) for p in other.patterns}
        if self.tables:
            taken = {p.text.lower() for p in [*other.patterns, *other.agents]}
            self.tables = [t.without(taken) for t in self.tables]
        self.patterns = [
            p
            for p in self.patterns
            if (p.text.lower() if not p.case_sensitive else p.text) not in forms
        ] + other.patterns
        agent_forms = {p.text.lower() for p in other.agents}
        self.agents = [p for p in self.agents if p.text.lower() not in agent_forms] + other.agents
        self.tables.extend(other.tables)
        self.sources.extend(other.sources)

    @property
    def fingerprint(self) -> tuple[str, ...]:
        return tuple(self.sources)


def _date(value: Any, where: str) -> dt.date | None:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _strs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value if v is not None and str(v).strip()]


def _sector(value: Any, where: str) -> str | None:
    if value in (None, ""):
        return None
    s = str(value).upper()
    if s not in SECTORS:
        raise DictionaryError(f"{where}: unknown sector {value!r}")
    return s


def _roles(items: Any, where: str) -> tuple[Role, ...]:
    roles = []
    for i, r in enumerate(items or []):
        w = f"{where} role {i + 1}"
        roles.append(
            Role(
                country=r.get("country"),
                sector=_sector(r.get("sector"), w),
                role=r.get("role"),
                start=_date(r.get("start"), w),
                end=_date(r.get("end"), w),
            )
        )
    return tuple(sorted(roles, key=lambda r: r.start or dt.date.min))


SPELLINGS_FILE = "spellings.yaml"
#: The schema of ``data/actors/spellings.yaml``: two word lists, paired by position.
SPELLINGS_SCHEMA = {"british": _datafile.words(True), "american": _datafile.words(True)}


@functools.lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Each word of ``spellings.yaml`` (lower case) to its other spelling."""
    f = resources.files("geopol") / "data" / "actors" / SPELLINGS_FILE
    if not f.is_file():
        return {}
    source = f"geopol:data/actors/{SPELLINGS_FILE}"
    data = _datafile.check(f.read_text(encoding="utf-8"), source, SPELLINGS_SCHEMA)
    british = [str(w).lower() for w in data["british"]]
    american = [str(w).lower() for w in data["american"]]
    if len(british) != len(american):
        raise DictionaryError(f"{source}: 'british' and 'american' differ in length")
    pairs = {b: a for b, a in zip(british, american, strict=True) if a != b}
    return pairs | {a: b for b, a in pairs.items()}


def spelling_variants(name: str) -> list[str]:
    """The name with each word of one house spelling in the other ("Organisation of American
    States" -> "Organization of American States"); none when it has no such word."""
    other = _spellings()
    words = name.split(" ")
    if not any(w.lower() in other for w in words):
        return []
    swapped = [_recase(other[w.lower()], w) if w.lower() in other else w for w in words]
    return [" ".join(swapped)]


def _recase(word: str, like: str) -> str:
    if like.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _add_forms(
    out: list[Pattern],
    entry: Entry,
    *,
    names: Iterable[str] = (),
    abbreviations: Iterable[str] = (),
    adjectives: Iterable[str] = (),
    short: Iterable[str] = (),
    ambiguous: Iterable[str] = (),
) -> None:
    amb = {a.lower() for a in ambiguous}
    names = list(names)
    if entry.kind in ("igo", "ngo"):
        seen = {n.lower() for n in names}
        names += [v for n in names for v in spelling_variants(n) if v.lower() not in seen]
    for n in names:
        out.append(Pattern(n, entry, ambiguous=n.lower() in amb))
    for n in abbreviations:
        out.append(Pattern(n, entry, case_sensitive=True, ambiguous=n.lower() in amb))
    for n in adjectives:
        out.append(Pattern(n, entry, adjective=True, ambiguous=n.lower() in amb))
    for n in short:
        out.append(Pattern(n, entry, short=True, ambiguous=True))


def parse_yaml(data: Any, source: str) -> ActorDictionary:
    """Read one YAML document in any of the shipped schemas (detected per entry)."""
    d = ActorDictionary(sources=[source])
    if data is None:
        return d
    if not isinstance(data, list):
        raise DictionaryError(f"{source}: expected a list of entries")
    for i, item in enumerate(data):
        where = f"{source} entry {i + 1}"
        if not isinstance(item, dict):
            raise DictionaryError(f"{where}: expected a mapping")
        try:
            _parse_entry(d, item, where)
        except (KeyError, TypeError, AttributeError, IndexError, ValueError) as exc:
            raise DictionaryError(f"{where}: malformed entry ({exc})") from exc
    return d


def _parse_entry(d: ActorDictionary, item: dict[str, Any], where: str) -> None:
    amb = _strs(item.get("ambiguous"))
    if "words" in item:  # agents.yaml
        entry = Entry(
            key=f"agent:{_strs(item['words'])[0]}",
            kind="agent",
            name=_strs(item["words"])[0],
            country=item.get("country"),
            sector=_sector(item.get("sector"), where),
            role=item.get("role"),
        )
        for w in _strs(item["words"]):
            d.agents.append(Pattern(w, entry))
        return
    if "roles" in item and "code" not in item:  # people.yaml
        roles = _roles(item["roles"], where)
        entry = Entry(
            key=f"person:{item['name']}",
            kind="person",
            name=str(item["name"]),
            country=roles[-1].country if roles else None,
            sector=roles[-1].sector if roles else None,
            roles=roles,
        )
        _add_forms(
            d.patterns,
            entry,
            names=[*_strs(item.get("aliases")), str(item["name"])],
            abbreviations=_strs(item.get("abbreviations")),
            short=_strs(item.get("short")),
            ambiguous=amb,
        )
        return
    if ("code" in item and "iso2" in item) or item.get("kind") == "state":  # countries.yaml
        code = str(item["code"])
        entry = Entry(key=f"state:{code}", kind="state", name=str(item["name"]), country=code)
        _add_forms(
            d.patterns,
            entry,
            names=[*_strs(item.get("names")), str(item["name"])],
            abbreviations=_strs(item.get("abbreviations")),
            adjectives=_strs(item.get("adjectives")),
            ambiguous=amb,
        )
        gov = Entry(
            key=f"capital:{code}",
            kind="capital",
            name=str(item["name"]),
            country=code,
            sector="GOV",
        )
        _add_forms(d.patterns, gov, names=_strs(item.get("capitals")), ambiguous=amb)
        for seat in item.get("seats") or []:
            text = seat["text"] if isinstance(seat, dict) else str(seat)
            sector = _sector(seat.get("sector", "GOV") if isinstance(seat, dict) else "GOV", where)
            e = Entry(
                key=f"seat:{code}:{text}", kind="seat", name=text, country=code, sector=sector
            )
            forms = [text]
            if text.lower().startswith("the "):
                forms.append(text[4:])
            _add_forms(d.patterns, e, names=forms)
        return
    if "code" in item:  # orgs.yaml: IGOs, NGOs, blocs
        code = str(item["code"])
        kind = str(item.get("kind", "igo"))
        sector = _sector(item.get("sector", "IGO" if kind == "igo" else None), where)
        entry = Entry(
            key=f"{kind}:{code}", kind=kind, name=str(item["name"]), country=code, sector=sector
        )
        _add_forms(
            d.patterns,
            entry,
            names=[*_strs(item.get("names")), str(item["name"])],
            abbreviations=_strs(item.get("abbreviations")),
            adjectives=_strs(item.get("adjectives")),
            ambiguous=amb,
        )
        return
    # groups.yaml: armed groups, parties, agencies
    roles = _roles(item.get("periods"), where)
    entry = Entry(
        key=f"group:{item['name']}",
        kind="group",
        name=str(item["name"]),
        country=item.get("country"),
        sector=_sector(item.get("sector"), where),
        roles=tuple(
            Role(r.country or item.get("country"), r.sector, r.role, r.start, r.end) for r in roles
        ),
    )
    _add_forms(
        d.patterns,
        entry,
        names=[*_strs(item.get("names")), str(item["name"])],
        abbreviations=_strs(item.get("abbreviations")),
        ambiguous=amb,
    )


def load_file(path: str | Path) -> ActorDictionary:
    p = Path(path)
    if p.suffix.lower() == ".tsv":
        from geopol.actors.phoenix import parse_table

        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DictionaryError(f"{p}: cannot read ({exc})") from exc
        return ActorDictionary(sources=[str(p)], tables=[parse_table(text, str(p))])
    if p.suffix.lower() in (".txt", ".dict"):
        from geopol.actors.petrarch import load_petrarch

        return load_petrarch(p)
    try:
        data = load_yaml(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{p}: cannot read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{p}: not valid YAML ({exc})") from exc
    return parse_yaml(data, str(p))


@functools.lru_cache(maxsize=1)
def builtin() -> ActorDictionary:
    """The built-in dictionaries, built once per content of their files and of the modules
    that build them, then read from ``geopol.cache`` (docs/cache.md)."""
    import geopol.actors.phoenix
    import geopol.records
    from geopol.cache import cached

    base = resources.files("geopol") / "data" / "actors"
    parts = [base / PHOENIX_FILE, base / SPELLINGS_FILE, *(base / name for name in BUILTIN_FILES)]
    content = b"".join(
        p.name.encode() + b"\0" + (p.read_bytes() if p.is_file() else b"-") + b"\0" for p in parts
    )
    for module in (__file__, geopol.actors.phoenix.__file__, geopol.records.__file__):
        content += Path(module or "").read_bytes()
    return cached("actors", content, _build_builtin)


def _build_builtin() -> ActorDictionary:
    from geopol.actors.phoenix import parse_table

    d = ActorDictionary()
    base = resources.files("geopol") / "data" / "actors"
    table = base / PHOENIX_FILE
    if table.is_file():
        # Checked row by row by the test suite; here a row is parsed when a form matches.
        source = f"geopol:data/actors/{PHOENIX_FILE}"
        text = table.read_text(encoding="utf-8")
        d.extend(ActorDictionary(sources=[source], tables=[parse_table(text, source, check=False)]))
    for name in BUILTIN_FILES:
        f = base / name
        if not f.is_file():
            continue
        d.extend(parse_yaml(load_yaml(f.read_text(encoding="utf-8")), f"geopol:data/actors/{name}"))
    return d


@functools.lru_cache(maxsize=8)
def load(user_files: Sequence[str] = (), *, include_builtin: bool = True) -> ActorDictionary:
    """The built-in dictionaries, then each user file over them (later files win)."""
    d = ActorDictionary()
    if include_builtin:
        d.extend(builtin())
    for f in user_files:
        d.extend(load_file(f))
    return d
