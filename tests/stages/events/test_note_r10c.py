"""Doers of light and raising verbs in local notes, tenth round, third part (sentences we
wrote): a clause's own verb the parser hung on a noun as a participle ("gunmen driving a
pickup truck carried out an attack", "three men who were refused entry ... proceeded to
beat"), a gerund or hyphen-split event noun as a light verb's object ("carried out a
drive-by shooting"), and the nearest of two passive subjects when a date is misread as one
(events/dyads.py ``subject_of``, events/arguments.py ``dyad``; words.yaml ``going_on``)."""

from __future__ import annotations

import pytest
from events_passkit import coded

from geopol.records import Event, PloverType


def _doers(events: list[Event]) -> set[str]:
    return {
        a.code
        for e in events
        if e.type is PloverType.ASSAULT
        for a in e.source
        if a.code
    }


@pytest.mark.parametrize(
    "text, doer",
    [
        # a phrasal participle with a direct object is no passive: the clause's own verb
        ("On 14 March 2021, in Uruapan, Michoacan, gunmen driving a pickup truck carried out "
         "an attack against a taxi driver.", "MEXUAF"),
        # a verb of going on to act has no passive with its to-clause
        ("As reported on 5 June 2021, in Ocotlan municipality, Jalisco, three men who were "
         "allegedly refused entry to the village as a sanitary measure against the virus "
         "proceeded to beat guards at the checkpoint.", "MEXCVL"),
        # the light verb's object split at its hyphen ("drive" - "by shooting")
        ("On 8 June 2021, in Apatzingan, Michoacan, armed men carried out a drive-by shooting "
         "against a municipal official.", "MEXUAF"),
        # a date misread as a second passive subject of the raising verb
        ("Around 8 May 2021 (as reported), militiamen were reported to have beaten farmers in "
         "Kadugli.", "SDNPRM"),
    ],
)
def test_the_doer_of_a_light_or_raising_verb_is_found(text: str, doer: str) -> None:
    assert doer in _doers(coded(text))


@pytest.mark.parametrize(
    "text",
    [
        # a passive participle with an object stays a passive: the migrants did nothing
        "On 3 June 2021, migrants denied entry at the border crossing near Tijuana waited "
        "for days.",
        # a participle with a particle but no object names no act
        "On 3 June 2021, the weapons carried out of the depot were handed to the army in Gao.",
    ],
)
def test_a_real_participle_still_names_no_doer(text: str) -> None:
    assert not _doers(coded(text))


def test_the_plain_parse_is_unchanged() -> None:
    found = coded("On 11 March 2021, in Leon, Guanajuato, two gunmen carried out a shooting "
                  "against a local trader.")
    assert "MEXUAF" in _doers(found)
