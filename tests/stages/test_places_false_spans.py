"""Spans that are no places (issue 18, third round): unknown names the text shows to be a
person or a common word, acronyms written as words, names broken by a line, a lower-case
word after a state abbreviation. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places import find_places_for
from geopol.records import Place

pytestmark = pytest.mark.issue(18)


def texts(nlp: Language, text: str) -> list[str]:
    places: list[Place] = find_places_for(nlp(text), [], None)[0]
    return [p.text for p in places]


def test_a_speaker_the_gazetteer_does_not_know_is_no_place(nlp: Language) -> None:
    found = texts(
        nlp, "More people are finding housing, Verhoeven said. But the crisis is deep, "
        "Verhoeven noted."
    )
    assert "Verhoeven" not in found


def test_a_lower_case_word_is_no_place(nlp: Language) -> None:
    found = texts(nlp, "Officers found 20 grams of meth in the car and some marijuana in Salem.")
    assert "meth" not in found
    assert "Salem" in found


def test_an_acronym_written_as_a_word_is_no_place(nlp: Language) -> None:
    found = texts(nlp, "He was held in Leeds under the Mental Health Act last week.")
    assert "Act" not in found
    # written in capitals it is the territory
    found = texts(nlp, "Bushfires spread across the ACT and New South Wales.")
    assert "ACT" in found


def test_a_line_break_is_no_part_of_a_name(nlp: Language) -> None:
    found = texts(nlp, "The meeting is at the fire hall at 12 South\n        Main St. in Hartford.")
    assert not any("\n" in t for t in found)


def test_a_lower_case_word_after_a_state_is_no_abbreviation(nlp: Language) -> None:
    found = texts(nlp, "In B.C., up to 20 centimetres of snow is expected near Kamloops.")
    assert "up" not in found


def test_a_place_name_found_once_is_a_place_where_written_again(nlp: Language) -> None:
    from geopol.places.gazetteer import get
    from geopol.places.recognise import Mention
    from geopol.places.repeat import repeated

    doc = nlp("Residents of Winnipeg, Manitoba, voted on Monday. Later Winnipeg won an award "
              "and the Winnipeg Jets won a game.")
    first = doc.text.index("Winnipeg")
    found = [Mention(first, first + 8, "Winnipeg", "ner:GPE", "GPE", lookup="Winnipeg")]
    again = repeated(doc, get(), found)
    assert [m.start for m in again] == [doc.text.index("Later Winnipeg") + 6]  # not the Jets
    # a small town's name is not taken again: small places share names with people
    doc = nlp("The Brunson council met on Monday. Brunson said the road would close.")
    found = [Mention(4, 11, "Brunson", "ner:GPE", "GPE", lookup="Brunson")]
    assert repeated(doc, get(), found) == []
