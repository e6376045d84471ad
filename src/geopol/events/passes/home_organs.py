"""Pass ``home-organs``: a state organ named with no country ("the administration", "MPs",
"the judge") takes the country the article is about, or, where the article has no one
country, the one country its sentence names."""

from __future__ import annotations

import collections
import dataclasses

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.records import Actor

#: Sectors of a state's own organs: named bare, they are the state the story is about.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY", "PTY"})
#: How much of the article's country mentions one country must have to be its country.
SHARE = 0.5
#: ... and how many mentions at least (a sentence or two alone names no home country).
LEAST = 3


def _countable(a: Actor) -> bool:
    """A mention that names a state (not an international body or a bloc)."""
    return bool(a.country) and not (a.country or "").startswith("IGO") and a.kind != "bloc"


def home_country(ctx: SentenceContext) -> str | None:
    """The country of at least half (and at least ``LEAST``) of the article's mentions of
    actors with a country, if any."""
    mentions = {id(a): a for actors in ctx.index.by_token.values() for a in actors}
    counts = collections.Counter(a.country for a in mentions.values() if _countable(a))
    total = sum(counts.values())
    if not total:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= LEAST and n / total >= SHARE else None


def sentence_country(ctx: SentenceContext) -> str | None:
    """The one country the sentence's actors name, if exactly one ("the army closed
    Tehran's new airport": Iran)."""
    countries = {
        a.country for t in ctx.sentence for a in ctx.index.by_token.get(t.i, ()) if _countable(a)
    }
    return countries.pop() if len(countries) == 1 else None


def _named_for_the_other_side(ctx: SentenceContext, home: str, target: list[Actor]) -> bool:
    """The sentence names its one country only for the organs acted on ("the American
    envoy", "Britain's ambassador"): an organ of no stated country facing another state's
    official is not of that state."""
    ends = {(a.start, a.end) for a in target}
    named = [
        a
        for t in ctx.sentence
        for a in ctx.index.by_token.get(t.i, ())
        if a.country == home and _countable(a)
    ]
    return (
        bool(named)
        and all(any(s <= a.start and a.end <= e for s, e in ends) for a in named)
        and all(a.sector in STATE_SECTORS for a in target if a.country == home)
    )


def _homed(actors: list[Actor], home: str | None) -> list[Actor]:
    if home is None:
        return actors
    return [
        dataclasses.replace(a, country=home)
        if a.country is None and a.sector in STATE_SECTORS
        else a
        for a in actors
    ]


#: Sectors of people in a country's politics: "other parties accused the Lib Dems", "Blair
#: will ask the Queen" are dyads of one country's own political actors, coded alike.
POLITICAL = frozenset({"GOV", "PTY", "LEG"})


def _political(actors: list[Actor]) -> bool:
    return bool(actors) and all(a.sector in POLITICAL for a in actors)


@register("home-organs", Level.TRIGGER)
def home_organs(ctx: SentenceContext) -> None:
    """A government, parliament, court or party named with no country ("the administration
    is expected to seek $80bn from Congress", "MPs backed the motion") is of the country at
    least half of the article's actor mentions (and three at least) name; failing that, of the
    one country the sentence names ("the army closed Tehran's new airport")."""
    r = ctx.current
    bare = [a for a in r.source + r.target if a.country is None and a.sector in STATE_SECTORS]
    if not bare:
        return
    home = home_country(ctx)
    if home is None:
        home = sentence_country(ctx)
        if any(a.country == home and a.kind == "state" and not a.sector for a in r.source + r.target):
            return  # "the High Court rejected the appeal by Kenya": whose court is not said
        if home is not None and _named_for_the_other_side(ctx, home, r.target):
            return  # "The prime minister refused to see the French envoy": not French
    source, target = _homed(r.source, home), _homed(r.target, home)
    if {a.code for a in source} & {a.code for a in target} and not (
        _political(source) and _political(target)
    ):
        return  # one code on both sides would be no dyad: leave the organ bare
    r.source, r.target = source, target
