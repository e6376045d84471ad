"""Pass ``unnamed-doers``: doers the text does not name, placed by where they acted."""

from __future__ import annotations

import dataclasses

from geopol.events.armed_names import named_group
from geopol.events.context import SentenceContext
from geopol.events.crowd_acts import DEMO, REMAINS, crowd_protest, dispersed_crowd
from geopol.events.passes.base import Level, register
from geopol.events.recall import crowd_dissent, placed_doer, unplaced_organ
from geopol.events.recall_places import country_of_act
from geopol.events.triggers import Trigger
from geopol.records import Actor, PloverType


@register("unnamed-doers", Level.TRIGGER)
def unnamed_doers(ctx: SentenceContext) -> None:
    """Protesters, gunmen or an explosive device of no stated country take the country where
    they acted; a state organ of no stated country acting on a named target is still a
    source; a crowd's demand addressed to no one is dissent (see events/recall.py)."""
    r = ctx.current
    trig, where = r.trigger, ctx.where
    demo = crowd_protest(trig.token, trig.rule.type, r.source or r.raw_source)
    if demo is not None:
        trig = r.trigger = dataclasses.replace(trig, rule=demo)
    if trig.rule is REMAINS:
        # "in Juchitan, Oaxaca, the body of a man was found": a place read as an actor
        # before the verb is no finder and no killer; remains found name no doer
        r.source, r.raw_source = [], []
    if not r.source:
        doer = placed_doer(
            trig.token, trig.rule.type, trig.noun, r.raw_source, where, ctx.index, r.target
        )
        r.source = [] if doer and _toll_of_an_attack(ctx, doer) else doer
        if not r.source:  # "10 Imbonerakure attacked": a named group no dictionary knows
            r.source = named_group(trig.token, trig.rule.type, where, ctx.index, r.raw_source)
        if r.source and trig.rule.type is PloverType.PROTEST and trig.token.dep_ == "acl":
            # "medics of the brigades protested" read as a clause on "brigades": that noun
            # is in the crowd's own phrase, no target
            head = trig.token.head
            r.target = [a for a in r.target if not a.start <= head.idx < a.end]
            r.raw_target = [a for a in r.raw_target if not a.start <= head.idx < a.end]
    if not r.source:
        r.source = unplaced_organ(r.raw_source, r.target)
    _dispersed_protest(ctx)
    if not r.source and not r.target:
        dissent = crowd_dissent(trig.token, trig.rule.type, trig.noun, r.raw_source, where, ctx.index)
        if dissent:
            r.trigger = dataclasses.replace(trig, rule=dissent[0])
            r.source = dissent[1]


#: How many sentences back an attack still owns the casualties reported after it.
TOLL_SENTENCES = 2


def _toll_of_an_attack(ctx: SentenceContext, doer: list[Actor]) -> bool:
    """"Taliban fighters attacked a police post. Two policemen were killed.": a passive
    killing with nobody named, right after an attack was coded, is that attack's toll
    (events/casualties.py counts it there), not a second attack by an unknown doer."""
    trig = ctx.current.trigger
    if trig.noun or not doer or doer[0].start != trig.token.idx:
        return False  # a doer the text names ("gunmen"), or an event noun
    return ctx.coded_within(PloverType.ASSAULT, back=TOLL_SENTENCES)


#: Sectors of the forces whose dispersal of a crowd tells of a gathering.
_DISPERSERS = frozenset({"COP", "MIL", "PRM", "SPY"})


def _dispersed_protest(ctx: SentenceContext) -> None:
    """"The police dispersed the crowd": the crowd's gathering is coded as its protest (PROTEST
    141, civilians of the country where it happened, else of the forces' country), unless a
    protest was coded in this sentence or the two before."""
    r = ctx.current
    crowd = dispersed_crowd(r.trigger.token)
    forces = [a for a in r.source if a.sector in _DISPERSERS]
    if crowd is None or not forces:
        return
    if ctx.coded_within(PloverType.PROTEST, back=2):
        return
    country = country_of_act(r.trigger.token, ctx.where) or forces[0].country
    if not country:
        return
    left = min(crowd.left_edge.i, crowd.i)
    span = crowd.doc[left : crowd.i + 1]
    people = Actor(
        text=span.text, start=span.start_char, end=span.end_char, name=span.text,
        country=country, sector="CVL", kind="group", how="unnamed,dispersed",
    )  # fmt: skip
    if ctx.first_time(PloverType.PROTEST, [people], []):
        ctx.emit(Trigger(crowd, DEMO, noun=True, words=(crowd,)), [people], [])

