"""The coder's stage order: text -> sentences -> actors -> events -> places -> dates.

``code_articles`` runs spaCy over many articles with ``nlp.pipe`` (the fast path); each
stage after spaCy is a pure function of the parsed Doc. The dateline and the line breaks
inside sentences (``text.linebreaks``) are blanked (same length, so every offset still
points into ``Article.text``) before parsing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from geopol import __version__
from geopol.actors.context import attach_place_countries
from geopol.actors.find import find_actors
from geopol.errors import BadInput
from geopol.events import passes
from geopol.events.casualties import attach as attach_casualties
from geopol.events.extract import extract
from geopol.nlp import join_docs, load
from geopol.places import find_places_for
from geopol.records import Article, CodedArticle, Event, Span
from geopol.text.dateline import find_dateline
from geopol.text.linebreaks import join_broken_lines
from geopol.text.reader import article_from_text

STAGES = ("sentences", "dateline", "actors", "places", "events", "dates")
CODER = f"geopol-{__version__}"


def prepare(article: Article) -> tuple[str, Span | None, Span | None]:
    """The text spaCy sees (dateline and line breaks inside sentences blanked, offsets
    unchanged) and the dateline and its place."""
    cut = article.body_offset
    text = article.text[:cut] + join_broken_lines(article.body)
    found = find_dateline(article.body, offset=cut)
    if not found:
        return text, None, None
    whole, place = found
    blanked = text[: whole.start] + " " * (whole.end - whole.start) + text[whole.end :]
    return blanked, whole, place


def code_doc(article: Article, doc: Doc, dateline: Span | None, place: Span | None) -> CodedArticle:
    actors = find_actors(doc, published=article.published)
    places, dateline_place = find_places_for(doc, actors, place)
    actors = attach_place_countries(doc, actors, places)
    events, alignments = extract(doc, article, actors, places, dateline_place)
    events = attach_casualties(doc, events)  # casualties (issue 19)
    return CodedArticle(
        article=article,
        actors=actors,
        places=places,
        events=events,
        alignments=alignments,
        dateline=dateline,
    )


def code_articles(
    articles: Iterable[Article], *, model: str | None = None, batch_size: int = 32
) -> Iterator[CodedArticle]:
    """Code many articles, parsing them in batches.

    The headline and the body are parsed as separate texts and joined into one Doc whose
    text is exactly ``Article.text``: a headline has no final period, and parsed together
    with the body it bends the first sentence's parse. ``batch_size`` counts texts (a
    headline and a body are two): 32, sixteen articles, parses faster than smaller batches
    and gives the same parses.
    """
    nlp: Language = load(model)

    def texts() -> Iterator[tuple[str, tuple[Article, Span | None, Span | None, bool]]]:
        for a in articles:
            text, whole, place = prepare(a)
            if len(text) > nlp.max_length:  # spaCy's own check raises a bare ValueError
                raise BadInput(
                    f"{a.path or a.url or 'input'}: too long to code ({len(text):,} characters;"
                    f" the limit is {nlp.max_length:,})"
                )
            if a.title:
                cut = a.body_offset
                yield text[:cut], (a, whole, place, False)
                yield text[cut:], (a, whole, place, True)
            else:
                yield text, (a, whole, place, True)

    pending: list[Doc] = []
    for doc, (article, whole, place, last) in nlp.pipe(
        texts(), as_tuples=True, batch_size=batch_size
    ):
        pending.append(doc)
        if not last:
            continue
        full = pending[0] if len(pending) == 1 else join_docs(pending)
        pending = []
        yield code_doc(article, full, whole, place)


def code_article(article: Article, *, model: str | None = None) -> CodedArticle:
    return next(code_articles([article], model=model))


def code(
    text: str, *, published: dt.date | str | None = None, model: str | None = None
) -> list[Event]:
    """Events in ``text`` (first line = headline).

    Example:
        >>> events = code("Talks\\nRussia and China held talks in Beijing.", published="2024-05-01")
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    article = article_from_text(text, published=published, check_language=False)
    return code_article(article, model=model).events


def describe() -> list[str]:
    """One line per stage: what it reads and what it writes."""
    return [
        "1. text       geopol.text.reader, text.dateline   reads: bytes      writes: Article, dateline span",
        "2. spacy      geopol.nlp (tok2vec tagger parser ner, + geopol_paragraphs,"
        " geopol.pipes' stand-ins for attribute_ruler and lemmatizer, and geopol_reframe)"
        "  reads: text  writes: Doc (sentences, parse, entities, lemmas)",
        "3. actors     geopol.actors.find                  reads: Doc        writes: list[Actor]",
        "4. places     geopol.places.find_places_for       reads: Doc, actors writes: list[Place]",
        "5. events     geopol.events.extract (the passes below, in order)"
        "  reads: Doc, actors  writes: list[Event], list[StatedAlignment]",
        *(f"     {line}" for line in passes.describe()),
        "6. dates      geopol.dates.date_for_event         reads: Doc, trigger writes: Event.date",
        "7. location   geopol.places.locate_event          reads: trigger, places writes: Event.location",
    ]
