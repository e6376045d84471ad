"""Place names inside names that are no places: brands, teams and titles (issue 18, sixth round).

- A name listed in ``brand_names`` of ``data/places/brands.yaml`` holds a place name but
  names a publication, firm or club ("the Washington Post reported", "Real Madrid won"):
  the place inside it is no mention.
- A place name right before a capitalised plural proper noun that is no place's or public
  body's plural ("the Dallas Cowboys", "the Toronto Raptors") names a team or firm. The
  plurals that keep the place ("Cayman Islands", "Colorado Springs") are
  ``place_plurals``. After a demonym only a firm's plural does ("Turkish Airlines"; not
  "American Protestants"): ``firm_plurals``. A country's name keeps it ("the Sri Lanka
  Banks Association").
- A title before "of" ("the Duke of York", "the Prince of Wales") makes the name after it
  part of a person's title, unless that name is a country's ("the King of Jordan").
- A sea's name after a capitalised "The" inside a sentence is a title ("a video by The
  Atlantic"); "The Atlantic" opening a sentence stays the ocean.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

from spacy.tokens import Doc

from geopol.docarrays import doc_arrays
from geopol.places.build import read_data
from geopol.places.gazetteer import ALIAS, PRIMARY, Gazetteer, names_a_country
from geopol.yamlio import load_yaml


@functools.cache
def _lists() -> dict[str, tuple[str, ...]]:
    raw = load_yaml(read_data("brands.yaml")) or {}
    return {str(k): tuple(str(w) for w in v or ()) for k, v in raw.items()}


@functools.cache
def _brand_parts() -> dict[str, tuple[tuple[str, str], ...]]:
    """Every word run of a listed brand -> (text before it, text after it), casefolded."""
    parts: defaultdict[str, list[tuple[str, str]]] = defaultdict(list)
    for name in _lists().get("brand_names", ()):
        words = name.casefold().split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                before = " ".join(words[:i]) + (" " if i else "")
                after = (" " if j < len(words) else "") + " ".join(words[j:])
                parts[" ".join(words[i:j])].append((before, after))
    return {k: tuple(v) for k, v in parts.items()}


def in_brand(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a listed brand's name written there."""
    key = " ".join(text[start:end].casefold().split())
    for before, after in _brand_parts().get(key, ()):
        if (
            text[max(0, start - len(before)) : start].casefold() == before
            and text[end : end + len(after)].casefold() == after
        ):
            return True
    return False


@functools.cache
def _place_plurals() -> frozenset[str]:
    return frozenset(w.casefold() for w in _lists().get("place_plurals", ()))


def _text_after(doc: Doc, end: int) -> str:
    """The character after ``end`` when it is a space, then the next one ("" else)."""
    text = doc_arrays(doc).text
    return text[end + 1 : end + 2] if text[end : end + 1] == " " else ""


@functools.cache
def _firm_plurals() -> frozenset[str]:
    return frozenset(w.casefold() for w in _lists().get("firm_plurals", ()))


def before_team_word(doc: Doc, end: int, demonym: bool = False) -> bool:
    """Whether the token right after char offset ``end`` (one space on) is a capitalised
    plural proper noun that keeps no place ("Dallas Cowboys"), or one of the firms' plurals
    (after a demonym, only those: "Turkish Airlines", not "American Protestants")."""
    if not _text_after(doc, end).isupper():
        return False  # no capitalised word one space on: no Doc lookup needed
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if nxt.idx != end + 1 or not nxt.is_title or not nxt.is_alpha:
        return False
    if nxt.lower_ in _firm_plurals():
        return True  # "British Airways", whatever the tagger made of "Airways"
    return not demonym and nxt.tag_ == "NNPS" and nxt.lower_ not in _place_plurals()


@functools.cache
def _title_pattern() -> re.Pattern[str]:
    titles = _lists().get("titles", ())
    if not titles:
        return re.compile(r"(?!)")  # no titles listed: nothing is a title
    words = "|".join(sorted(map(re.escape, titles)))
    return re.compile(r"\b(?:" + words + r")\s+of\s+(?:the\s+)?$")


def _country(gaz: Gazetteer, name: str) -> bool:
    """A country by its own name (not by a demonym: "Turkish Airlines" is a firm)."""
    return names_a_country(gaz.lookup(name))


def after_title(gaz: Gazetteer, text: str, start: int, name: str) -> bool:
    """ "the Duke of York": a title and "of" right before a name that is no country's."""
    if not _title_pattern().search(text, max(0, start - 30), start):
        return False
    return not _country(gaz, name)


def the_title(gaz: Gazetteer, text: str, start: int, name: str) -> bool:
    """ "a video by The Atlantic": a sea's name after a capitalised "The" inside a sentence
    is a publication's or a show's title."""
    if text[max(0, start - 4) : start] != "The ":
        return False
    before = text[: max(0, start - 4)].rstrip()
    if not before or before[-1] in ".!?:\"'\u201c\u2018(":
        return False  # "The" opens the sentence or a quotation
    readings = gaz.lookup(name)
    return any(c.fclass == "H" and c.kind in (PRIMARY, ALIAS) for c in readings) and not any(
        c.precision in ("country", "admin1") for c in readings
    )


def brand_or_title(
    doc: Doc, gaz: Gazetteer, text: str, start: int, end: int, name: str, demonym: bool
) -> bool:
    """Whether the place name at ``text[start:end]`` is part of a brand, team or title."""
    return (
        in_brand(text, start, end)
        or (before_team_word(doc, end, demonym) and not _country(gaz, name))
        or after_title(gaz, text, start, name)
        or the_title(gaz, text, start, name)
    )
