"""Pass ``gathering-visits``: attending a gathering abroad is a visit there."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.gatherings import _attended
from geopol.events.passes.base import Level, register


@register("gathering-visits", Level.SENTENCE)
def gathering_visits(ctx: SentenceContext) -> None:
    """"X attended a summit in Y", "X travelled to the Beijing Games": a visit to Y (042)."""
    ctx.triggers = _attended(ctx.triggers, ctx.sentence, ctx.index)
