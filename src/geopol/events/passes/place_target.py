"""Pass ``place-as-target``: a place stands in for a target the text does not name."""

from __future__ import annotations

import dataclasses

from geopol.events.context import SentenceContext
from geopol.events.note_country import clue_country
from geopol.events.passes.base import Level, register
from geopol.events.placed import placed_target
from geopol.events.realis import violent


@register("place-as-target", Level.TRIGGER)
def place_as_target(ctx: SentenceContext) -> None:
    """"Shelled Kirkuk", "killed four civilians", "US activists protested in Beijing": the
    place's country is the target. An unnamed armed group acting on nobody named codes
    nothing, unless a short note tells where it acted (see ``_note_placed``)."""
    r = ctx.current
    if not r.target and r.joint is None:
        trig = r.trigger
        r.target = placed_target(
            trig.token,
            trig.rule.type,
            trig.noun,
            r.source,
            r.raw_target,
            ctx.where,
            trig.rule.mode,
        )
    if r.unnamed and not r.target and not _note_placed(ctx):
        r.dropped = True


def _note_placed(ctx: SentenceContext) -> bool:
    """A robbery "in Santa Cruz do Capibaribe" by "armed men" with explosives: in a short note
    that tells the act with a word of force, unnamed armed doers of no country, acting on
    nobody named, take the one country the note's clues point to (events/note_country.py:
    its divisions, places and named groups), as ACLED codes them (Unidentified Armed Group
    (Brazil)). Whether it found one; the doers are given that country."""
    r = ctx.current
    if not ctx.state.short_note or any(a.country for a in r.unnamed):
        return False
    if not violent(ctx.sentence):
        return False
    country = clue_country(r.trigger.token, ctx.where.places, ctx.index)
    if country is None:
        return False
    unnamed = {id(a) for a in r.unnamed}
    r.source = [
        dataclasses.replace(a, country=country, how=f"{a.how},note-place")
        if id(a) in unnamed
        else a
        for a in r.source
    ]
    r.unnamed = [a for a in r.source if a.how.endswith(",note-place")]
    return True
