"""The ``accidents`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before

from geopol.events.passes.accidents import accidents


def test_deaths_in_an_earthquake_are_no_attack() -> None:
    ctx = before("Twenty Pakistani soldiers were killed in the earthquake.", "accidents", "killed")
    accidents(ctx)
    assert ctx.current.dropped


def test_an_attack_stays() -> None:
    ctx = before("Taliban fighters killed twenty Pakistani soldiers.", "accidents", "killed")
    accidents(ctx)
    assert not ctx.current.dropped
