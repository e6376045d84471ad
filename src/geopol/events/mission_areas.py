"""The areas monitoring missions work in (``data/events/mission_areas.yaml``): a village a
mission reports from lies inside its area.

A monitoring mission's notes name small villages by themselves ("the OSCE SMM observed 16
explosions near Vesele"), and such a name has namesakes all over the country; the place
finder, with nothing else to go by, may take one hundreds of kilometres from the line the
mission watches. ``mission_namesake`` moves such a place to its namesake inside the
mission's divisions.
"""

from __future__ import annotations

import functools
import re

from geopol.events.datafile import read_data
from geopol.places import place_from_entry
from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, get
from geopol.records import Place, PlacePrecision

#: A division: (ISO2 country code, GeoNames admin1 code).
Division = tuple[str, str]


@functools.lru_cache(maxsize=1)
def mission_areas() -> dict[str, frozenset[Division]]:
    """Each mission's name and the first-level divisions of its area, as the gazetteer
    codes them (names it does not know are left out)."""
    data = read_data("mission_areas.yaml")
    gaz = get()
    out: dict[str, frozenset[Division]] = {}
    for mission, names in (data.get("areas") or {}).items():
        found = {
            (e.cc, e.admin1)
            for name in names or ()
            for e in gaz.lookup(str(name))
            if e.fcode == "ADM1" and e.cc and e.admin1 and e.kind in (PRIMARY, ALIAS, ALTERNATE)
        }
        if found:
            out[str(mission)] = frozenset(found)
    return out


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str] | None:
    names = sorted(mission_areas(), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def areas_named(text: str) -> frozenset[Division]:
    """The divisions of the missions a text names (none when it names none)."""
    pattern = _pattern()
    if pattern is None:
        return frozenset()
    areas = mission_areas()
    return frozenset(d for m in pattern.finditer(text) for d in areas[m.group(0)])


def mission_namesake(place: Place, areas: frozenset[Division]) -> Place | None:
    """The namesake of a town or village inside the mission's divisions, when ``place`` was
    read in the same country but outside them; the most populous if there are several."""
    if not areas or place.precision is not PlacePrecision.CITY or place.country_code is None:
        return None
    if (place.country_code, place.admin1_code) in areas:
        return None
    if not any(cc == place.country_code for cc, _ in areas):
        return None  # a place abroad is another pass's question
    gaz = get()
    for name in dict.fromkeys(n for n in (place.text, place.name) if n):
        inside = [
            e
            for e in gaz.lookup(name)
            if e.fclass == "P"
            and e.kind in (PRIMARY, ALIAS, ALTERNATE)
            and (e.cc, e.admin1) in areas
        ]
        if inside:
            best = max(inside, key=lambda e: (e.kind == PRIMARY, e.pop))
            return place_from_entry(
                gaz, best, place.text, place.start, place.end, place.how + ",mission-area"
            )
    return None
