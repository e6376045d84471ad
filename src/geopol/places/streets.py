"""Street names NER misses (issue 18, tenth round): a run of capitalised words ending in a
street word ("King Edward Street", "Rest Acres Road", "North Circular Road"), not yet a
mention, is a place. The gazetteer has no streets: the resolver leaves it unknown, so it
takes the article's city or country (``hub``). Names that stand for an institution ("Wall
Street", "Downing Street"), names that go on with a capitalised word ("the Wall Street
Journal") and names written before a chain ("Mill Road, Cambridge") are left alone. Words:
``streets.yaml``."""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from geopol.docarrays import doc_arrays
from geopol.places.build import read_data
from geopol.yamlio import load_yaml

#: Most words of a street's name before its street word.
MAX_WORDS = 4


@functools.cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(street words as written, street words casefolded, metonyms casefolded), read once."""
    raw = load_yaml(read_data("streets.yaml")) or {}
    words = frozenset(str(w) for w in raw.get("street_words") or ())
    metonyms = frozenset(str(w).casefold() for w in raw.get("metonyms") or ())
    return words, frozenset(w.casefold() for w in words), metonyms


def _title(doc: Doc, i: int) -> bool:
    t = doc[i]
    return t.is_alpha and t.is_title and len(t) > 1


def streets(doc: Doc, taken: list[bool]) -> list[tuple[int, int]]:
    """Token spans ``(start, end)`` of street names in ``doc`` that no mention covers."""
    words, lowered, metonyms = _lists()
    out: list[tuple[int, int]] = []
    n = len(doc)
    lower = doc_arrays(doc).lower  # shared with the other stages: no Token per word
    for i in (k for k, w in enumerate(lower) if w in lowered and k > 0):
        if doc[i].text not in words or doc[i].ent_type_ == "PERSON":  # not "Nathan Lane"
            continue
        start, end = i, i + 1
        while start > 0 and i - start < MAX_WORDS and _title(doc, start - 1) and not (
            doc[start - 1].is_stop
        ):
            start -= 1
        if start == i:
            continue  # "Road" alone
        if end < n and doc[end].is_title:
            continue  # "the Wall Street Journal", "Church Road Primary"
        if end + 1 < n and doc[end].text in (",", "(") and doc[end + 1].is_title:
            continue  # "Mill Road, Cambridge": a chain reads its container as a division
        if any(taken[k] for k in range(start, end)):
            continue
        if doc[start:end].text.casefold() in metonyms:
            continue
        out.append((start, end))
    return out
