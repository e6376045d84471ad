"""Precision classes of issue 15, ninth round, on sentences we wrote: a statement whose
content is a change in a quantity is a forecast, not an act; a firm's own name with a
country word in it ("British Gas") is a firm of that country; a capital a firm's flights go
to is a place, not the state; an office in a firm ("the German chief executive of Siemens")
is business, not the state; a firm named again, or as "it", is the same firm; leaders of
unions and tribes are no government."""

from __future__ import annotations

import pytest
from events_passkit import coded, parse, readings


def _actor(text: str, words: str) -> tuple[str | None, str | None]:
    got = [a for a in parse(text).actors if a.text == words]
    assert got, [a.text for a in parse(text).actors]
    return got[0].country, got[0].sector


@pytest.mark.parametrize(
    "text",
    [
        "The International Monetary Fund warned that demand for Iraqi oil would outstrip supply.",
        "At a summit in Madrid, Nato leaders pledged the European economy would grow faster "
        "than Japan's.",
        "The minister warned that exports of Japanese cars to Europe would double.",
    ],
)
def test_a_forecast_is_no_act(text: str) -> None:
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # a warning whose content is an act of a party stays
        (
            "The Chinese government warned that it would impose sanctions on Japan.",
            ("THREATEN", "CHNGOV", "JPN"),
        ),
        # the aid itself, not its amount
        ("The United States sent aid to Kenya last week.", ("AID", "USA", "KEN")),
    ],
)
def test_an_act_beside_a_quantity_stays(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert any(r[0] == reading[0] and r[1] == reading[1] and reading[2] in r[2] for r in got), got


@pytest.mark.parametrize(
    ("text", "words", "resolved"),
    [
        ("British Gas criticised the Scottish government.", "British Gas", ("GBR", "BUS")),
        ("US Airways has cut its fares to Mexico.", "US Airways", ("USA", "BUS")),
        (
            "Hans Gruber, the German chief executive of Siemens, criticised the French government.",
            "Hans Gruber",
            ("DEU", "BUS"),
        ),
        ("The French boss of Airbus met the Chinese premier.", "French boss", ("FRA", "BUS")),
        # an office of a state organ stays the state's
        (
            "Sir Jeremy Greenstock, the British head of the Foreign Office, met the Iraqi "
            "president.",
            "Foreign Office",
            ("GBR", "GOV"),
        ),
    ],
)
def test_a_firm_and_its_officers_are_business(
    text: str, words: str, resolved: tuple[str, str]
) -> None:
    assert _actor(text, words) == resolved


def test_a_firms_flights_to_a_capital_are_commerce() -> None:
    assert not coded("Swiss Airlines is to halt its flights from Geneva to Tehran and Baghdad.")
    # a firm acting on the government named by its capital is still an act
    assert ("ACCUSE", "GBRBUS", "RUSGOV") in readings(
        coded("British Gas criticised Moscow over the gas price.")
    )


def test_a_firms_officer_stepping_down_is_commerce() -> None:
    assert not coded("Hans Gruber, the German chief executive of Siemens, will step down next year.")
    # a minister's resignation stays
    assert ("RETREAT", "KENGOV", "") in readings(coded("The Kenyan trade minister resigned on Monday."))


def test_a_firm_named_again_is_the_same_firm() -> None:
    text = (
        "Canadian mining firm Orvex has sued the Chilean government. "
        "Chilean officials have dismissed Orvex's claims as baseless."
    )
    named = [a for a in parse(text).actors if a.text.startswith("Orvex")]
    assert len(named) == 2
    assert all((a.country, a.sector) == ("CAN", "BUS") for a in named)
    assert ("REJECT", "CHLGOV", "CANBUS") in readings(coded(text))


def test_a_name_titled_by_a_firm_noun_is_a_firm() -> None:
    text = "The Brazilian regulator is investigating insurance broker Pardo & Weiss."
    assert _actor(text, "Pardo & Weiss") == (None, "BUS")


@pytest.mark.parametrize(
    ("text", "words", "sector"),
    [
        ("The Irish premier criticised a union leader on Monday.", "union leader", "CVL"),
        ("The Afghan president met tribal elders in Kandahar.", "tribal elders", "CVL"),
        ("The Israeli prime minister met business leaders in Haifa.", "business leaders", "BUS"),
    ],
)
def test_leaders_of_bodies_that_are_no_state_are_no_government(
    text: str, words: str, sector: str
) -> None:
    assert _actor(text, words)[1] == sector


def test_a_union_leader_criticised_is_not_the_government() -> None:
    got = readings(coded("The Irish premier criticised a union leader on Monday."))
    assert got and not any(r[2].endswith("GOV") for r in got), got


def test_it_after_a_firm_of_a_country_is_that_firm() -> None:
    text = (
        "Canadian mining firm Orvex is suing two banks in Toronto. "
        "It has also threatened to sue the Chilean government."
    )
    assert ("THREATEN", "CANBUS", "CHLGOV") in readings(coded(text))
