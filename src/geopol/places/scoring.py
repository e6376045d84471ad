"""The context-free and context score of one reading of a name: its population, feature
code and how the name matched, plus the article's country focus, the container written
beside it, nearby names and a trailing feature word. Used by resolve.py."""

from __future__ import annotations

import math
from collections import Counter

from geopol.places.candidates import PART
from geopol.places.gazetteer import ALIAS, ALTERNATE, DEMONYM, PRIMARY, Entry
from geopol.places.partial import PARTIAL
from geopol.places.readings import contains
from geopol.places.recognise import Mention
from geopol.places.scene import curated

#: Score added per feature code (countries dominate same-named towns; capitals are news hubs).
FEATURE_BONUS = {"PCLI": 4.0, "CONT": 3.0, "PPLC": 1.5, "ADM1": -0.5, "ADM2": -0.7}
#: Curated places have no population; they score as a place of this many people.
CURATED_POPULATION = 3_000_000
KIND_BONUS = {PRIMARY: 0.0, ALIAS: -0.2, DEMONYM: 0.0, ALTERNATE: -1.0, PARTIAL: -1.0,
              PART: 0.0}
FOCUS_COUNTRY = 3.0
FOCUS_ADMIN1 = 1.0
INSIDE_BONUS = 6.0
HINT_BONUS = 1.5
#: Per other name of the article with a reading close by (up to two).
NEAR_BONUS = 2.0
#: Divisions without a counted population score as this many people.
DIVISION_POPULATION = 10_000


def _pop(e: Entry) -> float:
    pop = e.pop
    if not pop and curated(e):
        pop = CURATED_POPULATION
    elif e.fcode in ("ADM1", "ADM2"):
        pop = max(pop, DIVISION_POPULATION)
    return math.log10(pop + 10.0)


def score(
    e: Entry,
    m: Mention,
    focus: Counter[str],
    focus_admin1: Counter[tuple[str, str]],
    inside: Entry | None,
    near: dict[int, int] | None = None,
) -> float:
    s = _pop(e) + FEATURE_BONUS.get(e.fcode, 0.0) + KIND_BONUS.get(e.kind, 0.0)
    if e.fcode == "PPLC" and focus and e.cc and not focus[e.cc]:
        s -= FEATURE_BONUS["PPLC"]  # a capital's pull holds only where its country is in view
    if curated(e) and e.kind in (PRIMARY, ALIAS):
        s += 1.0
    total = sum(focus.values())
    if e.cc and total:
        s += FOCUS_COUNTRY * focus[e.cc] / total
    if e.cc and e.admin1 and focus_admin1:
        s += FOCUS_ADMIN1 * min(1, focus_admin1[(e.cc, e.admin1)])
    if inside is not None and e.pid != inside.pid and (inside.cc is None or e.cc == inside.cc):
        s += INSIDE_BONUS / 2
        if contains(inside, e):
            s += INSIDE_BONUS / 2
    if near:
        s += NEAR_BONUS * min(near.get(e.pid, 0), 2)
    if (
        (m.hint == "admin1" and e.fcode == "ADM1")
        or (m.hint == "admin2" and e.fcode == "ADM2")
        or (m.hint in ("city", "admin2") and e.fclass == "P")
    ):
        s += HINT_BONUS
    if m.label == "FAC" and e.fclass == "S":
        s += HINT_BONUS
    if m.label == "LOC" and e.fclass in ("L", "H", "T", "S"):
        s += HINT_BONUS
    return s
