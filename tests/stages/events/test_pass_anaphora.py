"""The ``anaphora`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.anaphora import anaphora

TEXT = "Iran may provide drones to Russia. The United States expressed concern about this possibility."


def test_this_possibility_is_the_event_just_reported() -> None:
    assert ("ACCUSE", "USA", "IRN+RUS") in readings(coded(TEXT))
    assert not any(r[0] == "ACCUSE" for r in readings(coded(TEXT, without=["anaphora"])))


def test_needs_a_dyad_before_it() -> None:
    ctx = before("The United States expressed concern about this possibility.", "anaphora", "concern")
    anaphora(ctx)
    assert ctx.current.target == []
