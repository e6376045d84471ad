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


def test_a_state_gives_asylum_to_a_person_the_actor_layer_named() -> None:
    text = "The Brazilian government has granted political asylum to Maria Lopez."
    assert ("AID", "BRAGOV", "---") in readings(coded(text))
    # the same act by someone who is no state's organ is no event
    assert not readings(coded("Local fans refused to meet Maria Lopez."))


def test_no_demand_toward_a_person_of_no_country() -> None:
    assert not readings(coded("The French government urged Maria Lopez to resign."))
