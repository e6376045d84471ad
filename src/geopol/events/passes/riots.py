"""Pass ``riots``: violence by protesters is a riot (CAMEO 145), not an attack."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from geopol.events.context import SentenceContext
from geopol.events.derived import riot_rule, table
from geopol.events.local_words import local_words
from geopol.events.passes.base import Level, register
from geopol.events.triggers import Trigger
from geopol.events.verb_phrases import _lemma
from geopol.records import PloverType


@register("riots", Level.TRIGGER)
def riots(ctx: SentenceContext) -> None:
    """"The statue was demolished by a Ukrainian protestor": PROTEST/riot (145); but a
    killing by a crowd ("beaten to death by a mob") stays an attack on a person."""
    r = ctx.current
    trig = r.trigger
    if (
        trig.rule.type == PloverType.ASSAULT
        and trig.rule.mode in table().riot_modes
        and not trig.noun
        and _by_rioters(trig.token)
        and not _killing(trig)
    ):
        r.trigger = dataclasses.replace(trig, rule=riot_rule())


def _killing(trig: Trigger) -> bool:
    """Whether the trigger tells a killing: a verb of ``killings`` in local_notes.yaml, or
    "to death" ("a man was beaten to death by a mob", "villagers lynched a suspected thief"):
    a crowd that kills someone does violence to a person, an attack, not a riot."""
    killings = local_words("killings")
    return trig.token.lemma_.lower() in killings or any(w.lower_ == "death" for w in trig.words)


def _by_rioters(verb: Token) -> bool:
    """Whether a violent verb's doer is protesters ("demolished by a Ukrainian protestor")."""
    doers = [ch for ch in verb.children if ch.dep_ in ("nsubj", "csubj")] + [
        p for ch in verb.children if ch.dep_ == "agent" for p in ch.children if p.dep_ == "pobj"
    ]
    return _rioters(doers)

def _on_rioters(verb: Token) -> bool:
    """Whether a violent verb's victims are protesters ("clashed with rioters", "fired on
    demonstrators", "killed two protesters")."""
    victims = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")] + [
        p
        for ch in verb.children
        if ch.dep_ == "prep" and ch.lower_ in ("with", "on", "at", "against", "upon")
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    return _rioters(victims)

def _rioters(heads: list[Token]) -> bool:
    rioters = table().rioters
    return any(_lemma(d) in rioters or d.lower_ in rioters for d in heads)
