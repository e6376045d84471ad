"""Where an unnamed doer acted: the country of the event's place for recall (``recall.py``).

A state or region the act was aimed at ("fired rockets at Israel") never gives the doer's
country; a village, district or town attacked on the ground does. With no place of known
country in the sentence: a capital the actor layer read as its government, the one mission
the sentence names, or the one country all the article's unaimed places lie in.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span, Token

from geopol.events.datafile import word_set
from geopol.events.dyads import ActorIndex
from geopol.events.placed import AIMED, Where
from geopol.events.recall_table import recall_table
from geopol.places import locate_event
from geopol.records import Place, PlacePrecision

#: Ways and crossings a proper name may name ("the Saddnayel road"): a named place.
_NAMED_WAYS = word_set("named_ways")


def aimed_at(tok: Token, trigger: Token) -> bool:
    """Whether ``tok`` is in a phrase the act is aimed at (the object, "at"/"into" X)."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        if cur.head.i == trigger.i:
            return cur.dep_ in ("dobj", "nsubjpass") or (cur.dep_ == "prep" and cur.lower_ in AIMED)
        cur = cur.head
    return False


def token_at(trigger: Token, place: Place) -> Token | None:
    span = trigger.doc.char_span(place.start, place.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _local(place: Place) -> bool:
    """A place below the level of a state ("farms in Kilu area", "at Qoqfin"): local reporting
    of an act aimed there tells of a fight inside its country. A state or region aimed at
    ("fired rockets at Israel") says nothing of where the doer came from."""
    return place.precision not in (None, PlacePrecision.COUNTRY, PlacePrecision.REGION)


def act_place_country(
    trigger: Token, places: list[Place], dateline: Place | None, local_ok: bool = False
) -> tuple[str | None, bool]:
    """The country where the act took place, and whether the sentence names a place at all
    (resolved or not)."""
    at = locate_event(trigger, places, dateline)
    if at is not None and at.country:
        tok = token_at(trigger, at)
        if tok is None or not aimed_at(tok, trigger) or (local_ok and _local(at)):
            return at.country, True
    sent = trigger.sent
    named = any(
        t.ent_type_ in ("GPE", "LOC", "FAC") and t.head.dep_ == "prep" for t in sent
    ) or any(sent.start_char <= p.start < sent.end_char for p in places)
    named = named or any(  # "protested in Diwaniya": a proper name where it happened
        p.pos_ == "PROPN" and p.dep_ == "pobj"
        for ch in trigger.children
        if ch.dep_ == "prep" and ch.lower_ in ("in", "at", "near", "outside")
        for p in ch.children
    )
    named = named or any(  # "blocked the Saddnayel road": a way named by a proper name
        t.pos_ == "PROPN" and t.dep_ == "compound" and t.head.lemma_.lower() in _NAMED_WAYS
        for t in sent
    )
    countries: set[str] = set()
    for p in places:
        if not p.country or not p.stands_alone:
            continue
        tok = token_at(trigger, p)
        aimed = tok is not None and tok.sent.start == sent.start and aimed_at(tok, trigger)
        if aimed and not (local_ok and _local(p)):
            continue
        countries.add(p.country)
    if len(countries) == 1:
        return next(iter(countries)), named
    return None, named


def country_of_act(trigger: Token, where: Where) -> str | None:
    """The country where an act on the ground took place (a local place aimed at counts)."""
    return act_place_country(trigger, where.places, where.dateline, local_ok=True)[0]


def capital_country(trigger: Token, idx: ActorIndex) -> str | None:
    """The country of a capital the actor layer read as its government ("the streets of
    Accra") when it says where the act took place: the object of "in", "of", "at", "near"
    or "outside" in the sentence, if all such capitals lie in one country."""
    found = {
        a.country
        for t in trigger.sent
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "of", "at", "near", "outside")
        for a in idx.at(t)
        if a.kind == "capital" and a.country
    }
    return next(iter(found)) if len(found) == 1 else None


def mission_country(sent: Span) -> str | None:
    """The country of the one monitoring or peace mission the sentence names ("the OSCE SMM
    observed 4 explosions near Zolote-4", ``recall.yaml``'s ``missions``): a mission reports
    from its own country of operation, so an act it observed at a place the gazetteer lacks
    still lies in that country."""
    pattern = _missions_pattern()
    if pattern is None:
        return None
    missions = recall_table().missions
    found = {missions[m.group(0)] for m in pattern.finditer(sent.text)}
    return next(iter(found)) if len(found) == 1 else None


@functools.cache
def _missions_pattern() -> re.Pattern[str] | None:
    """One pattern for every mission name, longest first, as whole words."""
    names = sorted(recall_table().missions, key=len, reverse=True)
    if not names:
        return None
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


def place_phrase(sent: Span) -> bool:
    """Whether the sentence says where with a name the gazetteer may lack: "near Zolote-4",
    "at Kilu 16" (a proper name after a preposition of place, not a date or a person)."""
    return any(
        t.pos_ == "PROPN"
        and t.dep_ == "pobj"
        and t.head.lower_ in ("near", "in", "at", "outside", "around")
        and t.ent_type_ not in ("DATE", "TIME", "PERSON", "NORP")
        for t in sent
    )
