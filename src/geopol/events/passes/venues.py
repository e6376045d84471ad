"""Pass ``venue-visits``: a meeting in a third country is a visit there by each party."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from geopol.events.context import SentenceContext
from geopol.events.gatherings import _VISIT
from geopol.events.passes.base import Level, register
from geopol.events.placed import venue_state
from geopol.events.triggers import Trigger
from geopol.records import Actor, Place, PloverType, StandsFor, is_organisation_code


@register("venue-visits", Level.TRIGGER)
def venue_visits(ctx: SentenceContext) -> None:
    """"A and B will meet in Zurich": each party from abroad visits the host state (042)."""
    r = ctx.current
    base, trig = r.base, r.trigger
    if base.rule.mutual and base.rule.type == PloverType.CONSULT and (r.target or len(r.dyads) > 1):
        for visitor, host in _visits_to_venue(trig, r.source + r.target, ctx.places):
            if ctx.topic.keeps([visitor], [host], visit=True) and ctx.first_time(
                PloverType.CONSULT, [visitor], [host]
            ):
                ctx.emit(dataclasses.replace(trig, rule=_VISIT), [visitor], [host])


def _visits_to_venue(
    trig: Trigger, parties: list[Actor], places: list[Place]
) -> Iterator[tuple[Actor, Actor]]:
    """The visits a meeting held in a third country implies: each party whose state is not
    the host travels there (CAMEO 042), as "attended a summit in Y" is a visit to Y."""
    host = venue_state(trig.token, places)
    if host is None:
        return
    seen: set[str] = set()
    for a in parties:
        if not a.country or a.country == host.country or is_organisation_code(a.country):
            continue
        if StandsFor.PLACE in a.stands_for or a.code in seen:
            continue
        seen.add(a.code)
        yield a, host
