"""Small readings of tokens for the factuality walk: phrases, governing levels, subjects."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues
from geopol.records import Factuality


def phrase_at(tok: Token, phrases: frozenset[str]) -> bool:
    """A (multi-word) phrase of ``phrases`` starts at or runs through ``tok``."""
    doc = tok.doc
    for p in phrases:
        ws = p.split()
        for k, w in enumerate(ws):
            if w != tok.lower_:
                continue
            start = tok.i - k
            if (
                start >= 0
                and start + len(ws) <= len(doc)
                and all(doc[start + j].lower_ == ws[j] for j in range(len(ws)))
            ):
                return True
    return False


def opened_by(clause: Token, phrases: frozenset[str]) -> bool:
    """The words just before the clause are one of ``phrases`` ("in case" parsed apart)."""
    first = min(t.i for t in clause.subtree)
    doc = clause.doc
    for p in phrases:
        ws = p.split()
        start = first - len(ws)
        if start >= 0 and all(doc[start + j].lower_ == w for j, w in enumerate(ws)):
            return True
    return False


def in_subject(adv: Token) -> bool:
    """ "Indonesia, Malaysia and, perhaps, Thailand will meet": the hedge is on a conjunct of
    the subject (even one the parser split into two subjects), not on the event."""
    spans = [list(ch.subtree) for ch in adv.head.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not spans:
        return False
    first = min(sp[0].i for sp in spans)
    last = max(sp[-1].i for sp in spans)
    return first < adv.i < last


def not_only(tok: Token) -> bool:
    doc = tok.doc
    return (
        tok.lower_ == "not" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("only", "just")
    )


def purpose(tok: Token) -> bool:
    """An infinitive of purpose: "declined to renew contracts to lift crude"."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VB"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
        and not any(ch.dep_ in ("mark", "nsubj") for ch in tok.children)
    )


def governing(tok: Token, c: Cues) -> Factuality | None:
    """The level a governing verb gives, phrasal verbs included ("ruled out")."""
    lemma = tok.lemma_.lower()
    for ch in tok.children:
        if ch.dep_ in ("prt", "advmod"):
            level = c.governing.get(f"{lemma} {ch.lower_}")
            if level is not None:
                return level
    level = c.governing.get(lemma)
    if level is None and tok.lower_ != lemma:
        level = c.governing.get(tok.lower_)  # the file lists a form: "going to", "scheduled"
    return level


def phrasal(verb: Token) -> str:
    """The lemma with its particle: "turn down", "rule out"."""
    prt = next((ch for ch in verb.children if ch.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt.lower_}" if prt is not None else lemma


def subject(verb: Token) -> Token | None:
    return next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
