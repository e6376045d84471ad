"""What every pass of the event coder reads and writes: the article, the sentence, the
trigger being read, and the events found so far.

``ArticleContext`` is made once per article (the parse, the actor index, the lexicon, the
places, the dates, the dateline's place, the article's topic) and collects the output;
``SentenceContext`` is one sentence of it, with the sentence's triggers; ``Reading`` is
what the trigger passes have found out about one trigger so far. See
``geopol.events.passes`` for the passes themselves.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from geopol.dates import find_dates
from geopol.events.dyads import ActorIndex
from geopol.events.lexicon import Lexicon, Rule
from geopol.events.note_country import SHORT_NOTE
from geopol.events.placed import Where, event_places
from geopol.events.record import build_event
from geopol.events.topic import Topic, article_topic
from geopol.events.triggers import Trigger
from geopol.records import (
    Actor,
    Article,
    Event,
    EventDate,
    Factuality,
    Place,
    PloverType,
    StatedAlignment,
)

#: One event per sentence, type and dyad: (sentence, type, source codes, target codes).
DyadKey = tuple[int, str, tuple[str, ...], tuple[str, ...]]


@dataclasses.dataclass(slots=True)
class ArticleContext:
    """One article as the passes see it, and what they have found in it."""

    doc: Doc
    article: Article
    index: ActorIndex
    lexicon: Lexicon
    places: list[Place]
    dates: list[EventDate]
    #: The dateline's place; sentences near the top may fall back on it.
    dateline: Place | None
    topic: Topic
    #: A note of a few sentences, as local conflict reporting writes them.
    short_note: bool = False
    events: list[Event] = dataclasses.field(default_factory=list)
    alignments: list[StatedAlignment] = dataclasses.field(default_factory=list)
    seen: set[DyadKey] = dataclasses.field(default_factory=set)
    #: The last dyad coded, and the sentence it was in ("expressed concern about this move").
    last_dyad: tuple[list[Actor], list[Actor]] | None = None
    last_sentence: int = -10

    @classmethod
    def build(
        cls,
        doc: Doc,
        article: Article,
        actors: list[Actor],
        places: list[Place],
        dateline: Place | None,
        lexicon: Lexicon,
    ) -> ArticleContext:
        return cls(
            doc=doc,
            article=article,
            index=ActorIndex.build(doc, actors),
            lexicon=lexicon,
            places=event_places(doc, places),
            dates=find_dates(doc, article.published),
            dateline=dateline,
            topic=article_topic(doc),  # sport and showbiz: see events/topic.py
            short_note=sum(1 for _ in doc.sents) <= SHORT_NOTE,
        )


@dataclasses.dataclass(slots=True)
class Reading:
    """What the trigger passes know about one trigger: the trigger as retyped so far, the
    trigger as found (``base``), its actors, and the dyads to code."""

    trigger: Trigger
    base: Trigger
    #: Every actor the parse gives as doer and as target, and those with a country.
    raw_source: list[Actor] = dataclasses.field(default_factory=list)
    raw_target: list[Actor] = dataclasses.field(default_factory=list)
    source: list[Actor] = dataclasses.field(default_factory=list)
    target: list[Actor] = dataclasses.field(default_factory=list)
    #: An armed group of no country standing in as the source ("insurgents": ---REB).
    unnamed: list[Actor] = dataclasses.field(default_factory=list)
    #: The rule of a show of force staged together, when the source is several actors.
    joint: Rule | None = None
    #: (source, target, trigger) of each event to code from this trigger.
    dyads: list[tuple[list[Actor], list[Actor], Trigger]] = dataclasses.field(
        default_factory=list
    )
    #: Set by a pass that rules the trigger out: the passes after it skip it.
    dropped: bool = False

    @property
    def type(self) -> PloverType:
        return self.trigger.rule.type


@dataclasses.dataclass(slots=True)
class SentenceContext:
    """One sentence of an article, for the sentence and trigger passes."""

    state: ArticleContext
    number: int
    sentence: Span
    #: The article's places, with the dateline's place for the first sentences only.
    where: Where
    triggers: list[Trigger] = dataclasses.field(default_factory=list)
    #: Token positions of the triggers (set when the trigger passes start).
    trigger_tokens: set[int] = dataclasses.field(default_factory=set)
    #: The trigger the trigger passes are reading (None outside them).
    reading: Reading | None = None

    @classmethod
    def of(cls, state: ArticleContext, number: int, sentence: Span) -> SentenceContext:
        dateline = state.dateline if number <= 2 else None
        return cls(state, number, sentence, Where(state.places, dateline))

    def coded_within(self, *types: PloverType, back: int) -> bool:
        """Whether an event of one of ``types`` was coded in this sentence or in one of the
        ``back`` sentences before it ("gunmen raided the village. Shops were looted.": the
        looting is the raid's)."""
        return any(
            e.type in types and 0 <= self.number - e.evidence.sentence_index <= back
            for e in self.state.events
        )

    @property
    def doc(self) -> Doc:
        return self.state.doc

    @property
    def article(self) -> Article:
        return self.state.article

    @property
    def index(self) -> ActorIndex:
        return self.state.index

    @property
    def lexicon(self) -> Lexicon:
        return self.state.lexicon

    @property
    def places(self) -> list[Place]:
        return self.state.places

    @property
    def dates(self) -> list[EventDate]:
        return self.state.dates

    @property
    def topic(self) -> Topic:
        return self.state.topic

    @property
    def skipped(self) -> bool:
        """A sport or showbiz sentence (see events/topic.py)."""
        return self.number in self.state.topic.skip

    @property
    def current(self) -> Reading:
        """The reading of the trigger being read (only inside the trigger passes)."""
        if self.reading is None:
            raise RuntimeError("a trigger pass ran outside the trigger loop")
        return self.reading

    def first_time(self, type_: str, source: list[Actor], target: list[Actor]) -> bool:
        """True the first time the sentence gives this type and dyad (one event per dyad)."""
        key = (
            self.number,
            type_,
            tuple(sorted({a.code for a in source})),
            tuple(sorted({a.code for a in target})),
        )
        if key in self.state.seen:
            return False
        self.state.seen.add(key)
        return True

    def emit(
        self,
        trigger: Trigger,
        source: list[Actor],
        target: list[Actor],
        fact: tuple[Factuality, list[Token]] | None = None,
    ) -> None:
        """Code one event of this sentence (``fact``: its factuality, if not the trigger's)."""
        self.state.events.append(build_event(self, trigger, source, target, fact))
