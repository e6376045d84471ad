"""Parse-robust doers (issue 15, sixth round): a clause after an opening frame of time and
place re-parsed alone (events/reframe.py), the people right before an act the parse left with
no subject (events/left_doer.py), and beatings of any persons ("@people" objects). Every
sentence here is written by us; each positive has a negative that must stay silent."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.events.reframe import _segments, frame_end
from geopol.nlp import load
from geopol.records import Event
from geopol_testkit import coded

PUB = "2021-06-04"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def events(text: str) -> list[Event]:
    return coded(text, PUB)


def has(evs: list[Event], type_: str, src: str) -> bool:
    return any(e.type == type_ and any(a.country == src for a in e.source) for e in evs)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("On 3 June 2021, in Uvira, Sud-Kivu, a group of traders blocked the road.", "a"),
        ("On Monday, on the outskirts of Gao, soldiers detained two herders.", "soldiers"),
        ("As reported on 3 June 2021, in Kumasi, nurses protested.", "nurses"),
        # "at least" opens no frame: the workers are the clause
        ("On Monday, at least 400 workers, angry at unpaid wages, blocked the road.", "at"),
    ],
)
def test_the_frame_ends_where_the_clause_begins(nlp: Language, text: str, first: str) -> None:
    doc = nlp(text)
    cut = frame_end(next(iter(doc.sents)))
    assert cut is not None and doc[cut].text == first


@pytest.mark.parametrize(
    "text",
    [
        "Hamas, the militant group, said on Monday it would resume attacks.",
        "Traders in Uvira blocked the road on Monday.",
        "On Monday the police arrested two men.",
    ],
)
def test_no_frame(nlp: Language, text: str) -> None:
    assert frame_end(next(iter(nlp(text).sents))) is None


def test_the_clause_gets_a_subject_and_keeps_its_offsets(nlp: Language) -> None:
    text = (
        "On 3 June 2021, on the outskirts of Sittwe Town, Sittwe Township, Rakhine State, "
        "soldiers from battalion 540 detained a fisherman."
    )
    doc = nlp(text)
    assert doc.text == text and len(list(doc.sents)) == 1
    verb = next(t for t in doc if t.lower_ == "detained")
    assert [c.lower_ for c in verb.children if c.dep_ == "nsubj"] == ["soldiers"]
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    assert any(e.text == "Rakhine State" for e in doc.ents)


POSITIVES = [
    # the doers hung on the place by the whole sentence's parse
    ("On 3 June 2021, on the outskirts of Sittwe Town, Sittwe Township, Rakhine State, soldiers "
     "from battalion 540 detained a fisherman.", "COERCE", "MMR"),
    ("On 3 June 2021, in Sittwe Town, Rakhine State, soldiers from battalion 540 detained a "
     "fisherman.", "COERCE", "MMR"),
    # "a rebel shot" read as a noun, "killed" joined to it
    ("On 3 June 2021, a local rebel shot and killed a trader in Gulu (Gulu, Northern).",
     "ASSAULT", "UGA"),
    # "a demonstration denouncing" read as a noun phrase
    ("On 3 June 2021, in Uvira, Sud-Kivu, a group of fishermen of the lake cooperative staged "
     "a demonstration denouncing the new fishing tax.", "PROTEST", "COD"),
    # a main verb tagged as a participle once its subject was lost
    ("On 3 June 2021, in front of the town hall in Baruta, Caracas, a group of drivers, who "
     "carry goods to other regions of the country, protested to demand fuel.", "PROTEST", "VEN"),
    # a demand the parse hung on a noun of the gathering's phrase
    ("On 3 June 2021, in Manaus, Amazonas, indigenous people gathered in front of a hospital "
     "during a visit of the governor to demand better care.", "PROTEST", "BRA"),
    # beatings of any persons, not only of listed ones
    ("On 3 June 2021, gunmen beat a village chief in Kismayo.", "ASSAULT", "SOM"),
    ("On 3 June 2021, four men beat a shopkeeper to death in Gulu.", "ASSAULT", "UGA"),
    ("On 3 June 2021, soldiers beat two herders near Mopti.", "ASSAULT", "MLI"),
    ("On 3 June 2021, villagers stoned two police officers near Kisii.", "ASSAULT", "KEN"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "type_", "country"), POSITIVES)
def test_parse_robust_doers(text: str, type_: str, country: str) -> None:
    assert has(events(text), type_, country)


NEGATIVES = [
    "On Monday, in Kabul, the minister said the talks would resume.",
    "On Tuesday, in London, the chancellor, who spoke to reporters, announced new taxes.",
    # a noun that modifies another is no act ("battle bus", "war chests")
    "In a break with tradition, the party will ditch the leader's battle bus in Westminster.",
    "The parties built up their war chests for the general election campaign.",
    # beating a body or a rival is an election or a market
    "Labour beat the Conservative party in the vote on Tuesday.",
    "The firm beat its rivals and competitors last year.",
    "She beat the other candidates in the primary.",
    "He was stoned when he arrived at the party.",
    "On 3 June 2021, hundreds of fans gathered outside the stadium during a visit of the team to "
    "watch the training.",
    "The ministers gathered in Brussels during a visit of the president to discuss the budget.",
    "The band got stoned before the show.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_no_act(text: str) -> None:
    assert [e for e in events(text) if e.type in ("ASSAULT", "PROTEST", "COERCE")] == []


def test_a_state_before_a_currency_is_no_party_and_no_place() -> None:
    evs = events(
        "On 28 April 2021, protesters demonstrating against the high US dollar exchange rate "
        "blocked the main road in Zahle."
    )
    assert has(evs, "PROTEST", "LBN")
    assert not any(
        "USA" in (a.country for a in [*e.source, *e.target])
        or (e.location is not None and e.location.country == "USA")
        for e in evs
    )
    # the adjective keeps its country ("the Lebanese pound"); the state alone stays a party
    assert has(events("The US imposed new sanctions on Iran on Monday."), "SANCTION", "USA")
    # a state that only stands before the sum is still the party
    assert has(events("China lent Russia dollars 6bn to help Moscow buy the unit."), "AID", "CHN")
    assert any(
        a.country == "RUS" for e in events("China lent Russia dollars 6bn.") for a in e.target
    )


def test_a_way_named_by_a_proper_name_is_a_named_place() -> None:
    # the gazetteer lacks the road's name: the protest is kept, with a crowd of no country
    evs = events(
        "On 28 April 2021, rioters angry at the high US dollar exchange rate blocked the "
        "Qabb Elias road with burning tyres."
    )
    assert any(e.type == "PROTEST" for e in evs)
    assert not any(a.country == "USA" for e in evs for a in e.source)


def test_segments_cut_at_commas_outside_brackets(nlp: Language) -> None:
    doc = nlp("On Friday, in the port (near the old bridge, by the river), guards stopped a lorry.")
    sent = next(iter(doc.sents))
    cuts = [doc[s:e].text for s, e in _segments(sent)]
    assert cuts == [
        "On Friday",
        "in the port (near the old bridge, by the river)",
        "guards stopped a lorry.",
    ]
