"""The ``venue-visits`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, dyad_list, readings, run_pass

from geopol.events.passes.venues import venue_visits


def test_a_meeting_abroad_is_a_visit_to_the_host() -> None:
    text = "Egypt and Israel will meet in Zurich."
    ctx = before(text, "venue-visits", "meet")
    assert sorted(dyad_list(run_pass(ctx, venue_visits))) == [
        ("CONSULT", "EGY", "CHEGOV"),
        ("CONSULT", "ISR", "CHEGOV"),
    ]
    assert not any(r[2] == "CHEGOV" for r in readings(coded(text, without=["venue-visits"])))
