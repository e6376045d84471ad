"""Where one country sets the scene (issue 18, third round): loose matches abroad, a
parenthesis that is no container, and the focus weights place names (not demonyms) give."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from geopol.places.gazetteer import ALTERNATE, DEMONYM, Entry, names_a_country
from geopol.places.readings import SMALL_TOWN_POP
from geopol.places.recognise import Mention

#: Least population of a town named inside a longer unknown name ("Vancouver Art Gallery").
PARTIAL_MIN_POP = 10_000


def curated(e: Entry) -> bool:
    """One of our curated places (facilities, regions, seas, rivers, blocs)."""
    return e.gid.startswith("geopol:") or e.fclass not in ("P", "A")


#: Least population of a place abroad matched only by another spelling ("Karama" is also a
#: spelling of Calama, Chile: in a story about Syria it is not Calama).
ALTERNATE_ABROAD_POP = 1_000_000
#: Focus weight (quarters) that sets the scene for that test: one unambiguous name.
HOME_WEIGHT = 4
#: Least population of a town abroad, nothing near it, in an article one country holds
#: ("upper Sawar area ... in Yemen" is no Sawar, India).
HOME_STRAY_POP = 100_000


def finer_container(cands: Sequence[Entry], inside: Entry) -> bool:
    """"Sanaa (Old City, ...)": a town read for the parenthesis that is smaller than a
    reading of the name before it and does not hold it is no container of it (the
    parenthesis names a quarter, or the wrong namesake): the name resolves on its own."""
    if names_a_country(cands):
        return True  # "in northwestern Yemen (Razih, Sadah)": the country is no district
    return inside.precision == "city" and any(
        c.pop > max(inside.pop, PARTIAL_MIN_POP) and c.kind != ALTERNATE for c in cands
    )


def far_fetched(c: Entry, m: Mention, cands: Sequence[Entry]) -> bool:
    """A reading in a country nothing else of the article points to that only a loose match
    gives: another spelling of a town under ALTERNATE_ABROAD_POP, a district named bare
    (no "district" written), or any division or town read from a word inside a longer name
    ("Colonia" of "Colonia 20 de Noviembre" in a Mexican story is not Uruguay's Colonia)."""
    if c.precision == "country" or curated(c):
        return False
    if c.kind == ALTERNATE and c.pop < ALTERNATE_ABROAD_POP:
        # ... unless the spelling names a city of one country only ("Idleb", "Al-Hasakeh")
        return c.pop < SMALL_TOWN_POP or any(d.cc != c.cc for d in cands)
    if c.fcode == "ADM2" and m.hint is None:
        return True
    return m.source == "embedded"


def scene_weights(
    mentions: Sequence[Mention],
    chosen: Sequence[Entry | None],
    own: dict[str, tuple[str, int]],
    prior: Sequence[Entry],
) -> Counter[str]:
    """The focus weights that place names give, demonyms left out, and names written
    aside from the scene ("migrants from Afghanistan", "US military forces"): a country
    so written is where people come from, not where the story is."""
    scene: Counter[str] = Counter({p.cc: 8 for p in prior if p.cc})
    seen: set[str] = set()
    for m, e in zip(mentions, chosen, strict=True):
        key = m.text.casefold()
        if (e is None or key in seen or key not in own or m.demonym or e.kind == DEMONYM
                or (m.aside and e.precision == "country")):
            continue
        seen.add(key)
        scene[own[key][0]] += own[key][1]
    return scene
