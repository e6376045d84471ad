"""Who did an event noun, and to whom: "Kim's visit", "Western sanctions against Iran",
"Obama faces pressure from Congress" (the noun's possessor, modifiers and prepositional
phrases, read with the helpers of ``events/dyads.py``)."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.dyads import (
    _CLAIM,
    _RESPONSIBILITY,
    RECEIVING,
    TARGET_PREPS,
    ActorIndex,
    _nominal_actors,
    subject_of,
)
from geopol.events.targets import _prep_targets
from geopol.records import Actor


def noun_source(noun: Token, idx: ActorIndex, light_verbs: frozenset[str]) -> list[Actor]:
    """Source of an event noun: possessor/modifier, "by X", "between A and B", else the
    subject of the light verb it is the object of ("held a summit")."""
    for ch in noun.children:
        if ch.dep_ in ("poss", "amod", "compound", "nmod", "nummod") and idx.at(ch):
            return idx.group(ch)
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ in ("by", "between", "among"):
            for p in ch.children:
                if p.dep_ == "pobj":
                    # "an attack by Taliban fighters": the actor may modify the noun
                    found = idx.group(p) if ch.lower_ != "by" else _nominal_actors(p, idx)
                    if found:
                        return found
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in light_verbs:
        return subject_of(head, idx)[0]
    if (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and head.head.lemma_.lower() in _RESPONSIBILITY
        and head.head.head.lemma_.lower() in _CLAIM
    ):
        # "Islamic State claimed responsibility for the bombing": the claimant did it
        return subject_of(head.head.head, idx)[0]
    if noun.dep_ == "conj" and head.dep_ == "dobj" and head.head.lemma_.lower() in light_verbs:
        return subject_of(head.head, idx)[0]
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ == "VERB"
        and head.lower_
        in (
            "in",
            "into",
        )
    ):
        # "engaged in talks with X", "took part in an attack on X"
        return subject_of(head.head, idx)[0]
    return []

def received(noun: Token, idx: ActorIndex) -> tuple[list[Actor], list[Actor]] | None:
    """The dyad of an event noun a receiving verb takes: "Obama faces pressure from
    Congress" (Congress -> Obama), "Iran came under pressure from France"; None when the noun
    is no such object."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.lower_ == "under":
        verb = verb.head  # "came under pressure from France"
    elif noun.dep_ != "dobj":
        return None
    if verb.lemma_.lower() not in RECEIVING:
        return None
    givers: list[Actor] = []
    for head in (noun, verb):
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ == "from":
                givers += [a for p in ch.children if p.dep_ == "pobj" for a in _nominal_actors(p, idx)]
    if not givers:
        return None
    return givers, subject_of(verb, idx)[0]

def noun_target(noun: Token, idx: ActorIndex, preps: tuple[str, ...] = TARGET_PREPS) -> list[Actor]:
    found = _prep_targets(noun, idx, tuple(p for p in preps if p not in ("by", "from")))
    if found:
        return found
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ == "VERB":
        for ch in head.children:
            if ch.dep_ in ("dative", "iobj") and ch.pos_ != "ADP" and idx.at(ch):
                # "gave Sweden a deadline", "offered Kyiv new aid": the indirect object
                return idx.group(ch)
        # "issued arrest warrants for two men", "launched strikes on X"
        return _prep_targets(head, idx, ("with", "against", "on", "to", "at", "for", "into"))
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "into"):
        verb = head.head
        if verb.pos_ == "VERB":
            # "engaged peacekeepers in a firefight": the verb's object is the target
            for ch in verb.children:
                if ch.dep_ == "dobj" and idx.at(ch):
                    return idx.group(ch)
    return []
