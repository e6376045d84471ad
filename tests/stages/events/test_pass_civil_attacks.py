"""The ``civil-attacks`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, parse, readings

from geopol.events.crowd_acts import crowd_doer
from geopol.events.passes.civil_attacks import civil_attacks


def test_a_politician_attacking_a_party_is_criticism() -> None:
    text = "The Chancellor attacked the Tories in a speech on Monday."
    ctx = before(text, "civil-attacks", "attacked")
    civil_attacks(ctx)
    assert ctx.current.type.value == "ACCUSE"
    assert ("ASSAULT", "GBRGOV", "GBRPTY") in readings(coded(text, without=["civil-attacks"])) or (
        not any(t == "ASSAULT" for t, _, _ in readings(coded(text)))
    )
    assert not any(t == "ASSAULT" for t, _, _ in readings(coded(text)))


def test_force_in_the_sentence_keeps_the_attack() -> None:
    text = "Gunmen attacked the offices of the Kenyan opposition party and killed two guards."
    ctx = before(text, "civil-attacks", "attacked")
    civil_attacks(ctx)
    assert ctx.current.type.value == "ASSAULT"


def test_withdrawing_a_sum_from_nobody_is_no_act() -> None:
    text = "Libya has withdrawn 1bn dollars in assets, its central bank said."
    ctx = before(text, "civil-attacks", "withdrawn")
    civil_attacks(ctx)
    assert ctx.current.dropped


def test_a_government_rallying_voters_is_no_protest() -> None:
    text = "The British chancellor rallied Labour voters in Leeds."
    assert not any(t == "PROTEST" for t, _, _ in readings(coded(text)))
    assert any(
        t == "PROTEST"
        for t, _, _ in readings(coded("Thousands of Georgian protesters rallied in Tbilisi."))
    )


def test_an_act_naming_no_party_and_no_force_is_none() -> None:
    text = "The European Central Bank left its interest rate unchanged on Thursday."
    assert not coded(text)
    assert readings(coded("Gunmen attacked a checkpoint in Kandahar.")) == {
        ("ASSAULT", "AFGUAF", "AFG")
    }


@pytest.mark.parametrize(
    "text",
    [
        # a capital read as its government is the doer, but a crowd of people protests
        "In Caracas, prisoners of the Rodeo jail protested against the suspension of visits.",
        "In Nairobi, nurses of the city hospital protested against unpaid wages.",
    ],
)
def test_a_crowd_under_a_rulers_name_still_demonstrates(text: str) -> None:
    ctx = before(text, "civil-attacks", "protested")
    civil_attacks(ctx)
    assert not ctx.current.dropped
    assert [a.sector for a in ctx.current.source] == ["CVL"]  # the crowd, not the capital


@pytest.mark.parametrize(
    "text", ["In Caracas, ministers protested against the ruling.", "In Caracas, the president protested."]
)
def test_crowd_doer_needs_a_crowd(text: str) -> None:
    doc = parse(text).doc
    verb = next(t for t in doc if t.text == "protested")
    assert crowd_doer(verb) is None
    doc = parse("In Caracas, prisoners of the Rodeo jail protested on Monday.").doc
    assert crowd_doer(next(t for t in doc if t.text == "protested")) is not None
