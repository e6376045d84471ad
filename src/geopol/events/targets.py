"""Whom an act is done to: the target actors of a verb or noun, read from the parse.

Direct objects and datives, prepositional targets on the verb or its object ("seek aid from
Russia"), every conjunct of a target phrase ("sanctions on Iran and on Syria"), what a shot is
aimed at, an amount's recipient ("pledged 500 million euros in aid to Sudan"), the target
inside a passive subject, and the small clause of "help X rebuild". The subject side and the
actor index are in ``dyads.py``.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from geopol.events.datafile import word_set, word_tuple
from geopol.events.dyads import (
    TARGET_PREPS,
    ActorIndex,
    _inside_place,
    _nominal_actors,
)
from geopol.records import Actor, PloverType, StandsFor

_LOCATIVE = word_set("locative_preps")
_RECIPIENT = word_tuple("recipient_preps")
_NEAR = word_tuple("near_preps")
#: Verbs whose object is parsed as the subject of the clause after it ("help X rebuild").
_SMALL_CLAUSE = word_set("small_clause")
#: Verbs of handing a thing over to someone ("returned the artifacts to Iraq").
_HANDOVER = word_set("handover")


def _prep_targets(tok: Token, idx: ActorIndex, preps: tuple[str, ...]) -> list[Actor]:
    kids = [ch for ch in tok.children if ch.dep_ in ("prep", "dative", "agent")]
    for prep in preps:
        for ch in kids:
            if ch.lower_ == prep:
                for p in ch.children:
                    if p.dep_ == "pobj":
                        # "at Russia's space centre" is a place, not a target: only the
                        # object itself counts after a locative preposition.
                        found = idx.group(p) if prep in _LOCATIVE else _nominal_actors(p, idx)
                        if found:
                            return found + _conjoined_preps(ch, prep, idx, found)
    return []


def _conjoined_preps(
    prep_tok: Token, prep: str, idx: ActorIndex, found: list[Actor]
) -> list[Actor]:
    """The actors of a phrase conjoined to a target phrase with the same preposition: "on
    Iran and on Syria" gives Syria as well (every conjunct is a target)."""
    out: list[Actor] = []
    for c in prep_tok.children:
        if c.dep_ == "conj" and c.lower_ == prep:
            for p in c.children:
                if p.dep_ == "pobj":
                    more = idx.group(p) if prep in _LOCATIVE else _nominal_actors(p, idx)
                    out.extend(a for a in more if a not in found and a not in out)
    return out


def aimed_targets(verb: Token, idx: ActorIndex, preps: frozenset[str]) -> list[Actor]:
    """What a shot is aimed at: "fired missiles at Turkish positions" -> Turkey (a place
    phrase after "at" is the target when a weapon is aimed there)."""
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in preps:
            for p in ch.children:
                if p.dep_ == "pobj":
                    found = [a for a in idx.group(p) if a.country] or _inside_place(p, idx)
                    if found:
                        return found
    return []


def prep_targets(noun: Token, idx: ActorIndex) -> list[Actor]:
    """Actors in a noun's own target phrases: "travel to Tunisia", "a visit to Kenya"."""
    return _prep_targets(noun, idx, tuple(p for p in TARGET_PREPS if p not in ("by", "from")))


def object_of(verb: Token, idx: ActorIndex, preps: tuple[str, ...] = TARGET_PREPS) -> list[Actor]:
    """Target actors of a verb: direct object, dative, prepositions (on the verb or its object)."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and idx.at(verb.head):
        return idx.group(verb.head)  # "the men arrested by police"
    objects = [ch for ch in verb.children if ch.dep_ in ("dobj", "dative", "iobj", "attr", "oprd")]
    passive_subj = [ch for ch in verb.children if ch.dep_ == "nsubjpass"]
    if any(ch.dep_ == "agent" for ch in verb.children):
        preps = tuple(p for p in preps if p != "by")  # "presented by the US": the source
    own: list[Actor] = []
    unknown: list[Actor] = []
    for o in passive_subj + objects:
        if o.dep_ == "dative" and o.pos_ == "ADP":
            continue
        found = _nominal_actors(o, idx)
        if found and _own_possessive(o, idx) and all(_pronominal(a) for a in found):
            # "boosted its presence near Ukraine", "increased its aid to Africa": the
            # possessive pronoun is the doer's own; a target named elsewhere comes first.
            own = own or found
            continue
        if found and not any(a.country for a in found):
            # "send troops to Kosovo": unnamed troops are what is sent, Kosovo the target;
            # unnamed people stay the target when nothing else is named ("killed civilians")
            unknown = unknown or found
            continue
        if found and verb.lemma_.lower() in _HANDOVER and _owned_thing(o, idx):
            # "returned six Iraqi artifacts to the government of Iraq", "delivered American
            # vaccines to Kenya": a country word on the thing handed over says whose or
            # where from; the "to" phrase names who receives it
            recipient = _prep_targets(verb, idx, _RECIPIENT[:1]) or _particle_recipient(verb, idx)
            if recipient:
                return recipient
        if found:
            return found
    found = _prep_targets(verb, idx, preps)
    if found:
        return found
    # "evidence against Russia was presented": the passive subject's own target counts too.
    for o in passive_subj + objects:
        # "boosted its presence near Ukraine": what the doer's own thing is moved toward
        near = preps + _NEAR if own and _own_possessive(o, idx) else preps
        found = _prep_targets(o, idx, near)
        if found:
            return found
        for conj in o.children:
            if conj.dep_ == "conj":
                found = _prep_targets(conj, idx, preps)
                if found:
                    return found
        # "pledged 500 million euros in aid to Sudan", "$1bn of weapons to Ukraine"
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ in ("in", "of"):
                for q in p.children:
                    found = _prep_targets(q, idx, _RECIPIENT) if q.dep_ == "pobj" else []
                    if found:
                        return found
    for o in passive_subj + objects:
        found = _inside_place(o, idx)
        if found:
            return found
    for ch in verb.children:  # "agreed to withdraw from X": the target sits in the xcomp
        if ch.dep_ == "xcomp" and not objects:  # not "visited Gaza to stress US support"
            found = object_of(ch, idx, preps)
            if found:
                return found
        if ch.dep_ == "ccomp" and verb.lemma_.lower() in _SMALL_CLAUSE:
            # "helped Togo rebuild its roads": the helped one is the small clause's subject
            for subj in ch.children:
                if subj.dep_ == "nsubj":
                    found = _nominal_actors(subj, idx)
                    if found:
                        return found
    # "Pakistan recalled its envoy": the doer's own is no target of its own event
    return unknown


def _owned_thing(obj: Token, idx: ActorIndex) -> bool:
    """An object that is a thing, not an actor, named only by a country word on it ("Iraqi
    artifacts", "Russian-made weapons"): the object's head is no actor mention itself."""
    if idx.at(obj) or obj.pos_ not in ("NOUN", "PROPN"):
        return False
    return any(ch.dep_ in ("amod", "compound", "nmod") and idx.at(ch) for ch in obj.children)


def _particle_recipient(verb: Token, idx: ActorIndex) -> list[Actor]:
    """The "to" phrase of a verb's particle or "back": "handed the boats back to China"."""
    for ch in verb.children:
        if ch.dep_ == "prt" or (ch.dep_ == "advmod" and ch.lower_ == "back"):
            found = _prep_targets(ch, idx, _RECIPIENT[:1])
            if found:
                return found
    return []


def _pronominal(a: Actor) -> bool:
    """An actor a pronoun stands for ("its" -> Russia), or an agent it owns ("its envoy")."""
    return a.coref_of is not None or StandsFor.OWNER in a.stands_for


def _own_possessive(noun: Token, idx: ActorIndex) -> bool:
    """True when the noun's actor is only a possessive pronoun ("its", "their")."""
    poss = [ch for ch in noun.children if ch.dep_ == "poss"]
    return bool(poss) and all(p.pos_ == "PRON" for p in poss) and not any(
        ch.dep_ in ("compound", "amod", "nmod") and idx.at(ch) for ch in noun.children
    )


#: Acts done to people where they live: aid, attacks, coercion (a meeting with "farmers in
#: Kenya and Uganda" is no act on either country's people as such).
PEOPLE_TYPES = frozenset({PloverType.AID, PloverType.ASSAULT, PloverType.COERCE})


def people_of_places(
    type_: PloverType, target: list[Actor], raw_target: list[Actor], idx: ActorIndex
) -> list[Actor]:
    """``target`` with unnamed people placed by a list of countries taken as people of each
    ("food for villagers in Niger, Mali and Burkina Faso": NERCVL, MLICVL and BFACVL, where the
    actor layer gives the people the first country only, or none), for acts of
    ``PEOPLE_TYPES``."""
    if type_ not in PEOPLE_TYPES:
        return target
    out = list(target)
    for a in [*target, *(r for r in raw_target if r not in target)]:
        placed = bool(a.stands_for & StandsFor.PLACE) or a.how.endswith("+place")
        if a.kind != "agent" or (a.country and not placed):
            continue
        span = idx.doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        doc = idx.doc
        after = [doc[span.end]] if span.end < len(doc) else []  # "in" hung on the verb
        for prep in [*span.root.children, *after]:
            if prep.dep_ != "prep" or prep.lower_ not in _LOCATIVE:
                continue
            for p in prep.children:
                members = [
                    m
                    for m in (idx.group(p) if p.dep_ == "pobj" else [])
                    if m.country and m.kind == "state" and not m.sector
                ]
                if len(members) < 2 or (a.country and a.country not in {m.country for m in members}):
                    continue  # one place: the actor layer has placed the people already
                out = [o for o in out if o is not a]
                for m in members:
                    if all(o.country != m.country for o in out):
                        out.append(
                            dataclasses.replace(
                                m, sector=a.sector, kind=a.kind, how=f"{m.how},people-of"
                            )
                        )
    return out
