"""Pass ``place-as-source``: a place stands in for a doer the text does not name."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.placed import placed_source


@register("place-as-source", Level.TRIGGER)
def place_as_source(ctx: SentenceContext) -> None:
    """"Thousands of protesters marched in Tbilisi", "a mortar was fired from Gaza": the place's country
    is the source (see events/placed.py)."""
    r = ctx.current
    if not r.source:
        r.source, r.target = placed_source(
            r.trigger.token, r.trigger.rule.type, r.raw_source, r.target, ctx.where, ctx.index
        )
