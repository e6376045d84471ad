"""The ``derived-events`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, dyad_list, readings, run_pass

from geopol.events.passes.derived import derived_events


def test_saying_that_another_attacked_accuses_it() -> None:
    text = "The US said Russia attacked Kyiv."
    ctx = before(text, "derived-events", "attacked")
    assert dyad_list(run_pass(ctx, derived_events)) == [("ACCUSE", "USA", "RUS")]
    assert readings(coded(text, without=["derived-events"])) == {("ASSAULT", "RUS", "UKRGOV")}


def test_a_refusal_is_as_factual_as_its_report() -> None:
    ctx = before("Germany said it would not send aid to Ukraine.", "derived-events", "send")
    new = run_pass(ctx, derived_events)
    assert ("REJECT", "asserted") in [(e.type.value, e.factuality.value) for e in new]
    assert ("REJECT", "DEU", "UKR") in dyad_list(new)
