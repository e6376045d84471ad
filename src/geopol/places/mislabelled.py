"""Entities NER labelled as something other than a place (NORP, ORG, PERSON) that
geolocation still wants: demonyms, places NER mislabelled ("Canada" as ORG), a place inside
an organisation's name ("Kentucky State Police"), and names standing where only a place can
("Baramulla district", "(Kismaayo, Lower Juba)"). Used by recognise.py."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from geopol.docarrays import doc_arrays
from geopol.places.gazetteer import ALIAS, ALTERNATE, DEMONYM, PRIMARY, Gazetteer
from geopol.places.links import UPPER_FEATURES, feature_word
from geopol.places.notplaces import word_list

#: NER labels whose entities are looked up as places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def marked(doc: Doc, i: int) -> bool:
    """Token ``i`` stands where only a place can: before a feature word ("Baramulla
    district"), before its division in parentheses ("Patiala (Punjab)") or right after an
    opening parenthesis ("(Kismaayo, Lower Juba)")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and feature_word(nxt):
        return True
    if nxt is not None and nxt.text == "(" and i + 2 < len(doc) and (
        doc[i + 2].is_title and doc[i + 2].is_alpha and len(doc[i + 2]) > 1
    ):
        return True  # "Passiana, Patiala (Punjab)": its division follows in parentheses
    return i > 0 and doc[i - 1].text == "("


#: Least population for a town named by an entity NER labelled as something else.
KNOWN_POP = 50_000
#: ... and for one named inside an organisation's name.
EMBEDDED_POP = 100_000
#: Words that are place names somewhere but mostly ordinary words in organisation names.
GENERIC_WORDS = frozenset({"centre", "center", "central", "lakes", "commonwealth", "north",
                           "south", "east", "west", "northern", "southern", "eastern", "western",
                           "national", "capital", "union", "liberal", "hydro", "metro",
                           "interior", "coast", "valley", "river", "city", "county"})
#: Prepositions before "X, Region" that make Region a place whatever NER said.
_LOCATIVE_BEFORE = frozenset({"in", "at", "near", "outside"})
_BEFORE_PLACE = frozenset({"in", "at", "near", "from", "to", "outside", "of", "across",
                           "throughout"})


def _known(gaz: Gazetteer, text: str, min_pop: int = KNOWN_POP) -> bool:
    """A well-known place by its own name: country, division, curated, or a sizeable town."""
    return any(
        c.kind in (PRIMARY, ALIAS)
        and c.precision != "admin2"
        and (c.precision != "city" or c.pop >= min_pop)
        for c in gaz.lookup(text)
    )


def _joined_to_a_word(gaz: Gazetteer, part: Span) -> bool:
    """ "Al-Shabaab", "Bar-Sanguun": a hyphen joins the part to a word that is no place
    ("EU-Canada", "Middlesex-London" join two places)."""
    doc = part.doc
    sides = []
    if part.end + 1 < len(doc) and doc[part.end].text == "-":
        sides.append(doc[part.end + 1])
    if part.start > 1 and doc[part.start - 1].text == "-":
        sides.append(doc[part.start - 2])
    return any(
        not any(c.kind in (PRIMARY, ALIAS) for c in gaz.lookup(t.text)) for t in sides
    )


def hosts_event(span: Span) -> bool:
    """The name is an event's or a prize's, held where the town inside it is ("the Cannes
    Film Festival", "the Geneva Motor Show"): a word of ``event_words`` in it."""
    return any(t.lower_ in word_list("event_words") for t in span)


def inner_place(gaz: Gazetteer, span: Span) -> tuple[int, int]:
    """Token range (in ``span``) of the longest known place inside an organisation's name
    ("Kentucky State Police", "Statistics Canada", "Bank of Canada") or an event's ("the
    Cannes Film Festival": a smaller town hosts events); (0, 0) if none."""
    least = KNOWN_POP if hosts_event(span) else EMBEDDED_POP
    for n in range(min(len(span) - 1, 4), 0, -1):
        for i in range(len(span) - n + 1):
            part = span[i : i + n]
            # the gazetteer look-ups of ``_joined_to_a_word`` last: the tests have no side
            # effects, so their order changes nothing but the time
            if (
                len(part.text) > 2
                and all(is_name_token(t) and not t.is_stop for t in part)
                and part.text.casefold() not in GENERIC_WORDS
                and _known(gaz, part.text, least)
                and not _joined_to_a_word(gaz, part)
            ):
                return i, i + n
    return 0, 0


def other_entity(gaz: Gazetteer, span: Span, label: str) -> str | None:
    """What a NORP/ORG/PERSON entity is to geolocation: a demonym ("Russian"), a place NER
    mislabelled ("Canada" as ORG, "in Cairns" as PERSON), an organisation whose name starts
    with a place ("Kentucky State Police"), or nothing."""
    text = span.text  # made once: each ``span.text`` joins the span's tokens anew
    cands = gaz.lookup(text)
    if label == "NORP":
        if any(c.kind == DEMONYM for c in cands):
            return None if span[-1].tag_ == "NNPS" else "demonym"  # "Americans" are people
        generic = text.casefold() in GENERIC_WORDS
        return "place" if not generic and _known(gaz, text) else None
    if any(
        (c.gid.startswith("geopol:") or c.precision == "region") and c.kind in (PRIMARY, ALIAS)
        for c in cands
    ):
        return "place"
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if label == "ORG" and len(text) > 2 and _known(gaz, text):
        return "place"
    if label == "ORG" and prev in _BEFORE_PLACE and _known(gaz, text):
        return "place"  # "evacuations in BC"
    if label == "ORG" and prev in _LOCATIVE_BEFORE and any(
        c.kind == ALTERNATE and c.fclass == "P" and c.pop >= EMBEDDED_POP for c in cands
    ):
        return "place"  # "protested in Diwaniya": a city by another spelling
    if label == "PERSON" and _known(gaz, text, 100_000) and (
        prev in _BEFORE_PLACE
        or (span.root.dep_ in ("compound", "nmod") and span.root.head.pos_ == "NOUN")
    ):
        return "place"  # "in Cairns", "the Vladivostok summit"
    if label == "ORG" and len(span) > 1 and (where := inner_place(gaz, span))[1] and not (
        where == (0, 1) and persons_name(span)  # "Paris Hilton", not "CTV Edmonton"
    ):
        return "embedded"
    return None


def after_locative(span: Span) -> bool:
    """A preposition of place right before the name ("in Cairns", "evacuations in BC")."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in _BEFORE_PLACE


#: Titles after a country's name: "Russian President Vladimir Putin" names no "Putin" of
#: Russia's.
_TITLES = frozenset({"president", "prime", "premier", "minister", "king", "queen", "prince",
                     "princess", "governor", "mayor", "general", "senator", "ambassador",
                     "chancellor", "foreign", "defence", "defense", "secretary", "chief",
                     "leader", "sheikh", "emir", "sultan", "pope", "bishop", "archbishop"})


def first_name(doc: Doc, start: int, end: int) -> bool:
    """The name at characters ``start``-``end`` is a person's first name: one or two name
    words follow it and the last is used alone for a person elsewhere ("Jordan Henderson
    ... Henderson said", "Georgia May Jagger ... Ms Jagger")."""
    after = doc_arrays(doc).text[end : end + 2]
    if len(after) < 2 or after[0] != " " or not after[1].isupper():
        return False  # the usual case, decided without a span
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    stop = span.end
    while (stop < len(doc) and stop - span.end < 2 and is_name_token(doc[stop])
           and doc[stop].lower_ not in _TITLES):
        stop += 1
    return stop > span.end and persons_name(doc[span.start : stop])


def persons_name(span: Span) -> bool:
    """A name of two or three words whose last word the article uses alone for a person
    elsewhere ("Paris Hilton ... Hilton said", "Sydney Sweeney ... Ms Sweeney"): a person
    NER took for an organisation or a place, with no place inside."""
    if not 2 <= len(span) <= 3 or not all(is_name_token(t) for t in span):
        return False
    last = span[-1].text
    doc = span.doc
    for ent in doc.ents:
        # ... a person standing alone ("Hilton said"), not a name before a noun ("Edison
        # crews" of Ohio Edison, which NER may call a person too)
        if (ent.label_ == "PERSON" and len(ent) == 1 and ent.text == last
                and ent[0].dep_ != "compound" and not span.start <= ent.start < span.end):
            return True
    text = doc_arrays(doc).text
    return re.search(rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.? {re.escape(last)}\b", text) is not None


#: Feature words that make the name before them a place whatever NER labelled it.
_PLACE_WORDS = frozenset({"village", "district", "province", "governorate", "town",
                          "county", "municipality", "region", "subdistrict", "lga"})


def before_feature(span: Span) -> bool:
    doc = span.doc
    return (
        span.end < len(doc)
        and (doc[span.end].is_lower or doc[span.end].lower_ in UPPER_FEATURES)
        and doc[span.end].lower_ in _PLACE_WORDS
        and all(t.is_title or t.is_upper or t.text == "-" for t in span)
    )


def span_marked(span: Span) -> bool:
    """A name where only a place can stand: "(Kismaayo, ...", "Baramulla district", or
    the region after "City, " ("in Trindade, Pernambuco, two men ...")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].text == "(":
        return True
    if span.start > 1 and doc[span.start - 1].text == ",":
        before = doc[span.start - 2]
        if before.is_lower and before.lower_ in _PLACE_WORDS and span.start > 2:
            before = doc[span.start - 3]  # "in Venustiano Carranza municipality, Chiapas"
        if before.ent_type_ in PLACE_LABELS:
            return True
        # "near Novooleksandrivka, Luhansk" tagged ORG, PERSON
        k = span.start - 2
        while k > 0 and doc[k].is_alpha and doc[k].is_title:
            k -= 1
        if k < span.start - 2 and doc[k].lower_ in _LOCATIVE_BEFORE:
            return True
    return marked(doc, span.end - 1)


def is_name_token(tok: Token) -> bool:
    return tok.is_alpha and (tok.is_title or tok.is_upper) and len(tok) > 1
