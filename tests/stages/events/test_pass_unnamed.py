"""The ``unnamed-armed`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.unnamed import unnamed_armed


def test_insurgents_are_rebels_of_no_country() -> None:
    text = "Insurgents bombarded government-held areas of Syria."
    ctx = before(text, "unnamed-armed", "bombarded")
    unnamed_armed(ctx)
    assert [a.code for a in ctx.current.source] == ["---REB"]
    assert readings(coded(text)) == {("ASSAULT", "---REB", "SYR")}


def test_no_source_at_all_drops_the_trigger() -> None:
    ctx = before("Somebody attacked Ukraine.", "unnamed-armed", "attacked")
    unnamed_armed(ctx)
    assert ctx.current.dropped
