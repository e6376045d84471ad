"""Precision classes of issue 15, eighth round (second part), on sentences we wrote: a country
word on a firm's noun names a firm of that country, not the state; a party's member of an
assembly ("a Labour MEP") is the party's; "it" after a thing of no country named as a subject
("a cross-party committee") is not a state named further back."""

from __future__ import annotations

import pytest
from events_passkit import coded, parse, readings


def _actor(text: str, words: str) -> tuple[str | None, str | None]:
    got = [a for a in parse(text).actors if a.text == words]
    assert got, [a.text for a in parse(text).actors]
    return got[0].country, got[0].sector


@pytest.mark.parametrize(
    ("text", "words", "resolved"),
    [
        (
            "The Dutch brewing giant Heineken has criticised the Belgian government over a tax.",
            "Dutch brewing giant Heineken",
            ("NLD", "BUS"),
        ),
        (
            "Pan-European stock market Bourso has approached the Madrid exchange about a bid.",
            "Pan-European stock market Bourso",
            ("EUR", "BUS"),
        ),
        (
            "Pan-European stock market Bourso has approached the Madrid exchange about a bid.",
            "Madrid exchange",
            ("ESP", "BUS"),
        ),
        ("Italian wine tempts a Chinese buyer.", "Italian wine", ("ITA", "BUS")),
    ],
)
def test_a_country_word_on_a_firm_noun_names_a_firm(
    text: str, words: str, resolved: tuple[str | None, str | None]
) -> None:
    country, sector = _actor(text, words)
    assert sector == resolved[1]
    if resolved[0] is not None:
        assert country == resolved[0]


@pytest.mark.parametrize(
    "text",
    [
        "The Canadian mining giant Orvex met the Chilean trade union on Monday.",
        "Pan-European stock market Bourso has met the Madrid exchange about a bid.",
    ],
)
def test_a_firm_of_a_country_acting_on_no_state_organ_is_commerce(text: str) -> None:
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # the firm's noun does not head the phrase: a regulator of a market is the state's
        (
            "The British government criticised the Chinese market regulator.",
            ("ACCUSE", "GBRGOV", "CHN"),
        ),
        ("Russian troops attacked Georgian villages.", ("ASSAULT", "RUSMIL", "GEO")),
        (
            "The Dutch brewing giant Heineken has criticised the Belgian government over a tax.",
            ("ACCUSE", "NLDBUS", "BELGOV"),
        ),
    ],
)
def test_a_country_stays_the_state_off_a_firm_noun(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading in readings(coded(text))


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("A UKIP MEP attacked the French government on Monday.", ("ACCUSE", "GBRPTY", "FRAGOV")),
        ("A Labour MEP criticised Germany over its budget plans.", ("ACCUSE", "GBRPTY", "DEU")),
    ],
)
def test_a_party_member_of_an_assembly_is_the_party(
    text: str, reading: tuple[str, str, str]
) -> None:
    got = readings(coded(text))
    assert reading in got
    assert not any("IGO-EP" in r[1] for r in got)


def test_it_after_a_thing_subject_is_not_a_state_further_back() -> None:
    text = (
        "Norway has long resisted new rules on fishing. But a cross-party committee said it "
        "was worried. It blamed the Norwegian fisheries ministry for the delays."
    )
    assert not any(a.text == "It" and a.country for a in parse(text).actors)
    # a state as the subject before still is what "it" means
    text = (
        "Norway has long resisted new rules on fishing. It blamed the Swedish fisheries "
        "ministry for the delays."
    )
    assert ("ACCUSE", "NOR", "SWEGOV") in readings(coded(text))
