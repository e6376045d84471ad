"""Pass ``act-gate``: a trigger word that is no act by an actor codes nothing, and an attack
aimed at a plan or a policy is criticism (see events/realis.py)."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from geopol.events.cameo import cameo_code
from geopol.events.context import SentenceContext
from geopol.events.lexicon import Rule
from geopol.events.passes.base import Level, register
from geopol.events.realis import (
    abstract_aim,
    addressed,
    amount_aim,
    bare_intent,
    commercial,
    effort,
    outside_passive,
    owners,
    place_modifier,
    thing_agent,
    thing_content,
    thing_subject,
    words,
)
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


#: Labels of a verb that shares its head's subject when it has none of its own.
_SHARED = frozenset({"advcl", "conj"})
#: Labels of any subject of a verb, passive too.
_ANY_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def shared_subject_verb(trigger: Token) -> Token:
    """The verb whose subject is the trigger's: a participle or a second verb with no subject
    of its own shares its head's ("shares rose 4%, having shot up 7%": the shares); an
    infinitive of purpose does not ("workers protested to protest the cuts")."""
    verb = trigger
    while (
        verb.pos_ in ("VERB", "AUX")
        and verb.dep_ in _SHARED
        and (verb.dep_ == "conj" or verb.tag_ in ("VBG", "VBN"))  # not "to protest the cuts"
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in _ANY_SUBJECT for c in verb.children)
    ):
        verb = verb.head
    return verb


def criticism() -> Rule:
    """Criticism or denunciation: CAMEO 111, ACCUSE (disapprove)."""
    return Rule(
        PloverType.ACCUSE, "disapprove", cameo_code("Criticize or denounce"), (), frozenset(),
        False, False, False, False, 0,
    )  # fmt: skip


def criticise_owner(ctx: SentenceContext, thing: Token) -> None:
    """Read the current event as criticism of whoever owns ``thing`` (a remark, a policy:
    "attacked the minister's plan"), or of its own target; drop it when there is neither."""
    r = ctx.current
    owner = [a for a in owners(thing, ctx.index) if all(a.code != s.code for s in r.source)]
    target = owner or r.target
    if not target:
        r.dropped = True
        return
    r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
    r.target = target


@register("act-gate", Level.TRIGGER)
def act_gate(ctx: SentenceContext) -> None:
    """A trigger whose own subject is a thing ("its shares closing at 873p", "the deficit is
    set to hit a record", "shares rose 4%, having shot up 7%": a participle or second verb
    with no subject shares its head's), or whose "by" phrase is one ("hit by troubles"), or whose doer is
    only the place it happened in ("the Iraq war", "the Madrid rail bombing") codes nothing;
    nor does a commercial agreement or talk ("merger talks"), an effort ("struggling to
    increase supplies"), a sum reached ("homes hit 3.3 trillion pounds"), a plan of no
    event ("plans to sue the government"), or talk to an audience ("speaking to voters"); a passive with no
    "by" phrase takes no doer from outside its clause. An attack aimed at a plan or a policy is criticism of its owner ("he
    attacked Tory plans"), and no act when it has none ("fighting two lawsuits")."""
    r = ctx.current
    tok = r.trigger.token
    force = r.type is PloverType.ASSAULT
    if (
        thing_subject(shared_subject_verb(tok), ctx.index) is not None
        or thing_agent(tok, ctx.index, force=force)
    ):
        r.dropped = True  # "the deficit is set to hit", "hit by troubles at its business"
        return
    if r.type in FORCE_TYPES and amount_aim(tok):
        r.dropped = True  # "homes hit 3.3 trillion pounds"
        return
    if r.type is PloverType.AGREE and bare_intent(tok, [c.rule.type.value for c in r.trigger.content]):
        r.dropped = True  # "plans to sue the government": no intent to cooperate
        return
    if r.type in FORCE_TYPES and effort(tok):
        r.dropped = True  # "China is struggling to increase energy supplies"
        return
    if r.type is PloverType.CONSULT and addressed(tok):
        r.dropped = True  # "speaking to voters", "called for the embargo to be lifted"
        return
    if r.source and all(outside_passive(tok, a, ctx.index) for a in r.source):
        r.source = []  # "suspended a candidate for suggesting the insane should be killed"
    if r.source and all(place_modifier(a, tok, ctx.index) for a in r.source):
        r.dropped = True
        return
    if r.type in COMMERCIAL_TYPES and commercial(tok):
        r.dropped = True
        return
    if r.type is PloverType.THREATEN and r.target and thing_content(tok, ctx.index):
        # "the IMF warned that India's deficit was too large": a judgement, not a threat
        r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
        return
    if r.type in FORCE_TYPES:
        aim = abstract_aim(tok, ctx.index)
        if aim is None:
            return
        if {aim.lemma_.lower(), aim.lower_} & words().standings:
            r.dropped = True  # "the arrest hit trust between them": no act toward anyone
            return
        criticise_owner(ctx, aim)
