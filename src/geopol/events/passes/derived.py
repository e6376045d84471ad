"""Pass ``derived-events``: events read off the verb governing another event."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.context import SentenceContext
from geopol.events.derived import derive
from geopol.events.factuality import assess
from geopol.events.passes.base import Level, register
from geopol.events.triggers import Trigger
from geopol.records import Factuality, PloverType


@register("derived-events", Level.TRIGGER)
def derived_events(ctx: SentenceContext) -> None:
    """"The US said Russia attacked Kyiv": also the US accusing Russia; "X wants Y to
    withdraw": an appeal; "said it would not send aid": a refusal (events/derived.py)."""
    r = ctx.current
    for d in derive(ctx, r):
        if not d.target or not ctx.topic.keeps(d.source, d.target):
            continue
        if not all(a.country for a in d.target):
            continue  # "state media reported insurgents bombarded": no dyad of states
        if not ctx.first_time(d.rule.type, d.source, d.target):
            continue
        head = Trigger(d.words[0], d.rule, noun=False, words=d.words)
        # factuality (issue 16): annotated as the pair both branches below give
        fact: tuple[Factuality, list[Token]] = assess(d.words[0], noun=False)
        if d.rule.type == PloverType.REJECT:
            # "said it would not send aid": the refusal is stated, as factual as the
            # verb that reports it ("said" asserted, "officials said he said" reported).
            z = d.words[0]
            fact = assess(z.head, noun=False) if z.dep_ == "ccomp" else (Factuality.ASSERTED, [])
        ctx.emit(head, d.source, d.target, fact)
