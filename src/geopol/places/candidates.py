"""What a mention may denote: its gazetteer readings, by its own text and the name
without a feature word ("Karak district"), an abbreviation ("Alta."), "Ciudad X" for a town
written with its state, else a part of a country ("Northern Iraq") or a town inside an
unknown name (``partial``). Used by resolve.py."""

from __future__ import annotations

import dataclasses

from geopol.places.gazetteer import (
    ALIAS,
    ALTERNATE,
    DEMONYM,
    PRIMARY,
    Entry,
    Gazetteer,
    normalise,
)
from geopol.places.partial import partial
from geopol.places.readings import part_of
from geopol.places.recognise import Mention

#: A part of a country or division, unknown as a whole ("Northern Iraq", "eastern Ukraine").
PART = 6
#: Least population of a place matched only by one of its alternate spellings.
ALTERNATE_MIN_POP = 5_000


#: Words after which a town's official name goes on with its river or region, which news
#: leaves out: "Frankfurt am Main", "Freiburg im Breisgau", "Halle (Saale)", "Newcastle
#: upon Tyne".
QUALIFIERS = frozenset({"am", "an", "im", "upon", "("})
#: Another spelling yields to a place of that very name this many times as populous.
SPELLING_RATIO = 10


def _short_form(c: Entry, key: str) -> Entry:
    """A reading matched by another spelling that is its official name without the river
    or region qualifier ("Frankfurt" for Frankfurt am Main) matches as well as an alias."""
    if c.kind != ALTERNATE or c.fclass != "P":
        return c
    words = c.name.replace("(", "( ").split()
    cut = next((i for i, w in enumerate(words) if i and w.casefold() in QUALIFIERS), None)
    if cut is not None and normalise(" ".join(words[:cut])) == key:
        return dataclasses.replace(c, kind=ALIAS)
    return c


def _plain_spellings(found: list[Entry]) -> list[Entry]:
    """Another spelling never competes with a far larger place of that very name: "Frankfurt"
    is Frankfurt am Main, not Frankfort, Illinois (which GeoNames also spells so), and
    "Washington" no town whose alternate name it is."""
    own = max((c.pop for c in found if c.kind in (PRIMARY, ALIAS)), default=0)
    return [c for c in found if c.kind != ALTERNATE or SPELLING_RATIO * c.pop >= own]


def _variants(m: Mention) -> list[str]:
    """Texts to look up, the mention's own first."""
    out = [m.text]
    if m.lookup and m.lookup != m.text:
        out.append(m.lookup)
    return out


def candidates(gaz: Gazetteer, m: Mention) -> list[Entry]:
    if m.source == "abbreviation" or m.text.endswith("."):
        e = gaz.abbreviation(m.lookup if m.source == "abbreviation" else m.text)
        if e is not None or m.source == "abbreviation":
            return [e] if e else []
    if m.source == "dateline" and m.inside is None and m.text.isupper() and len(m.text) <= 3:
        # "LOUISVILLE, KY": a dateline's last part in capitals is a state's code
        e = gaz.abbreviation(m.text)
        if e is not None:
            return [e]
    # "Karak district": the division named "Karak District" and whatever "Karak" denotes
    out: dict[int, Entry] = {}
    for text in _variants(m):
        key = normalise(text)
        found = [_short_form(c, key) for c in gaz.lookup(text)]
        if m.inside is None:
            found = _plain_spellings(found)
        if not m.demonym and m.label != "NORP" and m.source != "gold":
            # a demonym reading only when nothing else fits ("Ukrainian" tagged as a place)
            found = [c for c in found if c.kind != DEMONYM] or found
        # GeoNames' alternate spellings of villages are mostly noise ("Sears" for Şoarş)
        # ... unless a container is written beside it ("Tell Abiad in Ar-Raqqa"): the chain
        # keeps those inside it
        found = [
            c for c in found
            if c.kind != ALTERNATE or c.pop >= ALTERNATE_MIN_POP or m.inside is not None
        ]
        if m.source in ("embedded", "host"):  # "Bar" of "Bar Elias" is no other spelling
            found = [c for c in found if c.kind != ALTERNATE]
        if out and text != m.text:
            # "Guatemala City": the city, not the country its name without "City" names
            # ... nor, where the whole name is known, the division ("Quebec City")
            found = [c for c in found if c.precision != "country"
                     and not (m.hint == "city" and c.fclass == "A")]
        for c in found:
            if c.pid not in out or c.kind < out[c.pid].kind:
                out[c.pid] = c
        if out and m.hint is None:
            break
    if m.inside is not None and not m.demonym and m.source != "abbreviation":
        # "Benito Juarez, Nuevo Leon", "Victoria, Tamaulipas": the town is "Ciudad X"
        for c in gaz.lookup("Ciudad " + (m.lookup or m.text)):
            if c.fclass == "P" and c.kind in (PRIMARY, ALIAS) and c.pid not in out:
                out[c.pid] = dataclasses.replace(c, kind=ALIAS)
    if out:
        return list(out.values())
    # "Northern Iraq": Iraq, as evidence for the other names too (not only afterwards)
    part = part_of(gaz, m.text)
    return [dataclasses.replace(part, kind=PART)] if part is not None else partial(gaz, m)
