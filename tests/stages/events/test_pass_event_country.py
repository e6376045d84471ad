"""The ``event-country`` pass and the clues of events/note_country.py, on sentences we wrote:
an event's place from the divisions, places and armed groups' theatres of its sentence or
short note."""

from __future__ import annotations

import pytest
from events_passkit import coded, parse

from geopol.events.note_country import Clue, Evidence, indexed_actors, top_country, trusted
from geopol.records import Event


def _places(events: list[Event]) -> set[str | None]:
    return {e.location.country if e.location else None for e in events}


@pytest.mark.parametrize(
    "text",
    [
        # the sentence: Islamic State fights in Mozambique, not in Spain
        "Islamic State militants attacked a village near Palma, killing five civilians.",
        "Suspected Islamic State fighters raided a village near Palma on Sunday.",
        "Islamic State insurgents burned houses near Palma, killing three people.",
    ],
)
def test_a_groups_theatre_picks_the_namesake(text: str) -> None:
    events = coded(text)
    assert events
    assert _places(events) == {"MOZ"}
    # the unnamed victims and the place attacked move with the place
    assert "ESP" not in {a.country for e in events for a in (*e.source, *e.target)}


def test_without_the_pass_palma_is_in_spain() -> None:
    text = "Islamic State militants attacked a village near Palma, killing five civilians."
    assert "ESP" in _places(coded(text, without=["event-country"]))


@pytest.mark.parametrize(
    "text, where",
    [
        # a group's act far from its theatres stays where the text says
        ("Islamic State militants attacked a hotel in Paris, killing five civilians.", "FRA"),
        # a place no clue contradicts stays
        ("Protesters blocked a road in Palma on Sunday.", "ESP"),
        # a country named whole picks no namesake of a city
        ("At a summit in Lisbon, leaders pledged to outstrip the economy of the US.", "PRT"),
        # a state's forces are no armed group with a theatre
        ("Russian forces shelled Kharkiv on Monday, killing two civilians.", "UKR"),
    ],
)
def test_places_with_no_contrary_clue_stay(text: str, where: str) -> None:
    assert where in _places(coded(text))


@pytest.mark.parametrize(
    "text, country",
    [
        # a village the gazetteer lacks, inside its district and province
        ("On 2 May, gunmen killed four herders in Kouroum (Ansongo, Gao).", "MLI"),
        ("On 5 May, about 30 nurses demonstrated in Dakwa (Dukku LGA, Gombe).", "NGA"),
        ("On 2 May, soldiers executed two herders near Tinakoff (Gorom-Gorom, Oudalan).", "BFA"),
        # a village written with its province after "in"
        ("On 30 April, regime forces shelled Kafr Loma in Idleb with artillery.", "SYR"),
        # a district in parentheses that NER took for a person
        ("On 28 April, protesters blocked the main road near Qobayat junction (Akkar).", "LBN"),
    ],
)
def test_an_unplaced_event_takes_the_division_named(text: str, country: str) -> None:
    events = coded(text)
    assert events
    assert country in _places(events)


def test_unnamed_doers_take_the_country_of_the_clues() -> None:
    events = coded("On 2 May, soldiers executed two herders near Tinakoff (Gorom-Gorom, Oudalan).")
    assert any(a.code == "BFAMIL" for e in events for a in e.source)


def test_a_short_note_shares_its_country_across_sentences() -> None:
    text = (
        "On 3 May, gunmen attacked a checkpoint near Kouroum. "
        "The village lies in the Gao region (Ansongo, Gao)."
    )
    assert "MLI" in _places(coded(text))


def test_a_long_article_uses_the_sentence_only() -> None:
    text = " ".join(["Ministers met in Bamako on Monday."] * 5) + (
        " Gunmen attacked a checkpoint near Kouroum."
    )
    got = parse(text)
    ev = Evidence(list(got.doc.sents), got.places, indexed_actors(got.ctx.index))
    assert not ev.short
    last = len(ev.sentences) - 1
    assert "Kouroum" in ev.sentences[last].text
    assert top_country(ev.pool(last)) is None
    assert top_country(ev.pool(last - 1)) == "MLI"


def test_a_tie_between_countries_says_nothing() -> None:
    mali, niger = Clue(frozenset({"MLI"}), 0), Clue(frozenset({"NER"}), 0)
    assert top_country([mali, niger]) is None
    assert top_country([mali, niger, Clue(frozenset({"MLI", "BFA"}), 0)]) == "MLI"
    assert top_country([]) is None


def test_a_list_of_states_is_no_place_of_the_next_sentence() -> None:
    text = "Britain, France and Germany criticised the decision. The army closed the airport."
    got = parse(text)
    ev = Evidence(list(got.doc.sents), got.places, indexed_actors(got.ctx.index))
    assert top_country(ev.pool(len(ev.sentences) - 1)) is None


def test_dates_and_person_names_outside_parentheses_are_no_divisions() -> None:
    got = parse("On 2 May 2020, IS militants attacked a checkpoint.")
    ev = Evidence(list(got.doc.sents), got.places, indexed_actors(got.ctx.index))
    assert all(c.place is None for c in ev.clues(len(ev.sentences) - 1))


@pytest.mark.parametrize(
    "text",
    [
        '"The reality is that the ministers do not want to discuss it," he said.',
        "Of course Frederick is wrong about the war, and As he said, We must wait.",
        "The Countryside Alliance said the Parliament Act was invalid.",
        "The management must show why buying the LSE creates value for shareholders.",
    ],
)
def test_common_words_names_and_parts_of_names_are_no_divisions(text: str) -> None:
    got = parse(text)
    ev = Evidence(list(got.doc.sents), got.places, indexed_actors(got.ctx.index))
    found = [c.place.text for n in range(len(ev.sentences)) for c in ev.clues(n) if c.place]
    assert not [t for t in found if t in ("The", "We", "As", "Frederick", "Act", "Alliance", "LSE")]


@pytest.mark.parametrize(
    "text, country",
    [
        # a small town told as where the act happened: after "in", "near", beside a place noun
        ("On 5 June, Israeli soldiers fired tear gas at a weekly march in Budrus.", "PSE"),
        ("Gunmen attacked a bus in Hulyaipole district on Friday.", "UKR"),
    ],
)
def test_a_small_town_told_as_the_place_of_the_act_places_it(text: str, country: str) -> None:
    events = coded(text)
    assert events
    assert country in _places(events)


def test_a_small_town_is_a_weak_clue() -> None:
    got = parse("On 5 June, Israeli soldiers fired tear gas at a weekly march in Budrus.")
    ev = Evidence(list(got.doc.sents), got.places, indexed_actors(got.ctx.index))
    clues = [c for n in range(len(ev.sentences)) for c in ev.clues(n)]
    found = [c for c in clues if c.place is not None and c.place.text == "Budrus"]
    assert found and all(c.weak for c in found)
    assert "located" in found[0].place.how  # type: ignore[union-attr]


def test_a_weak_clue_gives_way_to_a_sure_one() -> None:
    ukraine, italy = Clue(frozenset({"UKR"})), Clue(frozenset({"ITA"}), weak=True)
    assert trusted([ukraine, italy]) == [ukraine]
    assert top_country([ukraine, italy]) == "UKR"  # not a tie
    assert top_country([italy]) == "ITA"  # alone it still speaks
    assert trusted([italy, Clue(frozenset({"ITA"}))]) == [italy, Clue(frozenset({"ITA"}))]


@pytest.mark.parametrize(
    "text",
    [
        # a town abroad read from part of a longer name gives way to the note's own place
        "On 4 June, rebels fired rockets at the Ras Zawiya front in the countryside of Hama.",
        "On 4 June, militants attacked soldiers on the Ras Tripoli front in the countryside of Hama.",
    ],
)
def test_a_partial_reading_abroad_gives_way_to_the_notes_place(text: str) -> None:
    events = coded(text)
    assert events
    assert _places(events) == {"SYR"}
    assert "LBY" not in _places(coded(text)) and "LBN" not in _places(coded(text))
