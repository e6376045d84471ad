"""Demands and accusations made in reported speech, where no trigger word names them.

"Russia said Israel must end the strikes" is Russia demanding something of Israel (CAMEO
10), whatever the demanded act is; "Egypt said Sudan was behind the bombing" is Egypt
accusing Sudan (CAMEO 112). The speaker is the subject of a speech verb (``stance.speech``
in ``data/events/triggers.yaml``), the target is the subject of the clause it governs, and
that clause carries an obligation ("must", "should", "needs to") or assigns blame ("was
responsible", "is to blame").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from geopol.docarrays import doc_arrays
from geopol.events.lexicon import Lexicon, Rule

_SUBJECTS = ("nsubj", "nsubjpass")
_CLAUSES = ("ccomp", "parataxis")


def _covers(span: Span, tok: Token) -> bool:
    return span.start <= tok.i < span.end


def _speech_verb(clause: Token, lex: Lexicon) -> Token | None:
    """The speech verb governing the clause: "<someone> said (that) <clause>"."""
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "said X must leave and Y must pay": the second one too
    if clause.dep_ not in _CLAUSES or clause.head.i == clause.i:
        return None
    verb = clause.head
    return verb if verb.lemma_.lower() in lex.stance.speech else None


def speaker(verb: Token) -> list[Token]:
    """The subjects of a speech verb."""
    return [ch for ch in verb.children if ch.dep_ in _SUBJECTS]


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


def _stance(clause: Token, lex: Lexicon) -> Rule | None:
    st = lex.stance
    if st.demand_rule is not None and _obliged(clause, st.demand):
        return st.demand_rule
    if st.blame_rule is not None and _blamed(clause, st.blame):
        return st.blame_rule
    return None


def stated_in(sent: Span, lex: Lexicon) -> Iterator[tuple[Rule, Token, Token]]:
    """Every demand or accusation stated in the sentence: (rule, speech verb, the subject of
    the clause it is made of)."""
    if not lex.stance.speech:
        return
    dep = doc_arrays(sent.doc).dep
    for i in range(sent.start, sent.end):
        if dep[i] not in _SUBJECTS:
            continue
        subj = sent.doc[i]
        speech = _speech_verb(subj.head, lex)
        if speech is None or speech.i == subj.head.i:
            continue
        rule = _stance(subj.head, lex)
        if rule is not None:
            yield rule, speech, subj


def stated(source: Span, target: Span, lex: Lexicon) -> tuple[Rule, Token] | None:
    """The demand or accusation the source states about the target, if the sentence has
    one, with the speech verb that states it."""
    for rule, speech, subj in stated_in(target.root.sent, lex):
        if _covers(target, subj) and not _covers(target, subj.head) and any(
            _covers(source, s) for s in speaker(speech)
        ):
            return rule, speech
    return None
