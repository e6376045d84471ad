"""Pass ``fill-arguments``: a scorer over every actor mention fills an empty source or target."""

from __future__ import annotations

from geopol.events.addressee import addressed
from geopol.events.argscore import fill
from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.recall import organ_doers
from geopol.events.targets import people_of_places


#: Kinds of target an organ of no stated country is coded toward: bodies and people, not a
#: state, a bloc or a seat named in its complement ("prosecutors investigating one of
#: Europe's largest scandals" act on no bloc).
_PARTIES = frozenset({"agent", "person", "org", "group", "igo"})


@register("fill-arguments", Level.TRIGGER)
def fill_arguments(ctx: SentenceContext) -> None:
    """When the fixed patterns of ``arguments`` leave a side empty, the best-scored actor
    mention of the sentence fills it: "Palestinian officials demanded that the United States
    recognise a Palestinian state" gives the United States as the target (see
    events/argscore.py)."""
    r = ctx.current
    message = addressed(r.trigger.token, r.trigger.rule.type, ctx.index)
    if message is not None:
        # "wrote to the Greek government demanding repayment": the sender demands it of
        # whom the letter reached (events/addressee.py)
        r.source, r.target = message
        return
    r.source, r.target = fill(r.trigger.token, r.trigger.rule.type, ctx.index, r.source, r.target)
    if not r.source and not r.target:
        # "The prime minister refused to see the French envoy": a state organ of no
        # stated country still acts on the party the scorer finds (unnamed-doers keeps it);
        # only on a body or a person of a state, not on a country word ("to decide how
        # Britain could be defended" asks nothing of Britain)
        organs = organ_doers(r.raw_source)
        if organs:
            _, target = fill(r.trigger.token, r.trigger.rule.type, ctx.index, organs, [])
            if all(a.sector and a.kind in _PARTIES for a in target):
                r.target = target
    r.target = people_of_places(r.trigger.rule.type, r.target, r.raw_target, ctx.index)
