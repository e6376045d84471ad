"""Places standing in for actors the text does not name (``data/events/derived.yaml``).

ICEWS and CAMEO code a place as the country it lies in where a report names no actor:
"shelled Kirkuk" targets Iraq, "a mortar fired from the Gaza Strip" comes from the Palestinian
territories, "four children were killed in Gaza" are Palestinian civilians, "US activists
protested in Beijing" protest to China. Each actor made here says so in its ``how``
(``place-as-target``, ``place-of-origin``, ``place-of-event``, ``place-of-attack``,
``place-of-protest``, ``place-of-meeting``, ``place-visited``). Deaths in an accident are no attack at all (``by_accident``).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from geopol.actors.selection import currency_named
from geopol.events.datafile import word_set
from geopol.events.derived import table
from geopol.events.dyads import ActorIndex, place_heads
from geopol.events.targets import aimed_targets
from geopol.places import locate_event
from geopol.records import Actor, Origin, Place, PloverType, StandsFor

#: Prepositions that aim a shot or an attack at something: "fired at", "rockets into Israel".
AIMED = word_set("aimed")


def event_places(doc: Doc, places: list[Place]) -> list[Place]:
    """The places an event may be at: not a state's name before a currency word ("the high
    US dollar exchange rate"; ``currency_named``, the test actor selection makes)."""
    out = []
    for p in places:
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and currency_named(span):
            continue
        out.append(p)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class Where:
    """The article's places, and its dateline's place where a sentence may fall back on it
    (the first sentences of a datelined story)."""

    places: list[Place]
    dateline: Place | None = None


def placed_source(
    trigger: Token,
    type_: str,
    raw_source: list[Actor],
    target: list[Actor],
    where: Where,
    idx: ActorIndex,
) -> tuple[list[Actor], list[Actor]]:
    """The source (and the target it leaves) of an event whose doer the text names only by a
    place: unnamed protesters take the protest's place, an attack "from" a place comes from
    its country and is aimed at what it was fired "at" or "into"; a state's forces attacked
    abroad by nobody named were attacked from the country they were in."""
    if type_ == PloverType.PROTEST:
        return located_victims(trigger, raw_source, where, how="place-of-protest"), target
    if type_ not in table().origin_sources:
        return [], target
    source = origin_state(trigger, where.places) or attacked_abroad(trigger, target, where)
    origin = {a.country for a in source}
    aimed = [a for a in target if a.country not in origin] or [
        a for a in aimed_targets(trigger, idx, AIMED) if a.country not in origin
    ]
    return source, aimed


def placed_target(
    trigger: Token,
    type_: str,
    noun: bool,
    source: list[Actor],
    raw_target: list[Actor],
    where: Where,
    mode: str | None = None,
) -> list[Actor]:
    """The target of an event that names its target only by a place, if any."""
    t = table()
    if mode == "visit":
        # "Powell was visiting the West Bank": the country of the place visited
        found = visited(trigger, where.places, source)
        if found:
            return found
    if type_ in t.victim_types:
        # "killed four civilians in Gaza", "arrested protesters in Nairobi"
        found = located_victims(trigger, raw_target, where)
        if found:
            return found
    if type_ in t.place_targets:
        found = place_target(trigger, where.places, noun=noun)
        if found:
            return found
    if type_ in t.place_recipients and not noun:
        found = place_recipient(trigger, where.places)
        if found:
            return found
    if type_ in t.host_targets:
        return host_state(trigger, source, where)
    return []


def place_recipient(trigger: Token, places: list[Place]) -> list[Actor]:
    """The country a thing is given back to when the receiver is only a place ("returned
    twelve skulls to Peru"): the place must be the object of "to" on the verb itself (or on
    its particle, "handed back to"), and must stand for a state. Something must be given:
    "the envoy returned to Naples" (no object) is a journey, not a handover."""
    if not any(ch.dep_ == "dobj" for ch in trigger.children):
        return []
    by_start = _standing_places(places)
    # "returned a manuscript, missing since 1943, to Bovino": the parser may hang the
    # phrase on a subjectless participle of the verb
    holders = [trigger] + [
        ch
        for ch in trigger.children
        if ch.dep_ == "advcl" and not any(g.dep_.startswith("nsubj") for g in ch.children)
    ]
    heads = [
        p
        for h in holders
        for ch in h.children
        if ch.dep_ in ("prep", "dative") and ch.lower_ == "to"
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    # "to Venafro, Italy": a town the gazetteer lacks, placed by its country in apposition
    heads += [a for h in list(heads) for a in h.children if a.dep_ == "appos"]
    named = [w for head in heads if (w := _named_place(head, by_start, inside=True)) is not None]
    return [_place_actor(named[0], "place-as-recipient")] if named else []


def located_victims(
    trigger: Token, raw_target: list[Actor], where: Where, *, how: str = "place-of-attack"
) -> list[Actor]:
    """Unnamed people an attack hurt ("four children were killed") take the country of the
    place of the attack, as ICEWS codes them, when no country is stated for them; so do
    unnamed protesters ("thousands marched in Tbilisi", ``how="place-of-protest"``)."""
    sectors = table().victim_sectors
    victims = [a for a in raw_target if not a.country and a.sector in sectors]
    if not victims:
        return []
    # "killed in an air strike in northern Iraq": the place may hang from the means.
    means = [p for ch in trigger.children if ch.dep_ == "prep" for p in ch.children]
    # "bombed a wedding party in Yemen, killing 20 people": the attack the participle tells of
    done_by = [trigger.head] if trigger.dep_ == "advcl" else []
    country = None
    for tok in (trigger, *means, *done_by):
        at = locate_event(tok, where.places, where.dateline)
        if at is not None and at.country:
            country = at.country
            break
    if country is None and done_by:
        # "shelled the city of Kherson, killing three civilians": the place attacked
        hit = place_target(done_by[0], where.places)
        country = hit[0].country if hit else None
    if not country:
        return []
    return [
        dataclasses.replace(
            a, country=country, how=f"{a.how},{how}", stands_for=a.stands_for | StandsFor.PLACE
        )
        for a in victims
    ]


def by_accident(verb: Token) -> bool:
    """"Victims killed by the flight MH17 crash", "killed in the earthquake": deaths an
    accident or a disaster caused are no attack by the airline or anyone else."""
    accidents = table().accidents
    for ch in verb.children:
        if ch.dep_ in ("agent", "prep") and ch.lower_ in ("by", "in"):
            for p in ch.children:
                if p.dep_ == "pobj" and (p.lemma_.lower() in accidents or p.lower_ in accidents):
                    return True
    return False


def place_target(trigger: Token, places: list[Place], *, noun: bool = False) -> list[Actor]:
    """A place attacked where no actor is named ("shelled Kirkuk", "struck targets in Gaza",
    "attacked in Kharkiv"): the country it lies in is the target, as ICEWS codes it."""
    by_start = _standing_places(places)
    # "the bombing in Brussels", "an attack on Kabul": an event noun's own place phrase
    aims = AIMED | {"in"} if noun else AIMED
    heads = [ch for ch in trigger.children if ch.dep_ in ("dobj", "nsubjpass")] + [
        p
        for ch in trigger.children
        if ch.dep_ == "prep" and ch.lower_ in aims
        for p in ch.children
        if p.dep_ == "pobj" and p.ent_type_ not in ("DATE", "TIME")
    ]
    if noun:
        named = [w for head in heads if (w := _named_place(head, by_start, inside=True)) is not None]
        return [_place_actor(named[0], "place-as-target")] if named else []
    named = [w for head in heads if (w := _named_place(head, by_start, inside=True)) is not None]
    where = named[0] if named else locate_event(trigger, places, None)
    if where is None or where.start not in by_start:
        return []
    return [_place_actor(where, "place-as-target")]


def _standing_places(places: list[Place]) -> dict[int, Place]:
    """Places that can stand in for a state, by start: not a place inside a name ("Malaysia
    Airlines") nor a nationality word ("Syrian")."""
    return {
        p.start: p
        for p in places
        if p.country and p.stands_alone
    }


def _named_place(
    tok: Token, by_start: dict[int, Place], depth: int = 3, *, inside: bool = False
) -> Place | None:
    """The place a noun phrase names: the noun itself ("Kirkuk"), or the place a facility or
    part of one lies in ("targets in Gaza", "the outskirts of Kharkiv"). With ``inside``, a
    noun that ends a place's name counts as that place ("the Gaza Strip", whose head is
    "Strip"), after any place the phrase itself locates it in ("the Jordan Valley in the
    West Bank")."""
    if tok.idx in by_start:
        return by_start[tok.idx]
    within = (
        next((p for p in by_start.values() if p.start < tok.idx < p.end), None) if inside else None
    )
    if depth == 0 or tok.lemma_.lower() not in place_heads():
        return within
    for ch in tok.children:
        if ch.dep_ in ("compound", "nmod", "poss") and ch.idx in by_start:
            return by_start[ch.idx]
        if ch.dep_ == "prep" and ch.lower_ in ("of", "in", "near", "inside", "on"):
            for p in ch.children:
                found = (
                    _named_place(p, by_start, depth - 1, inside=inside)
                    if p.dep_ == "pobj"
                    else None
                )
                if found is not None:
                    return found
    return within


def _place_actor(where: Place, how: str, sector: str | None = None) -> Actor:
    """A country actor standing for a place the text names where it names no actor."""
    return Actor(
        text=where.text,
        start=where.start,
        end=where.end,
        name=where.name or where.text,
        country=where.country,
        sector=sector,
        kind="state",
        how=how,
        origin=Origin.PLACE,
        stands_for=StandsFor.PLACE,
    )


def origin_state(trigger: Token, places: list[Place]) -> list[Actor]:
    """An attack by nobody named, launched "from" a place ("a mortar bomb was fired at Israel
    from the Gaza Strip"): the source is the country it came from, as ICEWS codes it."""
    by_start = {p.start: p for p in places if p.country}
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for tok in prep.subtree:
            where = by_start.get(tok.idx)
            if where is not None:
                return [_place_actor(where, "place-of-origin")]
    return []


def attacked_abroad(trigger: Token, target: list[Actor], where: Where) -> list[Actor]:
    """A state's forces attacked in another country by nobody named ("ten Russian soldiers
    were killed in Ukraine"): the source is the country the attack took place in."""
    forces = table().forces_abroad
    if not target or not all(a.sector in forces and a.country for a in target):
        return []
    at = locate_event(trigger, where.places, None)
    if at is None or not at.country or at.country in {a.country for a in target}:
        return []
    return [_place_actor(at, "place-of-attack")]


def visited(trigger: Token, places: list[Place], source: list[Actor]) -> list[Actor]:
    """The country of the place a visit goes to ("visited the West Bank", "travelled to
    Darfur"), when it is not the visitor's own."""
    by_start = _standing_places(places)
    heads = [ch for ch in trigger.children if ch.dep_ == "dobj"] + [
        p
        for ch in trigger.children
        if ch.dep_ == "prep" and ch.lower_ in ("to", "in", "into")
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    own = {a.country for a in source}
    for head in heads:
        # "the West Bank": the place's span covers the head word, not only its first word
        where = _named_place(head, by_start) or next(
            (p for p in by_start.values() if p.start <= head.idx < p.end), None
        )
        if where is not None and where.country not in own:
            return [_place_actor(where, "place-visited", "GOV")]
    return []


def venue_state(trigger: Token, places: list[Place]) -> Actor | None:
    """The country of a meeting's own place phrase ("will meet in Zurich", "talks in
    Geneva"), whose government hosts the parties that travel there."""
    by_start = _standing_places(places)
    # "met Kim in Vladivostok", "talks with Wang Yi in Washington": the phrase may hang
    # from the one met
    met = [ch for ch in trigger.children if ch.dep_ == "dobj"] + [
        p
        for ch in trigger.children
        if ch.dep_ == "prep" and ch.lower_ == "with"
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    for head in (trigger, *met):
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
                for p in ch.children:
                    where = _named_place(p, by_start) if p.dep_ == "pobj" else None
                    if where is not None:
                        return _place_actor(where, "place-of-meeting", "GOV")
    return None


def host_state(trigger: Token, source: list[Actor], where: Where) -> list[Actor]:
    """Foreigners who protest in a country with no target named ("US activists staged a
    protest in Beijing") protest to its government, as CAMEO codes them."""
    at = locate_event(trigger, where.places, where.dateline)
    if at is None or not at.country or at.country in {a.country for a in source}:
        return []
    return [_place_actor(at, "place-of-event", "GOV")]


#: Links down from a trigger to the phrase that says what is agreed, given or done, and
#: where: "agreed to extend the mission in Kosovo", "agreed to a ceasefire in eastern Ukraine",
#: "provided $340 million for assistance in northern Iraq".
_COMPLEMENT_DEPS = frozenset({"xcomp", "dobj", "prep", "pobj", "conj"})
#: Prepositions that put the thing agreed or given in a place.
_COMPLEMENT_PREPS = frozenset({"in", "to", "into", "for", "across", "throughout", "from"})
#: ... and a curfew, blockade or ceasefire "on" a place.
_HOME_PREPS = _COMPLEMENT_PREPS | {"on"}
#: How many links down from the trigger the place may lie ("provided $340 million for
#: assistance in northern Iraq": five).
_DEPTH = 6


def _names_doer(at: Place, source: list[Actor]) -> bool:
    """True when the place is where the text names the doer ("released from the US camp"
    done by "US"): no place of its own act."""
    return any(a.start < at.end and at.start < a.end for a in source)


def complement_place(
    trigger: Token, places: list[Place], source: list[Actor], *, home: bool = False
) -> list[Actor]:
    """The country where what a state agrees to, gives or does lies, when the text names
    no party ("NATO agreed to extend its mission in Afghanistan": Afghanistan): a place in
    an "in"/"to"/"for" phrase of the trigger's own complement (objects, complements and
    their place phrases only, ``_DEPTH`` links down at most), whose
    country is not the source's. Only a source with a country (a state, a bloc) counts.
    With ``home`` (a curfew, a ceasefire, troops on alert: ``home_places`` in derived.yaml)
    the place must lie in the source's own country instead, an "on" phrase counts ("imposed a
    curfew on Basra"), and so do the place phrases of the light verb whose object the
    trigger noun is."""
    own = {a.country for a in source}
    if not source or None in own:
        return []
    preps = _HOME_PREPS if home else _COMPLEMENT_PREPS
    by_start = _standing_places(places)
    frontier, seen = [trigger], {trigger.i}
    if home and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj":
        frontier += [c for c in trigger.head.children if c.dep_ == "prep" and c.lower_ in preps]
        for c in frontier[1:]:
            for q in c.children:
                if q.dep_ == "pobj":
                    at = _named_place(q, by_start, inside=True)
                    if at is not None and at.country in own and not _names_doer(at, source):
                        return [_place_actor(at, "place-of-complement")]
    for _ in range(_DEPTH):
        nxt: list[Token] = []
        for tok in frontier:
            for ch in tok.children:
                if ch.i in seen or ch.dep_ not in _COMPLEMENT_DEPS:
                    continue
                if ch.dep_ == "prep" and ch.lower_ not in preps:
                    continue
                seen.add(ch.i)
                nxt.append(ch)
                if ch.dep_ == "pobj" and tok.lower_ in preps:
                    at = _named_place(ch, by_start, inside=True)
                    if at is not None and (at.country in own) == home and not _names_doer(at, source):
                        return [_place_actor(at, "place-of-complement")]
        frontier = sorted(nxt, key=lambda t: t.i)
    return []
