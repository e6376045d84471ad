"""Pass ``act-needs``: once the dyad is filled, drop a trigger that lacks what its type needs
to be an act toward a party (word lists in ``data/events/realis.yaml``):

- **yielding** (RETREAT): a retreat yields something toward another party. A party moving
  its own people, staff or funds ("France began evacuating its nationals", "plans to relocate
  civil servants") yields nothing (``own_moves``); leaving or returning (``place_moves``) is a
  withdrawal only when armed forces leave ("troops will leave the city") or when someone or
  some party is handed back or left ("return the prisoners", "leave the EU"); "he left" with
  no object is a resignation and stays, but "Parliament returns from its break", "return to
  power" or "leave his post" at a firm is no act; releasing (``handovers``) needs people or a
  party released ("released the four", "his release"), not "figures released by the
  ministry";
- **force** (ASSAULT, COERCE with no target): a verb of force with no party acted on needs a
  person or people acted on, another word of force or unrest in the sentence, or an armed or
  police doer ("foxes were killed legally", "Labour fired both barrels at the opposition's
  policies", "the two leaders clashed" are no attacks; "police closed 150 crack houses" is
  coercion);
- **commerce** (SUPPORT, AGREE, COOPERATE toward firms): backing, agreeing with or working with
  companies only ("the first deal Iraq has signed with a foreign oil company") is a commercial
  act, even by a state (docs/precision-guide.md).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geopol.events.context import SentenceContext
from geopol.events.dyads import ActorIndex
from geopol.events.passes.base import Level, register
from geopol.events.passes.civil_gate import company, other_force, people_aim, sense_word
from geopol.events.realis import words
from geopol.events.recall import people_noun
from geopol.records import Actor, PloverType

#: Sectors of armed or police doers: their act with no party named is still force.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY"})

#: Types of backing or working with that a company target makes commercial.
COMMERCIAL_TYPES = frozenset({PloverType.SUPPORT, PloverType.AGREE, PloverType.COOPERATE})

#: Entity labels of places: a place left is where the doer was, not a party yielded to.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _objects(trigger: Token) -> list[Token]:
    """What the trigger acts on: its direct object or passive subject; for a participle, the
    noun it describes ("numbers released by the ministry"); for a noun, its possessor or its
    "of" phrase ("his release", "the release of the four")."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        found.append(trigger.head)
    if trigger.pos_ in ("NOUN", "PROPN"):
        found += [c for c in trigger.children if c.dep_ == "poss"]
        found += [
            p
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return found


def _person_or_party(tok: Token, idx: ActorIndex) -> bool:
    """A person, people, a party or a number standing for people ("the four")."""
    if tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ in ("PRON", "NUM") or people_noun(tok):
        return True
    if tok.lemma_.lower() in words().persons:
        return True
    return bool(idx.at(tok)) and tok.ent_type_ not in _PLACE_ENTS


def _armed_doer(source: list[Actor], trigger: Token) -> bool:
    """The doers are armed forces: of an armed sector, or the subject is a noun of forces."""
    if source and all(a.sector in ARMED_SECTORS for a in source):
        return True
    armed = words().armed
    return any(
        c.dep_ == "nsubj" and any(g.lemma_.lower() in armed for g in c.subtree)
        for c in trigger.children
    )


def no_yield(trigger: Token, source: list[Actor], idx: ActorIndex) -> bool:
    """A RETREAT that yields nothing toward anyone (see the module's docstring)."""
    w = words()
    word = sense_word(trigger)
    if trigger.lemma_.lower() in w.own_moves or word in w.own_moves:
        return True
    if word in w.place_moves or trigger.lemma_.lower() in w.place_moves:
        if _armed_doer(source, trigger):
            return False
        objects = [c for c in trigger.children if c.dep_ == "dobj"]
        if not objects:
            # "he left" (office) stays; "returned to power", "returns from its break" go
            return trigger.lemma_.lower() != "leave"
        return not any(_person_or_party(o, idx) for o in objects)
    if word in w.handovers or trigger.lemma_.lower() in w.handovers:
        objects = _objects(trigger)
        return bool(objects) and not any(_person_or_party(o, idx) for o in objects)
    return False


def bare_force(
    kind: PloverType, trigger: Token, sentence: Span, source: list[Actor], idx: ActorIndex
) -> bool:
    """An attack or a coercion verb with no party acted on, no people acted on, no other word
    of force or unrest, and no armed doer."""
    if kind not in (PloverType.ASSAULT, PloverType.COERCE) or trigger.pos_ != "VERB":
        return False
    if other_force(sentence, trigger) or people_aim(trigger, idx):
        return False
    return not _armed_doer(source, trigger)


def commercial_target(kind: PloverType, target: list[Actor], idx: ActorIndex) -> bool:
    """Backing, agreeing or working with companies only."""
    return kind in COMMERCIAL_TYPES and bool(target) and all(company(a, idx) for a in target)


@register("act-needs", Level.TRIGGER)
def act_needs(ctx: SentenceContext) -> None:
    """Drop a retreat that yields nothing, an attack or coercion verb with no party, no people
    and no force, and backing or agreement with companies only."""
    r = ctx.current
    tok = r.trigger.token
    if r.type is PloverType.RETREAT and no_yield(tok, r.source, ctx.index):
        r.dropped = True  # "France began evacuating its nationals"
        return
    if not r.target and bare_force(r.type, tok, ctx.sentence, r.source, ctx.index):
        r.dropped = True  # "foxes had been killed legally"
        return
    if commercial_target(r.type, r.target, ctx.index):
        r.dropped = True  # "the first deal Iraq has signed with a foreign oil company"
