"""The ``dyad-events`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, dyad_list, run_pass

from geopol.events.passes.dyad_events import dyad_events


def test_codes_each_dyad_once() -> None:
    ctx = before("Russia attacked Ukraine.", "dyad-events", "attacked")
    assert dyad_list(run_pass(ctx, dyad_events)) == [("ASSAULT", "RUS", "UKR")]
    assert run_pass(ctx, dyad_events) == []  # the same dyad twice in one sentence: one event
    assert ctx.state.last_sentence == ctx.number


def test_a_demand_of_nobody_is_no_event() -> None:
    ctx = before("Russia demanded more money.", "dyad-events", "demanded")
    assert run_pass(ctx, dyad_events) == []
