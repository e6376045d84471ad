"""Pass ``promised-events``: what an agreement commits its own maker to."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span

from geopol.events.arguments import dyad
from geopol.events.context import SentenceContext
from geopol.events.derived import table
from geopol.events.dyads import ActorIndex
from geopol.events.dyads import identified as _identified
from geopol.events.lexicon import Lexicon
from geopol.events.passes.base import Level, register
from geopol.events.realis import commercial, thing_aim
from geopol.events.triggers import CONTAINER_TYPES, Trigger
from geopol.events.verb_phrases import _lemma
from geopol.records import Actor, PloverType

#: Promised material acts that aimed at a thing and at nobody are policies, not acts.
_THING_TYPES = frozenset({PloverType.COERCE, PloverType.SANCTION})


def not_an_act(c: Trigger, target: list[Actor], idx: ActorIndex) -> bool:
    """A promised event that is no act toward anyone: a verbal or cooperative one toward
    nobody known (the ``targeted`` types), a ban on a thing, or a commercial one."""
    known = any(a.country or a.sector for a in target)
    if c.rule.type in table().targeted and not known:
        return True
    if c.rule.type in _THING_TYPES and not known and thing_aim(c.token, idx):
        return True
    return commercial(c.token)


@register("promised-events", Level.TRIGGER)
def promised_events(ctx: SentenceContext) -> None:
    """"Agreed to lift the sanctions on Iran": the lifting, planned, besides the AGREE."""
    r = ctx.current
    for c, c_src, c_tgt in _promised(r.trigger, r.source, ctx.sentence, ctx.index, ctx.lexicon):
        if not_an_act(c, c_tgt, ctx.index):
            continue  # "agreed to introduce a ban on smoking": a policy, no act toward anyone
        if ctx.topic.keeps(c_src, c_tgt) and ctx.first_time(c.rule.type, c_src, c_tgt):
            ctx.emit(c, c_src, c_tgt)


def _promised(
    trig: Trigger, source: list[Actor], sent: Span, idx: ActorIndex, lex: Lexicon
) -> Iterator[tuple[Trigger, list[Actor], list[Actor]]]:
    """What an agreement or pledge commits its own maker to ("agreed to lift the sanctions
    on Iran", "pledged to expel the group's leaders"): the promised event, planned, besides
    the AGREE itself. What others are to do ("agreed to let Russia send troops") is not."""
    if trig.rule.type != PloverType.AGREE or not source or _lemma(trig.token) not in table().commit:
        return  # "offered to send troops": an offer commits to nothing yet
    own = {a.country for a in source}
    for c in trig.content:
        if c.rule.type in CONTAINER_TYPES:
            continue
        c_src, c_tgt = dyad(c, sent, idx, lex)
        if c.noun and not _identified(c_src):
            continue  # "agreed to begin talks": a noun codes only with an actor of its own
        c_src, c_tgt = _identified(c_src) or source, _identified(c_tgt)
        if {a.country for a in c_src} <= own:
            yield c, c_src, [a for a in c_tgt if a.country not in own]
