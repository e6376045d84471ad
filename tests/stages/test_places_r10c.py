"""Places, issue 18 (tenth round, third part): a small place abroad read from an
organisation's or person's name alone, East Timor, Yemen's governorates by their usual
spellings. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.gazetteer import get
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def _countries(nlp: Language, text: str) -> dict[str, str | None]:
    return {p.text: p.country for p in places_of(nlp, text)}


def test_a_small_place_abroad_is_not_read_from_a_firms_or_persons_name(nlp: Language) -> None:
    # "Bush" (a person) and "BoE" (a bank) name towns in Egypt and Nauru, in no country
    # the article's places are in
    text = ("The Bush administration said on Monday it would send more troops to Baghdad, "
            "officials in Washington said.")
    assert _countries(nlp, text) == {"Baghdad": "IRQ", "Washington": "USA"}
    text = "Analysts in London expect the BoE to cut rates in May as British inflation slows."
    assert "BoE" not in _countries(nlp, text)
    # ... but a name after a preposition of place stays a place, with nothing else named
    text = "Protesters gathered in Diwaniya on Friday to demand jobs."
    assert _countries(nlp, text) == {"Diwaniya": "IRQ"}


def test_a_direction_word_and_a_division_word_after_a_name(nlp: Language) -> None:
    # NER splits "Mundri" / "East county": one county, inside its state
    text = "Rebels attacked a base in Mundri East county (Western Equatoria state), killing two."
    got = _countries(nlp, text)
    assert got.get("Mundri East county") == "SSD"
    assert "East county" not in got


def test_east_timor_and_yemens_governorates_by_their_usual_spellings(nlp: Language) -> None:
    text = "Australian troops arrived in East Timor as violence spread in Dili."
    assert _countries(nlp, text)["East Timor"] == "TLS"
    # Yemen's governorates by the spellings reports use ("Sadah", "Hadramout", "Ad Dali")
    gaz = get()
    for name in ("Sadah", "Hadramout", "Socotra", "Ad Dali"):
        assert any(c.cc == "YE" and c.precision == "admin1" for c in gaz.lookup(name)), name
