"""Whose saying is the source's own (issue 16): a spokesman of the source's body. A helper of
eval/dyad_factuality.py; docs/stages/factuality.md, "Measuring it"."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality import cues as fact_cues

_BODY_DEPS = frozenset({"compound", "poss", "amod"})


def speaks_for(speaker: Token, sh: Token) -> bool:
    """ "The Dutch government backs the plan, said a spokesman for the government", "..., a
    ministry official said" of "the Dutch ministry": the speaker is one of ``spokespeople``
    of the source's own body (a noun of the source's phrase, hung on the speaker by "for" or
    "of", or as its compound or possessor), so the saying is the source's own. Words that
    qualify that body must be words of the source's phrase too ("a spokesman for the Belgian
    government" does not speak for the Dutch one)."""
    if speaker.lemma_.lower() not in fact_cues().spokespeople:
        return False
    words = {t.lemma_.lower() for t in sh.subtree if not t.is_punct}
    bodies = [ch for ch in speaker.children if ch.dep_ in ("compound", "poss")]
    for prep in (ch for ch in speaker.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of")):
        bodies.extend(g for g in prep.children if g.dep_ == "pobj")
    for body in bodies:
        if body.pos_ not in ("NOUN", "PROPN") or body.lemma_.lower() not in words:
            continue
        marks = [ch for ch in body.children if ch.dep_ in _BODY_DEPS and not ch.is_punct]
        marks += [ch for ch in speaker.children if ch.dep_ == "amod"]
        if all(m.lemma_.lower() in words for m in marks):
            return True
    return False
