"""Pass ``fill-arguments``: a scorer over every actor mention fills an empty source or target."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.addressee import addressed
from geopol.events.argscore import fill
from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.recall import organ_doers
from geopol.events.sympathy import EMPATHETIC, sympathy_target
from geopol.events.targets import people_of_places
from geopol.records import Actor

#: Kinds of target an organ of no stated country is coded toward: bodies and people, not a
#: state, a bloc or a seat named in its complement (prosecutors investigating a scandal
#: "in Europe" act on no bloc).
_PARTIES = frozenset({"agent", "person", "org", "group", "igo"})


_TOWARD = frozenset({"to", "with", "against", "toward", "towards", "for"})


def _root_of(a: Actor, ctx: SentenceContext) -> Token | None:
    span = ctx.index.doc.char_span(a.start, a.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _direct(target: Actor, doer: Actor, trigger: Token, ctx: SentenceContext) -> bool:
    """The organ is the trigger's own subject and the target its object or the object of a
    "to/with/against" phrase, on the trigger or on the verb it carries ("refused to meet
    with the envoy"); a party inside a clause or a report it mentions is not acted on."""
    verbs = {trigger.i} | {ch.i for ch in trigger.children if ch.dep_ == "xcomp"}
    doer_root, root = _root_of(doer, ctx), _root_of(target, ctx)
    if doer_root is None or root is None:
        return False
    if not (doer_root.dep_ in ("nsubj", "nsubjpass") and doer_root.head.i == trigger.i):
        return False
    if root.dep_ in ("dobj", "dative"):
        return root.head.i in verbs
    return (
        root.dep_ == "pobj"
        and root.head.dep_ == "prep"
        and root.head.lower_ in _TOWARD
        and root.head.head.i in verbs
    )


@register("fill-arguments", Level.TRIGGER)
def fill_arguments(ctx: SentenceContext) -> None:
    """When the fixed patterns of ``arguments`` leave a side empty, the best-scored actor
    mention of the sentence fills it: "Palestinian officials demanded that the United States
    recognise a Palestinian state" gives the United States as the target (see
    events/argscore.py)."""
    r = ctx.current
    message = addressed(r.trigger.token, r.trigger.rule.type, ctx.index)
    if message is not None:
        # "wrote to the Greek government demanding repayment": the sender demands it of
        # whom the letter reached (events/addressee.py)
        r.source, r.target = message
        return
    r.source, r.target = fill(r.trigger.token, r.trigger.rule.type, ctx.index, r.source, r.target)
    if not r.source and not r.target:
        # "The prime minister refused to see the French envoy": a state organ of no
        # stated country still acts on the party the scorer finds (unnamed-doers keeps it):
        # its own object, a body or a person, not a country word ("to decide how Britain
        # could be defended" asks nothing of Britain)
        organs = organ_doers(r.raw_source)
        if organs:
            _, target = fill(r.trigger.token, r.trigger.rule.type, ctx.index, organs, [])
            if all(
                a.sector and a.kind in _PARTIES and _direct(a, organs[0], r.trigger.token, ctx)
                for a in target
            ):
                r.target = target
    r.target = people_of_places(r.trigger.rule.type, r.target, r.raw_target, ctx.index)
    if not r.target and r.trigger.rule.cameo == EMPATHETIC:
        # "expressed sorrow for the shootings in Charleston": the people of the place the
        # mourned event happened in (events/sympathy.py)
        r.target = sympathy_target(r.trigger.token, ctx.where.places)
