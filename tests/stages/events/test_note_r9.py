"""Local notes, ninth round (sentences we wrote): arrests told in the passive with nobody
named, a main verb parsed as a clause on its subject, unnamed actors taking the country of
the place where their event happened, and a monitoring mission's villages read inside its
area."""

from __future__ import annotations

import pytest
from events_passkit import coded

from geopol.events.mission_areas import areas_named, mission_areas
from geopol.records import Event, PloverType


def _custody(events: list[Event]) -> list[Event]:
    return [
        e
        for e in events
        if e.type is PloverType.COERCE and any("note-custody" in a.how for a in e.source)
    ]


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 4 May 2020, two journalists were detained in Minsk after covering a rally.", "BLR"),
        ("On 5 May 2020, a human rights activist was arrested in Hyderabad (Telangana) for "
         "criticising the lockdown.", "IND"),
        ("On 6 May 2020, 15 people were detained in Lagos for violating the curfew.", "NGA"),
        ("On 2 May 2021, eleven students were arrested in Izmir for taking part in an "
         "unauthorised march.", "TUR"),
    ],
)
def test_a_passive_arrest_is_by_the_police_of_the_place(text: str, country: str) -> None:
    found = _custody(coded(text))
    assert found
    police = found[0].source[0]
    assert (police.sector, police.country) == ("COP", country)
    assert found[0].location is not None and found[0].location.country == country


@pytest.mark.parametrize(
    "text",
    [
        # a time clause tells no arrest of its own
        "The two men were released in Kano after they were arrested on Sunday.",
        # an agent is named: the arguments find the doer
        "On 4 May 2020, nine fishermen were arrested by the coast guard near Jaffna.",
    ],
)
def test_no_police_are_assumed_where_the_text_says_otherwise(text: str) -> None:
    assert not _custody(coded(text))


def test_a_long_article_assumes_no_police() -> None:
    text = (
        "The government announced new rules for street trading on Monday. "
        "Ministers said the rules would take effect next month. "
        "Traders' groups said they had not been consulted. "
        "The opposition called the rules rushed. "
        "Officials in Abuja said fines would be modest. "
        "Separately, four people were arrested in Lagos."
    )
    assert not _custody(coded(text))


@pytest.mark.parametrize(
    "text, country",
    [
        # ROOT "device", acl "detonated": the verb is still the sentence's own act
        ("On 6 May 2020, an explosive device detonated near a police patrol in Kunduz city, "
         "killing two officers.", "AFG"),
        ("On 4 May 2021, a magnetic bomb attached to a car detonated in Kabul, killing the "
         "driver.", "AFG"),
    ],
)
def test_a_main_verb_parsed_as_a_clause_on_its_subject_is_an_act(text: str, country: str) -> None:
    events = [e for e in coded(text) if e.type is PloverType.ASSAULT]
    assert events
    assert {e.location.country for e in events if e.location} == {country}
    assert {a.country for e in events for a in e.source} == {country}


def test_unnamed_actors_take_the_country_of_the_events_place() -> None:
    text = (
        "About 30 residents protested in Pinsk on Tuesday, demanding the release of a local "
        "journalist. The journalist was detained on Monday for covering an unauthorised rally."
    )
    found = _custody(coded(text))
    assert found
    e = found[0]
    assert e.location is not None and e.location.country == "BLR"
    assert {a.country for a in (*e.source, *e.target)} == {"BLR"}


def test_the_mission_areas_resolve_to_divisions() -> None:
    areas = mission_areas()
    assert areas["OSCE SMM"] and all(cc == "UA" for cc, _ in areas["OSCE SMM"])
    assert areas_named("the OSCE SMM observed 4 explosions") == areas["OSCE SMM"]
    assert not areas_named("the observers saw 4 explosions")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2020, the OSCE SMM observed 16 explosions near Vesele.",
        "On 9 May 2021, the SMM observed 7 explosions near Serhiivka.",
    ],
)
def test_a_missions_village_lies_in_its_area(text: str) -> None:
    events = coded(text)
    assert events
    areas = mission_areas()["OSCE SMM"]
    for e in events:
        assert e.location is not None
        assert (e.location.country_code, e.location.admin1_code) in areas


def test_a_village_named_without_a_mission_keeps_its_reading() -> None:
    events = coded("On 5 May 2020, shells hit a house in Vesele (Zaporizhzhia oblast).")
    assert events
    assert all("mission-area" not in (e.location.how if e.location else "") for e in events)


@pytest.mark.parametrize(
    "text, country",
    [
        # "Gorgan" (NER: a person) reads as Gorgan, Iran; no actor or other place is
        # Iranian, and the chain after "near" is in another country
        ("On 6 May 2020, Armenian forces positioned at Gorgan fired at Azerbaijani positions "
         "near Alkhanli, Fizuli.", "AZE"),
        ("On 6 May 2021, militiamen positioned at Gorgan fired on army posts near Kalehe, "
         "Sud-Kivu.", "COD"),
    ],
)
def test_a_town_abroad_nothing_supports_gives_way_to_the_notes_chain(
    text: str, country: str
) -> None:
    events = coded(text)
    assert events
    assert {e.location.country for e in events if e.location} == {country}


def test_a_town_abroad_kept_when_an_actor_is_of_its_country() -> None:
    events = coded("On 6 May 2020, Iranian forces at Gorgan fired at smugglers near Alkhanli, Fizuli.")
    assert events
    assert "IRN" in {e.location.country for e in events if e.location}


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 7 May 2020, dozens of shops were looted in Ouagadougou after a power cut.", "BFA"),
        ("On 7 May 2020, several houses were ransacked in Kalehe (Sud-Kivu).", "COD"),
        ("On 8 May 2020, the office of the ruling party was vandalised in Conakry.", "GIN"),
    ],
)
def test_passive_looting_is_by_an_unidentified_group_of_the_place(text: str, country: str) -> None:
    events = [e for e in coded(text) if any("note-property" in a.how for a in e.source)]
    assert events
    assert {(a.sector, a.country) for e in events for a in e.source} == {("UAF", country)}


@pytest.mark.parametrize(
    "text",
    [
        # the raid owns the looting told after it
        "On 8 May 2020, gunmen raided Kwatas village (Bokkos, Plateau). Several shops were looted.",
        # an agent is named
        "On 8 May 2020, the shops were looted by soldiers in Bangassou.",
    ],
)
def test_no_unidentified_looters_where_the_text_names_or_owns_them(text: str) -> None:
    assert not [e for e in coded(text) if any("note-property" in a.how for a in e.source)]


def test_a_weapon_named_by_its_modifier_is_no_named_doer() -> None:
    # "mortar rounds": the head "rounds" is no weapon word, its modifier is
    events = coded(
        "On 7 May 2021, mortar rounds fired from an unknown location hit a market in Mogadishu."
    )
    found = [e for e in events if any("note-violence" in a.how for a in e.source)]
    assert found
    assert {(a.sector, a.country) for e in found for a in e.source} == {("UAF", "SOM")}
