"""Local notes, tenth round (sentences we wrote): fights told by their onset ("a fight broke
out"), armed groups named with a capitalised armed noun ("Zamfara Vigilantes") or a
community's armed men ("Garre clansmen"), killings by a mob, and unnamed armed doers placed
by a short note's clues (events/onsets.py, events/armed_names.py, passes/riots.py,
passes/place_target.py; data/events/local_notes.yaml)."""

from __future__ import annotations

import pytest
from events_passkit import coded

from geopol.events.datafile import SCHEMAS, builtin_text, check
from geopol.records import Event, PloverType


def _of(events: list[Event], type_: PloverType) -> list[Event]:
    return [e for e in events if e.type is type_]


def _country(event: Event) -> str | None:
    return event.location.country if event.location is not None else None


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 11 March 2021, a fight broke out at the central market in Kisumu, injuring three "
         "traders.", "KEN"),
        ("On 2 April 2021, an altercation took place between youths and police in Kumasi.",
         "GHA"),
        ("On 19 May 2021, confrontations erupted near the bus station in Mombasa.", "KEN"),
    ],
)
def test_a_fight_that_breaks_out_is_fighting_at_its_place(text: str, country: str) -> None:
    found = _of(coded(text), PloverType.ASSAULT)
    assert found
    assert _country(found[0]) == country
    assert found[0].source[0].country == country


@pytest.mark.parametrize(
    "text",
    [
        "On 6 June 2021, the fight against the virus continued in Lagos.",
        # a long article: no unnamed doer is assumed, and a confrontation in words is no attack
        "The minister said the fight against corruption would go on. A confrontation with the "
        "unions erupted in parliament over the budget. Talks resumed on Monday. The unions "
        "want higher pay. The government says it has no money. Both sides met again on Friday.",
    ],
)
def test_a_fight_in_words_or_in_a_long_article_is_no_attack(text: str) -> None:
    assert not _of(coded(text), PloverType.ASSAULT)


@pytest.mark.parametrize(
    "text, country, sector",
    [
        ("On 4 June 2021, Zamfara Vigilantes killed two herders in Gusau.", "NGA", "PRM"),
        ("On 8 July 2021, Garre clansmen attacked a village near Mandera, killing four.", "KEN",
         "UAF"),
        ("On 9 August 2021, Dhu Mohammed tribesmen killed a farmer in Amran.", "YEM", "UAF"),
    ],
)
def test_a_group_named_by_its_armed_noun_takes_the_country_where_it_acted(
    text: str, country: str, sector: str
) -> None:
    found = _of(coded(text), PloverType.ASSAULT)
    assert found
    assert (found[0].source[0].country, found[0].source[0].sector) == (country, sector)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 June 2021, a man was beaten to death by a mob in Kano over alleged theft.",
        "On 14 June 2021, a mob lynched a suspected thief in Jos.",
    ],
)
def test_a_killing_by_a_mob_is_an_attack_not_a_riot(text: str) -> None:
    events = coded(text)
    assert _of(events, PloverType.ASSAULT)
    assert not _of(events, PloverType.PROTEST)


def test_property_wrecked_by_a_mob_stays_a_riot() -> None:
    events = coded("On 5 June 2021, a mob set fire to a police station in Kano.")
    assert [e.type for e in events] == [PloverType.PROTEST]


def test_unnamed_armed_men_take_the_country_the_note_points_to() -> None:
    found = _of(
        coded("On 3 July 2021, in Santa Cruz do Capibaribe, Pernambuco, armed men blew up a "
              "cash machine with explosives."),
        PloverType.ASSAULT,
    )
    assert found
    assert found[0].source[0].country == "BRA"
    assert found[0].source[0].sector == "UAF"


def test_the_local_notes_file_follows_its_schema() -> None:
    data = check(builtin_text("local_notes.yaml"), "local_notes.yaml", SCHEMAS["local_notes.yaml"])
    assert "fight" in data["fights"] and "break out" in data["onsets"]


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 9 May 2021, Ethiopian authorities lifted the state of emergency in Addis Ababa.",
         "ETH"),
        ("On 9 May 2021, the Kenyan government ended the state of emergency in Lamu.", "KEN"),
    ],
)
def test_a_state_of_emergency_lifted_is_its_end(text: str, country: str) -> None:
    events = coded(text)
    assert [e.type for e in events] == [PloverType.RETREAT]
    assert events[0].source[0].country == country


def test_a_state_of_emergency_declared_is_a_measure_imposed() -> None:
    events = coded("On 9 May 2021, the Peruvian government declared a state of emergency in Cusco.")
    assert [e.type for e in events] == [PloverType.COERCE]
    assert events[0].source[0].country == "PER"


def test_a_plan_to_lift_a_state_of_emergency_is_no_act() -> None:
    assert not coded("The president wants to lift the state of emergency soon.")


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 1 May 2021, about twenty workers gathered outside the town hall in Iloilo, "
         "holding up placards calling for higher wages.", "PHL"),
        ("On 1 May 2021, nurses gathered in front of the hospital in Cebu carrying banners.",
         "PHL"),
    ],
)
def test_a_gathering_with_placards_is_a_protest(text: str, country: str) -> None:
    found = _of(coded(text), PloverType.PROTEST)
    assert found
    assert found[0].source[0].country == country


@pytest.mark.parametrize(
    "text",
    [
        "On 1 May 2021, fans gathered outside the stadium in Cebu carrying flags.",
        "Ministers gathered in Brussels holding their papers.",
    ],
)
def test_a_gathering_without_signs_of_protest_is_none(text: str) -> None:
    assert not _of(coded(text), PloverType.PROTEST)


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 6 May 2021, in Iguala, Guerrero, nurses padlocked the director's office to report "
         "abuses and to demand masks.", "MEX"),
        ("On 6 May 2021, teachers chained the gates of the education office in Ica to demand "
         "unpaid salaries.", "PER"),
    ],
)
def test_a_crowd_that_padlocks_or_chains_a_building_to_demand_protests(
    text: str, country: str
) -> None:
    found = _of(coded(text), PloverType.PROTEST)
    assert found
    assert _country(found[0]) == country


@pytest.mark.parametrize(
    "text",
    [
        "On 6 May 2021, the police locked the suspects in a cell in Ica.",
        "The shop owner locked the door and went home.",
    ],
)
def test_locking_with_no_crowd_and_no_demand_is_no_protest(text: str) -> None:
    assert not _of(coded(text), PloverType.PROTEST)
