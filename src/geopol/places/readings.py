"""Rules that weigh one name's readings against the article's evidence: what lies inside
what ("X (Y)"), a city against its namesake division, a namesake abroad against the country
the article is about. Used by resolve.py."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Entry, Gazetteer, normalise
from geopol.places.recognise import Mention

#: A city inside a division of its own name is what running text means by the name
#: ("New York", "Kabul", "Lagos") when it has at least this many people.
NAMESAKE_CITY_POP = 50_000
NAMESAKE_SHARE = 0.25


#: "Holliday, Missouri": a name whose readings are all towns smaller than this, written
#: with a division or country none of them lies in, is a place in that division.
SMALL_TOWN_POP = 100_000


#: A city abroad this populous may be an item of a list before a division ("Caracas,
#: Zulia" is a list; "San Carlos, Negros Occidental" is no list with Venezuela's San Carlos).
FOREIGN_LIST_POP = 1_000_000


def small_town_in_region(cands: Sequence[Entry], inside: Entry) -> bool:
    """No reading of "X" in "X, Y" lies in Y and each is a small town or a division of
    another country ("San Carlos, Negros Occidental": none of the San Carlos known is in
    that province, and Uruguay's San Carlos department is no reading of a list)."""
    if inside.precision == "admin1" and all(
        not contains(inside, c) and c.fcode not in ("ADM1", "PPLC", "PCLI")
        and (c.fclass != "P" or c.pop < FOREIGN_LIST_POP)
        for c in cands
    ):
        return True  # "Benito Juarez, Nuevo Leon": no list pairs a town with a state
    return inside.precision in ("admin1", "admin2", "country") and all(
        not contains(inside, c) and (
            (c.fclass == "P" and c.pop < SMALL_TOWN_POP)
            or (c.cc != inside.cc and inside.precision != "country" and (
                c.fcode in ("ADM1", "ADM2")
                or (c.fcode == "PPL" and c.pop < FOREIGN_LIST_POP)))
        )
        for c in cands
    )


#: Share of a division's people its namesake city must hold to be read for a division
#: written as a container in parentheses.
CITY_PROVINCE_SHARE = 0.75


def city_over_division(cands: Sequence[Entry], m: Mention) -> Sequence[Entry]:
    """Drop a first-level division whose own namesake city is also a reading, unless the
    text says "state"/"province" ("New York state", "Kabul province")."""
    if m.hint in ("admin1", "admin2"):
        return cands
    # a division others are written inside in parentheses ("Baqim district (Saada)") stays
    # the division, unless its city is most of it ("Abu Salim (Tripoli)": the city)
    share = CITY_PROVINCE_SHARE if m.outer else NAMESAKE_SHARE
    cities = [c for c in cands if c.fclass == "P" and c.pop >= NAMESAKE_CITY_POP]
    # a district named after its own town, whatever the size ("Wainwright", "Kismayo")
    seats = {(c.cc, c.admin1, c.admin2) for c in cands if c.fclass == "P" and c.admin2}

    def namesake(d: Entry) -> bool:
        # the city must hold a good share of the division's people: New York City does,
        # Recife (once called "Pernambuco") and Quebec City do not
        least = share if d.fcode == "ADM1" else NAMESAKE_SHARE
        if m.outer and d.fcode != "ADM1":
            return False  # a district's people are only its towns' of 500 or more
        return any(
            c.cc == d.cc and c.admin1 == d.admin1 and c.pop >= least * d.pop
            for c in cities
        )

    kept = [
        c for c in cands
        if not (c.fcode in ("ADM1", "ADM2") and namesake(c))
        and not (c.fcode == "ADM2" and not m.outer and (c.cc, c.admin1, c.admin2) in seats)
    ]
    return kept or cands


#: How far a place may lie from a town or feature it is written inside ("X (Kismaayo)").
INSIDE_KM = 60.0


def contains(outer: Entry, e: Entry) -> bool:
    """``e`` lies in ``outer``: its country, division, or near its town or feature."""
    if outer.fcode in ("PCLI", "CONT") or outer.precision == "country":
        return outer.cc is None or e.cc == outer.cc
    if outer.fcode == "ADM1":
        return e.cc == outer.cc and e.admin1 == outer.admin1
    if outer.fcode == "ADM2":
        return e.cc == outer.cc and e.admin1 == outer.admin1 and e.admin2 == outer.admin2
    if outer.precision == "region":
        return outer.cc is None or e.cc == outer.cc
    return km(outer, e) <= INSIDE_KM


#: A reading in a country the article does not name loses this much when another reading
#: lies in the country the article is mostly about ("a village near Palma" in a Mozambique
#: story), unless it is a big city or a capital.
ABROAD_PENALTY = 2.5
ABROAD_SHARE = 0.5
ABROAD_MAX_POP = 1_000_000


def abroad(
    c: Entry, cands: Sequence[Entry], others: Counter[str], total: int,
    near: dict[int, int] | None,
) -> float:
    if not c.cc or others[c.cc] > 0 or c.pop >= ABROAD_MAX_POP or c.fcode == "PPLC":
        return 0.0
    if c.fcode == "PCLI" or (near and near.get(c.pid)):
        return 0.0
    home = any(d.cc and others[d.cc] >= ABROAD_SHARE * total for d in cands)
    return ABROAD_PENALTY if home else 0.0


def km(a: Entry, b: Entry) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


#: A container's reading that holds a reading of the name written inside it ("San Miguel,
#: Puno": Peru's Puno, not Pune, another spelling of which is "Puno").
HOLDS_BONUS = 3.0


def holding(
    mentions: Sequence[Mention], cands: Sequence[Sequence[Entry]]
) -> tuple[dict[int, frozenset[int]], frozenset[int]]:
    """For each name another is written inside ("X, Y", "X (Y)"), the pids of its readings
    that contain a reading of that inner name; and the names that are surely containers:
    written in parentheses, or a division of theirs holds the inner name, or the inner name
    is unknown or only small towns ("Bohdanivka, Donetsk"; not the list "Mosul, Kirkuk")."""
    out: dict[int, set[int]] = {}
    sure: set[int] = set()
    for j, m in enumerate(mentions):
        i = m.inside
        if i is None or i == j or m.loose:
            continue  # "Rest Acres Road in Paris" says nothing of which Paris
        got = out.setdefault(i, set())
        for c in cands[i]:
            if c.pid not in got and any(contains(c, x) for x in cands[j] if x.pid != c.pid):
                got.add(c.pid)
        small = all(x.fclass == "P" and x.pop < SMALL_TOWN_POP for x in cands[j])
        if m.paren or small or any(
            c.pid in got and c.fcode in ("ADM1", "ADM2") for c in cands[i]
        ):
            sure.add(i)
    return {i: frozenset(v) for i, v in out.items()}, frozenset(sure)


#: A division this many times as populous as a namesake town is what a container means.
DWARF_RATIO = 10


def container_readings(cands: Sequence[Entry], holds: frozenset[int]) -> Sequence[Entry]:
    """A name written as the container of another ("Bohdanivka, Donetsk") is the division,
    not its namesake town in it (Donetsk oblast, not the city of Donetsk) nor a smaller
    namesake town elsewhere ("Benito Juarez, Nuevo Leon": the state, not a village of
    Baja California): reports write the division after a place. A town that holds a
    reading of the inner name stays ("Kibera (Nairobi)")."""
    divisions = [d for d in cands if d.fcode in ("ADM1", "ADM2") and d.kind != ALTERNATE]
    if not divisions:
        return cands
    kept = [
        c for c in cands
        if not (c.fclass == "P" and any(
            (c.pid not in holds and d.cc == c.cc and contains(d, c))
            or d.pop >= DWARF_RATIO * max(c.pop, 1) for d in divisions))
        # ... nor a town abroad by another spelling ("New Grant, Princes Town": the
        # division of Trinidad, not Princeton, New Jersey)
        and not (c.fclass == "P" and c.kind == ALTERNATE and c.pid not in holds)
    ]
    if not holds:
        # the inner name is unknown: a town abroad that shares the division's name is no
        # container of it ("Bardera, Gedo": Somalia's Gedo region, not a town in Ethiopia,
        # whatever the actors' country)
        home = {d.cc for d in divisions if d.kind == PRIMARY}
        kept = [c for c in kept if c.fclass != "P" or not home or c.cc in home]
    return kept or cands


#: Words that name a part of a country or division: "eastern Ukraine", "Northern Syria".
_PARTS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                    "western", "central", "northeastern", "northwestern", "southeastern",
                    "southwestern", "north-eastern", "north-western", "south-eastern",
                    "south-western", "far", "upper", "lower"})


def part_of(gaz: Gazetteer, text: str) -> Entry | None:
    """A name unknown as a whole that is a direction plus a country or a first-level division
    ("Eastern Ukraine"): that country or division, not the article's main country."""
    words = text.split()
    if len(words) < 2 or words[0].casefold() not in _PARTS or not words[1][:1].isupper():
        return None  # "its east coast" is no place called "Coast"
    rest = " ".join(words[1:])
    for c in gaz.lookup(rest):
        if c.kind in (PRIMARY, ALIAS) and c.precision in ("country", "admin1"):
            return c
    return None


def own_name(e: Entry, key: str) -> bool:
    """Whether the entry's name holds the name written as words of its own, in any vowel
    spelling ("Karak" of "Al Karak" or "Karak District", "Poonch" of "Punch"), not a
    nickname of another place ("Alba" of Scotland)."""
    words = normalise(e.name).split()
    n = len(key.split())
    want = _skeleton(key)
    return bool(want) and want in (_skeleton(" ".join(words[:n])), _skeleton(" ".join(words[-n:])))


def _skeleton(text: str) -> str:
    """A name's consonants, doubled letters single: spellings of one name agree."""
    text = "".join(c for c in text if c.isalpha() and c not in "aeiouy")
    return "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])
