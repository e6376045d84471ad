"""Acts of force that someone else only argues or supposes (pass ``stance-gate``).

A speaker's claim about what another party could, would or wants to do is a view, not an act
of that party: "officials argued that militants wanted to attack the capital", "critics warn
the junta could use the loans to crush dissent", "a bombing could happen here too, he
warned", "she is of the opinion that the troops feed the revolt". The clause of the act is
supposed (a modal, a verb of scheme or wish on the way up) and sits in the complement of a
verb of saying or view, or of a noun of view, whose speaker is not the doer: a speaker's own
"would attack" is a threat and stays, and so does a plain report ("police said militants
attacked the town"). The word lists are keys of ``data/events/derived.yaml``
(``hearsay_verbs``, ``hearsay_nouns``, ``scheme_verbs``, ``occur_verbs``).
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Token

from geopol.events.datafile import lowered, read_data
from geopol.events.dyads import ActorIndex
from geopol.records import Actor, PloverType

#: Types of force whose supposed doing, argued by another, is no act.
FORCE = frozenset({PloverType.ASSAULT, PloverType.THREATEN, PloverType.COERCE})
#: Modals of a supposed act.
_SUPPOSING = frozenset({"would", "could", "might", "may", "can", "'d"})
#: Labels climbed from the act toward the verb or noun of saying.
_UP = frozenset({
    "ccomp", "xcomp", "relcl", "acl", "advcl", "conj", "pcomp", "pobj", "prep", "dobj",
    "compound", "nsubj", "nsubjpass",
})
#: Pronouns of a doer who may be the speaker ("he said he would attack").
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
#: Sectors and kinds of a state's own organs: its leader speaks for its forces.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
_STATE_KINDS = frozenset({"state", "bloc", "igo", "adjective"})
#: How many tokens the climb may pass.
_REACH = 12


@dataclasses.dataclass(frozen=True, slots=True)
class _Words:
    verbs: frozenset[str]
    nouns: frozenset[str]
    schemes: frozenset[str]
    occur: frozenset[str]


@functools.lru_cache(maxsize=1)
def _words() -> _Words:
    d = read_data("derived.yaml")
    return _Words(
        verbs=lowered(d.get("hearsay_verbs") or []),
        nouns=lowered(d.get("hearsay_nouns") or []),
        schemes=lowered(d.get("scheme_verbs") or []),
        occur=lowered(d.get("occur_verbs") or []),
    )


def _supposes(tok: Token, w: _Words) -> bool:
    """A verb with a modal, or a verb of scheme or wish ("wanted to", "are plotting")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_.lower() in w.schemes:
        return True
    return any(c.dep_ == "aux" and c.lower_ in _SUPPOSING for c in tok.children)


def _speaker(tok: Token) -> list[Token]:
    """The subject of a verb of saying, or of the clause a participle of saying hangs on
    ("defended the law, saying ...")."""
    for verb in (tok, tok.head):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or tok.dep_ != "advcl":
            return subj
    return []


def _state(a: Actor) -> bool:
    return bool(a.country) and (a.kind in _STATE_KINDS or a.sector in _STATE_SECTORS)


def _speaks_for_doer(speaker: list[Token], source: list[Actor], idx: ActorIndex) -> bool:
    """Whether the doer is the speaker (same words, or a pronoun doer), or the speaker is a
    state's organ and the doer an organ of the same state ("the president warned that his
    army would strike": a threat)."""
    spans = [(s.left_edge.idx, s.right_edge.idx + len(s.right_edge)) for s in speaker]
    states = {a.country for s in speaker for a in idx.at(s) if _state(a)}
    for a in source:
        if _state(a) and a.country in states:
            return True
        if a.text.lower() in _PRONOUNS:
            return True
        if any(a.start < end and start < a.end for start, end in spans):
            return True
    return False


def argued(trigger: Token, kind: PloverType, source: list[Actor], idx: ActorIndex) -> bool:
    """Whether an act of force is only what a speaker other than its doer argues it could
    or wants to be."""
    if kind not in FORCE:
        return False
    w = _words()
    tok = trigger
    supposed = _supposes(tok, w)
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_.lower() in w.occur:
        supposed = supposed or _supposes(tok.head, w)  # "a bombing could happen"
    for _ in range(_REACH):
        if tok.dep_ not in _UP or tok.head.i == tok.i:
            return False
        came = tok.dep_
        tok = tok.head
        low = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and low in w.nouns and came in ("acl", "ccomp"):
            return True  # "of the opinion that the troops feed the revolt"
        if tok.pos_ == "VERB" and low in w.verbs and came in ("ccomp", "advcl", "conj"):
            speaker = _speaker(tok)
            return supposed and bool(speaker) and not _speaks_for_doer(speaker, source, idx)
        supposed = supposed or _supposes(tok, w)
    return False
