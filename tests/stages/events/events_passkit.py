"""Helpers for the tests of the event coder's passes: parse a sentence we wrote the way
the pipeline does, stop the passes just before the one under test, run it alone, or code
the sentence with and without it."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from geopol.actors.context import attach_place_countries
from geopol.actors.find import find_actors
from geopol.events.coder import current
from geopol.events.context import ArticleContext, Reading, SentenceContext
from geopol.events.extract import extract
from geopol.events.passes import ORDER, Level, pipeline
from geopol.nlp import load
from geopol.pipeline import prepare
from geopol.places import find_places_for
from geopol.records import Actor, Article, Event, Place

PUB = dt.date(2024, 3, 13)  # a Wednesday
TITLE = "Test article"


@dataclasses.dataclass
class Parsed:
    article: Article
    doc: Doc
    actors: list[Actor]
    places: list[Place]
    dateline: Place | None
    ctx: ArticleContext


def parse(text: str) -> Parsed:
    """The article, its parse, actors, places and event context, as ``geopol.pipeline``
    makes them."""
    article = Article(title=TITLE, body=text, published=PUB)
    blanked, _, place = prepare(article)
    nlp = load()
    cut = article.body_offset
    doc = Doc.from_docs([nlp(blanked[:cut]), nlp(blanked[cut:])], ensure_whitespace=False)
    actors = find_actors(doc, published=article.published)
    places, dateline_place = find_places_for(doc, actors, place)
    actors = attach_place_countries(doc, actors, places)
    ctx = ArticleContext.build(doc, article, actors, places, dateline_place, current().lexicon)
    return Parsed(article, doc, actors, places, dateline_place, ctx)


def coded(text: str, *, without: Iterable[str] = ()) -> list[Event]:
    """The events of ``text`` coded by every pass but those named in ``without``."""
    got = parse(text)
    skip = set(without)
    names = [n for n in ORDER if n not in skip]
    events, _ = extract(
        got.doc, got.article, got.actors, got.places, got.dateline, passes=pipeline(names)
    )
    return events


def readings(events: list[Event]) -> set[tuple[str, str, str]]:
    """(type, source codes, target codes) of each event, codes joined by "+"."""
    return {
        (
            e.type.value,
            "+".join(sorted({a.code for a in e.source})),
            "+".join(sorted({a.code for a in e.target})),
        )
        for e in events
    }


def before(text: str, name: str, word: str) -> SentenceContext:
    """The context of the sentence of ``word`` just before the pass ``name`` runs: for a
    trigger pass, with the reading of the trigger ``word`` made by the passes before it."""
    ctx = parse(text).ctx
    passes = pipeline()
    at = ORDER.index(name)
    for number, sentence in enumerate(ctx.doc.sents):
        if word not in {t.text for t in sentence}:
            continue
        sc = SentenceContext.of(ctx, number, sentence)
        for p in passes[:at]:
            if p.level is Level.SENTENCE:
                p.run(sc)
        if passes[at].level is not Level.TRIGGER:
            return sc
        sc.trigger_tokens = {t.token.i for t in sc.triggers}
        for trig in sc.triggers:
            if trig.token.text != word:
                continue
            sc.reading = Reading(trigger=trig, base=trig)
            for p in passes[:at]:
                if p.level is Level.TRIGGER and not sc.reading.dropped:
                    p.run(sc)
            return sc
        raise AssertionError(f"{word!r} is no trigger in {sentence.text!r}")
    raise AssertionError(f"no sentence with {word!r} in {text!r}")


def run_pass(ctx: SentenceContext, fn: Callable[[SentenceContext], None]) -> list[Event]:
    """Run one pass on ``ctx``; the events it added."""
    n = len(ctx.state.events)
    fn(ctx)
    return ctx.state.events[n:]


def dyad_list(events: list[Event]) -> list[tuple[str, str, str]]:
    """(type, first source code, first target code) of each event, in order."""
    return [
        (e.type.value, e.source[0].code if e.source else "", e.target[0].code if e.target else "")
        for e in events
    ]
