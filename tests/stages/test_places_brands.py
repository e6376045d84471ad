"""Places, issue 18 (sixth round): place names inside brands, teams and titles are no
places ("the Washington Post", "the Dallas Cowboys", "Turkish Airlines", "the Duke of
York"); the same names elsewhere stay places. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.brands import after_title, in_brand
from geopol.places.gazetteer import get
from geopol_testkit import place_named as one
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def _texts(places: list[object]) -> list[str]:
    return [p.text for p in places]  # type: ignore[attr-defined]


def test_a_listed_publication_holds_no_place(nlp: Language) -> None:
    text = ("A report in the Washington Post said the talks had stalled, and the New York "
            "Times said the envoy flew to Geneva.")
    places = places_of(nlp, text)
    assert _texts(places) == ["Geneva"]


def test_the_city_outside_the_brand_stays(nlp: Language) -> None:
    text = "Reporters from the Los Angeles Times were stopped at a checkpoint in Los Angeles."
    places = places_of(nlp, text)
    assert _texts(places) == ["Los Angeles"]
    assert one(places, "Los Angeles").country == "USA"


def test_in_brand_needs_the_whole_name_written() -> None:
    text = "Washington said the post was empty; the Washington Post disagreed."
    assert not in_brand(text, 0, 10)
    k = text.index("Washington Post")
    assert in_brand(text, k, k + 10)


def test_a_team_or_firm_named_by_a_plural_after_the_place(nlp: Language) -> None:
    text = ("The Dallas Cowboys beat the Philadelphia Eagles on Thursday, and Turkish Airlines "
            "and British Airways cancelled flights to Istanbul.")
    places = places_of(nlp, text)
    assert _texts(places) == ["Istanbul"]


def test_a_places_own_plural_keeps_it(nlp: Language) -> None:
    text = ("Investors moved money to the Cayman Islands and to Colorado Springs last year, "
            "the Sri Lanka Banks Association said.")
    names = " ".join(_texts(places_of(nlp, text)))
    assert "Cayman" in names and "Colorado" in names and "Sri Lanka" in names


def test_a_title_of_a_town_is_a_persons(nlp: Language) -> None:
    text = "The Duke of York and the Prince of Wales opened a hospital in Cardiff."
    names = _texts(places_of(nlp, text))
    assert "York" not in names and "Wales" not in names
    assert "Cardiff" in names


def test_a_title_of_a_country_keeps_the_country() -> None:
    text = "a letter from the King of Jordan"
    start = text.index("Jordan")
    assert not after_title(get(), text, start, "Jordan")
    assert after_title(get(), "the Duke of York", 12, "York")


def test_a_demonym_before_a_plural_of_people_stays(nlp: Language) -> None:
    text = "Turkish officials said American Protestants had been detained in Izmir."
    names = _texts(places_of(nlp, text))
    assert "American" in names and "Izmir" in names


def test_a_landform_word_alone_gives_no_partial_reading(nlp: Language) -> None:
    text = "She worked for a start-up in Silicon Valley before moving to Austin."
    places = places_of(nlp, text)
    valley = [p for p in places if "Valley" in p.text]
    assert all(p.country != "AIA" for p in valley)  # never The Valley, Anguilla


def test_a_city_that_names_its_province_beats_a_far_namesake(nlp: Language) -> None:
    # Venice, Italy (51,000 people) names the province of Venezia (800,000): in a story
    # that points to North America but to no place near Venice, California, it is Italy's
    text = ("Two Canadian films were shown in Toronto last week. One of them had opened in "
            "Venice in September, and the other in Vancouver.")
    assert one(places_of(nlp, text), "Venice").country == "ITA"
    text = "A Toronto travel agency said bookings to Naples had doubled since the spring."
    assert one(places_of(nlp, text), "Naples").country == "ITA"


def test_the_leading_country_keeps_its_own_town(nlp: Language) -> None:
    text = ("House prices in England rose again, and Halifax said lending in London and "
            "Manchester grew by 3%.")
    assert one(places_of(nlp, text), "Halifax").country == "GBR"


def test_local_evidence_keeps_the_namesake(nlp: Language) -> None:
    text = "The hurricane hit Naples, Florida, and Fort Myers on Tuesday."
    assert one(places_of(nlp, text), "Naples").country == "USA"
    text = ("Residents of Venice, Los Angeles, protested the new parking rules near the beach "
            "in Santa Monica.")
    assert one(places_of(nlp, text), "Venice").country == "USA"


def test_treaties_and_events_named_for_a_place_keep_it(nlp: Language) -> None:
    text = "The Geneva Conventions and the Oslo Accords were cited in the ruling."
    names = " ".join(_texts(places_of(nlp, text)))
    assert "Geneva" in names and "Oslo" in names


def test_a_seas_name_after_a_capital_the_inside_a_sentence_is_a_title(nlp: Language) -> None:
    text = ("A video published by The Atlantic showed the boat. The Atlantic was calm, and "
            "the crew sailed across the Atlantic to Lisbon.")
    places = places_of(nlp, text)
    starts = sorted(p.start for p in places if "Atlantic" in p.text)
    assert text.index("The Atlantic") + 4 not in starts  # the magazine
    assert text.index("the Atlantic") + 4 in starts  # the ocean
