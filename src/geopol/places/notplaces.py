"""Names found as places that the article shows are no places (issue 18, fourth round).

- People's names. A one-word name that NER tags as a place, or that a small town shares, is a person's name
where the same article writes it as part of a person's full name ("Maria Vermelhudo" ...
"Vermelhudo is dead"; "Andrew Brunson" ... "Brunson, a North Carolina native"), or joins it
with "and" to a person ("Bozkina and Glowacki"), unless a locative preposition puts it on
the map ("in Brunson"). Countries, first-level divisions, regions and towns of
``PERSON_TOWN_POP`` people or more are left alone ("Jordan", "Georgia", "Washington").
- Seats of power named for the institution: a curated building or palace (the White House,
  the Kremlin) not written after a locative preposition ("the White House condemned", "a
  White House strategist"); "a ceremony at the White House" stays a place.
- Feasts and seasons NER tags as places ("over Easter"), and unknown names that end with an
  organisation's word ("the Highway Patrol") or that NER tags as a facility without a
  facility's word ("Islamic Sharia"), not after a locative preposition: the lists of
  ``data/places/not_places.yaml``.
- A news agency's name written alone ("Xinhua reported"): the list ``news_agencies`` of
  ``data/places/not_places.yaml``. (A place inside a newspaper's name, "the Winnipeg Free
  Press", stays: the geoparsing corpora count it as a toponym.)
- A direction that modifies the name after it ("Far North Queensland" is no Far North of
  Cameroon beside Queensland).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc

from geopol.docarrays import doc_arrays
from geopol.places.build import read_data
from geopol.places.gazetteer import Gazetteer
from geopol.places.links import FEATURE_WORDS
from geopol.records import Place, PlacePrecision
from geopol.yamlio import load_yaml

#: A town this populous keeps its name even where a person shares it ("Houston").
PERSON_TOWN_POP = 100_000
#: A locative preposition (perhaps with "the town of") right before a name.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|around|through)\s+"
    r"(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_COARSE = (PlacePrecision.COUNTRY, PlacePrecision.ADMIN1, PlacePrecision.REGION)


def person_words(doc: Doc) -> frozenset[str]:
    """The capitalised words of the article's people's names of two words or more."""
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update(t.text.casefold() for t in ent if t.text[:1].isupper() and len(t) > 2)
    return frozenset(words)


#: Feature codes of the curated seats of power (buildings and palaces).
_SEATS = frozenset({"BLDG", "PAL"})
#: Words of direction: a name made only of them modifies the name after it.
_DIRECTIONS = frozenset({"north", "south", "east", "west", "far", "northern", "southern",
                         "eastern", "western", "central", "upper", "lower", "deep"})


@functools.cache
def _not_places() -> dict[str, object]:
    data: dict[str, object] = load_yaml(read_data("not_places.yaml")) or {}
    return data


@functools.cache
def word_list(key: str) -> frozenset[str]:
    """A list of ``data/places/not_places.yaml`` (casefolded, periods dropped):
    ``feasts``, ``organisation_words``, ``facility_words``, ``news_agencies``."""
    words = _not_places().get(key) or ()
    assert isinstance(words, list | tuple)
    return frozenset(str(w).casefold().replace(".", "") for w in words)


def _last_word(text: str) -> str:
    words = text.replace(".", " ").split()
    return words[-1].casefold() if words else ""


def _unknown_no_place(doc: Doc, p: Place) -> bool:
    """An unknown name that ends with an organisation's word ("the Highway Patrol
    reported"), or that NER tags as a facility and that neither ends with a facility's
    word nor stands after a locative preposition ("Islamic Sharia")."""
    last = _last_word(p.text)
    if last in word_list("organisation_words"):
        return True
    return (
        "ner:FAC" in p.how and last not in word_list("facility_words")
        and not _locative(doc, p)
    )


#: What may stand right before an unknown place's name and show it is one: a preposition of
#: place or motion, "of", a list's joint or a parenthesis ("in Qatraneh", "villages of Foua
#: and Kfraya", "(Kelbo, Arbinda)").
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|at|near|outside|inside|into|around|through|to|from|across|toward|towards|"
    r"via|throughout|within|between|of|and|or|on)\s+(?:the\s+)?|[,(]\s*)$",
    re.IGNORECASE,
)
#: Words in an unknown name that make it a place whatever stands before it.
_PLACE_NAME_WORDS = frozenset(FEATURE_WORDS) | {"borough", "valley", "island", "islands",
                                                "river", "lake", "mountain", "mountains",
                                                "coast", "sea", "ocean", "gulf", "bay",
                                                "desert", "pacific", "atlantic"}


#: Words after an unknown name that show it is a place ("the Sawar area").
_AFTER_WORDS = _PLACE_NAME_WORDS | {"area", "areas", "neighbourhood", "neighborhood", "camp",
                                    "sector", "front", "countryside", "suburb", "outskirts",
                                    "quarter", "road", "street", "border", "crossing"}


def bare_unknown(doc: Doc, p: Place) -> bool:
    """A name NER calls a place that the gazetteer does not know, with nothing in the text
    that shows it is one: no preposition of place, "of", list or parenthesis before it, no
    feature or facility word in it or right after it ("the upper Sawar area" stays; "a
    thriller, Elle, starring", "internet stars like King
    Bach", "staff employed by Swissport"). Such a name is more often a title, a person or a
    firm than an unknown village."""
    if p.name is not None or not ("ner:GPE" in p.how or "ner:LOC" in p.how):
        return False
    words = {w.casefold().rstrip(".") for w in p.text.split()}
    if words & (_PLACE_NAME_WORDS | word_list("facility_words")):
        return False
    text = doc_arrays(doc).text
    after = text[p.end : p.end + 30].split(maxsplit=1)
    if after and after[0].casefold().strip(".,;:") in _AFTER_WORDS:
        return False  # "the upper Sawar area", "Kfraya village"
    return not _PLACE_CUE.search(text, max(0, p.start - 40), p.start)


def _locative(doc: Doc, p: Place) -> bool:
    return bool(_LOCATIVE.search(doc_arrays(doc).text, max(0, p.start - 40), p.start))


def _modifies_next(doc: Doc, p: Place) -> bool:
    """ "Far North Queensland": a name of direction words right before a proper name."""
    words = p.text.casefold().split()
    if not words or any(w not in _DIRECTIONS for w in words):
        return False
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    k = span.end
    while k < len(doc) and doc[k].is_space:  # "207 South\n   Main St.": a line break between
        k += 1
    if k >= len(doc):
        return False
    nxt = doc[k]
    gap = doc_arrays(doc).text[p.start + len(p.text.rstrip()) : nxt.idx]
    return nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and gap.isspace() and (
        gap == " " or "\n" in gap
    )


def no_place(doc: Doc, gaz: Gazetteer, p: Place, words: frozenset[str]) -> bool:
    """Whether the article shows the place ``p`` is none (see the module's doc)."""
    if "dateline" in p.how:
        return False
    if p.feature_code in _SEATS and p.precision == PlacePrecision.FACILITY:
        return not _locative(doc, p)
    if p.text.strip().casefold() in word_list("feasts"):
        return p.name is None or not _locative(doc, p)
    if p.text.strip().casefold() in word_list("news_agencies"):
        return not _locative(doc, p)
    if p.name is None and _unknown_no_place(doc, p):
        return True
    return _modifies_next(doc, p) or persons_name(doc, gaz, p, words)


def _joined_to_person(doc: Doc, p: Place) -> bool:
    """ "Bozkina and Glowacki", with Glowacki tagged as a person."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("and", "&"):
        return False
    nxt = doc[span.end + 1]
    return nxt.ent_type_ == "PERSON" and nxt.ent_iob_ == "B"


def persons_name(doc: Doc, gaz: Gazetteer, p: Place, words: frozenset[str]) -> bool:
    """Whether the place ``p`` is a person's name (see the module's doc)."""
    text = p.text.strip()
    if "dateline" in p.how or " " in text or p.precision in _COARSE:
        return False
    if _locative(doc, p):
        return False
    if p.name is not None and "ner:PERSON" not in p.how:
        e = gaz.by_gid(p.gazetteer_id) if p.gazetteer_id else None
        if e is None or e.pop >= PERSON_TOWN_POP:
            return False
    if text.casefold() in words:
        return True
    return p.name is None and _joined_to_person(doc, p)
