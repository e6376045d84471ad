"""Pass ``unreal-events``: an event the text only supposes is no coded event.

An event of parties, firms, broadcasters or unnamed people read as hypothetical ("if he returned
to the front bench") or speculated ("the BBC would be better advised to leave", "expected to
return cash to shareholders") is an opinion or an expectation, not a report of an act: the hand-read precision check
(docs/precision-guide.md) found most of them wrong in type or parties. Which readings are
dropped is ``DROPPED``; a threat, conditional by nature, is kept, and so is the possible act
of a state, a bloc, an organisation of states or a state organ ("Kim may seek food aid from Russia", "if it supplied arms, the West
could escalate its sanctions": a forecast about states is what event data keeps, with its
factuality), and an event in a
sentence with another word of force or unrest ("suspected militants killed six civilians":
the doubt is about who did it, not whether it happened)."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.passes.civil_gate import other_force
from geopol.records import Event, Factuality, PloverType

#: Factuality readings whose events are dropped.
DROPPED = frozenset({Factuality.HYPOTHETICAL, Factuality.SPECULATED})
#: Sectors of a state's organs: their possible acts are kept (the event data's forecasts).
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
#: Kinds of actor that are states or groups of states ("Western" is an adjective of a bloc).
STATES = frozenset({"state", "bloc", "igo", "adjective"})
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
    if any(a.country and (a.kind in STATES or a.sector in STATE_SECTORS) for a in e.source):
        return False  # a possible act of a state is a coded possibility ("Kim may seek aid")
    trig = e.evidence.trigger
    span = ctx.doc.char_span(trig.start, trig.end, alignment_mode="expand")
    return span is None or not other_force(ctx.sentence, span.root)
