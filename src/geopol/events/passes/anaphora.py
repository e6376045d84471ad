"""Pass ``anaphora``: "this possibility" is the event just reported."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.dyads import anaphoric_object
from geopol.events.passes.base import Level, register


@register("anaphora", Level.TRIGGER)
def anaphora(ctx: SentenceContext) -> None:
    """"The US expressed concern about this possibility": the target is the parties of
    the dyad coded in the last two sentences."""
    r = ctx.current
    state = ctx.state
    if (
        r.source
        and not r.target
        and state.last_dyad
        and ctx.number - state.last_sentence <= 2
        and anaphoric_object(r.trigger.token)
    ):
        prev_src, prev_tgt = state.last_dyad
        r.target = [
            a for a in prev_src + prev_tgt if a.country not in {s.country for s in r.source}
        ]
