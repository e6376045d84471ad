"""Pass ``dyad-events``: code the dyads the trigger passes have read."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.derived import table
from geopol.events.parties import party_target
from geopol.events.passes.base import Level, register


@register("dyad-events", Level.TRIGGER)
def dyad_events(ctx: SentenceContext) -> None:
    """One event per dyad of the trigger, once per sentence, type and dyad; in sport and
    showbiz stories only events between governments; no accusation, demand, meeting, offer
    or backing addressed to nobody with a country or a sector, unless a state's organ acts on
    a named person or firm (events/parties.py)."""
    r = ctx.current
    for src, tgt, said in r.dyads:
        if not ctx.topic.keeps(src, tgt, visit=said.rule.gathering_visit):
            continue  # sport and showbiz stories: only events between governments
        if (
            said.rule.type in table().targeted
            and not any(a.country or a.sector for a in tgt)
            and not party_target(said.rule.type, src, tgt)
        ):
            continue  # an accusation, a meeting or an offer toward nobody known is no event
        if ctx.first_time(said.rule.type, src, tgt):
            ctx.emit(said, src, tgt)
            ctx.state.last_dyad, ctx.state.last_sentence = (src, tgt), ctx.number
