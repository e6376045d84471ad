"""A person's name in the wrong case (lower case, or capitals in a headline) is still read
after a title or role word of the dictionaries, unless it is a common English word."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from geopol.actors.casing import wrong_case
from geopol.actors.find import find_actors

DAY = dt.date(2015, 6, 20)


def _people(nlp: Language, text: str) -> dict[str, tuple[str | None, str | None]]:
    return {
        a.name: (a.country, a.sector)
        for a in find_actors(nlp(text), published=DAY)
        if a.kind == "person"
    }


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("President obama flew to Ottawa for the summit.", "Barack Obama", "USA"),
        ("Chancellor merkel arrived in Athens on Tuesday.", "Angela Merkel", "DEU"),
        ("chancellor merkel said the talks would continue.", "Angela Merkel", "DEU"),
        ("Talks between prime minister netanyahu and Washington stalled.",
         "Benjamin Netanyahu", "ISR"),
        ("The visit was announced by president erdogan on Monday.", "Recep Tayyip Erdoğan", "TUR"),
        ("foreign minister lavrov accused the West of meddling.", "Sergey Lavrov", "RUS"),
        ("Prime Minister modi will visit Tokyo.", "Narendra Modi", "IND"),
        # a wire headline in capitals
        ("FOREIGN MINISTER LAVROV ACCUSES WEST OF MEDDLING", "Sergey Lavrov", "RUS"),
        ("PRIME MINISTER MODI TO VISIT TOKYO NEXT MONTH", "Narendra Modi", "IND"),
    ],
)
def test_a_titled_name_in_the_wrong_case_is_the_person(
    nlp: Language, text: str, name: str, country: str
) -> None:
    people = _people(nlp, text)
    assert name in people, people
    assert people[name] == (country, "GOV")


@pytest.mark.parametrize(
    "text",
    [
        # no title before the name: lower case stays a word
        "Reporters saw obama at the airport.",
        "merkel arrived in Athens on Tuesday.",
        # a title before a common word: no person
        "The president said he would carry on.",
        "The prime minister may resign next week.",
        "the president will bush the plan through",
        "The king said the reforms would go on.",
        "PRESIDENT SAYS HE WILL CARRY ON",
    ],
)
def test_no_person_without_a_title_or_from_a_common_word(nlp: Language, text: str) -> None:
    assert not any(
        a.kind == "person" and a.how.startswith("dictionary")
        for a in find_actors(nlp(text), published=DAY)
    )


def test_capitals_count_as_wrong_case_only_in_a_sentence_of_capitals(nlp: Language) -> None:
    shouted = nlp("PRIME MINISTER MODI TO VISIT TOKYO")
    assert wrong_case(shouted[2:3])
    mixed = nlp("The NATO summit opened on Monday.")
    assert not wrong_case(mixed[1:2])
    assert wrong_case(nlp("president obama spoke")[1:2])
