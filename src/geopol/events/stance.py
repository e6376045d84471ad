"""Demands and accusations made in reported speech, where no trigger word names them.

"Russia said Israel must end the strikes" is Russia demanding something of Israel (CAMEO
10), whatever the demanded act is; "Egypt said Sudan was behind the bombing" is Egypt
accusing Sudan (CAMEO 112). The speaker is the subject of a speech verb (``stance.speech``
in ``data/events/triggers.yaml``), the target is the subject of the clause it governs, and
that clause carries an obligation ("must", "should", "needs to") or assigns blame ("was
responsible", "is to blame").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geopol.events.lexicon import Lexicon, Rule

_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSES = ("ccomp", "parataxis")


def _covers(span: Span, tok: Token) -> bool:
    return span.start <= tok.i < span.end


def _speaker_verb(clause: Token, source: Span, lex: Lexicon) -> Token | None:
    """The speech verb when the clause is what the source says: "<source> said (that) <clause>"."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said X must leave and Y must pay": the second one too
    if clause.dep_ not in _CLAUSES or clause.head.i == clause.i:
        return None
    verb = clause.head
    if verb.lemma_.lower() not in lex.stance.speech:
        return None
    if any(ch.dep_ in _SUBJECTS and _covers(source, ch) for ch in verb.children):
        return verb
    return None


def _obliged(verb: Token, words: frozenset[str]) -> bool:
    """Obligation: "must go", "should go", "ought to go", "needs to go", "has to go"."""
    if any(ch.dep_ == "aux" and ch.lower_ in words for ch in verb.children):
        return True
    return verb.lemma_.lower() in words and any(
        ch.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)
        for ch in verb.children
    )


def _blamed(verb: Token, words: frozenset[str]) -> bool:
    """Blame: "was responsible", "was behind the attack", "is to blame"; not "was not behind"."""
    if any(ch.dep_ == "neg" for ch in verb.children):
        return False
    return any(
        ch.dep_ in ("acomp", "attr", "prep", "xcomp", "oprd") and ch.lemma_.lower() in words
        for ch in verb.children
    )


def stated(source: Span, target: Span, lex: Lexicon) -> tuple[Rule, Token] | None:
    """The demand or accusation the source states about the target, if the sentence has
    one, with the speech verb that states it."""
    st = lex.stance
    if not st.speech:
        return None
    for subj in target:
        if subj.dep_ not in _SUBJECTS or _covers(target, subj.head):
            continue
        clause = subj.head
        speech = _speaker_verb(clause, source, lex)
        if speech is None:
            continue
        if st.demand_rule is not None and _obliged(clause, st.demand):
            return st.demand_rule, speech
        if st.blame_rule is not None and _blamed(clause, st.blame):
            return st.blame_rule, speech
    return None
