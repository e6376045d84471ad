"""The ``unnamed-armed`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.unnamed import unnamed_armed


def test_insurgents_are_rebels_of_no_country() -> None:
    text = "Insurgents bombarded government-held areas of Syria."
    ctx = before(text, "unnamed-armed", "bombarded")
    unnamed_armed(ctx)
    assert [a.code for a in ctx.current.source] == ["---REB"]
    assert readings(coded(text)) == {("ASSAULT", "---REB", "SYR")}


def test_no_source_at_all_drops_the_trigger() -> None:
    ctx = before("Somebody attacked Ukraine.", "unnamed-armed", "attacked")
    unnamed_armed(ctx)
    assert ctx.current.dropped


@pytest.mark.parametrize(
    "text, country",
    [
        # a doerless attack told by a verb in a short note: an unidentified armed group of the place
        ("On 4 June, two military vehicles surrounded a church in Kaya village (Sanmatenga), "
         "killing a worshipper.", "BFA"),
        ("On 7 June, a police truck struck a landmine between Djibo and Arbinda, injuring four "
         "officers.", "BFA"),
    ],
)  # fmt: skip
def test_a_doerless_attack_in_a_short_note_is_by_an_unidentified_group(
    text: str, country: str
) -> None:
    events = [e for e in coded(text) if e.type.value == "ASSAULT"]
    assert events
    assert {a.code for e in events for a in e.source} == {f"{country}UAF"}
    assert any("note-violence" in a.how for e in events for a in e.source)


@pytest.mark.parametrize(
    "text",
    [
        "The striker fired three shots at goal in the second half.",  # a doer of another kind
        "On 6 June, police accused two men of assaulting a taxi driver in Lagos.",  # inside a clause
        "Rebels said the two nurses were captured after the fall of a town near Gondar.",
        "The war in Yemen has killed thousands of people, the report said.",  # a war, no act
        "The two countries fought a long war over the islands in the 1980s.",
    ],
)
def test_no_unidentified_group_for_an_act_not_told(text: str) -> None:
    assert not any("note-violence" in a.how for e in coded(text) for a in e.source)


def test_a_long_article_names_its_doers() -> None:
    text = " ".join(["Ministers met in Kabul on Monday to discuss the budget."] * 5) + (
        " On 3 June, two military vehicles surrounded a mosque near Herat, killing a worshipper."
    )
    assert not any("note-violence" in a.how for e in coded(text) for a in e.source)
