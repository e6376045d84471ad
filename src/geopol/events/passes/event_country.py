"""Pass ``event-country``: an event's place from the evidence of its sentence or short note."""

from __future__ import annotations

import dataclasses
from collections import Counter

from spacy.tokens import Doc

from geopol.events.context import ArticleContext
from geopol.events.mission_areas import areas_named, mission_namesake
from geopol.events.note_chains import demoted, doubtful
from geopol.events.note_country import (
    Clue,
    Evidence,
    indexed_actors,
    namesake,
    top_country,
    trusted,
)
from geopol.events.passes.base import Level, register
from geopol.records import Actor, Event, Place, PlacePrecision, StandsFor
from geopol.records import Span as TextSpan


def _recode(actors: list[Actor], old: str | None, new: str, sure: bool = True) -> list[Actor]:
    """Unnamed actors of the event take the country where it happened; actors that stood for
    the old place move with it."""
    out = []
    for a in actors:
        # an unnamed doer given the country of the old place, or (for a sure new place) of a
        # place the pass did not keep ("unnamed,note-violence", "unnamed,place-of-event")
        moves = "unnamed" in a.how and (a.country == old or (sure and "place" in a.how))
        unnamed = (a.country is None or moves) and a.sector and a.kind in ("agent", "group")
        placed = StandsFor.PLACE in a.stands_for or any(
            "place" in tag for tag in a.how.replace("+", ",").split(",")
        )  # "agent+place", "unnamed,place-of-event": the country came from the place
        if unnamed or (old and a.country == old and placed):
            a = dataclasses.replace(a, country=new, how=f"{a.how},note-country")
        out.append(a)
    return out


def _moved(e: Event, place: Place) -> Event:
    old = e.location.country if e.location is not None else None
    assert place.country is not None
    sure = "located" not in place.how.split(",")  # "near Opytne": a small town, a weak clue
    span = None
    if place.end > place.start:
        span = TextSpan(start=place.start, end=place.end, text=place.text)
    return dataclasses.replace(
        e,
        location=place,
        # doers of no country at a whole country ("insurgents bombarded areas of Syria") may
        # have come from anywhere; at a town or a district they acted there
        source=e.source
        if place.precision is PlacePrecision.COUNTRY
        else _recode(e.source, old, place.country, sure),
        target=_recode(e.target, old, place.country, sure),
        evidence=dataclasses.replace(e.evidence, location=span),
    )


def _filled(e: Event, at: Place) -> Event:
    """In a short note, unnamed actors of no country take the country of the place where
    their event happened ("residents protested in Pinsk; the journalist was detained on
    Monday": the police and the journalist are Belarusian); at a whole country only the
    targets do (doers of no country at a country may have come from anywhere)."""
    if at.country is None:
        return e
    iso = at.country

    def fill(actors: list[Actor]) -> list[Actor]:
        return [
            dataclasses.replace(a, country=iso, how=f"{a.how},note-country")
            if a.country is None and a.sector and a.kind in ("agent", "group")
            else a
            for a in actors
        ]

    source = e.source if at.precision is PlacePrecision.COUNTRY else fill(e.source)
    target = fill(e.target)
    if all(a is b for a, b in zip(source, e.source, strict=True)) and all(
        a is b for a, b in zip(target, e.target, strict=True)
    ):
        return e
    return dataclasses.replace(e, source=source, target=target)


def _closest(clues: list[Place], iso3: str, after: int) -> Place | None:
    """The finest place of ``iso3`` among the clues, the first after the trigger on a tie."""
    rank = {"city": 0, "admin2": 1, "admin1": 2}
    inside = [p for p in clues if p.country == iso3 and p.lat is not None]
    if not inside:
        return None
    return min(
        inside,
        key=lambda p: (rank.get(str(p.precision), 3), p.start < after, abs(p.start - after)),
    )


def _namesake(clues: list[Clue], at: Place) -> Place | None:
    """The namesake of ``at`` in the country most clues point to, when no clue points to
    ``at``'s own country."""
    # a country named whole ("outstrip that of the US") says nothing of which namesake is meant
    others = [
        c
        for c in trusted(clues)
        if c.place is None
        or (
            c.place.start != at.start
            and c.place.gazetteer_id != at.gazetteer_id
            and c.place.precision is not PlacePrecision.COUNTRY
        )
    ]
    if not others or any(at.country in c.countries for c in others):
        return None
    votes: Counter[str] = Counter(iso for c in others for iso in c.countries)
    best: tuple[int, Place] | None = None
    for iso, n in votes.most_common():
        if best is not None and n < best[0]:
            break
        found = namesake(at, iso)
        if found is not None:
            if best is not None:
                return None  # namesakes in two countries the evidence names alike
            best = (n, found)
    return best[1] if best else None


def _foreign(doc: Doc, pool: list[Clue], at: Place, after: int) -> Place | None:
    """In a short note, a place abroad whose reading the text speaks against (``_doubtful``),
    that no other clue supports, while the note's places point to one other country, gives
    way to the finest of those places ("destroyed a bulldozer on the Jabal al-Zawiya front in
    the countryside of Idleb": Zawiya in Libya has no namesake in Syria, so the event is at
    Idleb; "gunmen fired on a bus near Banh (Banh, Loroum)": Banh is inside Loroum, in
    Burkina Faso, not Baneh in Iran)."""
    if at.country is None or at.precision is PlacePrecision.COUNTRY:
        return None
    others = [
        c
        for c in pool
        if c.place is not None
        and not c.weak
        and c.place.start != at.start
        and c.place.gazetteer_id != at.gazetteer_id
        and c.place.precision is not PlacePrecision.COUNTRY
    ]
    if not others or any(at.country in c.countries for c in others):
        return None
    if not doubtful(doc, at, others):
        return None  # a name the place finder read whole keeps its reading
    iso = top_country(others)
    if iso is None:
        return None
    return _closest([c.place for c in others if c.place is not None], iso, after)


def _unsupported(ev: Evidence, pool: list[Clue], at: Place, after: int) -> Place | None:
    """In a short note, a town abroad that nothing else in the note supports (no other
    place, no actor of its country) and whose name NER took for a person or an organisation
    gives way to the finest of the note's places when they point to one other country
    ("militiamen positioned at Gorgan fired on army posts near Kalehe, Sud-Kivu": the posts
    are in Congo, not in Gorgan, Iran; kept with "the Iranian forces at Gorgan")."""
    if at.country is None or at.precision is PlacePrecision.COUNTRY:
        return None
    tags = set(at.how.split(","))
    if "actor" not in tags or not {"ner:PERSON", "ner:ORG"} & tags:
        return None  # a name NER read as a place keeps its reading
    others = [
        c
        for c in trusted(pool)
        if c.place is not None
        and not c.weak
        and c.place.start != at.start
        and c.place.precision is not PlacePrecision.COUNTRY
    ]
    if not others or any(at.country in c.countries for c in others):
        return None
    if any(a.country == at.country and not a.start <= at.start < a.end for a in ev.actors):
        return None  # an actor of that country: the reading may stand
    iso = top_country(others)
    if iso is None or iso == at.country:
        return None
    return _closest([c.place for c in others if c.place is not None], iso, after)


def _inside(pool: list[Clue], at: Place, after: int) -> Place | None:
    """An event placed at a whole country moves to the finest place inside it that its
    sentence (or short note) names ("jets struck PKK hideouts in the Zap region of Dahuk,
    northern Iraq": Dahuk, not Iraq's middle)."""
    if at.precision is not PlacePrecision.COUNTRY or at.country is None:
        return None
    inside = [
        c.place
        for c in trusted(pool)
        if c.place is not None
        and c.place.precision is not PlacePrecision.COUNTRY
        and not {"actor", "demonym", "embedded"} & set(c.place.how.split(","))
    ]
    return _closest(inside, at.country, after)


@register("event-country", Level.ARTICLE)
def event_country(ctx: ArticleContext) -> None:
    """An event placed nowhere, or only by a guessed country, is placed at the division or
    town its sentence (or its short note) names in the one country the evidence points to
    ("gunmen killed four herders in Kouroum (Ansongo, Gao)": Gao, Mali); an event placed in a
    country no evidence points to moves to the namesake in the country it does ("Islamic
    State militants attacked a village near Palma": Palma, Mozambique, the group's
    theatre, not Palma de Mallorca). Unnamed actors take the country (events/note_country.py)."""
    if not ctx.events:
        return
    sentences = list(ctx.doc.sents)
    ev = Evidence(
        sentences,
        ctx.places,
        indexed_actors(ctx.index, (a for e in ctx.events for a in (*e.source, *e.target))),
    )
    out = []
    for e in ctx.events:
        n = e.evidence.sentence_index
        if not 0 <= n < len(sentences):
            out.append(e)
            continue
        at = e.location
        guessed = at is not None and "article-country" in at.how.split(",")
        # in a long article an event whose parties have a country is left where they are
        told = any(a.country for a in (*e.source, *e.target))
        if at is None or at.country is None or guessed:
            if told and not ev.short:
                out.append(e)
                continue
            pool = demoted(ctx.doc, ev.pool(n))
            iso = top_country(pool)
            place = (
                _closest(
                    [c.place for c in trusted(pool) if c.place is not None],
                    iso,
                    e.evidence.trigger.start,
                )
                if iso
                else None
            )
            if place is not None:
                e = _moved(e, place)
        else:
            # a mission's village inside its area ("the SMM observed explosions near Vesele")
            told_in = ctx.doc.text if ev.short else sentences[n].text
            moved = mission_namesake(at, areas_named(told_in))
            if moved is None:
                moved = _namesake(ev.clues(n), at)
            if moved is None and ev.short:
                moved = _foreign(ctx.doc, ev.pool(n), at, e.evidence.trigger.start)
            if moved is None and ev.short:
                moved = _unsupported(ev, ev.pool(n), at, e.evidence.trigger.start)
            if moved is None:
                moved = _inside(demoted(ctx.doc, ev.pool(n)), at, e.evidence.trigger.start)
            if moved is not None:
                e = _moved(e, moved)
            elif ev.short:
                e = _filled(e, at)
        out.append(e)
    ctx.events[:] = out
