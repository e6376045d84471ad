"""Pass ``complement-places``: what a state agrees to or gives in a place is toward the
country of that place."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.derived import table
from geopol.events.passes.base import Level, register
from geopol.events.placed import complement_place
from geopol.records import Actor

#: Sectors of a state's forces, which a state moves rather than acts on.
_FORCES = frozenset({"MIL", "COP", "PRM"})


def _own_force(a: Actor, source: list[Actor]) -> bool:
    """True when ``a`` is the source's own forces: "its troops", "Russian troops" after
    Russia, or forces of no country ("Israel mobilized the army")."""
    return a.sector in _FORCES and (a.country is None or a.country in {s.country for s in source})


@register("complement-places", Level.TRIGGER)
def complement_places(ctx: SentenceContext) -> None:
    """An agreement, aid, cooperation or request by a state that names no party but the place it is
    for ("agreed to a ceasefire in eastern Ukraine", "provided $340 million for assistance in
    northern Iraq") is toward that place's country (``complement_places`` in derived.yaml;
    see events/placed.py). A curfew, a ceasefire or troops on alert in a place
    (``home_places``) are toward its country even when it is the doer's own. It runs after the
    venue rules: this place is the act's object's, not a meeting's venue. A withdrawal or a
    deployment whose only target is the doer's own forces (``forces_moved``) is toward the place
    abroad they leave or go to, or toward nobody."""
    r = ctx.current
    t = table()
    if r.joint is not None:
        return
    if r.type in t.forces_moved and r.target and all(_own_force(a, r.source) for a in r.target):
        # "Russia began withdrawing its troops from Syria": the troops are moved, not acted on
        r.target = complement_place(r.trigger.token, ctx.where.places, r.source)
        return
    if r.target:
        return
    if r.type in t.complement_places:
        r.target = complement_place(r.trigger.token, ctx.where.places, r.source)
    elif r.type in t.home_places:
        # a curfew on Basra, a ceasefire in Tripoli: the place may be the doer's own
        r.target = complement_place(r.trigger.token, ctx.where.places, r.source, home=True)
