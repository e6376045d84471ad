"""Issue 15, tenth round, second part (r10b-plv). An empathetic comment (CAMEO 018) is for
the people of the place its tragedy happened in (events/sympathy.py); a meeting "between A and
B" stands for its parties on the agreement it reaches or fails to reach (events/arguments.py).
All sentences are written by us."""

from __future__ import annotations

import pytest

from geopol.records import Event
from geopol_testkit import coded

PUB = "2020-05-04"


def support(text: str) -> list[Event]:
    return [e for e in coded(text, PUB) if e.type == "SUPPORT" and e.cameo == "018"]


def targets(text: str) -> set[str | None]:
    return {t.country for e in support(text) for t in e.target}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The French president offered condolences over the earthquake in Nepal.", "NPL"),
        ("Chancellor Merkel expressed sympathy for the victims of the floods in Pakistan.", "PAK"),
        ("President Obama expressed sorrow for the deadly shootings in Texas.", "USA"),
        ("The Japanese prime minister voiced sadness about the ferry disaster in South Korea.", "KOR"),
    ],
)
def test_sympathy_goes_to_the_people_of_the_place_of_the_tragedy(text: str, country: str) -> None:
    assert country in targets(text)


def test_the_place_target_is_the_people_not_the_state() -> None:
    evs = support("The French president offered condolences over the earthquake in Nepal.")
    assert [(t.code, t.kind) for e in evs for t in e.target] == [("NPLCVL", "agent")]


def test_a_named_addressee_wins_over_the_place() -> None:
    assert targets("Putin voiced condolences to Japan over the earthquake in Nepal.") == {"JPN"}


def test_no_place_in_what_the_sympathy_is_for_gives_no_target() -> None:
    # a place that is only where the comment was made is no party to it
    assert not support("Obama expressed sympathy for the bombing victims at a meeting in Paris.")
    assert not support("Obama expressed sorrow for the shootings.")


def test_only_empathetic_comments_take_the_place() -> None:
    # praise for a deal made in a place is no comment about its people
    evs = [e for e in coded("Germany praised the agreement reached in Geneva.", PUB) if e.type == "SUPPORT"]
    assert all(t.country != "CHE" for e in evs for t in e.target)


@pytest.mark.parametrize(
    "text",
    [
        "The talks between Greece and Turkey failed to reach an agreement on the islands.",
        "The summit between Japan and South Korea failed to produce an agreement on fishing.",
    ],
)
def test_a_meeting_between_two_parties_stands_for_them_on_an_agreement(text: str) -> None:
    evs = [e for e in coded(text, PUB) if e.evidence.trigger.text.lower() == "agreement"]
    pairs = {(s.country, t.country) for e in evs for s in e.source for t in e.target}
    assert pairs & {("GRC", "TUR"), ("TUR", "GRC"), ("JPN", "KOR"), ("KOR", "JPN")}


def test_a_meeting_subject_gives_no_parties_to_a_condemnation() -> None:
    text = "The talks between Greece and Turkey condemned the attack on the ferry."
    assert not [e for e in coded(text, PUB) if e.type == "ACCUSE" and
                {a.country for a in e.source + e.target} == {"GRC", "TUR"}]
