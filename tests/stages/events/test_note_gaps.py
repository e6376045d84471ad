"""Local notes that coded no event at all, eighth round (sentences we wrote): a crowd's
blockade told after its means or of a building, an abduction whose only target is a place,
remains "found floating", and a deployment whose forces are its own doer."""

from __future__ import annotations

import pytest
from events_passkit import coded

from geopol.records import PloverType


def _types(text: str) -> set[tuple[str, str]]:
    return {(e.type.value, e.mode or "") for e in coded(text)}


@pytest.mark.parametrize(
    "text",
    [
        # the object told after the means is parsed as an apposition of the means
        "On 9 June 2021, in the municipality of Ixtlan, Oaxaca, farmers blocked with three "
        "trucks the federal highway at kilometre 12.",
        # a building a crowd keeps people out of
        "On 9 June 2021, a group of teachers blocked the office of the mayor of Kindia "
        "(Kindia, Kindia).",
    ],
)
def test_a_crowd_blocking_a_way_or_a_building_protests(text: str) -> None:
    assert ("PROTEST", "obstruct") in _types(text)


def test_blocking_a_sale_of_a_building_is_no_blockade() -> None:
    text = "Shareholders blocked the sale of the building to a rival bank on Monday."
    assert ("PROTEST", "obstruct") not in _types(text)


def test_an_abduction_from_a_village_is_force_by_its_verb() -> None:
    text = (
        "On 9 June 2021, militiamen abducted a teacher from Bir Ali (Rudum, Shabwah)."
    )
    events = coded(text)
    assert any(e.type is PloverType.ASSAULT and e.mode == "abduct" for e in events)


def test_remains_found_floating_are_a_killing_not_a_flotation() -> None:
    text = (
        "Around 5 June 2021, in Campina Grande, Paraiba, the body of a young man was found "
        "floating in a lake, with stab wounds and feet tied with rope. Circumstances of death "
        "are unknown."
    )
    assert any(e.type is PloverType.ASSAULT for e in coded(text))


def test_floating_a_company_is_still_commerce() -> None:
    text = "The two carmakers agreed to float the joint venture on the stock market next year."
    assert not any(e.type is PloverType.AGREE for e in coded(text))


@pytest.mark.parametrize(
    "text, doer",
    [
        # the "of" phrase of a deployment noun names the forces that move
        ("On 5 June 2021, three Emirati planes landed at Riyan airport (Mukalla, Hadramawt) "
         "amid a large deployment of Emirati forces in the city.", "ARE"),
        # the subject of a passive deployment verb
        ("Movement of forces: On 5 June 2021, a Russian military convoy carrying logistical "
         "equipment was sent to their base in Tal Tamr in Al-Hasakeh countryside.", "RUS"),
    ],
)  # fmt: skip
def test_forces_deployed_with_no_doer_move_themselves(text: str, doer: str) -> None:
    moves = [e for e in coded(text) if e.type is PloverType.MOBILIZE]
    assert moves
    assert {a.country for e in moves for a in e.source} == {doer}


@pytest.mark.parametrize(
    "text",
    [
        "On 5 June 2021, blankets and food were sent to the flood victims in Sylhet.",
        # a standing presence, told in the present, is no move
        "The minister toured Kandahar, where Canadian troops are stationed.",
    ],
)
def test_aid_sent_or_troops_stationed_is_no_deployment(text: str) -> None:
    assert not any(e.type is PloverType.MOBILIZE for e in coded(text))
