"""The ``place-as-source`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.place_source import place_as_source
from geopol.records import Origin


def test_fired_from_a_place() -> None:
    text = "A mortar was fired at Israel from the Gaza Strip."
    ctx = before(text, "place-as-source", "fired")
    place_as_source(ctx)
    (src,) = ctx.current.source
    assert (src.code, src.origin) == ("PSE", Origin.PLACE)
    assert readings(coded(text)) == {("ASSAULT", "PSE", "ISR")}
    # without the pass only unnamed-armed's backstop for a doerless attack in a short note
    # (an unidentified armed group, note-violence) would code it
    left = coded(text, without=["place-as-source"])
    assert all("note-violence" in a.how for e in left for a in e.source)


def test_a_named_doer_is_kept() -> None:
    ctx = before("Hamas fired a mortar at Israel from the Gaza Strip.", "place-as-source", "fired")
    place_as_source(ctx)
    assert all(a.origin is not Origin.PLACE for a in ctx.current.source)
