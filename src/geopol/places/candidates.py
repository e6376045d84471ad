"""What a mention may denote: its gazetteer readings, by its own text and the name
without a feature word ("Karak district"), an abbreviation ("Alta."), "Ciudad X" for a town
written with its state, else a part of a country ("Northern Iraq") or a town inside an
unknown name (``partial``). Used by resolve.py."""

from __future__ import annotations

import dataclasses

from geopol.places.gazetteer import ALIAS, ALTERNATE, DEMONYM, PRIMARY, Entry, Gazetteer
from geopol.places.partial import partial
from geopol.places.readings import part_of
from geopol.places.recognise import Mention

#: A part of a country or division, unknown as a whole ("Northern Iraq", "eastern Ukraine").
PART = 6
#: Least population of a place matched only by one of its alternate spellings.
ALTERNATE_MIN_POP = 5_000


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
        found = list(gaz.lookup(text))
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
