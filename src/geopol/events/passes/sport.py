"""Pass ``sport-and-showbiz``: what stays of a sentence about sport or showbiz."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.topic import kept_in_skipped_sentence


@register("sport-and-showbiz", Level.SENTENCE)
def sport_and_showbiz(ctx: SentenceContext) -> None:
    """In a sport or showbiz sentence only an official's visit abroad to the occasion ("the
    president attended the Beijing Games") and what no game has (a protest by the
    stadium) are political."""
    if ctx.skipped:
        ctx.triggers = [
            t
            for t in ctx.triggers
            if t.rule.gathering_visit or kept_in_skipped_sentence(t.rule.type)
        ]
