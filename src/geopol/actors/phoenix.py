"""Large actor tables (the one converted from the Phoenix dictionaries), matched by lookup.

``data/actors/phoenix-actors.tsv`` is written by ``scripts/convert_phoenix_actors.py`` (MIT
notice in ``data/actors/NOTICE``). One row per actor, tab-separated, ``#`` lines are comments:

``kind  name  country  sector  forms  roles``

- ``kind``: ``person``, ``group``, ``igo``, ``ngo`` or ``agent``;
- ``country``: an alpha-3 code, or ``IGO-``/``NGO-``/``IMG-`` and an organisation code; empty
  for an agent word;
- ``sector``: a geopol sector (``GOV``, ``REB``...); for a person, that of the latest role;
- ``forms``: surface forms separated by ``|``. A plain form is matched case-insensitively
  (capitalised in the text; an agent word in any case); ``=FORM`` case-sensitively; ``?Form``
  only where the named-entity tagger agrees (for a person: a PERSON entity over it; the table
  holds thousands of names, and only the tagger tells "Sidney Collie" the minister from two
  common words); ``~Form`` is a surname, counted after the full name or as a whole PERSON
  entity. A person's plain form, two words or more and not all of them common ones, counts
  without the tagger: the small model misses many foreign names ("Laurent Gbagbo");
- ``roles`` (people, groups whose status changed): ``COUNTRY:SECTOR:START:END`` items
  separated by ``;``, ISO dates, start inclusive, end exclusive, either may be empty. The
  role valid on the article's publication date gives the country and sector; an article
  without a date gets the latest role (``Entry.resolve``).

Tens of thousands of names would cost seconds to compile into spaCy matchers (each new word
becomes a vocabulary entry), so a table is matched differently: a form's key is its text
without spaces, and a run of tokens matches when their texts, joined, equal a key (found by
binary search over the sorted keys, which also stops a run as soon as no key starts with
it). A row becomes an ``Entry`` only when one of its forms matches. The built-in table is
checked by the test suite; a user table (``--dictionary mine.tsv``) is checked row by row
when it is loaded, and a bad row raises ``DictionaryError`` naming the file and line.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import unicodedata
from typing import TYPE_CHECKING

from geopol.actors.dictionary import SECTORS, Entry, Pattern, Role
from geopol.errors import DictionaryError

if TYPE_CHECKING:
    from spacy.tokens import Doc

KINDS = frozenset({"person", "group", "igo", "ngo", "agent"})
_COUNTRY = re.compile(r"^(?:[A-Z]{3}|(?:IGO|NGO|IMG)-[A-Z0-9]{1,12})$")
_FLAGS = "=~?"
#: The most tokens a form may span (a longer run is never looked up).
MAX_TOKENS = 16


def _date(value: str, where: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise DictionaryError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def _code(value: str, where: str, *, empty_ok: bool) -> str | None:
    if not value and empty_ok:
        return None
    if not _COUNTRY.match(value):
        raise DictionaryError(f"{where}: bad country code {value!r}")
    return value


def _sector(value: str, where: str) -> str:
    if value not in SECTORS:
        raise DictionaryError(f"{where}: unknown sector {value!r}")
    return value


def _roles(value: str, where: str) -> tuple[Role, ...]:
    roles = []
    for item in filter(None, value.split(";")):
        parts = item.split(":")
        if len(parts) != 4:
            raise DictionaryError(f"{where}: role {item!r} is not COUNTRY:SECTOR:START:END")
        country, sector, start, end = parts
        s, e = _date(start, where), _date(end, where)
        if s is not None and e is not None and e <= s:
            raise DictionaryError(f"{where}: role {item!r} ends before it starts")
        roles.append(
            Role(_code(country, where, empty_ok=False), _sector(sector, where), None, s, e)
        )
    return tuple(sorted(roles, key=lambda r: r.start or dt.date.min))


def _fold(text: str) -> str:
    """Accents off ("Pérez" -> "Perez"): the tables spell names in ASCII, reporters may not."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _key(form: str) -> str:
    return _fold("".join(form.split()))


def parse_row(line: str, where: str) -> tuple[Entry, list[Pattern]]:
    """One row's entry and its patterns; a malformed row raises ``DictionaryError``."""
    cols = line.split("\t")
    if len(cols) != 6:
        raise DictionaryError(f"{where}: expected 6 tab-separated columns, got {len(cols)}")
    kind, name, country, sector, forms, roles = cols
    if kind not in KINDS:
        raise DictionaryError(f"{where}: unknown kind {kind!r} (want one of {sorted(KINDS)})")
    if not name.strip():
        raise DictionaryError(f"{where}: empty name")
    agent = kind == "agent"
    entry = Entry(
        key=f"table:{kind}:{country}:{name}",
        kind=kind,
        name=name,
        country=_code(country, where, empty_ok=agent),
        sector=_sector(sector, where),
        roles=_roles(roles, where),
    )
    if kind == "person" and not entry.roles:
        raise DictionaryError(f"{where}: a person needs at least one role")
    patterns = []
    for form in forms.split("|"):
        flag, text = (form[0], form[1:]) if form[:1] in _FLAGS else ("", form)
        if not text.strip() or text != text.strip():
            raise DictionaryError(f"{where}: empty or padded form {form!r}")
        if agent and flag:
            raise DictionaryError(f"{where}: agent words take no flag ({form!r})")
        patterns.append(
            Pattern(
                text,
                entry,
                case_sensitive=flag == "=",
                short=flag == "~",
                ambiguous=flag in ("~", "?"),
            )
        )
    if not patterns:
        raise DictionaryError(f"{where}: no forms")
    return entry, patterns


#: Prefixes up to this many characters are kept in a set: most tokens start no key at all, and
#: a set lookup turns them away before any binary search.
_SHORT = 5


@dataclasses.dataclass(slots=True)
class Keys:
    """Form keys -> (row, form index), sorted for prefix search, with their short prefixes."""

    hits: dict[str, list[tuple[int, int]]] = dataclasses.field(default_factory=dict)
    ordered: list[str] = dataclasses.field(default_factory=list)
    short: set[str] = dataclasses.field(default_factory=set)

    def add(self, key: str, hit: tuple[int, int]) -> None:
        self.hits.setdefault(key, []).append(hit)

    def seal(self) -> None:
        self.ordered = sorted(self.hits)
        self.short = {k[:n] for k in self.ordered for n in range(1, min(len(k), _SHORT) + 1)}

    def runs(self, words: list[str]) -> list[tuple[int, int, str, list[tuple[int, int]]]]:
        """(start, end, key, hits) for every run of ``words`` whose joined text is a key."""
        out = []
        n = len(words)
        ordered, short, hits = self.ordered, self.short, self.hits
        for i in range(n):
            s = ""
            for j in range(i, min(n, i + MAX_TOKENS)):
                s += words[j]
                if s[:_SHORT] not in short:
                    break
                if len(s) > _SHORT:
                    at = bisect.bisect_left(ordered, s)
                    if at == len(ordered) or not ordered[at].startswith(s):
                        break
                found = hits.get(s)
                if found:
                    out.append((i, j + 1, s, found))
        return out


@dataclasses.dataclass(slots=True)
class Table:
    """A large actor table: raw rows, and the keys of their forms."""

    source: str
    rows: list[str]
    lines: list[int]
    #: Lower-cased keys of every form; a case-sensitive form's key as written is in ``exact``.
    lower: Keys
    exact: dict[tuple[int, int], str]
    #: Keys a later file took over (``without``).
    hidden: frozenset[str] = frozenset()
    _parsed: dict[int, tuple[Entry, list[Pattern]]] = dataclasses.field(default_factory=dict)

    def row(self, i: int) -> tuple[Entry, list[Pattern]]:
        got = self._parsed.get(i)
        if got is None:
            got = parse_row(self.rows[i], f"{self.source} line {self.lines[i]}")
            self._parsed[i] = got
        return got

    def without(self, forms: set[str]) -> Table:
        """This table with the forms a later file defines hidden (lower-cased, as
        ``ActorDictionary`` keys them). The indexes are shared, never changed: the built-in
        table is cached and other dictionaries read it too."""
        keys = {_key(f) for f in forms} & self.lower.hits.keys()
        if not keys:
            return self
        return dataclasses.replace(self, hidden=self.hidden | keys)


def parse_table(text: str, source: str, *, check: bool = True) -> Table:
    """Index a table; with ``check``, every row is parsed now so a bad one fails at once."""
    rows: list[str] = []
    lines: list[int] = []
    lower = Keys()
    exact: dict[tuple[int, int], str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if check:
            parse_row(line, f"{source} line {n}")
        cols = line.split("\t")
        if len(cols) != 6:
            raise DictionaryError(f"{source} line {n}: expected 6 tab-separated columns")
        i = len(rows)
        rows.append(line)
        lines.append(n)
        for j, form in enumerate(cols[4].split("|")):
            key = _key(form.lstrip(_FLAGS))
            lower.add(key.lower(), (i, j))
            if form.startswith("="):
                exact[(i, j)] = key
    lower.seal()
    return Table(source, rows, lines, lower, exact)


_FOLDED: dict[int, str] = {}


def _words(doc: Doc, attr: int) -> list[str]:
    """Each token's lower-case form (``attr`` LOWER), accents off, read from the Doc's
    array: no Token objects, which cost more than the lookup itself."""
    strings = doc.vocab.strings
    out = []
    for h in doc.to_array(attr).tolist():
        w = _FOLDED.get(h)
        if w is None:
            w = _FOLDED[h] = _fold(strings[h])
        out.append(w)
    return out


def lookup(
    doc: Doc, table: Table
) -> tuple[list[tuple[int, int, Pattern]], list[tuple[int, int, Pattern]]]:
    """Name matches and agent-word matches of ``table`` in ``doc``: (start, end, pattern)."""
    from spacy.attrs import LOWER

    names: list[tuple[int, int, Pattern]] = []
    agents: list[tuple[int, int, Pattern]] = []
    for start, end, key, hits in table.lower.runs(_words(doc, LOWER)):
        if key in table.hidden:
            continue
        for hit in hits:
            exact = table.exact.get(hit)
            if exact is not None and _key(doc[start:end].text) != exact:
                continue  # a case-sensitive form written otherwise
            pattern = table.row(hit[0])[1][hit[1]]
            (agents if pattern.entry.kind == "agent" else names).append((start, end, pattern))
    return names, agents
