"""The ``stated-events`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, dyad_list, readings, run_pass

from geopol.events.passes.stated import stated_events


def test_must_in_reported_speech_is_a_demand() -> None:
    text = "Russia said Israel must end the strikes."
    ctx = before(text, "stated-events", "said")
    assert dyad_list(run_pass(ctx, stated_events)) == [("REQUEST", "RUS", "ISR")]
    assert not any(r[0] == "REQUEST" for r in readings(coded(text, without=["stated-events"])))
