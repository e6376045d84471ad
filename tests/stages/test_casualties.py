"""Casualty counts read from the text: numbers, ranges, vague quantities and negations."""

from __future__ import annotations

import pytest
from spacy.language import Language

import geopol
from geopol.events.casualties import Kind, combine, statements
from geopol.records import Event


def _conflict(text: str) -> Event:
    events = geopol.code(text, published="2024-05-06")
    found = [e for e in events if e.type in ("ASSAULT", "COERCE", "PROTEST", "MOBILIZE")]
    assert found, [e.type for e in events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "killed", "high"),
    [
        ("Raid\nRussian airstrikes killed 12 civilians in Kharkiv on Monday.", 12, 12),
        ("Clash\nRebels attacked an army post in Goma. Two soldiers were killed and three "
         "civilians were wounded.", 2, 2),
        ("Shelling\nSyrian forces shelled Idlib on Sunday, leaving dozens dead.", 24, None),
        ("Strike\nIsraeli aircraft struck Gaza on Monday. No fatalities were reported.", 0, 0),
        ("Attack\nGunmen attacked a village in Borno State and killed at least 5 farmers.", 5,
         None),
    ],
)
def test_killed(text: str, killed: int, high: int | None) -> None:
    event = _conflict(text)
    assert event.killed is not None
    assert (event.killed.count, event.killed.high) == (killed, high)
    assert int(event.killed) == killed
    span = event.killed
    assert text[span.start : span.end] == span.text and span.text


def test_injured_separately_and_groups_add_up() -> None:
    event = _conflict(
        "Fighting\nTaliban fighters attacked a police post in Faryab. Two policemen were killed "
        "and four were wounded. Officials said two attackers were also killed."
    )
    assert event.killed is not None and event.killed.count == 4
    assert event.injured is not None and event.injured.count == 4


def test_nothing_said_is_none_and_other_events_carry_nothing() -> None:
    event = _conflict("Protest\nKenyan teachers protested in Nairobi on Monday.")
    assert event.killed is None and event.injured is None
    talks = geopol.code("Talks\nRussia and China held talks in Beijing after the attack that "
                        "killed 12 people.", published="2024-05-06")
    assert all(e.killed is None for e in talks if e.type == "CONSULT")


def test_casualties_in_every_export() -> None:
    event = _conflict("Raid\nRussian airstrikes killed 12 civilians in Kharkiv on Monday.")
    d = event.to_dict()
    assert d["killed"]["count"] == 12
    frame = geopol.to_frame([event])
    assert int(frame["killed"].iloc[0]) == 12 and int(frame["killed_max"].iloc[0]) == 12


@pytest.mark.parametrize(
    ("sentence", "kind", "low", "high"),
    [
        ("Militiamen killed 8-10 residents across the villages.", Kind.KILLED, 8, 10),
        ("A police officer was shot to death by two armed men.", Kind.KILLED, 1, 1),
        ("Neither injuries nor fatalities were reported.", Kind.INJURED, 0, 0),
        ("Three people died and scores were injured.", Kind.KILLED, 3, 3),
        ("Three people died and scores were injured.", Kind.INJURED, 40, None),
        ("The blast left four dead.", Kind.KILLED, 4, 4),
        # the numbers of a date are no count
        ("Around 8 May 2020, in Leon, a woman was found dead in a field.", Kind.KILLED, 1, 1),
        # a stated toll is the total: the body is the man already counted
        ("A man was killed and his body was dumped near a road. 1 fatality.", Kind.KILLED, 1, 1),
        ("A trader and his son were attacked and shot to death in Patiala. 2 killed.",
         Kind.KILLED, 2, 2),
        # uncertainty is no denial
        ("Three villagers were killed and two wounded; it is not clear whether there were "
         "fatalities among the raiders.", Kind.KILLED, 3, 3),
        # the victim of a conjoined verb: "was shot and killed"
        ("One soldier was shot and killed and one police officer was injured.", Kind.KILLED, 1,
         1),
        ("One soldier was shot and killed and one police officer was injured.", Kind.INJURED, 1,
         1),
        ("Gunmen shot and killed a farmer near Kaduna. The motive behind his death is unknown.",
         Kind.KILLED, 1, 1),
        # number words written in three tokens, "lost their lives", "killing N and injuring M"
        ("Militants killed twenty-one soldiers and wounded thirty-five.", Kind.KILLED, 21, 21),
        ("Militants killed twenty-one soldiers and wounded thirty-five.", Kind.INJURED, 35, 35),
        ("Eleven people lost their lives in the raid.", Kind.KILLED, 11, 11),
        ("Gunmen attacked a bus near Jos, killing four and injuring nine.", Kind.INJURED, 9, 9),
    ],
)
def test_statements(nlp: Language, sentence: str, kind: str, low: int, high: int | None) -> None:
    doc = nlp(sentence)
    found = [s for sent in doc.sents for s in statements(sent)]
    got = combine(found, kind, doc)
    assert got is not None and (got.low, got.high) == (low, high)


def test_a_toll_stated_before_the_event_sentence_is_the_events() -> None:
    event = _conflict("Raid\nFour fatalities and two injuries were reported in Kala on Monday. Boko "
                      "Haram fighters attacked the village in Borno State.")
    assert event.evidence.sentence_index > 1
    assert event.killed is not None and event.killed.count == 4
    assert event.injured is not None and event.injured.count == 2
