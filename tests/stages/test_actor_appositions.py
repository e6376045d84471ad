"""A person the dictionaries lack takes the one country an apposition to the name gives; a
government named after its leader is his country's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.actors.find import find_actors
from geopol.records import Actor


def _person(nlp: Language, text: str, name: str) -> Actor:
    found = [a for a in find_actors(nlp(text)) if a.text == name]
    assert found, [a.text for a in find_actors(nlp(text))]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Adam Rippon, the first openly gay U.S. winter olympian, refused to meet the envoy.",
         "Adam Rippon", "USA"),
        ("Ranil Wickremesinge, the former Prime Minister of Sri Lanka, spoke on Monday.",
         "Ranil Wickremesinge", "LKA"),
        ("Marta Ferreira, a Brazilian lawyer, filed the complaint on Monday.",
         "Marta Ferreira", "BRA"),
        # the name in apposition to the description (issue 15, sixth round)
        ("Kenya's minister met his Ugandan counterpart, Samuel Mugisha, on Monday.",
         "Samuel Mugisha", "UGA"),
    ],
)
def test_a_country_in_an_apposition_is_the_person_s(
    nlp: Language, text: str, name: str, country: str
) -> None:
    assert _person(nlp, text, name).country == country


@pytest.mark.parametrize(
    "text",
    [
        # two countries: which one is the person's is not said
        "Marta Ferreira, a Brazilian and French lawyer, filed the complaint.",
        # no apposition: nothing to go by
        "Marta Ferreira filed the complaint in a Brazilian court on Monday.",
    ],
)
def test_no_country_or_two_countries_give_none(nlp: Language, text: str) -> None:
    assert _person(nlp, text, "Marta Ferreira").country is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Assad regime allowed aid convoys into the city.", "Assad regime"),
        ("Putin's government rejected the proposal.", "Putin's government"),
    ],
)
def test_a_government_named_after_its_leader_is_his_country_s(
    nlp: Language, text: str, name: str
) -> None:
    got = _person(nlp, text, name)
    assert got.country is not None and got.sector == "GOV"


def test_a_leader_s_troops_take_no_country_from_him(nlp: Language) -> None:
    assert _person(nlp, "Putin's troops attacked the town.", "troops").country is None

