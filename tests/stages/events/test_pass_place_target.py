"""The ``place-as-target`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.place_target import place_as_target
from geopol.records import Origin


def test_a_shelled_city_stands_for_its_state() -> None:
    text = "Israeli jets shelled Kirkuk."
    ctx = before(text, "place-as-target", "shelled")
    place_as_target(ctx)
    (tgt,) = ctx.current.target
    assert (tgt.code, tgt.origin) == ("IRQ", Origin.PLACE)
    assert readings(coded(text, without=["place-as-target"])) == {("ASSAULT", "ISRMIL", "")}
