"""Places, issue 18 (fourth round): names the article shows are no places (people, seats
of power, feasts, a direction before a name), "X in Y", countries
written aside from the scene ("US forces", "from Afghanistan"), and a direction with a
country ("Northern Iraq") as evidence for the other names. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol_testkit import place_named as one
from geopol_testkit import place_texts as _texts
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def test_a_surname_of_the_article_is_no_place(nlp: Language) -> None:
    text = ("Police charged a neighbour after Teodora Quillfeather was found hurt on Friday. "
            "Quillfeather is recovering in hospital in Toronto.")
    places = places_of(nlp, text)
    assert "Quillfeather" not in _texts(places)
    assert one(places, "Toronto").country == "CAN"


def test_a_surname_after_a_locative_preposition_stays_a_place(nlp: Language) -> None:
    # the town shares its name with the person, but "in Bradford" puts it on the map
    text = ("Councillor Amy Bradford opened the new library on Monday. "
            "Flooding closed two roads in Bradford, West Yorkshire, the next day.")
    places = places_of(nlp, text)
    assert one(places, "Bradford").country == "GBR"


def test_a_name_joined_to_a_person_is_no_place(nlp: Language) -> None:
    text = ("Witnesses said Marsk and Oliver Pennington threatened the group outside a pub "
            "in Leeds before they fled.")
    places = places_of(nlp, text)
    assert "Marsk" not in _texts(places)
    assert one(places, "Leeds").country == "GBR"


def test_a_country_or_big_town_keeps_its_name_beside_a_person(nlp: Language) -> None:
    # "Jordan" names a person too, but a country's name is never dropped
    text = ("The singer Grace Jordan toured Europe this summer. The government of Jordan "
            "has hosted refugees for decades.")
    places = places_of(nlp, text)
    assert one(places, "Jordan").country == "JOR"


def test_a_country_that_modifies_a_noun_does_not_set_the_scene(nlp: Language) -> None:
    # "US" is whose forces they are: Tarinkot (10,000 people) is not dropped as a stray
    # town abroad in a story about the United States
    places = places_of(
        nlp, "On 28 April, an airstrike by US military forces killed six militants in "
        "Tarinkot district.")
    assert one(places, "Tarinkot").country == "AFG"


def test_a_country_of_origin_does_not_set_the_scene(nlp: Language) -> None:
    places = places_of(
        nlp, "On 4 May, residents rallied outside a hotel in Kilkis to block 280 migrants "
        "(mostly from Afghanistan).")
    assert one(places, "Kilkis").country == "GRC"


def test_a_country_named_as_the_place_still_sets_the_scene(nlp: Language) -> None:
    # negative: where the country is the place, a small town abroad is still no guess
    places = places_of(
        nlp, "Turkish jets struck targets near Gare in the mountains of Northern Iraq.")
    gare = one(places, "Gare")
    assert gare.name is None and gare.country != "FRA"


def test_a_direction_and_a_country_is_that_country(nlp: Language) -> None:
    places = places_of(nlp, "Fighting spread across Northern Iraq and eastern Syria.")
    north = one(places, "Northern Iraq")
    assert north.country == "IRQ" and "part" in north.how


def test_a_seat_of_power_named_for_its_institution_is_no_place(nlp: Language) -> None:
    text = ("The White House condemned the raid, and a White House adviser briefed "
            "reporters at the White House on Monday.")
    places = places_of(nlp, text)
    houses = [p for p in places if p.text == "White House"]
    # only the building the reporters stood in
    assert len(houses) == 1 and houses[0].start == text.rindex("White House")
    assert houses[0].country == "USA"


def test_a_feast_is_no_place(nlp: Language) -> None:
    places = places_of(nlp, "Ten people died on the roads of Queensland over Easter.")
    assert "Easter" not in _texts(places)
    assert one(places, "Queensland").country == "AUS"


def test_a_direction_before_a_region_is_no_region_abroad(nlp: Language) -> None:
    # "Far North" is also a region of Cameroon; here it modifies Queensland
    places = places_of(nlp, "Youth crime has risen in Far North Queensland, police say.")
    assert all(p.country != "CMR" for p in places)
    assert any(p.country == "AUS" for p in places)


def test_an_unknown_name_of_an_organisation_is_no_place(nlp: Language) -> None:
    text = ("The Highway Patrol reported that the driver lost control on Blackwater Lane "
            "near Sedalia, Missouri.")
    places = places_of(nlp, text)
    assert "Highway Patrol" not in _texts(places)
    assert one(places, "Sedalia").country == "USA"


def test_an_unknown_facility_needs_a_facility_word_or_a_preposition(nlp: Language) -> None:
    # NER tags both as facilities: the embassy and the street are places, "the Golden
    # Globe-" is no place
    kept = _texts(places_of(nlp, "Protesters gathered outside the Kenyan Embassy on "
                                 "Harwick Street."))
    assert {"Kenyan Embassy", "Harwick Street"} <= kept
    dropped = places_of(nlp, "Critics praised the Golden Globe-nominated drama from Chile.")
    assert all("Globe" not in p.text for p in dropped)
    assert one(dropped, "Chile").country == "CHL"


def test_an_unknown_name_in_a_known_one_is_placed_there(nlp: Language) -> None:
    # "X in Y": a village the gazetteer lacks is placed within Y
    places = places_of(nlp, "Officials asked for more guards at the Kenyan Embassy in Moscow.")
    embassy = one(places, "Kenyan Embassy")
    assert embassy.country == "RUS" and "within" in embassy.how


def test_a_name_placed_within_another_is_no_evidence_of_its_own(nlp: Language) -> None:
    # negative: the unknown road placed "in Paris" must not vote for the Paris of a first
    # guess; the article's other names keep Paris, Ontario
    places = places_of(
        nlp, "Brant County police closed Ridgeback Road in Paris after a crash near "
        "Brantford.")
    assert one(places, "Paris").country == "CAN"


def test_a_news_agency_alone_is_no_place(nlp: Language) -> None:
    places = places_of(nlp, "Xinhua reported that a bus caught fire in Shanghai.")
    assert [p.text for p in places] == ["Shanghai"]
    # a newspaper's place stays a place (the geoparsing corpora count it)
    places = places_of(nlp, "The Winnipeg Free Press said the premier was in Costa Rica.")
    assert [p.text for p in places] == ["Winnipeg", "Costa Rica"]


def test_an_unknown_name_with_no_cue_of_a_place_is_dropped(nlp: Language) -> None:
    # issue 18, sixth round: NER calls them places, the gazetteer knows none, and nothing
    # before them shows a place (a title, a person, a firm)
    text = ("Staff employed by Swissport will walk out on Friday at airports across Britain. "
            "The trick caught on with internet stars like King Bach, who posted from Toronto.")
    names = {p.text for p in places_of(nlp, text)}
    assert "Swissport" not in names and "King Bach" not in names
    assert {"Britain", "Toronto"} <= names


def test_an_unknown_name_after_a_preposition_of_place_stays(nlp: Language) -> None:
    text = "Gunmen opened fire in Qatraneh, a town in the Karak district, on Monday."
    assert "Qatraneh" in {p.text for p in places_of(nlp, text)}
