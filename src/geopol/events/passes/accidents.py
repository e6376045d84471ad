"""Pass ``accidents``: deaths an accident caused are no attack."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.placed import by_accident
from geopol.records import PloverType


@register("accidents", Level.TRIGGER)
def accidents(ctx: SentenceContext) -> None:
    """"Victims killed by the flight MH17 crash", "killed in the earthquake": no event."""
    r = ctx.current
    if r.trigger.rule.type == PloverType.ASSAULT and by_accident(r.trigger.token):
        r.dropped = True
