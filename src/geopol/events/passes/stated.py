"""Pass ``stated-events``: demands and blame stated in reported speech."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from geopol.events.context import SentenceContext
from geopol.events.dyads import ActorIndex
from geopol.events.dyads import identified as _identified
from geopol.events.lexicon import Lexicon
from geopol.events.passes.base import Level, register
from geopol.events.stance import speaker, stated_in
from geopol.events.triggers import Trigger
from geopol.records import Actor


@register("stated-events", Level.SENTENCE)
def stated_events(ctx: SentenceContext) -> None:
    """"X said Y must leave" (a demand), "X said Y was behind it" (an accusation): see
    events/stance.py. Not in sport or showbiz sentences."""
    if ctx.skipped:
        return
    for trig, src, tgt in _stated_events(ctx.sentence, ctx.index, ctx.lexicon, ctx.trigger_tokens):
        if ctx.topic.keeps(src, tgt) and ctx.first_time(trig.rule.type, src, tgt):
            ctx.emit(trig, src, tgt)


def _stated_events(
    sent: Span, idx: ActorIndex, lex: Lexicon, trig_at: set[int]
) -> Iterator[tuple[Trigger, list[Actor], list[Actor]]]:
    """Demands and blame stated in reported speech ("X said Y must leave", "X said Y was
    behind it"): see events/stance.py. The speech verb and the clause carry the event."""
    for rule, speech, subj in stated_in(sent, lex):
        if speech.i in trig_at or not idx.at(subj):
            continue  # "accused", "demanded": the verb's own trigger already codes it
        source = _identified([a for s in speaker(speech) if idx.at(s) for a in idx.group(s)])
        target = _identified(idx.group(subj))
        target = [a for a in target if a.code not in {s.code for s in source}]
        if source and target:
            yield Trigger(speech, rule, noun=False, words=(speech, subj.head)), source, target
