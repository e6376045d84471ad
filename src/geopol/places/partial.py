"""A name the gazetteer does not know read as the best-known town or division inside it
("Vancouver Art Gallery" is in Vancouver, "North London" in London): a PARTIAL reading."""

from __future__ import annotations

import dataclasses

from geopol.places.gazetteer import ALIAS, PRIMARY, Entry, Gazetteer
from geopol.places.links import FEATURE_WORDS
from geopol.places.recognise import Mention
from geopol.places.scene import PARTIAL_MIN_POP

#: A reading from part of the name only (a kind beside the gazetteer's own).
PARTIAL = 4

#: ... and beside another proper name ("Bar Elias"), where it is more likely a namesake.
PARTIAL_NAMED_POP = 100_000
_GENERIC = frozenset({"north", "south", "east", "west", "upper", "lower", "greater", "new", "old",
                      "saint", "st", "central", "great", "little", "the", "of", "airport",
                      "international", "university", "hospital", "church", "park", "gallery",
                      "museum", "centre", "center", "station", "port", "bay", "city",
                      # landform and building words: "Silicon Valley" is no The Valley, AIA
                      "valley", "river", "lake", "hill", "hills", "mountain", "mountains",
                      "desert", "coast", "island", "islands", "gulf", "sea", "ocean", "beach",
                      "creek", "falls", "springs", "heights", "forest", "plains", "bridge",
                      "tower", "hall", "house", "castle", "harbour", "harbor", "garden",
                      "gardens"})
_STREETS = frozenset({"street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "crescent",
                      "boulevard", "way", "place", "square", "close", "court", "terrace", "row",
                      "highway", "hwy", "parkway", "circle", "grove", "mews", "gardens"})


def partial(gaz: Gazetteer, m: Mention) -> list[Entry]:
    """An unknown multi-word name read as the best-known town or division inside it:
    "Vancouver Art Gallery" is in Vancouver, "North London" in London."""
    words = m.text.replace("-", " ").split()
    if len(words) < 2 or words[-1].casefold().rstrip(".") in _STREETS:
        return []  # streets are named after other places: "Trafalgar Street", "Oxford Road"
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = words[i : i + n]
            if not all(w[:1].isupper() for w in part) or " ".join(part).casefold() in _GENERIC:
                continue
            # "Bar Elias" is no part of Bar, Montenegro: a small town only with common words
            # or acronyms ("Vancouver Art Gallery", "Brant OPP"), not with another proper name
            rest = words[:i] + words[i + n :]
            plain = all(
                w.casefold() in _GENERIC or w.casefold() in FEATURE_WORDS or not w[:1].isupper()
                or w.isupper() for w in rest
            )
            least = PARTIAL_MIN_POP if plain else PARTIAL_NAMED_POP
            found = [
                dataclasses.replace(c, kind=PARTIAL)
                for c in gaz.lookup(" ".join(part))
                if c.kind in (PRIMARY, ALIAS)
                and (c.fcode == "ADM1" or (c.fclass == "P" and c.pop >= least))
            ]
            if found:
                return found
    return []
