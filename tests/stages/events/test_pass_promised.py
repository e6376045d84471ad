"""The ``promised-events`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings, run_pass

from geopol.events.passes.promised import promised_events


def test_an_agreement_commits_its_maker() -> None:
    text = "Iran agreed to release the British sailors."
    ctx = before(text, "promised-events", "agreed")
    new = run_pass(ctx, promised_events)
    assert [(e.type.value, e.factuality.value) for e in new] == [("RETREAT", "planned")]
    assert readings(coded(text, without=["promised-events"])) == {("AGREE", "IRN", "GBRMIL")}


def test_an_offer_commits_to_nothing() -> None:
    ctx = before("Iran offered to release the British sailors.", "promised-events", "offered")
    assert run_pass(ctx, promised_events) == []
