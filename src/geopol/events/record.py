"""The Event record of a coded trigger: type, CAMEO code, factuality, date, place, evidence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from geopol import __version__
from geopol.dates import date_for_event
from geopol.events.cameo import (
    PLOVER_INTENSITY,
    PLOVER_QUAD,
    cameo_info,
    closest_cameo,
    with_mode,
)
from geopol.events.factuality import assess, close_call_penalty
from geopol.events.triggers import Trigger
from geopol.places import locate_event
from geopol.records import Actor, Event, Evidence, Factuality, Origin
from geopol.records import Span as TextSpan

if TYPE_CHECKING:
    from geopol.events.context import SentenceContext

CODER_VERSION = f"geopol-{__version__}"


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    # Doc.text joins every token on each call; cached, or long articles code in quadratic time.
    text = doc.user_data.get("geopol.text")
    if text is None:
        text = doc.user_data["geopol.text"] = doc.text
    return TextSpan(start=start, end=end, text=text[start:end])


def _tok_span(tok: Token) -> TextSpan:
    return TextSpan(start=tok.idx, end=tok.idx + len(tok), text=tok.text)


def _actor_span(a: Actor) -> TextSpan:
    return TextSpan(start=a.start, end=a.end, text=a.text)


def build_event(
    ctx: SentenceContext,
    trig: Trigger,
    source: list[Actor],
    target: list[Actor],
    fact: tuple[Factuality, list[Token]] | None = None,
) -> Event:
    """The Event record of a trigger and its dyad in the context's sentence: type and CAMEO
    code from the trigger's rule, factuality (``fact``, else read off the trigger), date,
    place, evidence spans and confidence."""
    doc, article, si, sent = ctx.doc, ctx.article, ctx.number, ctx.sentence
    dates, places, dateline_place = ctx.dates, ctx.places, ctx.state.dateline
    rule = trig.rule
    reading = fact or assess(trig.token, noun=trig.noun)
    factuality, cue_tokens = reading
    when = date_for_event(trig.token, dates)
    where = locate_event(
        trig.token, places, dateline_place if si <= 2 else None, paragraph=True
    )
    # the mode's code (issue 19): ASSAULT/firearms with the rule's 190 is 193, as GDELT writes it
    code = with_mode(rule.cameo or closest_cameo(rule.type, rule.mode), rule.type, rule.mode)
    info = cameo_info(code)
    first, last = min(t.i for t in trig.words), max(t.i for t in trig.words)
    trigger_span = _span(doc, doc[first].idx, doc[last].idx + len(doc[last]))
    confidence = 0.55
    if target:
        confidence += 0.2
    if not trig.noun:
        confidence += 0.1
    if any(a.origin is Origin.COREF for a in source):
        confidence -= 0.1
    if any(a.kind == "adjective" for a in source):
        confidence -= 0.05
    confidence -= close_call_penalty(reading)  # factuality (issue 16)
    return Event(
        type=rule.type,
        mode=rule.mode,
        contexts=list(rule.contexts),
        cameo=code,
        cameo_root=info.root,
        quad=PLOVER_QUAD[rule.type],
        goldstein=info.goldstein,
        intensity=PLOVER_INTENSITY[rule.type],
        factuality=factuality,
        source=source,
        target=target,
        date=when,
        location=where,
        evidence=Evidence(
            article_id=article.id,
            sentence_index=si,
            sentence=_span(doc, sent.start_char, sent.end_char),
            trigger=trigger_span,
            source=[_actor_span(a) for a in source],
            target=[_actor_span(a) for a in target],
            location=_span(doc, where.start, where.end)
            if where and where.end > where.start
            else None,
            date=_span(doc, when.start, when.end)
            if when and when.start is not None and when.end
            else None,
            cues=[_tok_span(t) for t in cue_tokens],
        ),
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        article_id=article.id,
        article_title=article.title,
        article_url=article.url,
        article_path=article.path,
        published=article.published,
        coder="geopol",
        coder_version=CODER_VERSION,
    )
