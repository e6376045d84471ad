"""Toponym resolution: pick one gazetteer entry per mention, using the whole article.

Each candidate gets a score: its population (a prior on what news writes about), its
feature (countries and capitals first, never a spot for a country's name), how the name
matched (official name over alternate spellings), the article's country focus (countries
of the names that are unambiguous), the admin hierarchy of "City, Region" and the
trailing word of "Khost district". Two passes: the first finds the focus, the second uses
it. A name with no candidate stays unresolved without touching the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from geopol.places.gazetteer import ALIAS, ALTERNATE, DEMONYM, PRIMARY, Entry, Gazetteer
from geopol.places.recognise import Mention

#: Score added per feature code (countries dominate same-named towns; capitals are news hubs).
FEATURE_BONUS = {"PCLI": 4.0, "CONT": 3.0, "PPLC": 1.5, "ADM1": -0.5}
#: Curated places have no population; they score as a place of this many people.
CURATED_POPULATION = 3_000_000
KIND_BONUS = {PRIMARY: 0.0, ALIAS: -0.2, DEMONYM: 0.0, ALTERNATE: -1.5}
FOCUS_COUNTRY = 3.0
FOCUS_ADMIN1 = 1.0
INSIDE_BONUS = 6.0
HINT_BONUS = 1.5
MIN_SCORE = 1.0


def _pop(e: Entry) -> float:
    pop = e.pop or (CURATED_POPULATION if e.gid.startswith("geopol:") else 0)
    return math.log10(pop + 10.0)


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
    for text in _variants(m):
        found = list(gaz.lookup(text))
        if not m.demonym and m.label not in ("NORP", "gold"):
            found = [c for c in found if c.kind != DEMONYM]
        if found:
            return found
    return []


def score(
    e: Entry,
    m: Mention,
    focus: Counter[str],
    focus_admin1: Counter[tuple[str, str]],
    inside: Entry | None,
) -> float:
    s = _pop(e) + FEATURE_BONUS.get(e.fcode, 0.0) + KIND_BONUS.get(e.kind, 0.0)
    if e.gid.startswith("geopol:") and e.kind in (PRIMARY, ALIAS):
        s += 1.0
    total = sum(focus.values())
    if e.cc and total:
        s += FOCUS_COUNTRY * focus[e.cc] / total
    if e.cc and e.admin1 and focus_admin1:
        s += FOCUS_ADMIN1 * min(1, focus_admin1[(e.cc, e.admin1)])
    if inside is not None and e.cc == inside.cc and e.pid != inside.pid:
        s += INSIDE_BONUS / 2
        if inside.fcode != "ADM1" or e.admin1 == inside.admin1:
            s += INSIDE_BONUS / 2
    if m.hint == "admin1" and e.fcode == "ADM1":
        s += HINT_BONUS
    elif m.hint in ("city", "admin2") and e.fclass == "P":
        s += HINT_BONUS
    if m.label == "FAC" and e.fclass == "S":
        s += HINT_BONUS
    if m.label == "LOC" and e.fclass in ("L", "H", "T", "S"):
        s += HINT_BONUS
    return s


def _best(
    cands: Sequence[Entry],
    m: Mention,
    focus: Counter[str],
    focus_admin1: Counter[tuple[str, str]],
    inside: Entry | None,
) -> Entry | None:
    if not cands:
        return None
    # A country's own name is the country, never a building or town that shares it.
    countries = [c for c in cands if c.fcode == "PCLI" and c.kind in (PRIMARY, ALIAS, DEMONYM)]
    if countries and inside is None:
        cands = countries
    scored = [(score(c, m, focus, focus_admin1, inside), -c.pid, c) for c in cands]
    best = max(scored)
    if best[0] < MIN_SCORE:
        return None
    return best[2]


def resolve(
    gaz: Gazetteer, mentions: Sequence[Mention], prior: Sequence[Entry] = ()
) -> list[Entry | None]:
    """The entry each mention resolves to (None: unknown name), in mention order.

    ``prior`` are places known to be in the article's focus (the resolved dateline).
    """
    cands = [candidates(gaz, m) for m in mentions]
    focus: Counter[str] = Counter()
    focus_admin1: Counter[tuple[str, str]] = Counter()
    for e in prior:
        if e.cc:
            focus[e.cc] += 2
            if e.admin1:
                focus_admin1[(e.cc, e.admin1)] += 1
    empty: Counter[str] = Counter()
    first: list[Entry | None] = [None] * len(mentions)
    # pass 1: without focus, inner-most "City, Region" parts after their region
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].inside is not None)
    for i in order:
        m = mentions[i]
        inside = first[m.inside] if m.inside is not None else None
        first[i] = _best(cands[i], m, empty, Counter(), inside)
    seen: set[str] = set()
    for i, e in enumerate(first):
        key = mentions[i].text.casefold()
        if e is None or not e.cc or key in seen:
            continue
        seen.add(key)  # each name counts once, however often it is repeated
        weight = 1.0 if len({c.cc for c in cands[i]}) == 1 else 0.25
        focus[e.cc] += weight
        if e.fcode == "ADM1" and e.admin1:
            focus_admin1[(e.cc, e.admin1)] += 1
        elif e.admin1 and weight == 1.0:
            focus_admin1[(e.cc, e.admin1)] += 1
    # pass 2: with the article's focus
    final: list[Entry | None] = [None] * len(mentions)
    for i in order:
        m = mentions[i]
        inside = final[m.inside] if m.inside is not None else None
        final[i] = _best(cands[i], m, focus, focus_admin1, inside)
    # one sense per name per article: the same text resolves the same way
    # ("LONDON, Ky." settles every later "London"), the "City, Region" reading first
    by_text: dict[str, Entry] = {}
    for i in sorted(order, key=lambda i: (mentions[i].inside is None, mentions[i].start)):
        e = final[i]
        key = mentions[i].text.casefold()
        if e is not None and key not in by_text:
            by_text[key] = e
    for i, m in enumerate(mentions):
        key = m.text.casefold()
        if final[i] is not None and m.inside is None and key in by_text:
            final[i] = by_text[key]
    return final
