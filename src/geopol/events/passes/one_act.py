"""Pass ``one-act``: an act named by a noun and reported by the verb it is the subject of is
one event, not two.

"rockets fired by the militants struck the town", "the attack on the embassy hit the gate":
the noun (or the verb of a phrase inside the subject) names the act the governing verb reports.
Two verbs sharing one subject ("fired ... struck", as the parser often reads that sentence)
are one act too. When both read the same type, the event whose parties are all among the other's parties is
dropped, so the one with the fuller dyad stays (a tie keeps the governing verb's)."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.records import Event

#: Dependencies of the phrase that names the act the verb reports.
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _token(e: Event, ctx: SentenceContext) -> Token | None:
    trig = e.evidence.trigger
    span = ctx.doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span.root if span is not None else None


def in_subject(inner: Token, verb: Token) -> bool:
    """``inner`` is the subject of ``verb`` or inside that subject's phrase."""
    return any(
        ch.dep_ in SUBJECTS and ch.left_edge.i <= inner.i <= ch.right_edge.i for ch in verb.children
    )


def shared_subject(one: Token, other: Token) -> bool:
    """``other`` is a verb conjoined to ``one`` with no subject of its own: the two verbs share
    one subject ("rockets fired by the militants struck the town", parsed as two verbs)."""
    return (
        other.dep_ == "conj"
        and other.head.i == one.i
        and not any(ch.dep_ in SUBJECTS for ch in other.children)
    )


def one_act_pair(inner: Token, outer: Token) -> bool:
    """The two triggers read one act: ``inner`` is inside the subject of ``outer``, or they
    are two verbs sharing one subject."""
    return in_subject(inner, outer) or shared_subject(inner, outer) or shared_subject(outer, inner)


def _codes(e: Event) -> tuple[set[str], set[str]]:
    return {a.code for a in e.source}, {a.code for a in e.target}


def within(small: Event, big: Event) -> bool:
    """Every party of ``small`` is a party of ``big`` on the same side."""
    s1, t1 = _codes(small)
    s2, t2 = _codes(big)
    return s1 <= s2 and t1 <= t2


@register("one-act", Level.SENTENCE)
def one_act(ctx: SentenceContext) -> None:
    """Drop the event of a noun (or a phrase) that is the subject of a verb reporting the same
    act with the same or more parties ("rockets fired by the militants struck the town")."""
    mine = [e for e in ctx.state.events if e.evidence.sentence_index == ctx.number]
    tokens = {id(e): _token(e, ctx) for e in mine}
    drop: set[int] = set()
    for a in mine:
        ta = tokens[id(a)]
        if id(a) in drop:
            continue
        for b in mine:
            tb = tokens[id(b)]
            if a is b or ta is None or tb is None or ta.i == tb.i or a.type != b.type:
                continue
            if id(b) in drop or not one_act_pair(ta, tb):
                continue
            if within(a, b):
                drop.add(id(a))  # the noun's event adds nothing to the verb's
            elif within(b, a):
                drop.add(id(b))  # "the attack by X on Y hit": the noun has the dyad
    if drop:
        ctx.state.events = [e for e in ctx.state.events if id(e) not in drop]
