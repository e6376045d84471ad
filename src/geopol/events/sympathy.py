"""Whom an empathetic comment is for: the country of the place its tragedy happened in.

"Obama expressed sorrow for the shootings in Charleston", "the minister voiced condolences
over the earthquake in Nepal": a comment of sympathy (CAMEO 018) that names no one it is
addressed to is aimed at the people of the place where the event it mourns took place, the
place's country (as PETRARCH codes it), read as that country's civilians. Only a place inside the phrase that names what the
sympathy is for counts (``sympathy_preps`` in data/events/words.yaml), and only one that
stands for a state (not a nationality word, not a place inside a name).
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.datafile import word_set
from geopol.records import Actor, Origin, Place, StandsFor

#: CAMEO code of an empathetic comment.
EMPATHETIC = "018"

_PREPS = word_set("sympathy_preps")


def _about(trigger: Token) -> list[Token]:
    """The objects of the phrases saying what the sympathy is for, on the trigger or on its
    object ("expressed sorrow for X", "expressed condolences over X", "sympathy for X")."""
    holders = [trigger] + [ch for ch in trigger.children if ch.dep_ in ("dobj", "attr")]
    if trigger.dep_ == "dobj":
        holders.append(trigger.head)  # "expressed sympathy | for the victims", on the verb
    return [
        p
        for h in holders
        for ch in h.children
        if ch.dep_ == "prep" and ch.lower_ in _PREPS
        for p in ch.children
        if p.dep_ == "pobj"
    ]


def sympathy_target(trigger: Token, places: list[Place]) -> list[Actor]:
    """The people of the first state-standing place named inside what an empathetic comment
    is about (civilians of its country: the sympathy is for the people, the place is not a
    venue of the comment); none when there is no such place."""
    by_start = {p.start: p for p in places if p.country and p.stands_alone}
    for head in _about(trigger):
        for tok in head.subtree:
            place = by_start.get(tok.idx)
            if place is not None:
                return [
                    Actor(
                        text=place.text,
                        start=place.start,
                        end=place.end,
                        name=place.name or place.text,
                        country=place.country,
                        sector="CVL",
                        kind="agent",
                        how="sympathy-place",
                        origin=Origin.PLACE,
                        stands_for=StandsFor.PLACE,
                    )
                ]
    return []
