"""Places, issue 18 (tenth round): the safe parts of the ninth round's second part (a
feature word wants a division by its own name; a container sought in the country of the
article's places, never a town abroad of the same name) and the tenth round's own. Sentences
are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def _resolved(nlp: Language, text: str, name: str) -> list[tuple[str | None, str | None]]:
    return [(p.name, p.country) for p in places_of(nlp, text) if p.text == name]


def _countries(nlp: Language, text: str) -> dict[str, str | None]:
    return {p.text: p.country for p in places_of(nlp, text)}


def test_a_feature_word_wants_a_division_by_its_own_name(nlp: Language) -> None:
    text = "Protesters gathered in Aiud, a town of the Alba county, on Sunday, police said."
    assert _resolved(nlp, text, "Alba county") == [("Alba", "ROU")]
    # an Arabic article is part of the own name: "Karak" of "Al Karak" stays Jordanian
    text = "Storms cut roads in Karak district and in Amman on Tuesday, Jordanian officials said."
    assert _countries(nlp, text)["Karak district"] == "JOR"


def test_a_container_is_sought_where_the_articles_places_are(nlp: Language) -> None:
    text = "Saudi artillery hit farms in Shida district (Sadah) and a road near Haydan on Monday."
    got = _countries(nlp, text)
    assert got["Sadah"] == "YEM"
    assert got["Shida"] == "YEM"
    # a division of known size stays the container, whatever the article's home country
    text = "The Dallas company bought a plant in Smallbrook, Ontario, its Texas managers said."
    assert _countries(nlp, text)["Ontario"] == "CAN"


def test_a_written_container_beats_the_actors_country(nlp: Language) -> None:
    text = "Ethiopian soldiers detained four men in Bardera, Gedo, after a roadside bomb."
    got = _countries(nlp, text)
    assert got["Gedo"] == "SOM"
    assert got["Bardera"] == "SOM"
    text = "Kenyan troops repelled an attack on their base in Kolbio, Lower Juba, on Friday."
    assert _countries(nlp, text)["Lower Juba"] == "SOM"
