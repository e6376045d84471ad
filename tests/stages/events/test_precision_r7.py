"""Precision classes of issue 15, seventh round, on sentences we wrote: a bare "in government"
is no party, a thing named after its doer that would bring something about is a forecast, a
market figure's participle is no attack, firms protest in words, a shadow office holder is
the opposition before pronouns take his place, and an "it" after a firm is the firm, not a
state named near it."""

from __future__ import annotations

import pytest
from events_passkit import coded, parse, readings


@pytest.mark.parametrize(
    "text",
    [
        "Shadow defence secretary Ann Lutz said that, if in government, she would refuse to "
        "sign the treaty with Norway.",
        "The opposition leader said that, once in government, he would refuse to approve the "
        "pipeline deal with Chile.",
    ],
)
def test_a_bare_in_government_is_no_party(text: str) -> None:
    assert not any(
        a.text == "government" for e in coded(text) for a in e.source + e.target
    )


@pytest.mark.parametrize(
    "text",
    [
        "EU cooperation would help Norway control its borders, he argued.",
        "NATO membership would help Georgia resist pressure, the minister said.",
    ],
)
def test_a_thing_named_after_its_doer_would_bring_is_a_forecast(text: str) -> None:
    assert coded(text, without=["named-parties"]), "the sentence must give an event to drop"
    assert not coded(text)


def test_the_doer_itself_under_a_modal_still_acts() -> None:
    assert ("CONSULT", "IGO-EUGOV", "TUR") in readings(
        coded("EU leaders would discuss the dispute with Turkey.")
    )


def test_a_market_figures_participle_is_no_attack() -> None:
    text = "Renault's shares rose 3% in Paris on Monday, having shot up 6% in early trading."
    assert coded(text, without=["act-gate"]), "the sentence must give an event to drop"
    assert not coded(text)


def test_an_armed_doers_participle_still_attacks() -> None:
    got = readings(coded("Police opened fire on the crowd in Lagos, killing five protesters."))
    assert ("ASSAULT", "NGACOP", "NGACVL") in got


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "European carmakers protested that the new Japanese rules make exports too costly.",
            ("ACCUSE", "EURBUS", "JPN"),
        ),
        ("Italian retailers protested that the Spanish tax on imports was unfair.", ("ACCUSE", "ITABUS", "ESP")),
    ],
)
def test_firms_protest_in_words(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert reading in got
    assert not any(t == "PROTEST" for t, _, _ in got)


def test_workers_still_protest() -> None:
    text = "Thousands of Italian workers protested against the government's plan in Rome."
    assert ("PROTEST", "ITACVL", "ITAGOV") in readings(coded(text))


def _codes(text: str) -> list[tuple[str, str]]:
    return [(a.text, a.code) for a in parse(text).actors]


@pytest.mark.parametrize(
    "text",
    [
        "Danish shipping company Maersk is to halt its sailings from Aarhus to Jeddah in Saudi "
        "Arabia. It suspended sailings to Saudi Arabia in 2003 after a warning.",
        "British Airways is to halt its flights from London to Jeddah and Riyadh in Saudi "
        "Arabia from 27 March. It suspended flights to Saudi Arabia for three weeks in 2003.",
        "The Algerian government offered the licence in March. Telenor now says it may give up "
        "on the deal altogether.",
    ],
)
def test_it_after_a_firm_is_the_firm(text: str) -> None:
    # not the state named near the firm: unlinked, or (ninth round) the firm itself where it
    # is coded as a firm of a country ("British Airways": GBRBUS)
    assert all(c.endswith("BUS") for t, c in _codes(text) if t.lower() in ("it", "its"))


def test_it_after_a_state_is_the_state() -> None:
    got = _codes("Algeria said it would give up its claim to the islands.")
    assert ("it", "DZA") in got and ("its", "DZA") in got


def test_a_shadow_minister_speaks_for_the_opposition_through_his_pronoun() -> None:
    got = _codes(
        "Britain's shadow foreign secretary Michael Ross said he would refuse to approve the "
        "treaty with France."
    )
    assert ("he", "GBROPP") in got, got


def test_traders_who_march_protest() -> None:
    text = "Hundreds of traders marched through Tirana on Friday against the new market tax."
    assert any(t == "PROTEST" for t, _, _ in readings(coded(text)))


def test_an_infinitive_of_purpose_keeps_its_own_reading() -> None:
    text = (
        "On Monday, striking Iraqi nurses in Basra protested outside the hospital to protest "
        "the ministry's failure to pay salaries."
    )
    assert ("PROTEST", "IRQCVL", "IRQGOV") in readings(coded(text))
