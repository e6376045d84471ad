"""The records geopol produces: articles, actor mentions, places, dates, events.

Every record is a frozen, keyword-only dataclass. Offsets are half-open ``[start, end)``
character offsets into the article's ``text`` (title, newline, body), like spaCy's
``start_char``/``end_char``. ``to_dict()`` gives the JSON shape documented in
``docs/event-model.md``; it is the one serialisation used by the CLI, the store and the API.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from enum import Flag, StrEnum, auto
from typing import Any


class Factuality(StrEnum):
    """How sure the report is that the event happened (strongest first)."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    PLANNED = "planned"
    SPECULATED = "speculated"
    HYPOTHETICAL = "hypothetical"
    NEGATED = "negated"


FACTUALITY_STRENGTH: dict[Factuality, int] = {f: i for i, f in enumerate(Factuality)}


class PloverType(StrEnum):
    """The 16 PLOVER event types (a ``str``: JSON and SQL see the bare name)."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    SANCTION = "SANCTION"
    PROTEST = "PROTEST"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


class Origin(StrEnum):
    """Which mechanism made an actor mention (the first step of ``Actor.how``)."""

    DICTIONARY = "dictionary"  # a name in the actor dictionaries
    AGENT = "agent"  # an agent noun ("troops", "officials"), with its owner if any
    NER = "ner"  # a named entity the dictionaries do not know
    COREF = "coref"  # a pronoun or noun phrase linked to an earlier mention
    PLACE = "place"  # made by the event coder from a place ("a mortar fired from Gaza")
    OTHER = "other"  # made by hand (scenarios, tests)


class StandsFor(Flag):
    """What a mention stands in for, besides itself: its country comes from a place
    (``PLACE``), from the owner named by a possessive pronoun ("its forces": ``OWNER``), or
    it is a coreferent of an earlier mention (``COREFERENCE``)."""

    NOTHING = 0
    PLACE = auto()
    OWNER = auto()
    COREFERENCE = auto()


class Precision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class PlacePrecision(StrEnum):
    FACILITY = "facility"
    CITY = "city"  # a populated place, city to village
    ADMIN2 = "admin2"
    ADMIN1 = "admin1"
    COUNTRY = "country"
    REGION = "region"


#: Field metadata of a field that code reads but the JSON shape leaves out.
_INTERNAL = {"json": False}


def _as_dict(obj: Any) -> Any:
    if isinstance(obj, Casualties):
        return obj.to_dict()
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: _as_dict(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if f.metadata.get("json", True)
        }
    if isinstance(obj, (list, tuple)):
        return [_as_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _as_dict(v) for k, v in obj.items()}
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, StrEnum):
        return obj.value
    return obj


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One news article. ``text`` is title + "\\n" + body; offsets point into it."""

    title: str
    body: str
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    language: str = "en"

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}" if self.title else self.body

    @property
    def body_offset(self) -> int:
        return len(self.title) + 1 if self.title else 0

    @property
    def id(self) -> str:
        """Content hash: same title and body, same id, wherever it came from."""
        digest = hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()
        return digest[:16]

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _as_dict(self)
        d["id"] = self.id
        return d


#: Country codes of actors that belong to no one state: intergovernmental bodies, international
#: NGOs and transnational armed groups (``IGO-UN``, ``NGO-ICRC``, ``IMG-IS``).
ORGANISATION_PREFIXES = ("IGO-", "NGO-", "IMG-")


def is_organisation_code(country: str | None) -> bool:
    return (country or "")[:4] in ORGANISATION_PREFIXES


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A resolved actor mention.

    ``country`` is ISO 3166 alpha-3, a bloc code (``WST``) or an IGO code (``IGO-UN``);
    None when the mention names an actor of unknown country. ``code`` is the CAMEO-style
    country+sector code (``PRKGOV``). ``how`` says which mechanism resolved it
    (``dictionary:person``, ``agent``, ``coref:he->Kim Jong Un``, ``ner``...).
    """

    text: str
    start: int
    end: int
    name: str
    country: str | None
    sector: str | None = None
    role: str | None = None
    kind: str = "state"  # state | person | org | group | bloc | agent | unknown
    how: str = "dictionary"
    coref_of: int | None = None  # start offset of the antecedent mention, if a pronoun/NP link
    #: Typed provenance, for code to test (``how`` is the human-readable trail). Not part
    #: of the JSON shape: ``how`` says the same in words.
    origin: Origin = dataclasses.field(default=Origin.DICTIONARY, metadata=_INTERNAL)
    stands_for: StandsFor = dataclasses.field(default=StandsFor.NOTHING, metadata=_INTERNAL)

    @property
    def code(self) -> str:
        """geopol's own key, country and sector (``PRKGOV``, ``IGO-UNIGO``): what the coder
        compares actors by. Exports, JSON, the store and the API give ``cameo`` instead."""
        return f"{self.country or '---'}{self.sector or ''}"

    @property
    def cameo(self) -> str:
        """The CAMEO actor code: ``PRKGOV``; organisations as CAMEO writes them (``IGOUNO``)."""
        return self.cameo_on(None)

    def cameo_on(self, day: dt.date | None) -> str:
        """The CAMEO code on a given day: members of historical states before their end
        take the state's code (a Soviet actor of 1987 is ``USR``)."""
        from geopol.formats.actor_codes import cameo_actor_code

        return cameo_actor_code(self.country, self.sector, day)

    def to_dict(self, *, day: dt.date | None = None) -> dict[str, Any]:
        """The JSON shape; ``code`` is the CAMEO code (on ``day`` when given)."""
        d: dict[str, Any] = _as_dict(self)
        d["code"] = self.cameo_on(day)
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EventDate:
    """The event's own date, resolved against the publication date.

    ``value`` is an ISO date (day), ``YYYY-MM`` (month) or ``YYYY`` (year); None when the
    phrase could not be resolved (e.g. "yesterday" with no publication date), in which
    case ``unresolved_reason`` says why.
    """

    value: str | None
    precision: Precision | None
    text: str
    start: int | None = None
    end: int | None = None
    unresolved_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _as_dict(self)
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A toponym in the text and the gazetteer entry it resolved to (if any)."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    gazetteer_id: str | None = None  # "geonames:2013348" or "geopol:vostochny-cosmodrome"
    feature_class: str | None = None  # GeoNames class: A, P, S, T, H, L...
    precision: PlacePrecision | None = None
    how: str = ""
    # GeoNames codes of the resolved entry (exporters: GDELT's ADM1/ADM2 codes)
    admin1_code: str | None = None  # GeoNames admin1 code ("KY", "15")
    admin2: str | None = None  # name of the second-level division
    admin2_code: str | None = None  # GeoNames admin2 code ("125", "2201")
    feature_code: str | None = None  # GeoNames feature code: PPL, PPLC, ADM2, PCLI, SEA...
    country_code: str | None = None  # ISO2 ("YE"): GeoNames' admin codes are per ISO2

    @property
    def stands_alone(self) -> bool:
        """Named as a place of its own: not inside another name ("Malaysia Airlines":
        ``embedded``) nor as a nationality word ("Syrian": ``demonym``)."""
        return not {"embedded", "demonym"} & set(self.how.split(","))

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _as_dict(self)
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int
    end: int
    text: str


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    article_id: str
    sentence_index: int
    sentence: Span
    trigger: Span
    source: list[Span] = dataclasses.field(default_factory=list)
    target: list[Span] = dataclasses.field(default_factory=list)
    location: Span | None = None
    date: Span | None = None
    cues: list[Span] = dataclasses.field(default_factory=list)  # factuality cues


class Casualties(int):
    """People killed (or injured) in an event, as the text states it: an ``int`` (the count)
    that also carries the range and the phrase it was read from.

    The int value (``count``) is the single best figure: the number stated, or the low end of
    a range or a vague quantity ("dozens" gives 24, ``high`` None). "No fatalities" is 0.
    ``low``/``high`` give the range; ``start``/``end``/``text`` the phrase. Being an int,
    it compares, sorts, adds and serialises to JSON as its count; ``to_dict()`` gives all.
    """

    low: int
    high: int | None
    text: str
    start: int
    end: int

    def __new__(
        cls, *, count: int, low: int, high: int | None, text: str, start: int, end: int
    ) -> Casualties:
        self = super().__new__(cls, count)
        for name, value in (("low", low), ("high", high), ("text", text), ("start", start),
                            ("end", end)):
            object.__setattr__(self, name, value)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Casualties is immutable")

    @property
    def count(self) -> int:
        return int(self)

    def __repr__(self) -> str:
        return (f"Casualties(count={int(self)}, low={self.low}, high={self.high}, "
                f"text={self.text!r}, start={self.start}, end={self.end})")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_casualties, (int(self), self.low, self.high, self.text, self.start, self.end))

    def to_dict(self) -> dict[str, Any]:
        return {"count": int(self), "low": self.low, "high": self.high, "text": self.text,
                "start": self.start, "end": self.end}


def _casualties(count: int, low: int, high: int | None, text: str, start: int,
                end: int) -> Casualties:
    return Casualties(count=count, low=low, high=high, text=text, start=start, end=end)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One coded event: who did what to whom, where, when, and how sure."""

    type: PloverType
    mode: str | None
    contexts: list[str]
    cameo: str
    cameo_root: str
    quad: int
    goldstein: float
    intensity: float  # PLOVER -10..+10 score
    factuality: Factuality
    source: list[Actor]
    target: list[Actor]
    date: EventDate | None
    location: Place | None
    evidence: Evidence
    confidence: float
    article_id: str
    article_title: str = ""
    article_url: str | None = None
    article_path: str | None = None
    published: dt.date | None = None
    coder: str = "geopol"
    coder_version: str = ""
    killed: Casualties | None = None  # casualties (issue 19)
    injured: Casualties | None = None

    @property
    def id(self) -> str:
        key = (
            f"{self.article_id}|{self.evidence.trigger.start}|{self.type}|"
            + ",".join(sorted(f"{a.code}@{a.start}" for a in self.source))
            + "|"
            + ",".join(sorted(f"{a.code}@{a.start}" for a in self.target))
        )
        return hashlib.sha256(key.encode()).hexdigest()[:16]

    @property
    def day(self) -> dt.date | None:
        """The day the event is filed under: first day of its date, else publication."""
        value = self.date.value if self.date else None
        if value:
            parts = value.split("-")
            try:
                return dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                               int(parts[2][:2]) if len(parts) > 2 else 1)
            except (ValueError, IndexError):
                pass
        return self.published

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _as_dict(self)
        d["id"] = self.id
        day = self.day
        d["source"] = [a.to_dict(day=day) for a in self.source]
        d["target"] = [a.to_dict(day=day) for a in self.target]
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class StatedAlignment:
    """An alignment the article states outright: "X, Y and Z seemingly aligning"."""

    members: list[Actor]
    against: list[Actor]
    factuality: Factuality
    evidence: Span
    article_id: str
    sentence_index: int

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = _as_dict(self)
        d["members"] = [a.to_dict() for a in self.members]
        d["against"] = [a.to_dict() for a in self.against]
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class CodedArticle:
    """Everything the coder found in one article."""

    article: Article
    actors: list[Actor]
    places: list[Place]
    events: list[Event]
    alignments: list[StatedAlignment]
    dateline: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "places": [p.to_dict() for p in self.places],
            "events": [e.to_dict() for e in self.events],
            "alignments": [a.to_dict() for a in self.alignments],
            "dateline": _as_dict(self.dateline),
        }
