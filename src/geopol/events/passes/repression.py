"""Pass ``repression``: a state's forces' violence on protesters is repression (175)."""

from __future__ import annotations

import dataclasses

from geopol.events.context import SentenceContext
from geopol.events.derived import repression_rule, table
from geopol.events.passes.base import Level, register
from geopol.events.passes.riots import _on_rioters
from geopol.records import PloverType


@register("repression", Level.TRIGGER)
def repression(ctx: SentenceContext) -> None:
    """"Police clashed with demonstrators": violent repression, not an attack."""
    r = ctx.current
    trig = r.trigger
    if (
        trig.rule.type == PloverType.ASSAULT
        and not trig.noun
        and any(a.sector in table().repressors for a in r.source)
        and _on_rioters(trig.token)
    ):
        r.trigger = dataclasses.replace(trig, rule=repression_rule())
