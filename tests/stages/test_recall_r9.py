"""Recall on PLV-style reporting, ninth round (issue 15): argument choice. All sentences are
written by us."""

from __future__ import annotations

from geopol.records import Event
from geopol_testkit import coded

PUB = "2020-05-04"


def events(text: str) -> list[Event]:
    return coded(text, PUB)


def dyads(evs: list[Event], type_: str) -> set[tuple[str, str]]:
    return {(s.code, t.code) for e in evs if e.type == type_ for s in e.source for t in e.target}


def targets(evs: list[Event]) -> set[str]:
    return {t.code for e in evs for t in e.target}


def test_a_thing_handed_over_goes_to_the_one_named_after_to() -> None:
    # a country word on the thing says whose or where from; the "to" phrase is the receiver
    evs = events("Britain delivered American vaccines to Kenya on Tuesday.")
    assert targets(evs) == {"KEN"}
    evs = events("Russia sold Iranian-built drones to Venezuela.")
    assert targets(evs) == {"VEN"}
    evs = events("France returned two stolen Malian statues to the government of Mali on Monday.")
    assert targets(evs) == {"MLIGOV"}


def test_a_thing_handed_back_goes_to_the_one_named_after_back_to() -> None:
    evs = events("The Netherlands handed the looted Ghanaian gold masks back to Ghana.")
    assert targets(evs) == {"GHA"}


def test_a_country_word_on_the_object_stays_the_target_of_other_verbs() -> None:
    # "welcomed" hands nothing over: the proposal is China's, whatever "to" the parse finds
    evs = events("Washington welcomed the Chinese proposal to Taiwan.")
    assert dyads(evs, "SUPPORT") == {("USAGOV", "CHN")}
    # an actor as the object is the one acted on, "to" phrase or not
    evs = events("Japan sent rescue teams to Turkey.")
    assert targets(evs) == {"TUR"}


def test_a_mediation_noun_is_led_by_whom_offers_it_toward_both_parties() -> None:
    evs = events("Norway launched a mediation effort between Colombia and Venezuela.")
    assert dyads(evs, "CONSULT") == {("NOR", "COL"), ("NOR", "VEN")}
    evs = events("Qatar offered mediation between Israel and Hamas.")
    assert dyads(evs, "CONSULT") == {("QAT", "ISR"), ("QAT", "PSEREB")}
    evs = events("The mediation between Ethiopia and Egypt by the African Union has stalled.")
    assert dyads(evs, "CONSULT") == {("IGO-AUIGO", "ETH"), ("IGO-AUIGO", "EGY")}


def test_talks_between_two_parties_are_still_theirs() -> None:
    # only a mediation has a third party: talks hosted by Egypt are Israel's and Hamas's
    evs = events("Egypt hosted talks between Israel and Hamas.")
    assert ("ISR", "PSEREB") in dyads(evs, "CONSULT")
    assert not {d for d in dyads(evs, "CONSULT") if d[0] == "EGY"}


def test_an_attack_noun_is_aimed_by_the_phrase_hung_on_its_light_verb() -> None:
    # the parse hangs "on ..." on "launched"/"carried out"; a quantity noun stands between
    evs = events(
        "A group of Saudi hackers launched cyber attacks on a number of Iranian government"
        " websites in May."
    )
    assert ("SAU", "IRN") in {(s[:3], t[:3]) for s, t in dyads(evs, "COERCE")}
    evs = events("Israel launched air strikes on a number of Syrian military sites.")
    assert dyads(evs, "ASSAULT") == {("ISR", "SYR")}
    evs = events(
        "Turkish jets carried out strikes overnight on a string of Syrian Kurdish villages."
    )
    assert {t for _, t in dyads(evs, "ASSAULT")} == {"SYR"}


def test_a_judged_attack_takes_no_target_from_the_judging_verb() -> None:
    # "condemned" reports another's act: its phrases are not the attack's
    evs = events("Japan condemned the attacks on a number of Chinese shops.")
    assert not {t for _, t in dyads(evs, "ASSAULT")}


def test_joining_another_for_talks_is_a_meeting_with_them() -> None:
    evs = events("The German chancellor joined the French president for talks in Berlin.")
    assert ("DEUGOV", "FRAGOV") in dyads(evs, "CONSULT")
    evs = events("The Kenyan foreign minister accompanied his Ugandan counterpart for a meeting.")
    assert ("KENGOV", "UGA") in {(s, t[:3]) for s, t in dyads(evs, "CONSULT")}


def test_a_meeting_for_which_one_is_thanked_is_no_joining() -> None:
    # only verbs of going along make the object a party to the meeting
    evs = events("The German chancellor thanked the French president for the talks.")
    assert ("DEUGOV", "FRAGOV") not in dyads(evs, "CONSULT")


def test_a_mediation_reaches_the_parties_named_in_its_purpose() -> None:
    # "between" sits on the object of the clause of its purpose, not on the mediation
    evs = events("Kuwait launched a mediation effort to end the dispute between Qatar and Saudi Arabia.")
    assert dyads(evs, "CONSULT") == {("KWT", "QAT"), ("KWT", "SAU")}
    # one party named: still the mediator's target
    evs = events(
        "The Turkish president launched a mediation effort to heal the rift between Azerbaijan"
        " and its neighbours."
    )
    assert dyads(evs, "CONSULT") == {("TURGOV", "AZE")}
