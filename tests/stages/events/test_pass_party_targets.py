"""The ``party-targets`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.party_targets import party_targets


def test_a_name_the_actor_layer_missed_is_the_target_of_a_court() -> None:
    text = "A court in Lyon found Barbarin guilty of fraud."
    ctx = before(text, "party-targets", "found")
    assert ctx.current.target == []
    party_targets(ctx)
    assert [(a.text, a.country) for a in ctx.current.target] == [("Barbarin", None)]
    assert ("ACCUSE", "FRAJUD", "---") in readings(coded(text))
    assert not readings(coded(text, without=["party-targets"]))


def test_no_party_for_a_doer_that_is_no_state_organ() -> None:
    ctx = before("Local fans accused Barbarin of cheating.", "party-targets", "accused")
    party_targets(ctx)
    assert ctx.current.target == []


def test_no_party_for_a_common_noun() -> None:
    ctx = before("A court in Lyon found the dog guilty of fraud.", "party-targets", "found")
    party_targets(ctx)
    assert ctx.current.target == []
