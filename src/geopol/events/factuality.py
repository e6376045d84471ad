"""Factuality of an event from the syntax around its trigger.

The walk starts at the trigger and climbs the dependency tree through the clauses the
event depends on (an xcomp of "set", a ccomp of "said", a clause hanging from
"speculation about"), collecting cues from ``data/events/factuality.yaml``. It stops at
relative clauses and ordinary adverbial clauses, whose events the writer presupposes, so
nested cases come out right: in "the US expressed concern about North Korea potentially
providing arms", the concern is asserted and the arms supply speculated.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Any

from spacy.tokens import Token

from geopol.events.coder import current
from geopol.events.datafile import read_data
from geopol.records import Factuality

#: Weakest first: when several cues apply, the first level in this order wins.
ORDER = (
    Factuality.NEGATED,
    Factuality.HYPOTHETICAL,
    Factuality.SPECULATED,
    Factuality.PLANNED,
    Factuality.REPORTED,
    Factuality.ASSERTED,
)
_CLIMB_DEPS = frozenset({"xcomp", "ccomp", "conj", "pcomp", "acomp", "oprd", "dobj", "attr"})


@dataclasses.dataclass(frozen=True, slots=True)
class Cues:
    modals: dict[str, Factuality]
    adverbs: dict[str, Factuality]
    adjectives: dict[str, Factuality]
    nouns: dict[str, Factuality]
    governing: dict[str, Factuality]
    conditionals: frozenset[str]


def _table(section: dict[str, Any]) -> dict[str, Factuality]:
    out: dict[str, Factuality] = {}
    for level in ORDER:  # weakest first, so a word in two lists keeps the weaker level
        for word in section.get(level.value, []) or []:
            out.setdefault(str(word).lower(), level)
    return out


def cues() -> Cues:
    """The cues of the configured coder: ``data/events/factuality.yaml`` plus the user's
    ``--factuality`` files (``geopol.events.coder``)."""
    return cues_from(current().factuality)


@functools.lru_cache(maxsize=8)
def cues_from(user_files: tuple[str, ...] = ()) -> Cues:
    data = read_data("factuality.yaml", user_files)
    return Cues(
        modals=_table(data["modals"]),
        adverbs=_table(data["adverbs"]),
        adjectives=_table(data["adjectives"]),
        nouns=_table(data["nouns"]),
        governing=_table(data["governing_verbs"]),
        conditionals=frozenset(str(c).lower() for c in data["conditionals"]),
    )


def _has_condition(verb: Token, c: Cues) -> bool:
    """An "if" clause on this verb: the verb is the consequent of a condition."""
    return any(
        ch.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in c.conditionals for m in ch.children)
        for ch in verb.children
    )


def _own_cues(tok: Token, c: Cues, found: list[tuple[Factuality, Token]]) -> None:
    conditional_here = False
    for ch in tok.children:
        low = ch.lower_
        if ch.dep_ == "neg":
            found.append((Factuality.NEGATED, ch))
        elif ch.dep_ in ("aux", "auxpass") and low in c.modals:
            found.append((c.modals[low], ch))
        elif ch.dep_ == "advmod" and low in c.adverbs:
            found.append((c.adverbs[low], ch))
        elif ch.dep_ == "mark" and low in c.conditionals:
            conditional_here = True
            found.append((Factuality.HYPOTHETICAL, ch))
        elif ch.dep_ in ("amod", "det") and low in c.adjectives and tok.pos_ in ("NOUN", "PROPN"):
            found.append((c.adjectives[low], ch))
    if not conditional_here and _has_condition(tok, c):
        found.append((Factuality.HYPOTHETICAL, tok))
    # "were to supply": the subjunctive of a condition.
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_ == "be"
        and tok.head.tag_ == "VBD"
        and tok.head.lower_ == "were"
    ):
        found.append((Factuality.HYPOTHETICAL, tok.head))


def assess(trigger: Token, *, noun: bool) -> tuple[Factuality, list[Token]]:
    """The factuality of the event whose trigger is ``trigger``, and the cue tokens."""
    c = cues()
    found: list[tuple[Factuality, Token]] = []
    tok = trigger
    _own_cues(tok, c, found)
    if noun:
        # An event noun is presupposed unless it is the object of the verb that states it.
        if tok.dep_ in ("dobj", "attr", "nsubjpass", "conj") and tok.head.pos_ in ("VERB", "AUX"):
            lemma = tok.head.lemma_.lower()
            if tok.dep_ == "dobj" and c.governing.get(lemma) is Factuality.NEGATED:
                found.append((Factuality.NEGATED, tok.head))  # "cancelled a planned visit"
            tok = tok.head
            _own_cues(tok, c, found)
        else:
            return _verdict(found)
    for _ in range(12):
        dep, head = tok.dep_, tok.head
        if (
            dep == "advcl"
            and tok.tag_ == "VBG"
            and tok.i > head.i
            and not any(ch.dep_ in ("mark", "nsubj") for ch in tok.children)
        ):
            # "shelled the city, killing three civilians, officials said": the result of the
            # main event is as sure as the main event
            tok = head
            _own_cues(tok, c, found)
            continue
        if head.i == tok.i or dep in ("ROOT", "relcl", "advcl", "parataxis", "appos", "acl:relcl"):
            if dep == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in c.conditionals for m in tok.children
            ):
                found.append((Factuality.HYPOTHETICAL, tok))
            break
        if dep in ("prep", "pobj", "pcomp") and head.pos_ == "ADP":
            tok = head
            continue
        if dep == "prep" and head.pos_ in ("NOUN", "PROPN"):
            lemma = head.lemma_.lower()
            if lemma in c.nouns:
                found.append((c.nouns[lemma], head))
            break
        if head.pos_ in ("NOUN", "PROPN"):
            lemma = head.lemma_.lower()
            if lemma in c.nouns:
                found.append((c.nouns[lemma], head))
            break
        if dep not in _CLIMB_DEPS and dep not in ("acl", "prep", "pobj", "advmod"):
            break
        lemma = head.lemma_.lower()
        if dep in ("xcomp", "ccomp", "acl", "pcomp") and lemma in c.governing:
            level = c.governing[lemma]
            # "did not say X": negation of the report, not of X; only own negation counts.
            if not (level is Factuality.REPORTED and _first_person_subject(head)):
                found.append((level, head))
        tok = head
        before = len(found)
        _own_cues(tok, c, found)
        if dep == "conj":
            # A coordinated verb shares the modals of its first conjunct, not its negation.
            found[before:] = [(lv, t) for lv, t in found[before:] if lv is not Factuality.NEGATED]
    return _verdict(found)


def _first_person_subject(verb: Token) -> bool:
    return any(ch.dep_ == "nsubj" and ch.lower_ in ("i", "we") for ch in verb.children)


def _verdict(found: list[tuple[Factuality, Token]]) -> tuple[Factuality, list[Token]]:
    if not found:
        return Factuality.ASSERTED, []
    levels = {lv for lv, _ in found}
    # "would" without a condition is the future seen from the past: planned, not hypothetical.
    if Factuality.HYPOTHETICAL in levels and all(
        t.lower_ in ("would", "'d") for lv, t in found if lv is Factuality.HYPOTHETICAL
    ):
        found = [
            (Factuality.PLANNED if lv is Factuality.HYPOTHETICAL else lv, t) for lv, t in found
        ]
        levels = {lv for lv, _ in found}
    for level in ORDER:
        if level in levels:
            return level, [t for lv, t in found if lv is level]
    return Factuality.ASSERTED, []
