"""Names the article shows to be people's, not places (issue 18, fourth round).

A one-word name that NER tags as a place, or that a small town shares, is a person's name
where the same article writes it as part of a person's full name ("Maria Vermelhudo" ...
"Vermelhudo is dead"; "Andrew Brunson" ... "Brunson, a North Carolina native"), or joins it
with "and" to a person ("Bozkina and Glowacki"), unless a locative preposition puts it on
the map ("in Brunson"). Countries, first-level divisions, regions and towns of
``PERSON_TOWN_POP`` people or more are left alone ("Jordan", "Georgia", "Washington").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from geopol.places.gazetteer import Gazetteer
from geopol.records import Place, PlacePrecision

#: A town this populous keeps its name even where a person shares it ("Houston").
PERSON_TOWN_POP = 100_000
#: A locative preposition (perhaps with "the town of") right before a name.
_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside|inside|into|from|to|around|through)\s+"
    r"(?:the\s+(?:town|city|village)\s+of\s+)?$",
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
    if _LOCATIVE.search(doc.text, max(0, p.start - 40), p.start):
        return False
    if p.name is not None and "ner:PERSON" not in p.how:
        e = gaz.by_gid(p.gazetteer_id) if p.gazetteer_id else None
        if e is None or e.pop >= PERSON_TOWN_POP:
            return False
    if text.casefold() in words:
        return True
    return p.name is None and _joined_to_person(doc, p)
