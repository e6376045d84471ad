"""Names the gazetteer index answers to (issue 18, seventh round): a regional district
without its words ("Cowichan Valley"), an Arabic name the index holds with its article
written without it ("Bukamal" for Albu Kamal). Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places import find_places_for
from geopol.places.build import fold, fold_bare
from geopol.places.gazetteer import get

pytestmark = pytest.mark.issue(18)


def test_a_regional_district_is_written_without_its_words() -> None:
    gaz = get()
    for name in ("Thompson-Nicola", "Cowichan Valley"):
        found = gaz.lookup(name)
        assert any(c.fcode == "ADM2" and c.cc == "CA" for c in found), name


def test_a_regional_district_in_running_text(nlp: Language) -> None:
    doc = nlp("Floods closed roads across Cowichan Valley on Monday, officials in British "
              "Columbia said.")
    places = find_places_for(doc, [], None)[0]
    valley = next(p for p in places if p.text == "Cowichan Valley")
    assert valley.country == "CAN" and valley.feature_code == "ADM2"


def test_an_arabic_name_is_found_without_its_article() -> None:
    assert fold_bare("al qatranah") == fold("qatraneh")
    assert fold_bare("qatranah") == ""  # no article: the plain fold covers it
    found = get().lookup("Bukamal")
    assert any(c.cc == "SY" and c.fclass == "P" for c in found)
