"""Villages of one name within one country ("explosions near Lozove": a dozen Lozoves in
Ukraine). Population barely tells them apart, so where the article names other places,
the namesake inside a first-level division the article names, or else nearest to the
article's other places, is the one meant (issue 18, third round)."""

from __future__ import annotations

from collections.abc import Sequence

from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry, Gazetteer
from geopol.places.readings import km
from geopol.places.recognise import Mention

#: Namesakes smaller than this are villages, told apart by the article's other places.
VILLAGE_POP = 20_000
#: A namesake replaces the chosen one only when it lies this much closer to the anchors.
CLOSER_KM = 50.0


def _villages(cands: Sequence[Entry], chosen: Entry) -> list[Entry]:
    return [
        c for c in cands
        if c.cc == chosen.cc and c.fclass == "P" and c.pop < VILLAGE_POP
        and c.kind in (PRIMARY, ALIAS, ALTERNATE)  # transliterations too
    ]


def _distance(c: Entry, anchors: Sequence[Entry]) -> float:
    """How far a reading lies from the article's other places: 0 inside a division they
    name, else the distance to the nearest one."""
    best = float("inf")
    for a in anchors:
        if a.fcode == "ADM1" and a.admin1 == c.admin1:
            return 0.0
        if a.fcode == "ADM2" and a.admin1 == c.admin1 and a.admin2 == c.admin2:
            return 0.0
        best = min(best, km(a, c))
    return best


def nearest_namesakes(
    gaz: Gazetteer,
    mentions: Sequence[Mention],
    cands: Sequence[Sequence[Entry]],
    chosen: list[Entry | None],
) -> None:
    """Replace, in place, a village reading by its namesake in the same country that lies
    inside a division the article names or clearly nearer its other places."""
    for i, (m, e) in enumerate(zip(mentions, chosen, strict=True)):
        if e is None or m.inside is not None or e.fclass != "P" or e.pop >= VILLAGE_POP:
            continue
        # every spelling: a village written one way is often another's alternate spelling
        same = _villages([*cands[i], *gaz.lookup(m.lookup or m.text)], e)
        if len({c.pid for c in same}) < 2 or e.pid not in {c.pid for c in same}:
            continue
        key = m.text.casefold()
        anchors = [
            a for j, a in enumerate(chosen)
            if a is not None and a.cc == e.cc and mentions[j].text.casefold() != key
            and a.precision not in ("country", "region")
        ]
        if not anchors:
            continue
        here = _distance(e, anchors)
        best = min(same, key=lambda c: (_distance(c, anchors), -c.pop))
        if best.pid != e.pid and _distance(best, anchors) + CLOSER_KM <= here:
            chosen[i] = best
