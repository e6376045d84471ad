"""The ``unnamed-doers`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.unnamed_doers import unnamed_doers


def test_a_device_of_no_country_takes_the_country_where_it_went_off() -> None:
    text = "An IED exploded near a police patrol in Kandahar."
    ctx = before(text, "unnamed-doers", "exploded")
    assert ctx.current.source == []
    unnamed_doers(ctx)
    assert [a.country for a in ctx.current.source] == ["AFG"]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("An IED exploded near a police patrol in Kandahar.", ("ASSAULT", "AFGUAF", "AFG")),
        ("Truck drivers gathered in Lahore to denounce the new tax.", ("PROTEST", "PAKCVL", "")),
        (
            "Dozens of teachers protested in Diwaniya on Sunday, demanding unpaid salaries.",
            ("PROTEST", "IRQCVL", ""),
        ),
    ],
)
def test_unnamed_doers_are_placed_where_they_acted(text: str, reading: tuple[str, str, str]) -> None:
    assert reading in readings(coded(text))
    if reading[0] != "ASSAULT":
        assert not readings(coded(text, without=["unnamed-doers"]))
        return
    # an attack's doer: the pass places it; without it, only unnamed-armed's backstop for a
    # doerless attack in a short note (note-violence) would
    assert not any("note-violence" in a.how for e in coded(text) for a in e.source)
    left = coded(text, without=["unnamed-doers"])
    assert all("note-violence" in a.how for e in left for a in e.source)


def test_a_toll_after_an_attack_is_no_second_attack() -> None:
    text = (
        "Rebels attacked an army post in Goma on Monday. Two soldiers were killed and three"
        " civilians were wounded."
    )
    attacks = [r for r in readings(coded(text)) if r[0] == "ASSAULT"]
    assert len(attacks) == 1, attacks
    alone = readings(coded("Two soldiers were killed in Goma on Monday."))
    assert {r[0] for r in alone} == {"ASSAULT"}  # with no attack before it, it is one


def test_traders_protesting_against_a_measure_are_a_protest_where_they_gathered() -> None:
    # a crowd of any trade dissents; armed men and state organs do not
    got = readings(coded("On 2 May, in Lagos, Nigeria, dozens of traders protested against new market fees."))
    assert any(r[0] == "PROTEST" and r[1].startswith("NGA") for r in got), got
    got = readings(coded("On 4 May, in Kano, Nigeria, soldiers protested against the new rules."))
    assert not any(r[0] == "PROTEST" for r in got), got


def test_a_hyphenated_fight_noun_is_an_attack_by_someone_unnamed() -> None:
    got = readings(coded("On 2 May, in Duque de Caxias, Brazil, a shoot-out took place in a market."))
    assert any(r[0] == "ASSAULT" and r[1] == "BRAUAF" for r in got), got
