"""Pass ``joint-shows-of-force``: a show of force staged together is cooperation."""

from __future__ import annotations

import dataclasses

from geopol.events.cameo import cameo_code
from geopol.events.context import SentenceContext
from geopol.events.lexicon import Rule
from geopol.events.passes.base import Level, register
from geopol.records import PloverType


@register("joint-shows-of-force", Level.TRIGGER)
def joint_shows_of_force(ctx: SentenceContext) -> None:
    """"Russia and China launched war games": a joint exercise, military cooperation
    (062) among them, not a threat to anyone."""
    r = ctx.current
    r.joint = joint_rule(r.trigger.rule) if not r.target and len(r.source) > 1 else None
    if r.joint is not None:
        r.trigger = dataclasses.replace(r.trigger, rule=r.joint)


def joint_rule(rule: Rule) -> Rule | None:
    """What a show of force is when its actors stage it together ("A and B launched war
    games"): a joint exercise, military cooperation (CAMEO 062), not a threat to each other."""
    if rule.type != PloverType.MOBILIZE:
        return None
    return dataclasses.replace(rule, type=PloverType.COOPERATE, mode=None, cameo=cameo_code("Cooperate militarily"), reciprocal=True)
