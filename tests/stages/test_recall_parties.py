"""Recall of PLV-style verbal and legal events (issue 15, fourth round): persons and firms as
parties when a state's organ acts on them, the issuer of a text as the doer of what it says,
demands whose bare verb the tagger misreads, two offices of one state, and the place an
agreement or aid is for. All sentences are written by us; each class has negatives."""

from __future__ import annotations

import pytest

from geopol.records import Event
from geopol_testkit import coded

PUB = "2020-05-04"


def events(text: str) -> list[Event]:
    return coded(text, PUB)


def show(evs: list[Event]) -> list[tuple[str, list[str], list[str]]]:
    return [(e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in evs]


def find(evs: list[Event], type_: str, src: str, tgt_text: str) -> Event | None:
    """The event of this type from a source of country ``src`` whose target's text
    contains ``tgt_text``."""
    for e in evs:
        if (
            e.type == type_
            and any(a.country == src for a in e.source)
            and any(tgt_text in a.text for a in e.target)
        ):
            return e
    return None


PARTIES = [
    ("A German court convicted Siemens of bribery.", "SANCTION", "DEU", "Siemens"),
    ("Prosecutors in Berlin opened an investigation into Volkswagen.", "ACCUSE", "DEU",
     "Volkswagen"),
    ("Brazilian prosecutors charged Odebrecht with bribery.", "ACCUSE", "BRA", "Odebrecht"),
    # a name the actor layer did not read: the parse's object of the trigger
    ("A court in Lyon found Barbarin guilty of fraud.", "ACCUSE", "FRA", "Barbarin"),
    ("The Kenyan police opened an inquiry into Mwangi after the protest.", "ACCUSE", "KEN",
     "Mwangi"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), PARTIES)
def test_a_state_organ_acting_on_a_person_or_firm(text: str, type_: str, src: str, tgt: str) -> None:
    evs = events(text)
    e = find(evs, type_, src, tgt)
    assert e is not None, show(evs)
    assert all(a.country is None for a in e.target)  # coded with no country (---)


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders sued Volkswagen over the emissions scandal.",  # not a state's organ
        "Microsoft criticised Google over its search deal.",
        "A court in Lyon found the dog guilty of fraud.",  # no name: no party
        "The Spanish government urged Repsol to cut its prices.",  # a demand: not a legal act
    ],
)
def test_no_party_event_without_a_state_organ_and_a_legal_act(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if any(a.country is None for a in e.target)], show(evs)


def test_the_issuer_of_a_text_is_the_doer_of_what_it_says() -> None:
    evs = events("Kenya's parliament passed a resolution criticizing President Uhuru Kenyatta.")
    assert find(evs, "ACCUSE", "KEN", "Kenyatta"), show(evs)
    evs = events("Chile and Peru released a joint statement condemning the Bolivian government.")
    assert find(evs, "ACCUSE", "CHL", "Bolivian"), show(evs)


def test_who_rejects_a_text_is_not_its_issuer() -> None:
    evs = events("The senators rejected a resolution condemning Turkey.")
    assert not [e for e in evs if e.type == "ACCUSE"], show(evs)


def test_a_demand_whose_bare_verb_is_read_as_a_noun() -> None:
    evs = events("Armenia's opposition leaders demanded that Prime Minister Nikol Pashinian resign.")
    assert find(evs, "REQUEST", "ARM", "Pashinian"), show(evs)


def test_two_offices_of_one_state_are_two_parties() -> None:
    evs = events("Iceland's president refused a request from the prime minister to dissolve parliament.")
    assert find(evs, "REJECT", "ISL", "prime minister"), show(evs)


@pytest.mark.parametrize(
    "text",
    [
        "Since leaving Downing Street, he has toured the country with his show.",
        "Iraq asked the coalition to leave the country.",
    ],
)
def test_the_country_linked_back_to_its_state_is_that_state(text: str) -> None:
    evs = events(text)
    assert not [
        e
        for e in evs
        if {a.country for a in e.source} & {a.country for a in e.target} - {None}
    ], show(evs)


COMPLEMENTS = [
    ("Vladimir Putin has agreed to a ceasefire in eastern Ukraine.", "AGREE", "RUS", "UKR"),
    ("NATO allies have agreed to extend their peacekeeping mission in Kosovo.", "AGREE",
     "IGO-NATO", "XKX"),
    ("The US government had provided $340 million for assistance in northern Iraq.", "AID",
     "USA", "IRQ"),
    ("About 50,000 Sudanese refugees have sought refuge in Chad.", "REQUEST", "SDN", "TCD"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), COMPLEMENTS)
def test_the_place_an_agreement_or_aid_is_for(text: str, type_: str, src: str, tgt: str) -> None:
    evs = events(text)
    assert any(
        e.type == type_
        and any(a.country == src for a in e.source)
        and any(a.country == tgt for a in e.target)
        for e in evs
    ), show(evs)


@pytest.mark.parametrize(
    "text",
    [
        "Japan agreed to build a new airport in Tokyo.",  # the source's own country
        "BP agreed to invest $1bn in Russia.",  # a firm: no state's agreement
        "The two ministers agreed at their meeting in London to cut tariffs.",  # a venue
        "The French president called for a vote in parliament.",  # no place of a state
    ],
)
def test_no_complement_place_target(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e.type in ("AGREE", "AID", "REQUEST") and e.target], show(evs)
