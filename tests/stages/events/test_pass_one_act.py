"""The ``one-act`` pass on sentences we wrote: one act named by a noun (or a phrase) and
reported by its verb is one event."""

from __future__ import annotations

from events_passkit import coded


def _assaults(text: str, without: list[str] | None = None) -> list[str]:
    return [
        e.evidence.trigger.text
        for e in coded(text, without=without or [])
        if e.type.value == "ASSAULT"
    ]


def test_a_weapon_phrase_and_its_verb_are_one_attack() -> None:
    text = "Rockets fired by Hamas militants struck a town in Israel overnight."
    assert len(_assaults(text, ["one-act"])) == 2
    assert len(_assaults(text)) == 1


def test_two_attacks_on_two_targets_stay_two() -> None:
    text = "Russia bombed Aleppo and Turkey shelled Kobani on Monday."
    assert len(_assaults(text)) == len(_assaults(text, ["one-act"]))
