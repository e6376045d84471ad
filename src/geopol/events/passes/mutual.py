"""Pass ``mutual-events``: events both sides do, and meetings of several parties."""

from __future__ import annotations

import dataclasses

from geopol.events.context import SentenceContext
from geopol.events.derived import repression_rule, riot_rule
from geopol.events.passes.base import Level, register
from geopol.events.triggers import Trigger
from geopol.records import Actor, Origin, PloverType

#: Types where "A and B did it" with no object means A with B.
#: CAMEO's "host a visit": the host's side of a visit.
HOST_CAMEO = "043"
RECIPROCAL_TYPES = frozenset({PloverType.CONSULT, PloverType.COOPERATE, PloverType.AGREE, PloverType.SUPPORT})


@register("mutual-events", Level.TRIGGER)
def mutual_events(ctx: SentenceContext) -> None:
    """"A, B and C met": one event per member toward the others; "A held talks with B",
    "troops clashed with rioters": B acts toward A too."""
    r = ctx.current
    trig, source, target = r.trigger, r.source, r.target
    r.dyads = [(source, target, trig)]
    if (
        not target
        and len(_parties(source)) > 1
        and trig.rule.mode != "visit"
        and (trig.rule.reciprocal or trig.rule.type in RECIPROCAL_TYPES)
    ):
        # Every member met the others, one event per member so that each ordered pair is
        # a dyad (consumers expand source x target).
        parties = _parties(source)
        r.dyads = [([a], [b for b in parties if b is not a], trig) for a in parties]
    elif target and r.base.rule.mutual and _mutual(source, target):
        r.dyads.append((target, source, _seen_from_target(r.base, trig)))


def _parties(source: list[Actor]) -> list[Actor]:
    """The distinct parties of a compound source: a bare state next to an organ of itself
    ("Colin Powell, US Secretary of State": USAGOV and USA) is one party, not two, and so
    are two mentions with one code (a pair of them would be a dyad of one actor)."""
    organs = {a.country for a in source if a.sector}
    out: list[Actor] = []
    for a in source:
        # one code once: "Ukraine's new president, Viktor Yushchenko" is one party
        if (a.sector or a.country not in organs) and all(b.code != a.code for b in out):
            out.append(a)
    return out

def _seen_from_target(base: Trigger, trig: Trigger) -> Trigger:
    """The trigger of a mutual event seen from its target: forces repressing protesters
    (175) meet a riot (145) from the other side, and a riot against forces meets repression;
    a visit read off its host ("X hosted Y": Y visits, CAMEO 042) is, seen from the host,
    the hosting of it (CAMEO 043, X toward Y)."""
    if base.rule.swap and base.rule.mode == "visit":
        return dataclasses.replace(base, rule=dataclasses.replace(base.rule, cameo=HOST_CAMEO))
    if trig.rule.cameo == repression_rule().cameo:
        return dataclasses.replace(base, rule=riot_rule())
    if trig.rule.cameo == riot_rule().cameo and base.rule.type == PloverType.ASSAULT:
        return dataclasses.replace(base, rule=repression_rule())
    return base

def _mutual(source: list[Actor], target: list[Actor]) -> bool:
    """Whether both sides of a mutual event are parties the text names, not places standing
    in for them, the target coded (a country or a sector), and not one actor on both sides."""
    sides = (source, target)
    if any(a.origin is Origin.PLACE for side in sides for a in side):
        return False
    if not all(a.country or a.sector for a in target):
        return False  # a name of no country and no sector would be a doer nobody coded
    return not {a.code for a in source} & {a.code for a in target}
