"""Fights that break out: "a fight broke out between traders", "an altercation took place".

Local reporting (ACLED notes) tells many fights by their onset, with the fight noun as the
subject of an onset verb and nobody named as its doer. Nouns such as "fight" or
"confrontation" are no trigger of their own (they are figures in news: "the fight against
the virus"), but as the subject of "broke out", "erupted", "took place" they tell fighting.
``onset_fights`` adds a trigger for each such noun, with the rule of the ``like`` noun of
``data/events/local_notes.yaml`` ("clash"); the passes after it find its parties ("between X and
Y") or, with none named, the unnamed doers of the place (events/recall.py ``placed_doer``),
as for "clashes erupted in the town".
"""

from __future__ import annotations

import functools

from spacy.tokens import Span, Token

from geopol.events.datafile import read_data
from geopol.events.lexicon import Lexicon, Rule
from geopol.events.local_words import LOCAL_NOTES
from geopol.events.triggers import Trigger
from geopol.events.verb_phrases import _lemma
from geopol.records import PloverType


@functools.lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], dict[str, frozenset[str]], str]:
    """(fight nouns, onset verb -> the words one of which it needs after it, empty when the
    bare verb is enough, the trigger noun to copy)."""
    data = read_data(LOCAL_NOTES)
    fights = frozenset(str(w).lower() for w in data.get("fights") or ())
    bare: set[str] = set()
    needs: dict[str, set[str]] = {}
    for phrase in data.get("onsets") or ():
        verb, *rest = str(phrase).lower().split()
        if rest:
            needs.setdefault(verb, set()).add(rest[0])
        else:
            bare.add(verb)
    onsets = {v: frozenset() if v in bare else frozenset(needs.get(v, ())) for v in bare | set(needs)}
    return fights, onsets, str(data.get("like") or "clash")


def _rule(lexicon: Lexicon, like: str) -> Rule | None:
    """The ASSAULT rule of the ``like`` noun in the lexicon."""
    return next(
        (p.rule for p in lexicon.nouns.get(like, []) if not p.rest and p.rule.type is PloverType.ASSAULT),
        None,
    )


def _fight_noun(tok: Token, fights: frozenset[str]) -> bool:
    """A fight noun: "fight", or a compound of it written as two words ("fist fight")."""
    if tok.pos_ != "NOUN":
        return False
    if tok.lower_ in fights or _lemma(tok) in fights:
        return True
    compounds = [c for c in tok.children if c.dep_ == "compound"]
    return any(f"{c.lower_} {tok.lower_}" in fights for c in compounds)


def _onset(verb: Token, onsets: dict[str, frozenset[str]]) -> bool:
    """An onset verb with the particle or object it needs ("broke out", "took place")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    needs = onsets.get(_lemma(verb))
    if needs is None:
        return False
    if not needs:
        return True
    return any(c.dep_ in ("prt", "dobj", "advmod") and c.lower_ in needs for c in verb.children)


def onset_fights(trigs: list[Trigger], sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """``trigs`` with a trigger added for each fight noun that is the subject of an onset
    verb ("a fight broke out", "confrontations erupted") and carries no trigger yet."""
    fights, onsets, like = _data()
    taken = {t.token.i for t in trigs} | {w.i for t in trigs for w in t.words}
    found = [
        tok
        for tok in sent
        if tok.i not in taken
        and tok.dep_ == "nsubj"
        and _fight_noun(tok, fights)
        and _onset(tok.head, onsets)
        and tok.head.i not in taken
    ]
    if not found:
        return trigs
    rule = _rule(lexicon, like)
    if rule is None:
        return trigs
    return [*trigs, *(Trigger(tok, rule, noun=True, words=(tok,)) for tok in found)]


def onset_fight(trig: Trigger) -> bool:
    """Whether ``trig`` is a fight noun told by its onset ("a fight broke out")."""
    fights, onsets, _ = _data()
    tok = trig.token
    return (
        trig.noun
        and tok.dep_ == "nsubj"
        and _fight_noun(tok, fights)
        and _onset(tok.head, onsets)
    )


__all__ = ["onset_fight", "onset_fights"]
