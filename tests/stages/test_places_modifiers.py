"""Places, issue 18 (fifth round): names that modify other words ("U.S.-led",
"Turkish-Russian", "the Canadian Press"), a demonym naming a language, "Town, Abbr."
tagged as an organisation, letters Unicode does not decompose ("Aydın"), "X, X" city
states, and a town's state named elsewhere in the article. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.gazetteer import get, normalise
from geopol_testkit import place_named as one
from geopol_testkit import place_texts as _texts
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def test_a_place_before_led_or_based_is_found_but_sets_no_scene(nlp: Language) -> None:
    text = ("A U.S.-led coalition struck a depot on Sunday, a Seattle-based monitor said. "
            "Villagers in Karak province counted the damage.")
    places = places_of(nlp, text)
    us = one(places, "U.S.")
    assert us.country == "USA"
    assert not us.stands_alone  # "embedded": never the event's own place
    assert one(places, "Karak").country == "JOR"


def test_a_stance_is_still_no_place(nlp: Language) -> None:
    text = "Pro-Russia fighters and Iranian-backed militias clashed near Aleppo."
    places = places_of(nlp, text)
    assert one(places, "Aleppo").country == "SYR"
    assert "Russia" not in _texts(places)


def test_both_sides_of_a_hyphenated_demonym(nlp: Language) -> None:
    text = "Talks on Turkish-Russian trade resumed on Tuesday after a pause of two months."
    places = places_of(nlp, text)
    assert one(places, "Turkish").country == "TUR"
    assert one(places, "Russian").country == "RUS"


def test_a_demonym_opening_an_organisations_name(nlp: Language) -> None:
    text = ("The Syrian Observatory for Human Rights counted twelve dead. "
            "The Canadian Press carried the report from Ottawa.")
    places = places_of(nlp, text)
    assert one(places, "Syrian").country == "SYR"
    canadian = one(places, "Canadian")
    assert canadian.country == "CAN"  # the country, not Canadian, Texas
    assert not canadian.stands_alone


def test_an_organisations_demonym_lends_no_country_to_unknown_names(nlp: Language) -> None:
    # "Turkish Military" names the attacker, not where the unknown village lies
    text = ("Turkish Military jets struck Qorvanek area near the border of Northern Iraq "
            "on Monday.")
    places = places_of(nlp, text)
    unknown = [p for p in places if p.name is None]
    assert all(p.country in (None, "IRQ") for p in unknown)


def test_a_demonym_as_a_language_is_no_place(nlp: Language) -> None:
    text = "The man shouted in Turkish at the guards outside the embassy in Berlin."
    places = places_of(nlp, text)
    assert "Turkish" not in _texts(places)
    assert one(places, "Berlin").country == "DEU"


def test_a_town_and_its_abbreviated_province_tagged_as_one_organisation(
    nlp: Language,
) -> None:
    text = "The dog was found during a routine check in Wainwright, Alta., by a farmer."
    places = places_of(nlp, text)
    town = one(places, "Wainwright")
    assert town.country == "CAN"
    assert town.admin1_code == "01"  # Alberta


def test_letters_without_a_decomposition_fold_to_plain_letters() -> None:
    assert normalise("Aydın") == "aydin"
    assert normalise("Łódź") == "lodz"
    assert normalise("Tromsø") == "tromso"
    gaz = get()
    assert any(c.fcode == "ADM1" and c.cc == "TR" for c in gaz.lookup("Aydin"))


def test_the_province_of_a_name_written_in_plain_letters(nlp: Language) -> None:
    text = "Police searched a house in the western province of Aydin on Friday."
    place = one(places_of(nlp, text), "Aydin")
    assert place.country == "TUR"
    assert place.feature_code == "ADM1"


def test_a_city_state_written_twice_is_the_town_then_the_country(nlp: Language) -> None:
    text = ("Users tagged their posts Singapore, Singapore, though they had never been "
            "to Singapore. Casinos in Macau reported gains.")
    places = [p for p in places_of(nlp, text) if p.text == "Singapore"]
    assert [p.feature_code for p in places] == ["PPLC", "PCLI", "PCLI"]
    assert one(places_of(nlp, text), "Macau").country == "MAC"


def test_a_small_town_in_a_state_the_article_names(nlp: Language) -> None:
    text = ("The first harvest feast was held in Plymouth. A good crop led the "
            "Massachusetts governor to call a day of thanks.")
    place = one(places_of(nlp, text), "Plymouth")
    assert place.country == "USA"
    assert place.admin1_code == "MA"


def test_a_capital_is_not_displaced_by_a_small_namesake_in_a_named_state(
    nlp: Language,
) -> None:
    text = ("Church leaders in Washington praised the release of a pastor from North "
            "Carolina on Thursday.")
    place = one(places_of(nlp, text), "Washington")
    assert place.admin1_code == "DC"


def test_an_unknown_village_after_in_is_no_language(nlp: Language) -> None:
    text = "Gunmen opened fire in Qorvanekiya, a village in Idlib province, on Sunday."
    assert "Qorvanekiya" in _texts(places_of(nlp, text))


def test_an_unknown_name_in_a_story_about_one_city_lies_in_that_city(nlp: Language) -> None:
    text = ("A water main broke in Toronto on Monday, flooding Kellberry Avenue. Toronto "
            "crews worked through the night.")
    street = one(places_of(nlp, text), "Kellberry Avenue")
    assert street.name == "Toronto"
    assert "article-city" in street.how.split(",")
    assert street.lat is not None and abs(street.lat - 43.7) < 0.2


def test_no_city_is_lent_when_the_story_tours_several(nlp: Language) -> None:
    text = ("Storms hit Toronto, Ottawa, Montreal and Halifax on Monday, flooding Kellberry "
            "Avenue. Crews in Toronto worked through the night.")
    street = one(places_of(nlp, text), "Kellberry Avenue")
    assert street.name is None
    assert street.country == "CAN"


def test_a_city_named_with_city_is_not_its_province(nlp: Language) -> None:
    text = "Grades were given to Winnipeg, Ottawa, Quebec City and Halifax this week."
    place = one(places_of(nlp, text), "Quebec City")
    assert place.feature_class == "P"
    assert place.country == "CAN"


def test_of_two_cities_as_often_named_the_first_lends_its_point(nlp: Language) -> None:
    text = ("A church in Cairo's Kellbarra district was bombed on Sunday, and police in "
            "Alexandria raised their guard.")
    place = one(places_of(nlp, text), "Kellbarra district")
    assert place.name == "Cairo"


def test_a_name_after_a_citys_possessive_lies_in_that_city(nlp: Language) -> None:
    text = "A bomb hit a church in Cairo's Kellbarra district on Sunday."
    place = one(places_of(nlp, text), "Kellbarra")
    assert place.name == "Cairo"
    assert "within" in place.how.split(",")


def test_a_name_in_a_city_is_no_namesake_far_away(nlp: Language) -> None:
    # "Abbasiya" is also another spelling of a town in Chad: the one meant lies by Cairo
    text = "Gunmen attacked a checkpoint in Cairo's Abbasiya district on Sunday."
    place = one(places_of(nlp, text), "Abbasiya")
    assert place.country == "EGY"
    assert place.name == "Cairo"


def test_a_country_written_in_a_city_stays_the_country(nlp: Language) -> None:
    text = "The ambassador of Russia in Washington met officials on Monday."
    assert one(places_of(nlp, text), "Russia").feature_code == "PCLI"


def test_a_list_of_countries_is_no_chain(nlp: Language) -> None:
    # China is also a town of Nuevo Leon: "China, Mexico" in a list is still two countries
    text = "Russia, China, Mexico and the United States met on Monday."
    place = one(places_of(nlp, text), "China")
    assert (place.country, place.feature_code) == ("CHN", "PCLI")
    text = "Storms hit Atlanta, Georgia, USA on Monday."
    assert one(places_of(nlp, text), "Georgia").country == "USA"


def test_a_currency_lends_no_country_to_unknown_names(nlp: Language) -> None:
    text = ("Protesters angry at the US dollar exchange rate blocked a road near Qorvanekiya "
            "on Monday.")
    places = places_of(nlp, text)
    assert one(places, "US").country == "USA"
    assert one(places, "Qorvanekiya").country != "USA"


def test_a_country_in_capitals_opening_an_organisation(nlp: Language) -> None:
    # issue 18, sixth round: "U.S.", "UK", "US" before a ministry's name are toponyms
    text = ("The U.S. Transportation Department issued new rules, and the UK Home Office "
            "declined to comment.")
    places = places_of(nlp, text)
    us = one(places, "U.S.")
    assert us.country == "USA" and not us.stands_alone
    assert one(places, "UK").country == "GBR"


def test_a_verb_spelled_like_a_currency_is_no_currency(nlp: Language) -> None:
    from geopol.places.modifiers import names_currency

    doc = nlp("South Korea won the vote, and the US dollar fell on Monday.")
    korea = doc.text.index("South Korea")
    us = doc.text.index("US dollar")
    assert not names_currency(doc, korea, korea + len("South Korea"))
    assert names_currency(doc, us, us + len("US"))
