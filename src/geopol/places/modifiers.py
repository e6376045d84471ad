"""Place names that modify other words: a country in a compound adjective ("U.S.-led",
"Turkish-Russian relations"), a demonym that opens an organisation's name ("the Syrian
Observatory for Human Rights"), and a demonym that names a language, not a country
("shouted in Turkish").

The words after the hyphen that keep the place ("led", "based": ``hyphen_suffixes`` in
``data/places/modifiers.yaml``) are vocabulary a user can extend.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from spacy.tokens import Doc, Span

from geopol.actors.stances import BACKING, STANCE_PREFIXES
from geopol.docarrays import doc_arrays
from geopol.places.build import read_data
from geopol.places.gazetteer import ALIAS, DEMONYM, PRIMARY, Gazetteer, names_a_country
from geopol.places.mislabelled import KNOWN_POP
from geopol.yamlio import load_yaml


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict[str, frozenset[str]]:
    raw = load_yaml(read_data("modifiers.yaml")) or {}
    return {str(k): frozenset(str(w).casefold() for w in v or ()) for k, v in raw.items()}


@functools.lru_cache(maxsize=1)
def _suffix_pattern() -> re.Pattern[str]:
    words = "|".join(sorted(map(re.escape, _vocabulary().get("hyphen_suffixes", ()))))
    # a capitalised name (with its periods: "U.S.") right before "-led", "-based" ...
    return re.compile(r"(?<![\w.-])([A-Z][A-Za-z.]*[A-Za-z.])-(?:" + words + r")\b")


def _place_name(gaz: Gazetteer, text: str) -> bool:
    """A country, division or sizeable town by its own name or a demonym."""
    return any(
        c.kind == DEMONYM
        or (c.kind in (PRIMARY, ALIAS) and (c.precision != "city" or c.pop >= KNOWN_POP))
        for c in gaz.lookup(text)
    )


def hyphen_prefixes(
    doc: Doc, gaz: Gazetteer, free: Callable[[int, int], bool]
) -> list[tuple[int, int, str]]:
    """ "a U.S.-led campaign", "a Seattle-based firm": (start, end, text) of each place
    written before a hyphen and a word of ``hyphen_suffixes``, where ``free(start, end)``
    says no other mention holds those characters."""
    text = doc_arrays(doc).text  # spaCy joins every token on each ``doc.text``
    if "-" not in text:
        return []
    out = []
    for m in _suffix_pattern().finditer(text):
        a, b = m.span(1)
        if free(a, b) and _place_name(gaz, m.group(1)):
            out.append((a, b, m.group(1)))
    return out


def hyphen_parts(span: Span, gaz: Gazetteer) -> list[Span]:
    """ "Turkish-Russian" (one NORP entity): its parts, when every part is a demonym or a
    place; else []."""
    if len(span) < 3 or not any(t.text == "-" for t in span):
        return []
    parts: list[Span] = []
    start = span.start
    for t in span:
        if t.text == "-":
            parts.append(span.doc[start : t.i])
            start = t.i + 1
    parts.append(span.doc[start : span.end])
    if any(not len(p) or not _place_name(gaz, p.text) for p in parts):
        return []
    return parts


def leading_demonym(span: Span, gaz: Gazetteer) -> Span | None:
    """ "The Canadian Press", "Syrian Observatory for Human Rights": the demonym that opens
    an organisation's name, where more of the name follows it; also a country's name written
    in capitals ("the U.S. Transportation Department", "the UK Home Office")."""
    i = span.start
    if i < span.end and span.doc[i].lower_ == "the":
        i += 1
    if i + 1 >= span.end:
        return None
    tok = span.doc[i]
    if tok.is_upper and len(tok.text.replace(".", "")) >= 2 and names_a_country(
        gaz.lookup(tok.text)
    ):
        return span.doc[i : i + 1]
    if not (tok.is_alpha and tok.is_title) or tok.tag_ == "NNPS":
        return None
    if not any(c.kind == DEMONYM for c in gaz.lookup(tok.text)):
        return None
    return span.doc[i : i + 1]


#: Words that take a language as their object: "in Turkish", "speaks French".
_LANGUAGE_HEADS = frozenset({"in", "into", "speak", "speaks", "spoke", "spoken", "speaking",
                             "translate", "translated"})


def language_use(span: Span) -> bool:
    """ "shouted in Turkish", "speaks French fluently": a demonym standing alone as the
    object of "in" or of a verb of speaking names a language."""
    if len(span) != 1:
        return False
    tok = span[0]
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "in Turkish and Arabic"
    return tok.dep_ in ("pobj", "dobj") and tok.head.lower_ in _LANGUAGE_HEADS




def abbreviated_town(span: Span, gaz: Gazetteer) -> Span | None:
    """ "Wainwright, Alta" tagged ORG: the town before ", State abbreviation" (the
    abbreviation itself is found afterwards, as after any place)."""
    doc = span.doc
    commas = [t.i for t in span if t.text == ","]
    if len(commas) != 1 or commas[0] == span.start or commas[0] + 1 >= span.end:
        return None
    town, tail = doc[span.start : commas[0]], doc[commas[0] + 1 : span.end]
    if not all(t.is_alpha and t.is_title for t in town):
        return None
    text = tail.text
    if not text.endswith(".") and span.end < len(doc) and doc[span.end].text == ".":
        text += "."
    return town if gaz.abbreviation(text) is not None else None


@functools.lru_cache(maxsize=1)
def _stance_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    before = re.compile(r"(?i)\b(?:" + "|".join(sorted(STANCE_PREFIXES)) + r")-$")
    after = re.compile(r"(?i)^-(?:" + "|".join(sorted(BACKING)) + r")\b")
    return before, after


def stance(text: str, start: int, end: int) -> bool:
    """ "pro-Russia rebels", "Iranian-backed militias": a stance, not a place the story is in."""
    before, after = _stance_patterns()
    return bool(before.search(text[max(0, start - 6) : start])) or bool(
        after.match(text[end : end + 14])
    )


def names_currency(doc: Doc, start: int, end: int) -> bool:
    """ "the US dollar exchange rate": a name right before a currency noun
    (``currency_nouns`` in ``data/places/modifiers.yaml``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]  # a noun: "Russia won the vote" names no currency
    return nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ in _vocabulary().get("currency_nouns", frozenset())
