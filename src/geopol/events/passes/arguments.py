"""Pass ``arguments``: the trigger's source and target actors, read from the parse."""

from __future__ import annotations

from geopol.events.arguments import dyad
from geopol.events.context import SentenceContext
from geopol.events.dyads import identified
from geopol.events.own import own_possessor
from geopol.events.passes.base import Level, register


@register("arguments", Level.TRIGGER)
def arguments(ctx: SentenceContext) -> None:
    """Who did it to whom ("Russia attacked Ukraine": RUS -> UKR); ``source`` and
    ``target`` keep the actors with a country (see events/arguments.py). A possessor of the
    object that is the doer's own is no target ("reaffirmed his administration's commitment
    to the principle")."""
    r = ctx.current
    r.raw_source, r.raw_target = dyad(r.trigger, ctx.sentence, ctx.index, ctx.lexicon)
    r.source = identified(r.raw_source)
    r.target = [
        a
        for a in identified(r.raw_target)
        if not own_possessor(a, r.source, ctx.index, r.trigger.token)
    ]
