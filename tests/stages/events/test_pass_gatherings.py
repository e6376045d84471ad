"""The ``gathering-visits`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.gatherings import gathering_visits


def test_attending_a_summit_abroad_is_a_visit() -> None:
    text = "The Russian president attended a summit in Switzerland."
    ctx = before(text, "gathering-visits", "attended")
    gathering_visits(ctx)
    (visit,) = ctx.triggers
    assert visit.rule.gathering_visit and visit.token.text == "attended"
    assert readings(coded(text)) == {("CONSULT", "RUSGOV", "CHE")}
    # without the pass the attendance meets nobody known: no event
    assert readings(coded(text, without=["gathering-visits"])) == set()


def test_a_summit_at_home_is_no_visit() -> None:
    ctx = before("France attended a summit in Paris.", "gathering-visits", "attended")
    gathering_visits(ctx)
    assert not any(t.rule.gathering_visit for t in ctx.triggers)
