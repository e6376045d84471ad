"""Places, issue 18 (eighth round): a direction that opens a street's name across a line
break, a name NER joined to a person across a spaced dash, a state's postal code after a
town. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.gazetteer import get
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def test_a_direction_opening_a_street_name_across_a_line_break_is_no_place(
    nlp: Language,
) -> None:
    text = ("The clinic moved to the Pine Plaza building at 510 South\n"
            "        Park Ave.Lee said patients in Yonkers would follow.")
    places = places_of(nlp, text)
    assert not [p for p in places if p.text.strip() == "South"]
    assert [p.name for p in places if p.text == "Yonkers"] == ["Yonkers"]
    text = ("Volunteers will collect coats at the Riverside Bakery at 12 East\n"
            "        Union St.Jones said the drive helps families in Trenton.")
    assert not [p for p in places_of(nlp, text) if p.text.strip() == "East"]


def test_a_name_joined_to_a_person_across_a_dash_is_found_again(nlp: Language) -> None:
    text = ("Voters in Ohio went to the polls on Tuesday. Recounts are sought in two states won "
            "by Mr Grant - Ohio and Iowa - as well as in Nevada.")
    places = places_of(nlp, text)
    assert [p.start for p in places if p.text == "Ohio"] == [
        text.index("Ohio"), text.index("Ohio and")
    ]


def test_a_postal_code_is_a_state_only_in_capitals() -> None:
    gaz = get()
    ky = gaz.abbreviation("KY")
    assert ky is not None and ky.name == "Kentucky"
    assert gaz.abbreviation("De") is None  # "De Zeeuw", a surname
    assert gaz.abbreviation("Ky.") is not None
    tn = gaz.abbreviation("TN")  # Tamil Nadu, as Indian local reports write it
    assert tn is not None and tn.cc == "IN"


def test_a_postal_code_after_a_town_is_its_state(nlp: Language) -> None:
    text = "The plant in Dayton, OH closed on Monday, and workers in Gary, IN lost their jobs."
    places = places_of(nlp, text)
    states = {p.text: p.name for p in places if p.text in ("OH", "IN")}
    assert states == {"OH": "Ohio", "IN": "Indiana"}
    assert {p.name for p in places if p.text in ("Dayton", "Gary")} == {"Dayton", "Gary"}
