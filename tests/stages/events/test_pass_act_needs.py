"""The ``act-needs`` pass of the event coder on sentences we wrote: a retreat must yield
something toward a party, a bare verb of force needs people or force, backing the doer's own
country's things is domestic, and backing firms is commerce."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings

DROPPED = [
    # a party moving its own people or staff yields nothing
    "Italy began evacuating its citizens from Abidjan after two days of riots.",
    "Britain's Ministry of Defence will evacuate 400 staff from its Basra office.",
    "The Dutch government will relocate 2,000 tax officials out of Amsterdam.",
    # returning with nothing handed back: a recess, a post
    "The Scottish parliament returns from its summer recess on Monday.",
    "The Danish minister returned to the cabinet after a year in opposition.",
    # backing its own country's things: domestic policy, not an act toward a party
    "The French government backs France's strong nuclear industry.",
]


@pytest.mark.parametrize("text", DROPPED)
def test_acts_toward_nobody_are_dropped(text: str) -> None:
    assert coded(text, without=["act-needs"]), "the sentence must give an event to drop"
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # forces leaving, people released or handed back, a resignation: yieldings
        ("Ukrainian troops will leave the town of Avdiivka by Friday.", ("RETREAT", "UKRMIL", "")),
        (
            "Russia released the two Estonian border guards on Tuesday.",
            ("RETREAT", "RUS", "ESTCOP"),
        ),
        (
            "Syria agreed to return the bodies of the Israeli soldiers.",
            ("RETREAT", "SYR", "ISRMIL"),
        ),
        ("The Czech prime minister resigned on Friday.", ("RETREAT", "CZEGOV", "")),
        # force on people named, by armed men or police
        ("Gunmen killed three villagers near Kano.", ("ASSAULT", "NGAUAF", "NGACVL")),
        ("Kenyan police arrested six protesters in Nairobi.", ("COERCE", "KENCOP", "KENCVL")),
        # backing another country's things is an act toward it
        ("Belgium pledged to support Congo's election.", ("SUPPORT", "BEL", "COD")),
    ],
)
def test_acts_toward_a_party_stay(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert any(r[0] == reading[0] and r[1] == reading[1] and reading[2] in r[2] for r in got), got
