"""The ``unreal-events`` pass on sentences we wrote: a supposed act is no event, a threat
is kept."""

from __future__ import annotations

from events_passkit import coded, readings


def test_a_hypothetical_act_of_a_party_is_dropped() -> None:
    text = "If the Labour Party wins, it will hold talks with the Liberal Democrats."
    assert not any(e.factuality.value == "hypothetical" for e in coded(text))
    assert any(e.factuality.value == "hypothetical" for e in coded(text, without=["unreal-events"]))


def test_a_conditional_threat_is_kept() -> None:
    text = "Turkey warned Syria of military action if Damascus does not withdraw its troops."
    assert ("THREATEN", "TUR", "SYR") in readings(coded(text))


def test_a_possible_act_of_a_state_is_kept() -> None:
    text = "Kim Jong Un may seek food aid from Russia."
    assert ("REQUEST", "PRKGOV", "RUS") in readings(coded(text))


def test_a_reported_act_is_kept() -> None:
    assert ("ASSAULT", "RUS", "UKR") in readings(coded("Russia attacked Ukraine on Monday."))


def test_a_supposed_doer_of_real_force_is_kept() -> None:
    # the doubt is about who did it, not whether it happened
    text = "Suspected Islamist militants killed six villagers in Tillaberi, Niger, on Sunday."
    assert "ASSAULT" in {t for t, _, _ in readings(coded(text))}
