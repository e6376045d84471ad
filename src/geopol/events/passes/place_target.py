"""Pass ``place-as-target``: a place stands in for a target the text does not name."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.placed import placed_target


@register("place-as-target", Level.TRIGGER)
def place_as_target(ctx: SentenceContext) -> None:
    """"Shelled Kirkuk", "killed four civilians", "US activists protested in Beijing": the
    place's country is the target. An unnamed armed group acting on nobody named codes
    nothing."""
    r = ctx.current
    if not r.target and r.joint is None:
        trig = r.trigger
        r.target = placed_target(
            trig.token,
            trig.rule.type,
            trig.noun,
            r.source,
            r.raw_target,
            ctx.where,
            trig.rule.mode,
        )
    if r.unnamed and not r.target:
        r.dropped = True
