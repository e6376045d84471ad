"""The article's own city: where a local story's unknown names lie.

A story about one city names its streets, parks, hospitals and neighbourhoods, which a
gazetteer of populated places lacks ("St. Michael's Hospital", "Stoke Newington" in a
Toronto or a London story). Such a name is placed at the city the article is about (tag
``article-city``, the city's own entry and point), when one city leads: it holds at least
half the mentions of cities (the dateline's counting twice; of two as often named, the
first), and it lies in the country the
unknown name was given (``article-country``). Names that modify other words,
demonyms and readings of part of a name give no vote.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from geopol.records import Place

#: Votes a dateline's city carries (a plain mention carries one).
DATELINE_VOTES = 2
#: Share of all the votes for cities the leading one must hold.
LEAD_SHARE = 0.5
#: Readings that are no plain mention of a city.
_NO_VOTE = frozenset({"demonym", "embedded", "host", "partial", "within", "part", "article-country",
                      "article-city"})


def article_city(places: Sequence[Place]) -> Place | None:
    """The city the article is about, or None where no one city leads."""
    votes: Counter[str] = Counter()
    first: dict[str, Place] = {}
    for p in places:
        if p.name is None or p.gazetteer_id is None or p.feature_class != "P":
            continue
        tags = set(p.how.split(","))
        if tags & _NO_VOTE:
            continue
        votes[p.gazetteer_id] += DATELINE_VOTES if "dateline" in tags else 1
        first.setdefault(p.gazetteer_id, p)
    if not votes:
        return None
    (gid, n), = votes.most_common(1)
    if n < LEAD_SHARE * sum(votes.values()):
        return None  # a tour of several cities
    return first[gid]


def at_article_city(places: list[Place]) -> list[Place]:
    """``places`` with each unknown name of the city's country placed at that city."""
    city = article_city(places)
    if city is None:
        return places
    out = []
    for p in places:
        if p.name is None and p.country is not None and p.country == city.country and (
            "article-country" in p.how.split(",") and "demonym" not in p.how.split(",")
        ):
            p = dataclasses.replace(
                city, text=p.text, start=p.start, end=p.end,
                how=p.how.replace("article-country", "article-city"),
            )
        out.append(p)
    return out


