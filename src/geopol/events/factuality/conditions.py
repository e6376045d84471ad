"""Conditions: the clauses that make an event hypothetical ("if X", "should X", "provided
that X"), the ones that do not ("in case X": a precaution), and a condition the parser
hangs beside the clause it conditions."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues, cues
from geopol.events.factuality.words import (
    INVERTING_AUX,
    future_time,
    inverted,
    opened_by,
    phrase_at,
)

__all__ = [
    "bare_condition",
    "buried_condition",
    "conditional_mood",
    "consequent_before",
    "consequent_modal",
    "hangs_condition",
    "in_condition",
    "misparsed_condition",
    "precaution",
    "sibling_condition",
    "trailing_condition",
]


def in_condition(clause: Token, c: Cues) -> bool:
    """``clause`` is opened by a conditional mark ("if", "unless", "provided that") or by an
    inverted auxiliary ("should Iran close the strait", "were it to", "had they known")."""
    first = min(t.i for t in clause.subtree)
    if opened_by(clause, c.conditionals):
        return True
    if (
        clause.i == first
        and clause.lower_ in INVERTING_AUX
        and clause.i > clause.head.i
    ):
        return True  # "would sell more rice were the price right" (the parse hangs all on "were")
    if clause.i < clause.head.i and first == clause.sent.start:
        # "Should Iran attack tankers, Kuwait would ...": a sentence that opens with the
        # inverted auxiliary, however the parse reads the words after it
        opener = clause.doc[first]
        if opener.lower_ in INVERTING_AUX and opener.tag_ in ("MD", "VBD"):
            return True
    return inverted(clause) or any(
        ch.dep_ in ("mark", "advmod", "prep") and ch.i < clause.i and phrase_at(ch, c.conditionals)
        for ch in clause.children
    )


def sibling_condition(clause: Token, head: Token, c: Cues) -> bool:
    """ "said it would sign the loan provided the cuts were phased": the parse hangs the
    condition ("provided", "providing") beside the clause, on the verb of saying."""
    return any(
        ch.dep_ in ("ccomp", "advcl", "conj")
        and ch.i > clause.i
        and ch.lower_ in c.conditionals
        and not any(g.dep_ in ("dobj", "dative", "nsubj") for g in ch.children)  # "provided aid"
        for ch in head.children
    )


def precaution(clause: Token, c: Cues) -> bool:
    """ "in case fighting erupts": a condition that does not condition the main clause."""
    return opened_by(clause, c.precautions) or any(
        ch.i < clause.i and phrase_at(ch, c.precautions) for ch in clause.children
    )


def trailing_condition(clause: Token, c: Cues) -> bool:
    """ "will resume talks with the IMF provided its banks agree": the parse makes the
    condition's mark ("provided", "providing") a conjunct of the clause it conditions."""
    return clause.pos_ in ("VERB", "AUX") and sibling_condition(clause, clause, c)


def consequent_before(clause: Token, head: Token) -> bool:
    """ "will cut water to Syria should Damascus back the rebels": the parse hangs the
    consequent, as a complement, on the inverted condition that follows it."""
    if clause.dep_ != "ccomp" or clause.i > head.i:
        return False
    rest = [t.i for t in head.subtree if not (clause.left_edge.i <= t.i <= clause.right_edge.i)]
    first = min(rest)
    return any(
        ch.dep_ in ("aux", "auxpass") and ch.i == first and ch.lower_ in INVERTING_AUX
        for ch in head.children
    ) and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > first for s in head.children)


def consequent_modal(head: Token) -> bool:
    """ "should the army attack, the alliance would respond": an inverted clause before a clause
    with a modal is its condition (the parse may take it for a complement); without a modal
    ("should we cut tariffs, he asked") it is a question."""
    return any(
        ch.dep_ == "aux" and ch.lower_ in ("would", "will", "could", "might", "may", "'d", "'ll")
        for ch in head.children
    )


def conditional_mood(head: Token) -> bool:
    """Under "would" a precaution's mark ("in case") states the condition of the clause:
    "would send troops in case of an incursion" is hypothetical; without it ("troops stayed
    on alert in case fighting erupts") the clause is asserted."""
    return any(ch.dep_ == "aux" and ch.lower_ in ("would", "'d") for ch in head.children)


def misparsed_condition(clause: Token, c: Cues) -> bool:
    """A condition the parse does not hang as one: a clause with its own subject made a
    conjunct, though a conditional mark opens it ("kept on standby in case Cambodian forces
    crossed"), or an opening inverted auxiliary left unattached (``dep``) over a consequent
    with a modal ("should Azerbaijan attack Armenia, Moscow would ...", the sentence's first word)."""
    if clause.dep_ == "conj":
        return any(
            ch.dep_ in ("nsubj", "nsubjpass") for ch in clause.children
        ) and opened_by(clause, c.conditionals)
    return clause.dep_ == "dep" and consequent_modal(clause.head) and in_condition(clause, c)


def hangs_condition(tok: Token, ch: Token, c: Cues) -> bool:
    """``ch``, a child of ``tok``, is a condition of ``tok``'s clause: "if X" ("the consequent
    of if"), "provided that X", "would send troops in case of an incursion" (a precaution
    only under "would"), "would intervene should the dollar fall" (the parse takes it for a
    complement), "may buy, but only if X" (a conjunct)."""
    dep = ch.dep_
    if (
        dep in ("prep", "advcl", "advmod")
        and phrase_at(ch, c.conditionals)
        and (not phrase_at(ch, c.precautions) or conditional_mood(tok))
        and any(g.dep_ in ("ccomp", "pcomp", "pobj", "advcl", "acl") for g in ch.children)
    ):
        return True
    if dep == "advcl" and in_condition(ch, c):
        return not precaution(ch, c) or conditional_mood(tok)
    if dep == "advcl" and _provided_subject(ch, c):
        return True

    if dep == "ccomp" and ch.i > tok.i and inverted(ch):
        return True
    if dep == "conj" and ch.i > tok.i and _inverted_head(ch):
        return True  # "would rise, were Washington to offer a subsidy": parsed as a conjunct
    return (
        dep == "conj"
        and ch.i > tok.i
        and any(g.dep_ == "mark" and phrase_at(g, c.conditionals) for g in ch.children)
    )


def _provided_subject(mark: Token, c: Cues) -> bool:
    """ "would invest provided the Soviet Union guaranteed profits": the parse makes the mark
    a verb ("provided") whose only argument is the condition's subject (a dative), and the
    condition's verb a conjunct of the consequent. With an object, a subject or a preposition
    of its own it is the verb "provide" ("provided Iraq with arms")."""
    deps = [ch.dep_ for ch in mark.children]
    return (
        mark.lower_ in c.conditionals
        and mark.i > mark.head.i
        and "dative" in deps
        and not any(d in ("nsubj", "nsubjpass", "dobj", "prep", "ccomp", "xcomp") for d in deps)
    )


def _inverted_head(clause: Token) -> bool:
    """ "..., were Washington to offer", "..., had Seoul known": the inverted auxiliary heads
    the clause (the parse makes it a verb), opens it after a comma, its subject after it."""
    first = clause.left_edge.i
    doc = clause.doc
    return (
        clause.i == first
        and clause.lower_ in INVERTING_AUX
        and first > 0
        and doc[first - 1].text == ","
        and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.i > clause.i for ch in clause.children)
    )


def bare_condition(tok: Token, c: Cues) -> Token | None:
    """ "will release the funds provided it meets its targets": a conditional mark with no
    words of its own, which the parse hangs on the consequent or on its object, and the
    clause it opens (with its own subject) hung right after it, beside it."""
    holders = [tok, *(ch for ch in tok.children if ch.dep_ in ("dobj", "attr"))]
    for holder in holders:
        for mark in holder.children:
            if (
                mark.dep_ not in ("prep", "advmod", "advcl", "acl")
                or any(True for _ in mark.children)
                or mark.lower_ not in c.conditionals
                or phrase_at(mark, c.precautions)
            ):
                continue
            if any(
                # a conjunct too: "would reopen the border provided Kampala paid its fees"
                s.dep_ in ("ccomp", "advcl", "relcl", "acl", "conj")
                and s.left_edge.i == mark.i + 1
                and any(g.dep_ in ("nsubj", "nsubjpass") for g in s.children)
                for s in holder.children
            ):
                return mark
    return None


#: Dependencies through an argument phrase that stay in the clause (no clause boundary).
_PHRASE_DEPS = frozenset({"dobj", "dative", "prep", "pobj", "attr", "oprd", "npadvmod"})


def buried_condition(tok: Token, c: Cues) -> Token | None:
    """ "would supply Iraq with more oil in the event of an offensive": the parse hangs the
    condition's phrase on a noun of the clause's arguments instead of on the verb; it still
    conditions the clause (a precaution, "in case of", only under "would")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    todo = [ch for ch in tok.children if ch.dep_ in _PHRASE_DEPS]
    while todo:
        t = todo.pop()
        if (
            t.dep_ == "prep"
            and t.head.i != tok.i
            and phrase_at(t, c.conditionals)
            and (not phrase_at(t, c.precautions) or conditional_mood(tok))
            and any(g.dep_ in ("pobj", "pcomp") for g in t.children)
        ):
            return t
        todo.extend(ch for ch in t.children if ch.dep_ in _PHRASE_DEPS)
    return None


def scheduled(tok: Token, table: Cues | None = None) -> bool:
    """A time expression on ``tok`` puts it in the future ("hold talks next week")."""
    return future_time(tok, table or cues()) is not None


def condition_clause(clause: Token, table: Cues | None = None) -> bool:
    """``clause`` states a condition ("if X", "should X", "provided that X")."""
    return in_condition(clause, table or cues())
