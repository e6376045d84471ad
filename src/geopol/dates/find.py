"""Find every date phrase in a parsed article and resolve it.

Candidates come from spaCy's DATE and TIME entities plus patterns the small model misses
(bare weekdays, "today", "in 2022", "Oct. 4", "two days ago"). Each phrase is widened to
take in its preposition ("on Tuesday", "since 2019"), and the EventDate's ``start``/``end``
cover exactly its ``text``, preposition included: ``doc.text[start:end] == text``.
Phrases that name no datable point (durations, ages, decades) are dropped by ``resolve``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import numpy as np
from numpy.typing import NDArray
from spacy.attrs import LOWER, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from geopol.dates.resolve import alternation, resolve, vocabulary
from geopol.docarrays import doc_arrays
from geopol.records import EventDate

_ENTITY_LABELS = ("DATE", "TIME")
#: Modifiers that may sit between a preposition and the date words ("in early 2022").
_INNER = ("early", "late", "mid", "earlier", "later")


@functools.cache
def _regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Case-insensitive and case-sensitive patterns for phrases NER often misses."""
    v = vocabulary()
    months = alternation(m.capitalize() for m in v.months)
    weekdays = alternation(w.capitalize() for w in v.weekdays if len(w) > 3)
    numbers = alternation(v.numbers)
    loose = re.compile(
        r"\b(?:today|tonight|yesterday|tomorrow|last night"
        r"|(?:last|this|next) (?:week|weekend|month|year)"
        rf"|(?:\d+|{numbers}) (?:days?|weeks?|months?|years?) ago)\b",
        re.IGNORECASE,
    )
    strict = re.compile(
        rf"\b(?:(?:last|next|this|this coming|this past) )?(?:{weekdays})\b"
        rf"|\b(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:,? [12]\d{{3}})?\b"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?:{months})\.?(?: [12]\d{{3}})?\b"
        rf"|\b(?<=in |on |ce )(?:(?:early|late|mid)[- ])?(?:{months})(?: [12]\d{{3}})?\b"
        r"|\b(?<=in |ce |ng )(?:(?:early|late|mid)[- ])?[12]\d{3}\b(?![-\d])"
        r"|\b[12]\d{3}-\d{2}-\d{2}\b"
    )
    return loose, strict


@functools.cache
def _anchors() -> NDArray[np.uint64]:
    """Hashes of the lower-cased words and shapes that every pattern match contains."""
    v = vocabulary()
    words = {*v.months, *v.weekdays, "today", "tonight", "yesterday", "tomorrow", "ago", "night"}
    words |= {f"{w}." for w in v.months} | {f"{w}." for w in v.weekdays}
    words |= {"week", "weekend", "month", "year", "days", "weeks", "months", "years"}
    words |= {"dddd", "dddd-dd-dd", "xxx-dddd"}  # token shapes: years, ISO dates, "mid-2019"
    return np.array(sorted(get_string_id(w) for w in words), dtype=np.uint64)


#: Tokens of context either side of an anchor that a pattern match may span.
_WINDOW = 5


def _pattern_hits(doc: Doc) -> list[tuple[int, int]]:
    """Pattern matches, searched only around anchor tokens (scanning whole texts with the
    patterns costs more than the rest of the stage)."""
    if len(doc) == 0:
        return []
    table = doc.to_array([LOWER, SHAPE])
    anchors = _anchors()  # sorted: a binary search is np.isin without sorting the table
    at = np.minimum(np.searchsorted(anchors, table), len(anchors) - 1)
    found = (anchors[at] == table).any(axis=1)
    windows: list[tuple[int, int]] = []
    for i in np.flatnonzero(found).tolist():
        lo, hi = max(0, i - _WINDOW), min(len(doc), i + _WINDOW + 1)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    hits: list[tuple[int, int]] = []
    arrays = doc_arrays(doc)  # a window's text sliced from the Doc's, not built from Tokens
    full, idx, ends = arrays.text, arrays.idx, arrays.end
    for lo, hi in windows:
        start = idx[lo]
        text = full[start : ends[hi - 1]]
        for pattern in _regexes():
            hits.extend((start + m.start(), start + m.end()) for m in pattern.finditer(text))
    return sorted(set(hits))


def _candidates(doc: Doc) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Merged candidate spans, each with the pattern hits inside it (the fallback when the
    whole span does not resolve: "Tuesday and Wednesday", "September 12-14")."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _ENTITY_LABELS]
    hits = _pattern_hits(doc)
    spans.extend(hits)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(m, [h for h in hits if m[0] <= h[0] and h[1] <= m[1] and h != m]) for m in merged]


def _phrase_date(doc: Doc, start: int, end: int, published: dt.date | None) -> EventDate | None:
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or len(words) == 0 or _is_count(words):
        return None
    phrase = _widen(doc, words)
    text = phrase.text
    date = resolve(text, published, future=looks_forward(phrase))
    if date is None:
        return None
    return EventDate(
        value=date.value,
        precision=date.precision,
        text=text,
        start=phrase.start_char,
        end=phrase.end_char,
        unresolved_reason=date.unresolved_reason,
    )


def _widen(doc: Doc, span: Span) -> Span:
    """Take in a preceding preposition, over an "early"/"late" if there is one."""
    prepositions = vocabulary().prepositions
    i = span.start
    j = i - 1
    while j >= 0 and i - j <= 2 and doc[j].lower_ in _INNER:
        j -= 1
    if j >= 0 and doc[j].lower_ in prepositions:
        start = j
        if doc[j].lower_ == "of" and j > 0 and doc[j - 1].lower_ == "as":
            start = j - 1
        return doc[start : span.end]
    if j >= 1 and f"{doc[j - 1].lower_} {doc[j].lower_}" in prepositions:
        return doc[j - 1 : span.end]
    return span


def _is_count(span: Span) -> bool:
    """A bare number before a plural noun ("in 2000 cases") is a count, not a year."""
    if len(span) != 1 or not span[0].like_num:
        return False
    if not span[0].text.isdigit() or not 1800 <= int(span[0].text) <= 2100:
        return True
    nxt = span.doc[span[0].i + 1] if span[0].i + 1 < len(span.doc) else None
    return nxt is not None and nxt.tag_ == "NNS"


def clause_verb(token: Token) -> Token | None:
    """The nearest verb at or above ``token``: the clause the token belongs to."""
    seen = 0
    while seen < 50:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
        seen += 1
    return None


def looks_forward(span: Span) -> bool:
    """Whether the clause governing ``span`` speaks of the future ("will meet on Tuesday")."""
    vocab = vocabulary()
    verb = clause_verb(span.root)
    hops = 0
    while verb is not None and hops < 4:
        # "set"/"planned" look forward only as "are set to hold" or "is planned for":
        # "rebels set fire to the depot on Tuesday" is past.
        scheduled = hops > 0 or any(c.dep_ == "auxpass" for c in verb.children)
        if scheduled and (verb.lower_ in vocab.scheduling or verb.lemma_ in vocab.scheduling):
            return True
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in vocab.future_auxiliaries for a in auxiliaries):
            return True
        perfect = any(a in ("have", "'ve") for a in auxiliaries)
        if verb.tag_ == "VB" and not perfect and any(a in vocab.modals for a in auxiliaries):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
        hops += 1
    return False


def find_dates(doc: Doc, published: dt.date | None) -> list[EventDate]:
    """Every date phrase in ``doc`` that names a day, week, month or year, in text order.

    Example:
        >>> [d.value for d in find_dates(nlp("Talks began on Tuesday."), dt.date(2023, 9, 13))]
        ['2023-09-12']
    """
    found: list[EventDate] = []
    for (start, end), inside in _candidates(doc):
        date = _phrase_date(doc, start, end, published)
        if date is not None:
            found.append(date)
            continue
        for hit_start, hit_end in inside:
            part = _phrase_date(doc, hit_start, hit_end, published)
            if part is not None and (not found or (found[-1].end or 0) <= (part.start or 0)):
                found.append(part)
    return found
