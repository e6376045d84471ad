"""Pass ``gathering-visits``: attending a gathering abroad is a visit there; a fight that
breaks out is fighting (events/onsets.py)."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.gatherings import _attended
from geopol.events.onsets import onset_fights
from geopol.events.passes.base import Level, register


@register("gathering-visits", Level.SENTENCE)
def gathering_visits(ctx: SentenceContext) -> None:
    """"X attended a summit in Y", "X travelled to the Beijing Games": a visit to Y (042).
    "a fight broke out between traders": fighting, as "clashes" would be."""
    ctx.triggers = _attended(ctx.triggers, ctx.sentence, ctx.index)
    ctx.triggers = onset_fights(ctx.triggers, ctx.sentence, ctx.lexicon)
