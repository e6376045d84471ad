"""Pass ``unreal-events``: an event the text only supposes is no coded event.

An event read as hypothetical ("if the cabinet approves the deal") or speculated ("it would be
a boost if he returned", "could threaten exports", "should not ignore") is an opinion, an
expectation or a forecast about an act, not a report of one: the hand-read precision check
(docs/precision-guide.md) found most of them wrong in type or parties. Which readings are
dropped is ``DROPPED``; a threat, conditional by nature, is kept, and so is an event in a
sentence with another word of force or unrest ("suspected militants killed six civilians":
the doubt is about who did it, not whether it happened)."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.passes.civil_gate import other_force
from geopol.records import Event, Factuality, PloverType

#: Factuality readings whose events are dropped.
DROPPED = frozenset({Factuality.HYPOTHETICAL, Factuality.SPECULATED})
#: Types whose act is conditional by nature and kept ("warned of military action if ...").
CONDITIONAL = frozenset({PloverType.THREATEN})


@register("unreal-events", Level.SENTENCE)
def unreal_events(ctx: SentenceContext) -> None:
    """Drop the sentence's events read as hypothetical or speculated ("if the cabinet
    approves"), once every pass before has coded them."""
    state = ctx.state
    state.events = [e for e in state.events if not _unreal(e, ctx)]


def _unreal(e: Event, ctx: SentenceContext) -> bool:
    """An event of this sentence read as supposed, in a sentence with no other word of force
    or unrest ("suspected militants killed six civilians" stays: the doubt is who did it)."""
    if e.factuality not in DROPPED or e.type in CONDITIONAL:
        return False
    if e.evidence.sentence_index != ctx.number:
        return False
    trig = e.evidence.trigger
    span = ctx.doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span is None or not other_force(ctx.sentence, span.root)
