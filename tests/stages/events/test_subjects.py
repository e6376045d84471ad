"""The subject a small parser lost (events/subjects.py), on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings

from geopol.events.subjects import phrase_head, stray_subject
from geopol.nlp import load


def _verb(text: str, word: str):  # type: ignore[no-untyped-def]
    doc = load()(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        # the date and the chain of places swallow the subject
        ("On 7 May, in Acapulco, Guerrero, around 100 merchants protested demanding food aid.",
         "protested", "merchants"),
        ("On 1 May, in Cuauhtemoc, Ciudad de Mexico, a group of 20 musicians protested demanding"
         " financial support.",
         "protested", "musicians"),
        # a coordinated subject after the chain of places: its first conjunct
        ("On 8 May, in Paletwa Town, Chin State, Myanmar military and AA clashed with heavy"
         " weapons.",
         "clashed", "military"),
    ],
)
def test_the_noun_before_a_subjectless_verb_is_its_subject(text: str, verb: str, subject: str) -> None:
    # the clause after the frame is re-parsed alone (events/reframe.py) and may get its subject
    # there; else the stray subject is the noun before the verb
    v = _verb(text, verb)
    parsed = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if parsed is not None:  # "a group of 20 musicians": the phrase the parse made the subject
        assert subject in [t.text for t in parsed.subtree]
        return
    found = stray_subject(v)
    assert found is not None and found.text == subject


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Dozens of traders protested in Lagos on Monday.", "protested"),  # a subject of its own
        ("Police arrested the men and seized their weapons.", "seized"),  # a conjunct shares it
    ],
)
def test_a_verb_with_a_subject_or_sharing_one_is_left_alone(text: str, verb: str) -> None:
    assert stray_subject(_verb(text, verb)) is None


def test_the_lost_crowd_protests_where_it_gathered() -> None:
    got = readings(coded("On 3 May, in Chihuahua, Mexico, about 60 farmers protested over water rights."))
    assert any(r[0] == "PROTEST" and r[1].startswith("MEX") for r in got), got


@pytest.mark.parametrize(
    ("text", "noun", "head"),
    [
        ("About 40 nurses of the regional hospital protested.", "hospital", "nurses"),
        ("Around 200 workers from the textile industry protested.", "industry", "workers"),
        ("Residents in Acapulco protested.", "Acapulco", "Residents"),
        ("Teachers protested.", "Teachers", "Teachers"),  # no phrase to climb
    ],
)
def test_the_head_of_the_phrase_a_stray_noun_ends(text: str, noun: str, head: str) -> None:
    assert phrase_head(_verb(text, noun)).text == head
