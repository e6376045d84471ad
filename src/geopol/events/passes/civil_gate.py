"""Pass ``civil-gate``: once the dyad is filled, drop a trigger whose doers make it no
political act (see events/realis.py and ``data/events/realis.yaml``):

- **commerce**: every doer is a company or a market (sector BUS) and no state organ is
  acted on ("House of Fraser disappointed investors", "banks abandoned listings");
- **no coded doer**: every doer is a name the dictionaries could not place (no country, no
  sector: a firm or a body of no stated kind);
- **no force**: an attack or a coercion whose word has a sporting, economic or figurative
  sense as well ("hit", "shoot", "target", "crack down") and whose sentence has no other word of
  force ("slowdowns could hit exports", "shot basketball hoops"), or a coercion that names no
  party coerced in a sentence of no force ("a party suspended a candidate").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.realis import words
from geopol.records import Actor, PloverType

#: Sectors of a state's organs: a company acting on one of them may be a political act.
STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


def commercial_doers(source: list[Actor], target: list[Actor]) -> bool:
    """Every doer is a company or a market and no state organ is acted on."""
    return bool(source) and all(a.sector == "BUS" for a in source) and not any(
        t.sector in STATE_ORGANS for t in target
    )


def uncoded(source: list[Actor]) -> bool:
    """Every doer is a name of no country and no sector."""
    return bool(source) and all(not a.country and not a.sector for a in source)


def other_force(sentence: Span, trigger: Token) -> bool:
    """Whether the sentence has a word of force besides the trigger ("troops", "bomb")."""
    w = words()
    return any(
        t.lower_ in w.violence or t.lemma_.lower() in w.violence
        for t in sentence
        if t.i != trigger.i
    )


def no_force(kind: PloverType, trigger: Token, sentence: Span, target: list[Actor]) -> bool:
    """An attack or a coercion with a word of many senses, or a coercion of nobody, in a
    sentence with no other word of force."""
    if kind not in (PloverType.ASSAULT, PloverType.COERCE):
        return False
    if other_force(sentence, trigger):
        return False
    if trigger.lemma_.lower() in words().senses:
        return True
    return kind is PloverType.COERCE and not target


@register("civil-gate", Level.TRIGGER)
def civil_gate(ctx: SentenceContext) -> None:
    """Drop a trigger whose doers are all companies or markets acting on no state organ, or
    all names of no country and no sector, and an attack or coercion in a sentence with no
    word of force whose word has other senses ("hit", "shoot") or that names no one coerced."""
    r = ctx.current
    tok = r.trigger.token
    if commercial_doers(r.source, r.target) or uncoded(r.source):
        r.dropped = True
        return
    if no_force(r.type, tok, ctx.sentence, r.target):
        r.dropped = True
