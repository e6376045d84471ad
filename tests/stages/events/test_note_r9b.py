"""Local notes, ninth round, second part (sentences we wrote): force and detention worded
as local reporting words them, from the kin of PETRARCH-2's CAMEO 18x/19x/173 verb sets
(recall_triggers.yaml): a grenade thrown or explosives used, a killing "to death", a brawl,
a drive-by shooting, people "taken into custody"."""

from __future__ import annotations

import pytest
from events_passkit import coded

from geopol.records import Event, PloverType


def _of(events: list[Event], type_: PloverType) -> list[Event]:
    return [e for e in events if e.type is type_]


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 12 May 2020, police threw a stun grenade at protesters in Tbilisi.", "GEO"),
        ("On 12 May 2020, unknown men hurled a hand grenade into a shop in Gulu, injuring two.",
         "UGA"),
        ("On 15 May 2021, robbers used explosives to open a cash machine in Recife.", "BRA"),
        ("On 2 June 2021, militants lobbed grenades at a police post in Peshawar.", "PAK"),
    ],
)
def test_a_grenade_thrown_or_explosives_used_is_an_assault(text: str, country: str) -> None:
    found = _of(coded(text), PloverType.ASSAULT)
    assert found
    assert found[0].location is not None and found[0].location.country == country


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 7 June 2019, a man was beaten to death in Rangpur (Bangladesh) over suspected "
         "theft.", "BGD"),
        ("On 7 June 2019, villagers stoned to death a suspected thief near Kampala.", "UGA"),
        ("On 8 July 2020, gunmen in a car carried out a drive-by shooting in Cali, wounding two "
         "passers-by.", "COL"),
    ],
)
def test_killings_to_death_and_drive_by_shootings_are_assaults(text: str, country: str) -> None:
    found = _of(coded(text), PloverType.ASSAULT)
    assert found
    assert found[0].location is not None and found[0].location.country == country


def test_a_brawl_between_two_sides_is_fighting_each_other() -> None:
    events = _of(
        coded("On 3 March 2020, a brawl broke out between police and traders in Kisumu, "
              "injuring four."),
        PloverType.ASSAULT,
    )
    assert {e.source[0].sector for e in events} >= {"COP"}
    assert all(e.location is not None and e.location.country == "KEN" for e in events)


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 9 June 2019, three activists were taken into custody by police in Almaty.", "KAZ"),
        # no agent: the police of the place (unnamed-armed's note custody)
        ("On 10 June 2019, two bloggers were placed under arrest in Hanoi.", "VNM"),
        ("On 11 June 2019, six students were taken into custody in Yerevan.", "ARM"),
    ],
)
def test_taken_into_custody_is_an_arrest(text: str, country: str) -> None:
    found = _of(coded(text), PloverType.COERCE)
    assert found
    assert found[0].location is not None and found[0].location.country == country


def test_taken_elsewhere_is_no_custody() -> None:
    assert not _of(coded("On 10 June 2019, two bloggers were taken to hospital in Hanoi."),
                   PloverType.COERCE)


@pytest.mark.parametrize(
    "text",
    [
        # a brawl of words, a grenade as a thing shown, explosives as a trade
        "The debate in parliament turned into a war of words.",
        "The museum displayed a hand grenade from the First World War.",
        "The mining company said it used explosives safely for decades.",
    ],
)
def test_no_force_is_read_where_none_is_told(text: str) -> None:
    assert not _of(coded(text), PloverType.ASSAULT)


@pytest.mark.parametrize(
    "text, type_, country",
    [
        ("On 4 May 2020, the Kaduna State government extended the curfew in Zaria by two weeks.",
         PloverType.COERCE, "NGA"),
        ("On 4 May 2020, authorities in Quetta imposed a curfew after clashes.",
         PloverType.COERCE, "PAK"),
        ("The Indian government extended the lockdown in Delhi by a week.",
         PloverType.COERCE, "IND"),
        ("The Peruvian government lifted the lockdown in Lima on Monday.",
         PloverType.RETREAT, "PER"),
        ("Kenyan teachers called off their strike after talks with the ministry.",
         PloverType.RETREAT, "KEN"),
    ],
)
def test_a_measure_imposed_or_ended_is_an_act_with_no_party_named(
    text: str, type_: PloverType, country: str
) -> None:
    found = _of(coded(text), type_)
    assert found
    assert found[0].source[0].country == country


@pytest.mark.parametrize(
    "text",
    [
        "The Bank of England lifted its interest rate on Thursday.",
        "Shops reopened in Delhi after the lockdown.",
        "The lockdown hurt small firms in Manchester.",
    ],
)
def test_no_measure_act_without_a_measure_or_a_doer(text: str) -> None:
    events = coded(text)
    assert not _of(events, PloverType.COERCE) and not _of(events, PloverType.RETREAT)


@pytest.mark.parametrize(
    "text, country",
    [
        ("On 5 May 2020, Anti-Balaka attacked a village near Bambari, killing three civilians.",
         "CAF"),
    ],
)
def test_a_group_no_dictionary_knows_is_an_unidentified_group_of_the_place(
    text: str, country: str
) -> None:
    found = [e for e in _of(coded(text), PloverType.ASSAULT)
             if any("note-violence" in a.how for a in e.source)]
    assert found
    assert (found[0].source[0].sector, found[0].source[0].country) == ("UAF", country)


def test_a_persons_name_is_no_unknown_group() -> None:
    events = coded("On 5 May 2020, Ahmed Ali killed his neighbour near Kano.")
    assert not [e for e in events if any("note-violence" in a.how for a in e.source)]


def test_a_plan_to_end_a_measure_is_no_act() -> None:
    events = coded("The Japanese minister said the British plan to remove the embargo was a worry.")
    assert not _of(events, PloverType.RETREAT)
