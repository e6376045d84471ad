"""Toponym resolution: pick one gazetteer entry per mention, using the whole article.

Each candidate gets a score: its population (a prior on what news writes about), its
feature (countries and capitals first, never a spot for a country's name), how the name
matched (official name over alternate spellings), the article's country focus (countries
of the names that are unambiguous), the admin hierarchy of "City, Region" and the
trailing word of "Khost district". Two passes: the first finds the focus, the second uses
it. A name with no candidate stays unresolved without touching the others.
The readings come from ``candidates.py`` and each is scored by ``scoring.py``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from geopol.places.candidates import candidates
from geopol.places.gazetteer import ALIAS, DEMONYM, PRIMARY, Entry, Gazetteer, normalise
from geopol.places.namesake import nearest_namesakes
from geopol.places.partial import PARTIAL
from geopol.places.readings import (
    HOLDS_BONUS,
    abroad,
    city_over_division,
    container_readings,
    contains,
    holding,
    km,
    own_name,
    small_town_in_region,
)
from geopol.places.recognise import Mention
from geopol.places.scene import (
    HOME_STRAY_POP,
    HOME_WEIGHT,
    curated,
    far_fetched,
    finer_container,
    scene_weights,
)
from geopol.places.scoring import score

#: Not the place itself, the division or town it is written inside ("X (Baramulla district)").
WITHIN = 5
#: Distance within which another name's reading counts as close (``scoring.NEAR_BONUS``).
NEAR_KM = 150.0
#: Readings per name that take part in the closeness test.
NEAR_TOP = 5
#: A town outside those readings is supported by its state being named unless a namesake
#: in its country is this many times as populous.
STATE_TOWN_RATIO = 20
MIN_SCORE = 1.0
#: Towns smaller than this are taken only in a country the article is about.
STRAY_POP = 10_000
STRAY_SHARE = 0.2
#: A city this many times as populous as a namesake is the one meant wherever the article
#: names its country, unless the text writes the namesake's region ("Paris, Ky.").
PROMINENCE_RATIO = 100
#: ... and a national capital this many times as populous, unless a name near the
#: namesake backs it ("London" in a story about Canada is London, England).
CAPITAL_RATIO = 10


def _country_names(cands: Sequence[Entry], inside: Entry | None) -> list[Entry]:
    """The countries a name denotes by their own name (outside "City, Country")."""
    if inside is not None:
        return []
    return [c for c in cands if c.fcode == "PCLI" and c.kind in (PRIMARY, ALIAS, DEMONYM)]


def _best(
    cands: Sequence[Entry],
    m: Mention,
    focus: Counter[str],
    focus_admin1: Counter[tuple[str, str]],
    inside: Entry | None,
    near: dict[int, int] | None = None,
    own: tuple[str, int] | None = None,
    named: frozenset[tuple[str | None, str | None]] = frozenset(),
    holds: frozenset[int] | None = None,
    container: bool = False,
    scene: Counter[str] | None = None,
    local: dict[int, int] | None = None,
) -> Entry | None:
    """The best reading; ``own`` is what this name itself added to ``focus``, ``named``
    the first-level divisions the article names, ``holds`` (for a name others are written
    inside) its readings that hold a reading of a name written inside it, ``container``
    whether it is surely the inner name's container (``readings.holding``), ``local`` the
    support of ``near`` less that of divisions holding most of their country."""
    readings = tuple(cands)  # before the filters: a town's division of its own name
    if m.loose and inside is not None and any(
        c.kind != PARTIAL and (curated(c) or c.precision in ("country", "admin1", "region"))
        for c in cands
    ):
        inside = None  # "the Cauvery in Karnataka": a river is not inside the state
    if inside is not None and inside.precision == "country" and any(
        c.fcode == "PCLI" and c.kind in (PRIMARY, ALIAS) and c.cc != inside.cc for c in cands
    ) and not any(c.fcode == "ADM1" and contains(inside, c) for c in cands):
        inside = None  # "Russia, China, Mexico": a list of countries, not a town in Mexico
    if m.loose and inside is not None and inside.precision == "city" and inside.kind != WITHIN:
        # "Cairo's Abbasiya", "Kfraya in Idlib" (the city): a reading near that city, else
        # somewhere in it (not a namesake by another spelling in Chad); a country or a
        # region is never inside a city ("the envoy of Russia in Washington")
        cands = [c for c in cands if km(c, inside) <= NEAR_KM]
        if not cands:
            return dataclasses.replace(inside, kind=WITHIN)
    if inside is not None and (inside.kind != WITHIN or m.paren) and (
        inside.precision in ("admin1", "admin2", "city", "country")
    ) and (
        m.paren or not cands or small_town_in_region(cands, inside)
        # a town read from part of the name ("Al Ain" in "Ras Al Ain in Al-Hasakeh") is
        # no match for a container written beside it
        or all(c.kind == PARTIAL for c in cands)
    ):
        # "Rampur sector (Baramulla district)": no Rampur inside it is known, so the
        # place is somewhere in Baramulla, not a Rampur elsewhere (a comma list,
        # "Aleppo, Idlib", only when the name is unknown)
        held = [c for c in cands if contains(inside, c)]
        # ... unless the name is a division by its own name in a country the article
        # points to more than the container's ("(Nkhotakota, Central)" in a Malawi story:
        # not Uganda's Central)
        own_division = any(
            c.kind == PRIMARY and c.fcode in ("ADM1", "ADM2") and c.cc is not None
            and focus[c.cc] > focus[inside.cc or ""]
            for c in cands
        )
        if not held and not finer_container(cands, inside) and not own_division:
            return dataclasses.replace(inside, kind=WITHIN)
        cands = held or cands
    elif inside is not None and inside.kind != WITHIN and inside.precision in (
        "admin1", "admin2", "country"
    ):
        # "Benito Juarez, Nuevo Leon": of the namesakes, those in the division written after
        # the name, when there are any (a list, "Aleppo, Idlib", has none)
        cands = [c for c in cands if contains(inside, c)] or cands
    if not cands:
        return None
    if not (container and inside is None and holds):
        # ... but "Chihuahua, Chihuahua": the second is the state the first is written in
        cands = city_over_division(cands, m)
    if holds is not None and inside is None and container:
        kept = container_readings(cands, holds)
        # ... and where its readings are only divisions of unknown size abroad, sought in
        # the country the article's places are in ("Shida district (Sadah)" in a note
        # placed in Yemen: Sa'dah, not an empty Omani district; never "Smallbrook,
        # Ontario" in a Texan story); the actors' demonyms do not count ("Ethiopian troops
        # ... in Bardera, Gedo" is in Somalia)
        about = Counter(scene if scene is not None else focus)
        if own is not None:
            about[own[0]] -= own[1]
        if about and all(c.pop == 0 for c in kept) and not any(
            about[c.cc or ""] > 0 for c in kept
        ):
            kept = [c for c in cands if about[c.cc or ""] > 0] or kept
        cands = kept
    # "Idlib province", "Karak district": the division the word names, if the name has one
    want = {"admin1": ("ADM1",), "admin2": ("ADM2", "ADM1")}.get(m.hint or "")
    if want and inside is None and not any(curated(c) for c in cands):
        cands = [c for c in cands if c.fcode in want] or cands  # not "the Kurdistan region"
        # ... and a division of that kind by its own name over one that the name only
        # nicknames ("Alba county": the Romanian county, not Alba for Scotland)
        key = normalise(m.lookup or m.text)
        cands = [
            c for c in cands if c.fcode not in want or c.kind == PRIMARY or own_name(c, key)
        ] or cands
    # A country's own name is the country, never a building or town that shares it; only a
    # first-level division officially so named competes ("Georgia" the US state).
    countries = _country_names(cands, inside)
    if countries:
        peers = [
            c for c in cands
            if c.fcode == "ADM1" and c.kind == PRIMARY and not m.demonym and m.label != "NORP"
        ]
        cands = countries + peers
    others = Counter(focus)
    if own is not None:
        others[own[0]] -= own[1]
    total = sum(others.values())
    if total:
        # a village abroad that nothing else in the article points to is a wild guess:
        # better unresolved than wrong
        # ... and so is a town read from part of a longer name ("Stoke" in "Stoke Newington")
        # ... and, where an unambiguous name sets the scene, a loose match abroad
        lead = max(others.values())
        # the scene is set by place names, not demonyms ("Turkish forces shelled Idleb")
        placed = Counter(scene if scene is not None else others)
        if own is not None and placed[own[0]] >= own[1]:
            placed[own[0]] -= own[1]
        home = max(placed.values(), default=0) >= HOME_WEIGHT
        # one country holds the article: a town abroad there must be a well-known one
        least = HOME_STRAY_POP if home and 2 * lead >= total else STRAY_POP
        cands = [
            c for c in cands
            if (c.cc and others[c.cc] >= STRAY_SHARE * total) or (near and near.get(c.pid))
            or inside is not None
            or (c.kind != PARTIAL and not (home and far_fetched(c, m, cands)) and (
                c.pop >= least or curated(c) or c.fcode not in ("PPL", "ADM2")))
        ]
        if not cands:
            return None
    # a name is no evidence for itself: its own vote would only entrench the first guess
    scored = [(score(c, m, others, focus_admin1, inside, near), -c.pid, c) for c in cands]
    if holds:
        # a village holding a village of the inner name is a coincidence, not a chain
        # ("Benito Juarez, Nuevo Leon": the state, not a hamlet of Baja California)
        scored = [
            (sc + HOLDS_BONUS * (c.pid in holds and (c.fclass != "P" or c.pop >= STRAY_POP)),
             p, c)
            for sc, p, c in scored
        ]
    if total:
        scored = [(sc - abroad(c, cands, others, total, near), p, c) for sc, p, c in scored]
    best = max(scored)
    if best[0] < MIN_SCORE:
        return None
    if inside is None:
        famous = _prominent(cands, best[2], others, near if local is None else local, named,
                            readings)
        if famous is not None:
            return famous
    return best[2]


def _prominent(
    cands: Sequence[Entry],
    chosen: Entry,
    others: Counter[str],
    near: dict[int, int] | None,
    named: frozenset[tuple[str | None, str | None]],
    readings: Sequence[Entry] = (),
) -> Entry | None:
    """A city abroad that dwarfs the chosen namesake, where the article gives it the edge.

    Context bonuses add up to more than any population gap, so without this a Kentucky
    story that mentions a trip to France puts "Paris" in Kentucky, and a story about
    Canada puts every "London" in Ontario. The famous city wins when the article names its
    country (at PROMINENCE_RATIO), or when nothing local backs the namesake: no other name
    of the article lies near it nor is its division named, and the famous one is a
    national capital (CAPITAL_RATIO) or PROMINENCE_RATIO times its size, or names a
    division of CAPITAL_RATIO times the namesake's size, where the namesake's country does
    not lead the article ("Venice" in a Canadian story: not Venice, California; "Halifax"
    in a British story stays British). Country focus alone is not local evidence."""
    if chosen.fclass != "P":
        return None
    local = bool(near and near.get(chosen.pid)) or (chosen.cc, chosen.admin1) in named
    # the article's leading country backs its own town ("Halifax" in a British story)
    lead = max(others.values(), default=0)
    leads = lead > 0 and others[chosen.cc or ""] >= lead
    floor = max(chosen.pop, STRAY_POP)

    def dwarfs(c: Entry) -> bool:
        if c.pop >= PROMINENCE_RATIO * floor:
            return others[c.cc or ""] > 0 or not local
        if local:
            return False
        return (c.fcode == "PPLC" and c.pop >= CAPITAL_RATIO * floor) or (
            _named_division(c, readings) >= CAPITAL_RATIO * floor and not leads
        )

    rivals = [c for c in cands if c.fclass == "P" and c.cc and c.cc != chosen.cc and dwarfs(c)]
    return max(rivals, key=lambda c: (c.pop, -c.pid)) if rivals else None


def _named_division(town: Entry, cands: Sequence[Entry]) -> int:
    """The population of the division of the town's own name that holds it ("Venice" and
    the province of Venezia, "Naples" and Napoli's): a city that names its province is
    better known than its own population says; 0 where no reading is such a division."""
    return max(
        (
            d.pop for d in cands
            if d.fcode in _DIVISIONS and d.cc == town.cc and d.admin1 == town.admin1
            and (d.fcode == "ADM1" or d.admin2 == town.admin2)
        ),
        default=0,
    )


#: Divisions: close to what lies in the same first-level division (a county has no point
#: of its own, only its state's).
_DIVISIONS = frozenset({"ADM1", "ADM2"})


def _close(a: Entry, b: Entry) -> bool:
    """Two readings that support each other: near places, or a place and its own division."""
    if a.precision in ("country", "region") or b.precision in ("country", "region"):
        return False
    if a.pid == b.pid:
        return False
    if a.fcode == "ADM1" or b.fcode == "ADM1":
        return a.cc == b.cc and a.admin1 == b.admin1
    if a.fcode == "ADM2" and b.fcode == "ADM2":
        return a.cc == b.cc and a.admin1 == b.admin1
    if a.fcode == "ADM2" or b.fcode == "ADM2":
        same = a.cc == b.cc and a.admin1 == b.admin1 and a.admin2 == b.admin2
        return same or km(a, b) <= NEAR_KM
    return km(a, b) <= NEAR_KM


def _nearby(
    mentions: Sequence[Mention],
    cands: Sequence[Sequence[Entry]],
    wide: frozenset[int] = frozenset(),
) -> tuple[dict[int, int], dict[int, int]]:
    """For each reading, how many other names of the article have a reading close to it;
    and the same where ``wide``, divisions that hold most of their country ("England"),
    are close to nothing (the local support of ``_prominent``)."""
    empty: Counter[str] = Counter()
    top: dict[str, list[Entry]] = {}
    counties: dict[str, list[Entry]] = {}
    towns: dict[str, list[Entry]] = {}
    states: dict[str, tuple[str | None, str]] = {}
    for m, cs in zip(mentions, cands, strict=True):
        key = m.text.casefold()
        if key in top or not cs:
            continue
        ranked = sorted(cs, key=lambda c: -score(c, m, empty, Counter(), None))
        # same-named counties ("Monroe County": seventeen states) tie on every
        # context-free score: all of them may receive support, and only a county of its
        # own name gives it ("Laurel County" for London, Kentucky)
        shire = [c for c in ranked if c.fcode == "ADM2"]
        top[key] = [c for c in ranked[:NEAR_TOP] if c.fcode != "ADM2" or len(shire) == 1]
        counties[key] = [c for c in shire if c not in top[key]]
        # a town too small for the top readings still lies in a state the article names
        # ("observed in Plymouth" beside "the Massachusetts governor")
        # ... unless a namesake in its country dwarfs it ("WASHINGTON" beside "North
        # Carolina" is still the capital)
        biggest: Counter[str | None] = Counter()
        for c in ranked:
            if c.fclass == "P":
                biggest[c.cc] = max(biggest[c.cc], c.pop)
        towns[key] = [c for c in ranked[NEAR_TOP:] if c.fclass == "P" and c.admin1
                      and c.pop * STATE_TOWN_RATIO >= biggest[c.cc]]
        if ranked[0].fcode == "ADM1" and ranked[0].admin1:
            states[key] = (ranked[0].cc, ranked[0].admin1)
    out: dict[int, int] = {}
    local: dict[int, int] = {}
    names = list(top)
    for a_name in names:
        for a in top[a_name] + counties[a_name]:
            support = narrow = 0
            for b_name in names:
                if b_name == a_name or not any(_close(a, b) for b in top[b_name]):
                    continue
                support += 1
                narrow += not wide or (a.pid not in wide and any(
                    b.pid not in wide and _close(a, b) for b in top[b_name]
                ))
            if support:
                out[a.pid] = support
            if narrow:
                local[a.pid] = narrow
        for a in towns[a_name]:
            backers = [b for b, st in states.items() if b != a_name and st == (a.cc, a.admin1)]
            if backers:
                out[a.pid] = len(backers)
            narrow = sum(1 for b in backers if top[b][0].pid not in wide) if wide else len(backers)
            if narrow:
                local[a.pid] = narrow
    return out, local


def _focus(
    mentions: Sequence[Mention],
    cands: Sequence[Sequence[Entry]],
    chosen: Sequence[Entry | None],
    prior: Sequence[Entry],
) -> tuple[Counter[str], Counter[tuple[str, str]], dict[str, tuple[str, int]]]:
    """Countries and divisions the article is about, from the current readings."""
    focus: Counter[str] = Counter()  # weights in quarters: 4 = one unambiguous name
    focus_admin1: Counter[tuple[str, str]] = Counter()
    for p in prior:
        if p.cc:
            focus[p.cc] += 8
            if p.admin1:
                focus_admin1[(p.cc, p.admin1)] += 1
    own: dict[str, tuple[str, int]] = {}
    for i, e in enumerate(chosen):
        key = mentions[i].text.casefold()
        if e is None or not e.cc or key in own or e.kind == WITHIN or mentions[i].modifier:
            # a name placed within another is no evidence beyond its container
            continue
        # a country's own name ("Canada", "UK") is as plain as a name gets, even where a
        # village abroad shares it
        # ... but a village's unique name is weak evidence: small places are named after
        # common words and share them with streets, parks and buildings ("Crescent")
        plain = (
            len({c.cc for c in cands[i]}) == 1
            and (e.fclass != "P" or e.pop >= STRAY_POP or not e.gid.startswith("geonames:"))
        ) or e in _country_names(cands[i], None)
        weight = 4 if plain else 1
        own[key] = (e.cc, weight)  # each name counts once, however often it is repeated
        focus[e.cc] += weight
        if (e.fcode == "ADM1" and e.admin1) or (e.admin1 and weight == 4):
            focus_admin1[(e.cc, e.admin1)] += 1
    return focus, focus_admin1, own


def _depth(mentions: Sequence[Mention], i: int) -> int:
    depth, seen = 0, {i}
    j = mentions[i].inside
    while j is not None and j not in seen:
        seen.add(j)
        depth += 1
        j = mentions[j].inside
    return depth


#: Passes after the first (context-free) one; each uses the focus of the one before.
PASSES = 2


def resolve(
    gaz: Gazetteer, mentions: Sequence[Mention], prior: Sequence[Entry] = ()
) -> list[Entry | None]:
    """The entry each mention resolves to (None: unknown name), in mention order.

    ``prior`` are places known to be in the article's focus (the resolved dateline).
    """
    cands = [candidates(gaz, m) for m in mentions]
    # containers before what is inside them: "X (Y, Z)" resolves Z, then Y, then X
    order = sorted(range(len(mentions)), key=lambda i: _depth(mentions, i))
    # "the Bank of England" is no local evidence for a Washington in England
    near, local = _nearby(mentions, cands, _nationwide(gaz, [c for cs in cands for c in cs]))
    holds, containers = holding(mentions, cands)
    chosen: list[Entry | None] = [None] * len(mentions)
    focus: Counter[str] = Counter()
    focus_admin1: Counter[tuple[str, str]] = Counter()
    own: dict[str, tuple[str, int]] = {}
    named: frozenset[tuple[str | None, str | None]] = frozenset()
    scene: Counter[str] = Counter()
    for step in range(PASSES + 1):
        if step:
            focus, focus_admin1, own = _focus(mentions, cands, chosen, prior)
            named = _named_divisions(gaz, chosen)
            scene = scene_weights(mentions, chosen, own, prior)
        current: list[Entry | None] = [None] * len(mentions)
        for i in order:
            m = mentions[i]
            inside = current[m.inside] if m.inside is not None else None
            current[i] = _best(
                cands[i], m, focus, focus_admin1, inside, near if step else None,
                own.get(m.text.casefold()), named, holds.get(i), i in containers, scene,
                local if step else None,
            )
        chosen = current
    nearest_namesakes(gaz, mentions, cands, chosen)  # "near Lozove" beside other Donetsk places
    # one sense per name per article: the same text resolves the same way
    # ("LONDON, Ky." settles every later "London"), the "City, Region" reading first
    # ... apart from a name its text calls a division ("Idlib province" beside "Idlib")
    # ... but not the town of "Singapore, Singapore": the name alone is the country
    by_text: dict[tuple[str, bool], Entry] = {}
    for i in sorted(order, key=lambda i: (mentions[i].inside is None, mentions[i].start)):
        e = chosen[i]
        key = _sense_key(mentions[i])
        j = mentions[i].inside
        if j is not None and _sense_key(mentions[j])[0] == key[0]:
            continue
        if e is not None and key not in by_text:
            by_text[key] = e
    for i, m in enumerate(mentions):
        key = _sense_key(m)
        if chosen[i] is not None and m.inside is None and key in by_text and i not in containers:
            chosen[i] = by_text[key]
    return chosen


#: A first-level division holding this share of its country's people ("England": the
#: United Kingdom but for a sixth) says no more than the country.
NATIONWIDE_SHARE = 0.8


def _named_divisions(
    gaz: Gazetteer, chosen: Sequence[Entry | None]
) -> frozenset[tuple[str | None, str | None]]:
    """The first-level divisions the article names, as local evidence for their towns
    (``_prominent``): "Washington" in a story naming the Bank of England is still the
    capital, not Washington, Tyne and Wear."""
    known = [e for e in chosen if e is not None]
    wide = _nationwide(gaz, known)
    return frozenset((e.cc, e.admin1) for e in known if e.fcode == "ADM1" and e.pid not in wide)


def _nationwide(gaz: Gazetteer, readings: Sequence[Entry]) -> frozenset[int]:
    """The first-level divisions among ``readings`` that hold NATIONWIDE_SHARE of their
    country's people."""
    out: set[int] = set()
    for e in readings:
        if e.fcode == "ADM1" and e.cc:
            country = gaz.country(e.cc)
            if country is not None and e.pop >= NATIONWIDE_SHARE * country.pop:
                out.add(e.pid)
    return frozenset(out)


def _sense_key(m: Mention) -> tuple[str, bool]:
    return m.text.casefold(), m.hint in ("admin1", "admin2")
