"""Countries for agents named without one, from a place attached to them.

"A court in Bavaria", "police in Lahore", "the governor of Kandahar province", "Texas
Governor Greg Abbott", "the Gujarat government": the agent's (or unknown person's) country
is the resolved place's country. Runs after geolocation; never overrides a country
the dictionaries gave. An organisation's own name that the place finder placed, whole, only by
the article's country (a name its gazetteer lacks: "Monsanto" in a story about Indonesia)
gives it no country.

Groups named by a stance alone ("pro-Russia rebels", "anti-government militia") and the
state's own security forces ("government forces") take the country of the place they act in
when their sentence names places of one country only: such groups are local, and the name
after "pro-"/"anti-" is not their country. Unnamed insurgents and gunmen take the country of a
place named as where they acted ("in northern Nigeria").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span

from geopol.records import Actor, Place


def attach_place_countries(doc: Doc, actors: list[Actor], places: list[Place]) -> list[Actor]:
    by_start = {p.start: p for p in places if p.country}
    if not by_start and not any(a.kind == "state" for a in actors):
        return actors
    out: list[Actor] = []
    for a in actors:
        if a.country is not None or a.kind not in ("agent", "org", "person"):
            out.append(a)
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        country = None
        # A person "in" a place may only be visiting it; "of"/"from" say where they belong.
        preps = ("of", "from") if a.kind == "person" else ("in", "of", "from")
        if span is not None:
            for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in preps):
                for tok in prep.subtree:
                    place = by_start.get(tok.idx)
                    if place is not None:
                        country = place.country
                        break
                if country:
                    break
            if not country and not a.how.endswith("+stance"):
                own = _own_name(a, by_start)
                country = _modifier_country(span, {k: v for k, v in by_start.items() if v is not own})
        if country:
            out.append(dataclasses.replace(a, country=country, how=f"{a.how}+place"))
        elif span is not None and (
            a.how.endswith("+stance") or (a.kind == "agent" and _local(a, span))
        ):
            out.append(_sentence_country(span, a, places, _owners(actors, a)))
        elif span is not None and a.kind == "agent" and a.sector in _LOCAL_ARMED:
            # "Gunmen killed five officers in northern Nigeria": where they acted, not what
            # they attacked ("militants fired rockets at Israel" places them nowhere).
            # a country name the tagger missed as a place is still a place: "in northern Mali"
            named = [
                Place(text=x.text, start=x.start, end=x.end, country=x.country, how="actor")
                for x in actors
                if x.kind == "state" and x.country and all(p.start != x.start for p in places)
            ]
            out.append(
                _sentence_country(span, a, places + named, _owners(actors, a), locative=True)
            )
        else:
            out.append(a)
    return out


# Unnamed insurgents and gunmen belong where they are reported acting: "gunmen attacked a
# police station in Kano" are Nigerian, as ICEWS codes them. A place they attack is not theirs
# ("militants fired rockets at Israel"), so only places named as locations count.
_LOCAL_ARMED = frozenset({"REB", "UAF"})

#: Security agents that are the state's own where they act: "government forces shelled a
#: rebel-held part of Aleppo", "police in the district". Bare "troops" may be foreign.
_LOCAL_AGENT_WORDS = frozenset({"government", "regime", "security", "police", "policemen"})


def _owners(actors: list[Actor], a: Actor) -> list[tuple[int, int]]:
    """Spans of the other agents: a place inside them ("US" in "US troops") is their owner."""
    return [(x.start, x.end) for x in actors if x.kind == "agent" and x is not a]


def _local(a: Actor, span: Span) -> bool:
    if a.sector not in ("MIL", "COP"):
        return False
    words = {t.lower_ for t in span} | {
        t.lower_ for t in span.root.lefts if t.dep_ in ("compound", "amod", "nmod")
    }
    return not words.isdisjoint(_LOCAL_AGENT_WORDS)


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})


#: Readings of a place that only the article's country gave (a name the gazetteer lacks).
_GUESSED = frozenset({"article-country", "article-city"})


def _own_name(a: Actor, by_start: dict[int, Place]) -> Place | None:
    """A name tagged as an organisation that the place finder read, whole, as a place of the
    article's country only because the gazetteer lacks it ("Monsanto" in a story about
    Indonesia): the firm's own name says nothing of where it is. A place the gazetteer knows
    ("Galilee" tagged as an organisation) still places it."""
    place = by_start.get(a.start)
    if a.kind != "org" or place is None or place.end != a.end:
        return None
    return place if _GUESSED & set(place.how.split(",")) else None


def _modifier_country(span: Span, by_start: dict[int, Place]) -> str | None:
    """A place named inside the actor or modifying it: "Delhi Police", "the Gujarat government",
    "the Michigan Department of Environmental Quality"; one country only."""
    toks = list(span)
    for tok in span:
        for child in tok.lefts:
            if child.dep_ in _MODIFIER_DEPS and child.i < span.start:
                toks.extend(child.subtree)
    countries = {by_start[t.idx].country for t in toks if t.idx in by_start}
    return countries.pop() if len(countries) == 1 else None


def _sentence_country(
    span: Span,
    a: Actor,
    places: list[Place],
    owners: list[tuple[int, int]],
    *,
    locative: bool = False,
) -> Actor:
    """The one country of the places in the actor's sentence, if there is exactly one.

    Names inside the actor ("Russia" in "pro-Russia rebels") and owners of other agents
    ("US" in "US troops") are not where the group acts. ``locative``: only places named as
    where something happened ("in northern Nigeria") count.
    """
    sent = span.sent
    countries = {
        p.country
        for p in places
        if p.country
        and sent.start_char <= p.start < sent.end_char
        and not (a.start <= p.start < a.end)
        and not any(s <= p.start < e for s, e in owners)
        and "embedded" not in p.how.split(",")  # "Malaysia Airlines" is a company's name
        and (not locative or _locative(span.doc, p))
    }
    if len(countries) != 1:
        return a
    return dataclasses.replace(a, country=countries.pop(), how=f"{a.how}+sentence-place")


_LOCATIVE_PREPS = frozenset({"in", "near", "outside", "across", "around", "throughout", "inside"})


def _locative(doc: Doc, place: Place) -> bool:
    """The place is named as a location: the object of "in", "near", "across"..."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "amod", "conj", "appos") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE_PREPS
