"""Pass ``act-gate``: a trigger word that is no act by an actor codes nothing, and an attack
aimed at a plan or a policy is criticism (see events/realis.py)."""

from __future__ import annotations

import dataclasses

from geopol.events.cameo import cameo_code
from geopol.events.context import SentenceContext
from geopol.events.lexicon import Rule
from geopol.events.passes.base import Level, register
from geopol.events.realis import abstract_aim, commercial, owners, place_modifier, thing_subject
from geopol.records import PloverType

#: Types whose word is a metaphor when aimed at a plan, a policy or a market.
FORCE_TYPES = frozenset({PloverType.ASSAULT, PloverType.THREATEN, PloverType.MOBILIZE})
#: Types that are no political act when their matter is commerce.
COMMERCIAL_TYPES = FORCE_TYPES | frozenset(
    {
        PloverType.AGREE,
        PloverType.CONSULT,
        PloverType.COOPERATE,
        PloverType.SUPPORT,
        PloverType.AID,
        PloverType.REQUEST,
        PloverType.REJECT,
        PloverType.RETREAT,
        PloverType.CONCEDE,
    }
)


def criticism() -> Rule:
    """Criticism or denunciation: CAMEO 111, ACCUSE (disapprove)."""
    return Rule(
        PloverType.ACCUSE, "disapprove", cameo_code("Criticize or denounce"), (), frozenset(),
        False, False, False, False, 0,
    )  # fmt: skip


@register("act-gate", Level.TRIGGER)
def act_gate(ctx: SentenceContext) -> None:
    """A trigger whose own subject is a thing ("its shares closing at 873p", "the deficit is
    set to hit a record") or whose doer is only the place it happened in ("the Iraq war",
    "the Madrid rail bombing") codes nothing; nor does a commercial agreement or talk
    ("merger talks"). An attack aimed at a plan or a policy is criticism of its owner ("he
    attacked Tory plans"), and no act when it has none ("fighting two lawsuits")."""
    r = ctx.current
    tok = r.trigger.token
    if thing_subject(tok, ctx.index) is not None:
        r.dropped = True
        return
    if r.source and all(place_modifier(a, tok, ctx.index) for a in r.source):
        r.dropped = True
        return
    if r.type in COMMERCIAL_TYPES and commercial(tok):
        r.dropped = True
        return
    if r.type in FORCE_TYPES:
        aim = abstract_aim(tok, ctx.index)
        if aim is None:
            return
        owner = [a for a in owners(aim, ctx.index) if all(a.code != s.code for s in r.source)]
        target = owner or r.target
        if not target:
            r.dropped = True
            return
        r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
        r.target = target
