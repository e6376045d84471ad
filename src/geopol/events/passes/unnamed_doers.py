"""Pass ``unnamed-doers``: doers the text does not name, placed by where they acted."""

from __future__ import annotations

import dataclasses

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.recall import crowd_dissent, placed_doer, unplaced_organ


@register("unnamed-doers", Level.TRIGGER)
def unnamed_doers(ctx: SentenceContext) -> None:
    """Protesters, gunmen or an explosive device of no stated country take the country where
    they acted; a state organ of no stated country acting on a named target is still a
    source; a crowd's demand addressed to no one is dissent (see events/recall.py)."""
    r = ctx.current
    trig, where = r.trigger, ctx.where
    if not r.source:
        r.source = placed_doer(
            trig.token, trig.rule.type, trig.noun, r.raw_source, where.places, where.dateline,
            ctx.index, r.target,
        )
    if not r.source:
        r.source = unplaced_organ(r.raw_source, r.target)
    if not r.source and not r.target:
        dissent = crowd_dissent(
            trig.token, trig.rule.type, trig.noun, r.raw_source, where.places, where.dateline,
            ctx.index,
        )
        if dissent:
            r.trigger = dataclasses.replace(trig, rule=dissent[0])
            r.source = dissent[1]
