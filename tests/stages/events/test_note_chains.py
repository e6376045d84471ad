"""Local notes, eighth round (sentences we wrote): roads named for the towns they join place
a road block; a name written as a village but read as a division abroad, or inside a chain
whose holder lies in another country, gives way to the note's own places."""

from __future__ import annotations

import pytest
from events_passkit import coded, parse
from spacy.tokens import Span

from geopol.events.note_chains import _containers
from geopol.events.note_country import _names
from geopol.records import Event, Place, PlacePrecision


def _countries(events: list[Event]) -> set[str | None]:
    return {e.location.country if e.location else None for e in events}


@pytest.mark.parametrize(
    "text, country",
    [
        # a division's name on a road
        ("Taxi drivers blocked a Matn road with their cars on Friday.", "LBN"),
        # a town on a highway, tagged a nationality by NER
        ("Residents blocked the Halba highway with burning tyres overnight.", "LBN"),
        # a road named for the two towns it joins: either town places it
        ("Students blocked the Rashayya-Aita road in protest at the fuel shortage.", "LBN"),
        ("Farmers blocked the Halba-Qoubaiyat road to demand compensation.", "LBN"),
    ],
)
def test_a_road_named_for_its_towns_places_the_block(text: str, country: str) -> None:
    events = coded(text)
    assert events
    assert _countries(events) == {country}
    # the unnamed protesters take the country where they acted
    assert {a.country for e in events for a in e.source} == {country}


def test_a_hyphenated_village_is_not_split_without_a_road() -> None:
    def run(text: str) -> Span:
        doc = parse(text).doc
        start = doc.text.index("Novo")
        span = doc.char_span(start, start + len("Novo-Petrivka"))
        assert span is not None
        return span

    assert _names(run("Shells fell near Novo-Petrivka on Monday.")) == ["Novo - Petrivka"]
    road = run("Farmers blocked the Novo-Petrivka road on Monday.")
    assert _names(road) == ["Novo - Petrivka", "Novo", "Petrivka"]


@pytest.mark.parametrize(
    "text, country",
    [
        # "Banh" alone reads as Baneh, Iran; the chain puts it inside Loroum, Burkina Faso
        ("Soldiers came under fire at a checkpoint outside Banh (Loroum) on Monday, and two "
         "were wounded.", "BFA"),
        ("Gunmen fired on a bus near Banh (Banh, Loroum), injuring five passengers.", "BFA"),
        # a village read as a district of Saint Lucia, south of an Iraqi town
        ("Unknown gunmen fired mortars at Bara Bara village, south of Tooz Khurmato, on "
         "Friday.", "IRQ"),
    ],
)
def test_a_reading_the_text_speaks_against_gives_way(text: str, country: str) -> None:
    events = coded(text)
    assert events
    assert _countries(events) == {country}
    # the unnamed doers move with the place
    assert {a.country for e in events for a in e.source} <= {country, None}


@pytest.mark.parametrize(
    "text, country",
    [
        # the holder has a reading in the place's own country: the place stands
        ("A coalition air raid hit a car near Razih (Razih, Sadah), wounding two women.", "YEM"),
        # no chain, no village word: a reading abroad the text does not contradict stays
        ("Protesters blocked a road in Palma on Sunday.", "ESP"),
    ],
)
def test_readings_the_text_does_not_contradict_stay(text: str, country: str) -> None:
    assert country in _countries(coded(text))


def test_containers_of_a_name_in_a_chain() -> None:
    doc = parse("Gunmen attacked Dori (Seno, Sahel) and a village (Gorom, Oudalan, Sahel).").doc
    dori = Place(text="Dori", start=doc.text.index("Dori"), end=doc.text.index("Dori") + 4)
    assert _containers(doc, dori) == {"seno", "sahel"}
    gorom = doc.text.index("Gorom")
    assert _containers(doc, Place(text="Gorom", start=gorom, end=gorom + 5)) == {
        "oudalan",
        "sahel",
    }


def test_an_event_at_a_whole_country_moves_to_the_place_inside_it_the_note_names() -> None:
    events = coded("Turkish drones hit a PKK vehicle in the Gara (Amadiya) region, Northern Iraq.")
    assert events
    at = events[0].location
    assert at is not None and at.country == "IRQ"
    assert at.precision is not PlacePrecision.COUNTRY
    # a place of another country is no place inside it
    events = coded(
        "Russian jets bombed rebel positions in Syria on Monday, the defence ministry in Moscow said."
    )
    assert _countries(events) == {"SYR"}


def test_a_name_on_a_place_noun_after_in_is_a_place_clue() -> None:
    # the river has no country; "in eastern Ar-Raqqa countryside" tells it
    text = "A farmer was found shot and killed in the Euphrates river, in eastern Ar-Raqqa countryside, on Sunday."
    events = coded(text)
    assert events
    assert _countries(events) == {"SYR"}
