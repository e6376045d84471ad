"""Geolocation: toponyms in an article, resolved offline, and the place of each event.

``find_places_for`` lists every toponym (records.Place, doc char offsets) and resolves the
dateline; ``locate_event`` picks the place where one event happened. ``Place.how`` is a
comma-separated list of tags: the finder (``ner:GPE``, ``gazetteer``, ``dateline``,
``abbreviation``), ``demonym`` for "Russian", and ``actor`` when the name is used as an
actor (inside an actor mention: "Moscow said", "Russia supplied"); the locator never takes
an ``actor`` or ``demonym`` place as an event location unless a locative preposition governs it.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from geopol.places.candidates import PART
from geopol.places.gazetteer import DEMONYM, Entry, Gazetteer, get
from geopol.places.hub import at_article_city
from geopol.places.locate import locate_event
from geopol.places.notplaces import bare_unknown, no_place, person_words
from geopol.places.partial import PARTIAL
from geopol.places.readings import part_of
from geopol.places.recognise import Mention
from geopol.places.recognise import recognise as find_mentions
from geopol.places.repeat import repeated
from geopol.places.resolve import WITHIN
from geopol.places.resolve import resolve as resolve_entries
from geopol.records import Actor, Place, PlacePrecision, Span

__all__ = ["find_places_for", "locate_event", "place_from_entry", "resolve_mentions"]


def place_from_entry(
    gaz: Gazetteer, e: Entry | None, text: str, start: int, end: int, how: str
) -> Place:
    """A records.Place for a mention and its resolution (unresolved when ``e`` is None)."""
    if e is None:
        return Place(text=text, start=start, end=end, how=how)
    admin1 = admin2 = None
    if e.cc and e.admin1:
        admin1 = gaz.admin1_name.get((e.cc, e.admin1))
        if e.admin2:
            admin2 = gaz.admin2_name(e.cc, e.admin1, e.admin2)
    return Place(
        text=text,
        start=start,
        end=end,
        name=e.name,
        country=gaz.iso3.get(e.cc) if e.cc else None,
        admin1=admin1,
        lat=round(e.lat, 5),
        lon=round(e.lon, 5),
        gazetteer_id=e.gid,
        feature_class=e.fclass,
        precision=PlacePrecision(e.precision),
        how=how,
        admin1_code=e.admin1,
        admin2=admin2,
        admin2_code=e.admin2,
        feature_code=e.fcode,
        country_code=e.cc,
    )


def _dateline_mentions(dateline_place: Span) -> list[Mention]:
    """ "Vostochny Space Centre, Russia" -> two mentions, the first inside the second."""
    out: list[Mention] = []
    pos = 0
    for part in dateline_place.text.split(","):
        lead = len(part) - len(part.lstrip())
        name = part.strip()
        if name:
            s = dateline_place.start + pos + lead
            out.append(Mention(s, s + len(name), name, "dateline", "GPE", lookup=name))
        pos += len(part) + 1
    for i in range(len(out) - 1):
        out[i].inside = i + 1
    return out


def _as_actor(m: Mention, actors: Sequence[Actor]) -> bool:
    return any(a.start <= m.start and m.end <= a.end for a in actors)


#: A town found by position alone in an article that names no other place: this populous.
WEAK_ALONE_POP = 10_000
#: A place read from an organisation's or person's name alone ("the Bush administration"
#: -> Bush, Egypt; "the BoE" -> Boe, Nauru) in a country no other name of the article is in
#: is kept only if it is this populous.
BARE_FOREIGN_POP = 1_000_000


def _stray_bare(m: Mention, e: Entry | None, named: set[str]) -> bool:
    """An organisation's or person's name read as a smaller place abroad: the article names
    other places, none in that place's country."""
    return (
        m.bare and e is not None and e.kind != DEMONYM and e.cc is not None
        and not e.gid.startswith("geopol:")  # a curated place ("the Yongbyon complex")
        and e.precision in ("facility", "city", "admin2", "admin1")
        and e.pop < BARE_FOREIGN_POP and bool(named) and e.cc not in named
    )


def resolve_mentions(
    gaz: Gazetteer,
    mentions: list[Mention],
    actors: Sequence[Actor] = (),
    n_dateline: int = 0,
    at_city: bool = True,
) -> list[Place]:
    """Resolve ``mentions`` together (the first ``n_dateline`` are the dateline's parts);
    ``at_city``: unknown names placed at the article's own city (``hub``)."""
    entries = _entries(gaz, mentions)
    country = _main_country(gaz, mentions, entries)
    places: list[Place] = []
    # the countries of the names that are surely places (not names of firms or people alone)
    sure = {
        e.cc for m, e in zip(mentions, entries, strict=True)
        if e is not None and e.cc and not m.weak and not m.bare
    }
    # "the Bush administration" in a story about Washington and Baghdad: no place
    stray = [_stray_bare(m, e, sure) for m, e in zip(mentions, entries, strict=True)]
    named = {
        e.cc for m, e, out in zip(mentions, entries, stray, strict=True)
        if e is not None and not m.weak and not out
    }
    for m, e, out in zip(mentions, entries, stray, strict=True):
        if out:
            continue
        if m.weak and (e is None or e.kind == PARTIAL or not (
            e.cc in named or (not named and e.pop >= WEAK_ALONE_POP)
        )):
            continue  # "shares in Jarvis": no town of that name in a country the article names
        # a known name inside an organisation's that no reading fits ("Texas" of a firm in
        # a French story, "Shanghai" of a carmaker) is no place of the article's own
        # country or city
        foreign = e is None and m.source == "embedded" and bool(gaz.lookup(m.lookup or m.text))
        tags = [m.source]
        if m.demonym or (e is not None and e.kind == DEMONYM and m.source != "dateline"):
            tags.append("demonym")
        if e is not None and e.kind == PARTIAL:
            tags.append("partial")
        if e is not None and e.kind == WITHIN:
            tags.append("within")
        if e is not None and e.kind == PART:
            tags.append("part")
        if m.source != "dateline" and _as_actor(m, actors):
            tags.append("actor")
        if e is None or e.kind == PARTIAL:
            # "Eastern Chad" is a part of Chad, not Uganda's Eastern Region
            part = part_of(gaz, m.text)
            if part is not None:
                e = part
                tags = [t for t in tags if t != "partial"] + ["part"]
        place = place_from_entry(gaz, e, m.text, m.start, m.end, ",".join(tags))
        if e is None and country is not None and m.source != "host" and not foreign:
            # unknown name ("Hertford Road"): no coordinates, but the article's country (not
            # for an event's host town: "the Venice Film Festival" in a Japanese story)
            place = dataclasses.replace(place, country=country, how=place.how + ",article-country")
        places.append(place)
    return at_article_city(places) if at_city else places


def _entries(gaz: Gazetteer, mentions: list[Mention]) -> list[Entry | None]:
    """Resolve every mention; the names found by position alone ("shares in Jarvis") may not
    sway the others ("London" stays in England), so those are resolved without them."""
    entries = resolve_entries(gaz, mentions)
    keep = [i for i, m in enumerate(mentions) if not m.weak]
    if len(keep) == len(mentions):
        return entries
    pos: dict[int | None, int] = {old: new for new, old in enumerate(keep)}
    strong = [dataclasses.replace(mentions[i], inside=pos.get(mentions[i].inside)) for i in keep]
    for i, e in zip(keep, resolve_entries(gaz, strong), strict=True):
        entries[i] = e
    return entries


#: Share of the article's resolved names the leading country must hold (and no tie) to
#: lend it to unknown names.
MAIN_COUNTRY_SHARE = 0.25


def _main_country(
    gaz: Gazetteer, mentions: Sequence[Mention], entries: Sequence[Entry | None]
) -> str | None:
    counts: Counter[str] = Counter()
    seen: set[str] = set()
    for m, e in zip(mentions, entries, strict=True):
        key = m.text.casefold()
        if e is not None and e.cc and key not in seen and not m.modifier:
            seen.add(key)
            counts[e.cc] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    cc, n = ranked[0]
    if n / sum(counts.values()) < MAIN_COUNTRY_SHARE or (len(ranked) > 1 and ranked[1][1] == n):
        return None
    return gaz.iso3.get(cc)


def find_places_for(
    doc: Doc, actors: list[Actor], dateline_place: Span | None
) -> tuple[list[Place], Place | None]:
    """All toponyms in ``doc`` and the resolved dateline place."""
    gaz = get()
    dl = _dateline_mentions(dateline_place) if dateline_place is not None else []
    mentions = dl + find_mentions(doc, gaz)
    for m in mentions[len(dl) :]:
        if m.inside is not None:
            m.inside += len(dl)
    if dl:
        # "LONDON, Ky." then "London Police have arrested": the dateline's town again
        mentions += repeated(doc, gaz, mentions)
    places = resolve_mentions(gaz, mentions, actors, len(dl), at_city=False)
    dateline: Place | None = None
    for p in places[: len(dl)]:
        if p.name is not None:
            dateline = p
            break
    words = person_words(doc)
    places = [
        p for p in places
        if (p.name is not None or not _no_place(doc, p)) and not no_place(doc, gaz, p, words)
    ]
    places.sort(key=lambda p: p.start)
    return at_article_city(places), dateline


#: Titles before a person's name ("Ms Raggi") and verbs of saying a person is subject of.
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "prof", "lord", "lady", "judge"})
_SAYING = frozenset({"say", "note", "tell", "explain", "add", "write", "argue", "insist",
                     "recall", "warn", "admit", "claim"})


def _no_place(doc: Doc, p: Place) -> bool:
    """A name the gazetteer does not know that the text shows is no place: written in
    lower case ("meth", "n't"), a person's title before it ("Ms Raggi") or a verb of saying
    right beside it ("Oudshoorn said", "notes Meyjes")."""
    if "dateline" in p.how:
        return False
    if not p.text[:1].isupper() or bare_unknown(doc, p):
        return True
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    if span[0].lower_.rstrip(".") in _TITLES:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.lower_.rstrip(".") in _TITLES:
        return True
    return (after is not None and after.lemma_ in _SAYING and after.pos_ == "VERB") or (
        before is not None and before.lemma_ in _SAYING and before.pos_ == "VERB"
        and (after is None or after.is_punct)
    )
