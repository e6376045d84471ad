"""Pass ``party-targets``: a person or a firm a state's organ acts on is the target."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.parties import parsed_party, party_target
from geopol.events.passes.base import Level, register


@register("party-targets", Level.TRIGGER)
def party_targets(ctx: SentenceContext) -> None:
    """When a state's organ acts on a name the actor layer did not read ("a court in Lyon
    found Barbarin guilty", "an investigation into Boztepe"), the parse's object of the
    trigger is the target, a person or a firm of no country (see events/parties.py)."""
    r = ctx.current
    if r.target or r.raw_target or r.joint is not None:
        return

    def placed(start: int, end: int) -> bool:
        return any(p.country and p.start < end and start < p.end for p in ctx.places)

    party = parsed_party(r.trigger.token, ctx.index.at, placed)
    if party and party_target(r.trigger.rule.type.value, r.source, party, parsed=True):
        r.target = party
