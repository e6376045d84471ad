"""Precision classes of issue 15, tenth round, on sentences we wrote: an act of force that
a speaker other than its doer only argues, fears or supposes is a view, not an act; the
speaker's own "would attack", a state's of its own forces and a plain report stay."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings


@pytest.mark.parametrize(
    "text",
    [
        "The senator argued that militants in Yemen wanted to attack American embassies.",
        "Diplomats argue that Syria could use the missiles to attack Israeli towns.",
        "The Australian minister warned that an Indonesian bombing could happen in Australia "
        "as well.",
        "Many analysts are of the view that the presence of Russian troops in Moldova fuels "
        "the separatist insurgency.",
        "The professor argued that Serbian militias would attack Kosovo again.",
        "Nobody doubts that Syrian troops wanted to attack Lebanon, the senator argued.",
    ],
)
def test_an_argued_act_of_force_is_no_act(text: str) -> None:
    got = [e for e in coded(text) if e.type.value in ("ASSAULT", "THREATEN", "COERCE")]
    assert not got, readings(got)


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        # the act itself, argued as done
        ("Human rights groups argued that Sudanese troops attacked villages in Darfur.",
         "ASSAULT", "SDN"),
        # the speaker's own threat
        ("North Korea warned that it would attack South Korea.", "THREATEN", "PRK"),
        # a state organ speaking of its own state's forces: a threat, kept
        ("The Turkish foreign minister argued that Turkish troops could attack Kurdish rebels "
         "in Syria.", "ASSAULT", "TUR"),
        # the act of force said plainly, not argued
        ("Israeli troops attacked a refugee camp in Gaza on Monday.", "ASSAULT", "ISR"),
    ],
)
def test_a_done_or_threatened_act_stays(text: str, kind: str, source: str) -> None:
    got = readings(coded(text))
    assert any(r[0] == kind and r[1].startswith(source) for r in got), got


def test_the_stance_gate_is_what_drops_it() -> None:
    text = "The senator argued that militants in Yemen wanted to attack American embassies."
    assert readings(coded(text, without=["stance-gate"]))
