"""Places, issue 18 (ninth round): a town's short name without its river ("Frankfurt"), a
division holding most of its country as local evidence ("the Bank of England"), two place
words before a parenthesis ("X sector area (Y district)"), a district's seat as its point.
Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.gazetteer import get
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def _resolved(nlp: Language, text: str, name: str) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.country) for p in places_of(nlp, text) if p.text == name]


def test_a_town_written_without_its_river_is_that_town(nlp: Language) -> None:
    text = "Bankers in Frankfurt welcomed the decision, while markets in Chicago and New York fell."
    assert _resolved(nlp, text, "Frankfurt") == [("Frankfurt am Main", "DEU")]
    text = "Fans in Newcastle cheered the result, and pubs in Leeds stayed open late."
    assert _resolved(nlp, text, "Newcastle") == [("Newcastle upon Tyne", "GBR")]


def test_another_spelling_still_counts_with_its_state_written(nlp: Language) -> None:
    text = "Police in Frankfurt, Kentucky, said the suspect had fled toward Louisville."
    assert _resolved(nlp, text, "Frankfurt") == [("Frankfort", "USA")]


def test_a_division_holding_its_country_backs_no_namesake(nlp: Language) -> None:
    text = ("Washington warned of new tariffs on steel, London said it would respond, and the "
            "Bank of England cut rates.")
    assert _resolved(nlp, text, "Washington") == [("Washington", "USA")]
    # a division of ordinary size still does: a town in a state the article names
    text = "The fire in Paris, Texas, spread to farms near Dallas overnight."
    assert _resolved(nlp, text, "Paris") == [("Paris", "USA")]


def test_two_place_words_before_the_parenthesis_of_a_chain(nlp: Language) -> None:
    text = ("Mortar shells landed near Kalaroos sector area (Kupwara district, J&K) late on "
            "Sunday, officials said.")
    places = places_of(nlp, text)
    kalaroos = next(p for p in places if p.text == "Kalaroos")
    kupwara = next(p for p in places if p.text.startswith("Kupwara"))
    assert kalaroos.gazetteer_id == kupwara.gazetteer_id
    assert "within" in kalaroos.how


def test_a_district_with_no_town_listed_has_its_seat_as_point() -> None:
    gaz = get()
    district = next(e for e in gaz.lookup("Bossaso") if e.fcode == "ADM2")
    town = next(e for e in gaz.lookup("Bosaso") if e.fclass == "P")
    assert (district.lat, district.lon) == (town.lat, town.lon)
    assert town.admin2 == district.admin2


def test_a_town_called_by_its_district_lies_at_the_town(nlp: Language) -> None:
    text = "Gunmen attacked a checkpoint in Bossaso town (Bossaso, Bari) overnight, officials said."
    town = next(e for e in get().lookup("Bosaso") if e.fclass == "P")
    first = next(p for p in places_of(nlp, text) if p.text == "Bossaso")
    assert first.lat is not None and first.lon is not None
    assert abs(first.lat - town.lat) < 0.1 and abs(first.lon - town.lon) < 0.1


def test_a_persons_name_that_starts_with_a_place_is_no_place(nlp: Language) -> None:
    # NER calls the first an organisation, the second a place and a person
    text = ("Paris Hilton arrived at the gala with her sister. Hilton said she was thrilled "
            "to be back in Los Angeles.")
    assert [p.text for p in places_of(nlp, text)] == ["Los Angeles"]
    text = "Georgia May Jagger walked the show in Milan; Ms Jagger later flew to London."
    assert [p.text for p in places_of(nlp, text)] == ["Milan", "London"]


def test_an_organisation_named_after_a_place_and_a_person_keeps_its_place(
    nlp: Language,
) -> None:
    # "Edison" before a noun is no person standing alone
    text = "Ohio Edison said Edison crews would restore power in Akron by Monday."
    assert [p.name for p in places_of(nlp, text) if p.text == "Ohio"] == ["Ohio"]
