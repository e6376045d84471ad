"""Pass ``own-country-targets``: targets a trigger still lacks, from its doer's own side."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.recall import own_country_target, unnamed_target
from geopol.records import PloverType


@register("own-country-targets", Level.TRIGGER)
def own_country_targets(ctx: SentenceContext) -> None:
    """A refusal to step down is toward the refuser's own country; a party named with no
    country (a court, a newspaper) is still the target (see events/recall.py)."""
    r = ctx.current
    if r.target:
        return
    # a joint show of force was a MOBILIZE before the joint pass retyped it
    typ = PloverType.MOBILIZE if r.joint is not None else r.trigger.rule.type
    r.target = own_country_target(typ, [c.rule.mode for c in r.trigger.content], r.source)
    if not r.target:
        r.target = unnamed_target(r.raw_target, r.source)
