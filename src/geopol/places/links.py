"""Admin chains between recognised names: "Springfield, Illinois", "Baqim district (Saada)",
"Wagga area (Madagali LGA, Adamawa)" (the first name inside the next)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from geopol.places.afterprep import PLACE_NOUNS, comma_parts
from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry, Gazetteer

if TYPE_CHECKING:
    from geopol.places.recognise import Mention

#: Trailing words that say what kind of place a name is ("Khost district", "Hunan province").
FEATURE_WORDS: dict[str, str] = {
    "province": "admin1", "state": "admin1", "region": "admin1", "governorate": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "territory": "admin1", "district": "admin2",
    "county": "admin2", "municipality": "admin2", "city": "city", "town": "city",
    "village": "city", "lga": "admin2",
}
#: Feature words written in capitals: "Madagali LGA" (a Nigerian local government area).
UPPER_FEATURES = frozenset({"lga"})


def feature_word(tok: Token) -> bool:
    """A word after a name that says what kind of place it is ("district", "LGA")."""
    return tok.lower_ in FEATURE_WORDS and (
        tok.is_lower or (tok.is_upper and tok.lower_ in UPPER_FEATURES)
    )

#: Words between a name and the parenthesis of its container: "Rampur sector (Baramulla)".
_LINK_WORDS = frozenset(FEATURE_WORDS) | {"sector", "area", "camp", "tehsil", "locality",
                                          "neighbourhood", "neighborhood", "subdistrict",
                                          "commune", "ward", "settlement", "hamlet"}


#: A possessive after a name: "Cairo's Abbasiya district" (the next name lies in it).
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})


def link_chains(doc: Doc, found: Sequence[Mention]) -> None:
    """Mark "Springfield, Illinois", "Baqim district (Saada)" and "Tell Abiad in
    Ar-Raqqa": the first mention is inside the next one (a parenthesis says so surely, a
    comma or "in" only perhaps); and "Cairo's Abbasiya district": the second inside the
    first."""
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    for ia, ib in itertools.pairwise(order):
        a, b = found[ia], found[ib]
        if a.demonym or b.demonym or b.start - a.end > 24:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            continue
        j = span.end
        if j < len(doc) and doc[j].text in _POSSESSIVE:
            # "Cairo's Abbasiya district", "Paris' iconic Champs-Elysees": B lies in A
            k = j + 1
            while k < len(doc) and doc[k].idx < b.start and doc[k].is_lower and doc[k].is_alpha:
                k += 1
            if k < len(doc) and doc[k].idx == b.start and b.inside is None and b.text[:1].isupper():
                b.inside, b.loose = ia, True
            continue
        for _ in range(2):  # "Baqim district (Saada)", "Sawar sector area (Kupwara)"
            if j < len(doc) and doc[j].lower_ in _LINK_WORDS and (
                doc[j].is_lower or feature_word(doc[j])
            ):
                j += 1
        if j + 1 < len(doc) and doc[j + 1].idx == b.start and (
            doc[j].lower_ == "in" or (doc[j].lower_ == "of" and j > span.end)
        ):  # ... and "Desnianskyi district of Kyiv"
            a.inside, a.loose = ib, True  # "Qabr al Kabir in al-Hasakeh", "Kfraya in Idlib"
            continue
        if j + 1 >= len(doc) or doc[j].text not in (",", "("):
            continue
        k = j + 1
        if doc[j].text == "(" and doc[k].lower_ in FEATURE_WORDS and k + 1 < len(doc):
            k += 1  # "X (district of Y)" is rare; "X (province Y)" rarer still
        if doc[j].text == "(":
            k = _skip_unknown(doc, k, b.start)
        if doc[k].idx == b.start:
            a.inside, a.paren = ib, doc[j].text == "("
            b.outer = b.outer or a.paren  # "Baqim district (Saada)": Saada the governorate


def _skip_unknown(doc: Doc, k: int, target: int) -> int:
    """In "Wagga area (Madagali LGA, Adamawa)" the first link of the chain is a name the
    gazetteer lacks: the token of ``target`` (Adamawa) when only capitalised words, link
    words and commas lie between, else ``k`` unchanged."""
    i = k
    while i < len(doc) and doc[i].idx < target:
        t = doc[i]
        if not (t.text == "," or t.is_title or t.is_upper or t.lower_ in _LINK_WORDS
                or t.lower_ in ("al", "el", "de", "la", "of")):
            return k
        i += 1
    return i if i < len(doc) and doc[i].idx == target else k


def _known_name(gaz: Gazetteer, text: str) -> bool:
    return any(c.kind in (PRIMARY, ALIAS) for c in gaz.lookup(text))


def chain_parts(span: Span, gaz: Gazetteer) -> list[Span]:
    """The parts of a non-place entity right after "(" that is a chain of names, the last
    one known ("(Khairpur, Sindh)", "(Tharparkar, Sindh)"), else none."""
    if span.start == 0 or span.doc[span.start - 1].text != "(":
        return []
    parts = comma_parts(span, gaz)
    if len(parts) < 2 or not _known_name(gaz, parts[-1].text):
        return []
    # hyphenated names count ("(Pobe-Mengao, Soum)")
    names = all(
        (t.is_alpha and (t.is_title or t.is_upper)) or (t.text == "-" and t.i > p.start)
        for p in parts for t in p
    )
    return parts if names else []


def list_parts(span: Span, gaz: Gazetteer) -> list[Span]:
    """The parts of a non-place entity that is the head of a list of places: comma-joined
    names, one of them a known place, right before "and" (or a comma) and a place entity
    ("from Hornsey, Stoke Newington and Walthamstow" with the first two tagged ORG); else
    none. "to Escarcega, Campeche" is a chain, not a list: left to the chain rules."""
    doc = span.doc
    parts = comma_parts(span, gaz)
    if len(parts) < 2 or not all(
        t.is_alpha and (t.is_title or t.is_upper) for p in parts for t in p
    ):
        return []
    # the list goes on after the entity ("... and Walthamstow"): not "X, Region", a chain
    goes_on = (
        span.end + 1 < len(doc) and doc[span.end].lower_ in ("and", ",")
        and doc[span.end + 1].ent_type_ in ("GPE", "LOC")
    )
    if not goes_on or not any(_known_name(gaz, p.text) for p in parts):
        return []
    return parts


def before_chain(span: Span, gaz: Gazetteer) -> bool:
    """A name after a locative preposition and right before a parenthesis whose last name
    is known ("in Kelbo (Pobe-Mengao, Soum)" with Kelbo tagged PERSON), or before "in" and
    a known name ("near Tell Abiad in Ar-Raqqa" with Tell Abiad tagged ORG): a place,
    placed within the parenthesis or the known one."""
    doc = span.doc
    if span.start == 0 or not all(t.is_alpha and t.is_title for t in span):
        return False
    prev = doc[span.start - 1].lower_
    if prev == "of" and span.start > 1 and doc[span.start - 2].lower_ in PLACE_NOUNS:
        prev = "in"  # "in the countryside of Tell Abiad in Ar-Raqqa"
    if prev not in _LOCATIVE:
        return False
    if span.end + 1 < len(doc) and doc[span.end].lower_ == "in":
        # "near Tell Abiad in Ar-Raqqa": a place written in a known one
        end = span.end + 1
        while end < len(doc) and (doc[end].is_title or doc[end].text == "-"):
            end += 1
        return end > span.end + 1 and _known_name(gaz, doc[span.end + 1 : end].text)
    if span.end >= len(doc) or doc[span.end].text != "(":
        return False
    close = next((t.i for t in doc[span.end : span.end + 12] if t.text == ")"), None)
    if close is None or close - span.end < 2:
        return False
    last = doc[span.end + 1 : close]
    comma = max((t.i for t in last if t.text == ","), default=None)
    if comma is not None:
        last = doc[comma + 1 : close]
    return len(last) > 0 and _known_name(gaz, last.text)


#: Prepositions that put the name after them on the map.
_LOCATIVE = frozenset({"in", "at", "near", "outside"})


def mark_roles(doc: Doc, mentions: Sequence[Mention]) -> None:
    """Mark the mentions written aside from the story's scene: an origin ("migrants from
    Afghanistan") or a modifier of a noun ("US military forces", "Turkish-backed
    factions")."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        last = span[-1]
        m.aside = (span.start > 0 and doc[span.start - 1].lower_ == "from") or (
            last.dep_ in ("compound", "amod", "nmod") and last.head.pos_ == "NOUN"
            and last.head.i >= span.end and last.head.lower_ not in _LINK_WORDS
        )


def after_locative(doc: Doc, start: int, regions: list[Entry]) -> bool:
    """ "near Kremenivka, Donetsk", "in Gaskinde, Soum": a name after a locative
    preposition and before ", Region" is a place whether or not the gazetteer has it
    (an unknown village is placed in its region), when the region is a first-level
    division or a country."""
    return (
        start > 0
        and doc[start - 1].lower_ in _LOCATIVE
        and any(r.precision in ("admin1", "country") for r in regions)
    )


def named_feature(span: Span, gaz: Gazetteer) -> str | None:
    """The hint of a non-place entity that is a known name and its feature word ("Faskari
    LGA", "Donga LGA" tagged PERSON), else None."""
    if len(span) < 2 or not feature_word(span[-1]):
        return None
    return FEATURE_WORDS[span[-1].lower_] if _known_name(gaz, span[:-1].text) else None


def acronym_as_word(gaz: Gazetteer, tok: Token) -> bool:
    """A short word not written in capitals that the gazetteer knows only as an acronym
    ("Act" for the Australian Capital Territory)."""
    if tok.is_upper or len(tok) > 4:
        return False
    cands = gaz.lookup(tok.text)
    return bool(cands) and all(c.kind in (ALIAS, ALTERNATE) for c in cands)
