"""The ``mutual-events`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.mutual import mutual_events


def test_talks_with_go_both_ways() -> None:
    ctx = before("Egypt held talks with Israel.", "mutual-events", "talks")
    mutual_events(ctx)
    assert [([a.code for a in s], [a.code for a in t]) for s, t, _ in ctx.current.dyads] == [
        (["EGY"], ["ISR"]),
        (["ISR"], ["EGY"]),
    ]


def test_a_meeting_of_three_is_one_event_per_member() -> None:
    text = "Egypt, Jordan and Israel met on Monday."
    assert readings(coded(text)) == {
        ("CONSULT", "EGY", "ISR+JOR"),
        ("CONSULT", "ISR", "EGY+JOR"),
        ("CONSULT", "JOR", "EGY+ISR"),
    }
