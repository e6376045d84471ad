"""The ``complement-places`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.complement_places import complement_places


def test_the_place_an_agreement_is_for_is_its_target() -> None:
    text = "Vladimir Putin has agreed to a ceasefire in eastern Ukraine."
    ctx = before(text, "complement-places", "agreed")
    assert ctx.current.target == []
    complement_places(ctx)
    assert [a.country for a in ctx.current.target] == ["UKR"]
    assert ("AGREE", "RUSGOV", "UKR") in readings(coded(text))
    assert not readings(coded(text, without=["complement-places"]))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Japan agreed to build a new airport in Tokyo.", "agreed"),  # its own country
        ("The two ministers agreed at their meeting in London to cut tariffs.", "agreed"),
    ],
)
def test_no_target_from_the_own_country_or_a_venue(text: str, word: str) -> None:
    ctx = before(text, "complement-places", word)
    complement_places(ctx)
    assert ctx.current.target == []


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        # a curfew "on" a place, the noun's light verb holding the phrase
        ("Iraqi officials imposed a curfew on Mosul after the riots.", "curfew",
         ("COERCE", "IRQGOV", "IRQ")),
        ("The Libyan army declared a ceasefire in Benghazi on Sunday.", "ceasefire",
         ("RETREAT", "LBYMIL", "LBY")),
        ("Kenyan troops remained on alert in Mombasa after the attack on the market.", "remained",
         ("MOBILIZE", "KENMIL", "KEN")),
    ],
)  # fmt: skip
def test_a_curfew_or_a_ceasefire_at_home_is_toward_the_place(
    text: str, word: str, reading: tuple[str, str, str]
) -> None:
    ctx = before(text, "complement-places", word)
    assert ctx.current.target == []
    complement_places(ctx)
    assert [a.country for a in ctx.current.target] == [reading[2]]
    assert reading in readings(coded(text))


def test_aid_suspended_for_a_place_is_a_sanction_toward_its_country() -> None:
    text = "The European Commission has suspended aid to Gaza."
    assert ("SANCTION", "IGO-ECGOV", "PSE") in readings(coded(text))
    assert not readings(coded(text, without=["complement-places"]))


def test_no_home_target_for_a_place_abroad() -> None:
    ctx = before("The Libyan army declared a ceasefire in Cairo on Sunday.", "complement-places",
                 "ceasefire")  # fmt: skip
    complement_places(ctx)
    assert ctx.current.target == []


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("Britain has begun withdrawing some of its troops from Iraq.", ("RETREAT", "GBR", "IRQ")),
        ("France deployed its soldiers to Mali.", ("MOBILIZE", "FRA", "MLI")),
    ],
)
def test_own_forces_moved_are_no_target(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert reading in got
    assert not any(r[0] == reading[0] and r[2].endswith("MIL") for r in got)


def test_own_forces_with_no_place_leave_no_target() -> None:
    got = readings(coded("Israel mobilized the army for a potential ground assault."))
    assert ("MOBILIZE", "ISR", "") in got
