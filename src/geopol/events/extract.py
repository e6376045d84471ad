"""The event coder: an ordered list of named passes over each sentence of an article.

``extract`` builds the article's context (``geopol.events.context``) and runs the passes
of ``geopol.events.passes.ORDER`` over it: triggers -> arguments -> the passes that fill
in what the text leaves implicit -> Event records (factuality, date, place). An event is
kept when its source includes at least one identified actor (an actor with a country or
organisation code). The passes and how to add one: docs/stages/events.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from geopol.events.arguments import dyad
from geopol.events.coder import current
from geopol.events.context import ArticleContext
from geopol.events.lexicon import Lexicon
from geopol.events.passes import Pass, pipeline, run
from geopol.events.passes.joint import joint_rule
from geopol.events.passes.mutual import RECIPROCAL_TYPES
from geopol.events.record import CODER_VERSION
from geopol.events.triggers import CONTAINER_TYPES, Trigger, find_triggers
from geopol.records import Actor, Article, Event, Place, StatedAlignment


def extract(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    dateline_place: Place | None,
    *,
    lexicon: Lexicon | None = None,
    passes: Sequence[Pass] | None = None,
) -> tuple[list[Event], list[StatedAlignment]]:
    """Events and stated alignments in a parsed article (``passes``: another pipeline
    than ``geopol.events.passes.ORDER``)."""
    lex = lexicon or current().lexicon
    ctx = ArticleContext.build(doc, article, actors, places, dateline_place, lex)
    run(ctx, pipeline() if passes is None else passes)
    return ctx.events, ctx.alignments


__all__ = [
    "CODER_VERSION",
    "CONTAINER_TYPES",
    "RECIPROCAL_TYPES",
    "Trigger",
    "dyad",
    "extract",
    "find_triggers",
    "joint_rule",
]
