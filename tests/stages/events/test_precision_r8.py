"""Precision classes of issue 15, eighth round, on sentences we wrote: a government backing or
meeting itself is no act between parties, a resignation has no target, the speaker of a
reported clause is not a person named inside it, "he" after a person named by a common noun
("the businessman") is not a politician named before, a title's country beats a dictionary
namesake's, and a firm's own name placed only by the article's country gives it no country."""

from __future__ import annotations

import dataclasses

import pytest
from events_passkit import coded, parse, readings

from geopol.actors.context import attach_place_countries
from geopol.records import Place


@pytest.mark.parametrize(
    "text",
    [
        "The Norwegian prime minister has backed his finance minister's spending plan despite "
        "opposition claims.",
        "Kenya's trade minister met his finance minister in Nairobi on Monday.",
        "The Danish prime minister stressed his support for the justice minister.",
    ],
)
def test_a_government_backing_or_meeting_itself_is_no_act(text: str) -> None:
    assert coded(text, without=["home-campaign"]), "the sentence must give an event to drop"
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "Kenya's trade minister met Uganda's finance minister in Nairobi on Monday.",
            ("CONSULT", "KENGOV", "UGAGOV"),
        ),
        (
            "The Norwegian prime minister has backed the Swedish government's spending plan.",
            ("SUPPORT", "NORGOV", "SWEGOV"),
        ),
        (
            "The Norwegian prime minister urged his finance minister to resign.",
            ("REQUEST", "NORGOV", "NORGOV"),
        ),
        (
            "The Nigerian president welcomed the decision of the Kano State Government to build "
            "new schools.",
            ("SUPPORT", "NGAGOV", "NGAGOV"),
        ),
        (
            "Kenya's president did not meet his finance minister on Monday.",
            ("CONSULT", "KENGOV", "KENGOV"),
        ),
    ],
)
def test_a_government_acting_on_others_or_asking_its_own_stays(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading in readings(coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "The Irish foreign minister resigned on Monday to become European commissioner for trade.",
        "The Danish defence minister resigned the post of defence minister on Friday.",
        "The Dutch finance minister quit the government on Tuesday.",
    ],
)
def test_a_resignation_has_no_target(text: str) -> None:
    before = [e for e in coded(text, without=["named-parties"]) if e.type.value == "RETREAT"]
    assert any(e.target for e in before), "the sentence must give a target to take out"
    got = [e for e in coded(text) if e.type.value == "RETREAT"]
    assert got, "the resignation must be coded"
    assert all(not e.target for e in got)


def test_armed_forces_quitting_a_country_keep_it_as_target() -> None:
    assert ("RETREAT", "ESPMIL", "IRQ") in readings(coded("Spanish troops quit Iraq in May."))


def _pronoun(text: str, word: str) -> str | None:
    return next((a.how for a in parse(text).actors if a.text == word), None)


@pytest.mark.parametrize(
    ("text", "word", "speaker"),
    [
        (
            'Opposition leader Anna Berg spoke in Oslo on Monday. "Prime Minister Erik Dahl has '
            'failed Norway," she said, urging voters to punish the government.',
            "she",
            "Anna Berg",
        ),
        (
            "Opposition leader Anna Berg spoke in Oslo. Prime Minister Erik Dahl must explain "
            "the failure, she told reporters.",
            "she",
            "Anna Berg",
        ),
    ],
)
def test_the_speaker_is_not_a_person_named_in_her_own_words(
    text: str, word: str, speaker: str
) -> None:
    assert _pronoun(text, word) == f"coref:{word}->{speaker}"


def test_a_pronoun_after_an_adverbial_clause_is_still_its_subject() -> None:
    text = "Prime Minister Erik Dahl spoke in Oslo. When Mr Dahl arrived in Bergen, he urged Sweden to act."
    assert _pronoun(text, "he") == "coref:he->Dahl"


def test_a_reported_opposition_speaker_accuses_the_government() -> None:
    text = (
        'Tory leader Michael Howard spoke in Leeds on Monday. "Mr Blair has failed on crime," '
        "he said, accusing the government of broken promises."
    )
    assert ("ACCUSE", "GBRPTY", "GBRGOV") in readings(coded(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "Iraq's Trade Minister Mohammed Mustafa welcomed the decision by the World Trade "
            "Organization.",
            "IRQGOV",
        ),
        (
            "Kenya's finance minister Mohammed Mustafa welcomed the decision by the World Trade "
            "Organization.",
            "KENGOV",
        ),
    ],
)
def test_a_titles_country_beats_a_namesakes(text: str, code: str) -> None:
    got = [e for e in coded(text) if e.type.value == "SUPPORT"]
    assert got and {a.code for a in got[0].source} == {code}


def test_a_title_of_the_persons_own_country_keeps_the_dictionary() -> None:
    text = "Russian President Vladimir Putin welcomed the decision by the World Trade Organization."
    assert ("SUPPORT", "RUSGOV", "IGO-WTOIGO") in readings(coded(text))


def test_a_firms_own_name_read_as_a_town_gives_no_country() -> None:
    text = "The chemicals firm Calloway agreed to pay a fine to the American authorities."
    got = parse(text)
    firm = next(a for a in got.actors if a.text == "Calloway")
    assert firm.kind == "org" and firm.country is None
    town = Place(
        text="Calloway", start=firm.start, end=firm.end, country="IDN", how="ner:ORG,article-city"
    )
    unknown = dataclasses.replace(firm, country=None)
    out = attach_place_countries(got.doc, [unknown], [town])
    assert out[0].country is None
    # an agent named by its town ("Calloway" police, council) is still placed by it
    agent = dataclasses.replace(unknown, kind="agent")
    assert attach_place_countries(got.doc, [agent], [town])[0].country == "IDN"
    # a place the gazetteer knows, tagged as an organisation, still places the name
    known = dataclasses.replace(town, how="ner:ORG,actor")
    assert attach_place_countries(got.doc, [unknown], [known])[0].country == "IDN"


def test_a_person_named_by_a_common_noun_is_the_nearer_he() -> None:
    text = (
        "Gordon Brown spoke in Leeds on Monday. The businessman, who owns a chain of hotels, "
        "also spoke about Iraq. And he criticised the Norwegian government's response."
    )
    assert not [a for a in parse(text).actors if a.text == "he"]
    assert not coded(text)


def test_a_pronoun_after_its_own_pronoun_chain_still_links() -> None:
    text = (
        "Gordon Brown spoke in Leeds on Monday. He also spoke about Iraq. And he criticised "
        "the Norwegian government's response."
    )
    assert ("ACCUSE", "GBRELI", "NORGOV") in readings(coded(text))
