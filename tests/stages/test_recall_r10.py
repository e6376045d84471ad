"""Recall on PLV-style reporting, tenth round (issue 15). All sentences are written by us."""

from __future__ import annotations

import pytest

from geopol.records import Event
from geopol_testkit import coded

PUB = "2020-05-04"


def dyads(text: str, type_: str) -> set[tuple[str, str]]:
    evs: list[Event] = coded(text, PUB)
    return {(s.code, t.code) for e in evs if e.type == type_ for s in e.source for t in e.target}


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # the verb's object between the verb and the phrase's preposition
        ("Kenyan police took three opposition activists into custody on Sunday.", ("KENCOP", "---OPP")),
        ("Turkish police put the editor of the newspaper under arrest.", ("TURCOP", "---JRN")),
        ("Egyptian security forces placed the former minister under house arrest.", ("EGYCOP", "EGYELI")),
        ("Pakistani authorities held the Indian fishermen in custody for a month.", ("PAKGOV", "INDCVL")),
        # the passive and the object after the phrase were found before and still are
        ("Three opposition activists were taken into custody by Kenyan police.", ("KENCOP", "---OPP")),
        ("Kenyan police took into custody three opposition activists.", ("KENCOP", "---OPP")),
    ],
)
def test_a_multi_word_verb_with_its_object_before_the_preposition(
    text: str, dyad: tuple[str, str]
) -> None:
    assert dyad in dyads(text, "COERCE")


def test_a_particle_and_to_phrase_after_the_object_still_hand_over() -> None:
    assert dyads("Iran handed the captured British sailors over to the British embassy.", "COOPERATE")


def test_an_object_before_a_bare_preposition_is_no_phrase() -> None:
    # "call on" (a request) is not "called the ambassador on Monday": the phrase's own words
    # must go on past the preposition for an object to stand before it
    assert not dyads("Russia called the German ambassador on Monday.", "REQUEST")
    # a preposition after the object that is not the phrase's own stays no phrase
    assert not dyads("Israeli troops took the wounded Palestinian into a hospital.", "COERCE")


@pytest.mark.parametrize(
    ("text", "dyad"),
    [
        # asking for sanctions on a party threatens it with them (CAMEO 1312)
        ("Germany demanded tougher sanctions against Russia.", ("DEU", "RUS")),
        ("Canada called for an arms embargo on Myanmar.", ("CAN", "MMR")),
        ("The French foreign minister urged new sanctions on Iran.", ("FRAGOV", "IRN")),
        ("Sweden proposed an oil embargo against Venezuela.", ("SWE", "VEN")),
    ],
)
def test_asking_for_sanctions_against_a_party_is_a_threat(text: str, dyad: tuple[str, str]) -> None:
    assert dyads(text, "THREATEN") == {dyad}
    assert not dyads(text, "REQUEST")


def test_asking_a_party_for_something_else_stays_a_request() -> None:
    assert dyads("France called for talks with Iran.", "REQUEST") == {("FRA", "IRN")}
    assert dyads("The EU urged Russia to lift its sanctions.", "REQUEST") == {("IGO-EUIGO", "RUS")}
    assert not dyads("Japan called on China to lift the embargo.", "THREATEN")


def test_a_prepositional_verb_hung_on_the_root_noun_has_that_noun_as_its_doer() -> None:
    # the parser reads "a report called for" as a participle ("a report (that was) called")
    assert dyads("A U.S. congressional report called for sanctions against China.", "THREATEN") == {
        ("USA", "CHN")
    }
    assert dyads(
        "Ivan Petrov, a former Bulgarian foreign minister, called for sanctions against Serbia.",
        "THREATEN",
    ) == {("BGR", "SRB")}
    # a true participle keeps its noun as the one acted on: no doer, nothing coded
    assert not dyads("Sanctions called for by the Senate report.", "THREATEN")
    # nor a passive whose preposition's object is a word of the phrase ("into custody")
    evs = coded("Three Kenyan activists taken into custody in Nairobi.", PUB)
    assert not [a for e in evs for a in e.source if a.code == "KENCVL"]
