"""Parties named only by what they are ("lecturers", "several detainees", "the organization")
are agents (data/actors/agents.yaml): the event done to them is coded toward them, with the
country of a place the sentence gives ("arrested two inmates in Cairo": EGYCVL), the one state
the sentence names (the ``named-parties`` pass: "the Nigerian authorities ... lecturers":
NGACVL), or none (---CVL, ---UNK; an armed group lends the people it acts on no country)."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("The Nigerian authorities are pressuring lecturers to call off the strike.",
         ("REQUEST", "NGAGOV", "NGACVL")),
        ("The Ghanaian government is pressuring nurses to return to work.",
         ("REQUEST", "GHAGOV", "GHACVL")),
        ("Kenyan police freed several detainees on Monday.", ("RETREAT", "KENCOP", "KENCVL")),
        ("Egyptian police arrested two inmates in Cairo.", ("COERCE", "EGYCOP", "EGYCVL")),
        ("The Islamic State group released 19 Christians on Sunday.",
         ("RETREAT", "IMG-ISREB", "---CVL")),
        ("A higher Italian court rejected the organization.", ("REJECT", "ITAJUD", "---UNK")),
        ("A Spanish court rejected the organisation on Friday.", ("REJECT", "ESPJUD", "---UNK")),
    ],
)
def test_an_act_on_a_party_named_by_what_it_is(text: str, reading: tuple[str, str, str]) -> None:
    assert reading in readings(coded(text))


def test_a_terrorist_organisation_is_an_armed_group_not_an_unknown_one() -> None:
    text = "Turkish troops attacked a terrorist organization in Syria."
    assert any(r[2].endswith("UAF") for r in readings(coded(text)))


def test_a_football_club_called_man_is_no_person() -> None:
    # "man" is not among the words: "Man Utd" is a club
    text = "Chelsea beat Man Utd on Saturday."
    assert not any("CVL" in r[2] for r in readings(coded(text)))


def test_suspects_of_a_law_are_no_one_acted_on() -> None:
    text = "Foreign suspects can be detained in Danish jails without trial under the new law."
    assert "COERCE" not in {r[0] for r in readings(coded(text))}
