"""The word lists of the place stage (``data/places/*.yaml``) follow a schema, as the event
coder's data files do (tests/stages/events/test_event_files.py): every key a user may extend
is known, and each is a list of words. A misspelt key or a value of the wrong shape names the
file and the line."""

from __future__ import annotations

from importlib import resources

import pytest

from geopol.errors import DictionaryError
from geopol.events.datafile import Schema, check, words

#: The word-list files of data/places/ and their keys (each a list of words).
PLACE_WORD_FILES: dict[str, Schema] = {
    "brands.yaml": {k: words(True) for k in ("brand_names", "place_plurals", "firm_plurals", "titles")},
    "modifiers.yaml": {k: words(True) for k in ("hyphen_suffixes", "currency_nouns")},
    "not_places.yaml": {
        k: words(True)
        for k in (
            "feasts", "organisation_words", "facility_words", "news_agencies", "local_services",
            "event_words",
        )
    },
    "streets.yaml": {k: words(True) for k in ("street_words", "metonyms")},
}


def _text(name: str) -> str:
    return (resources.files("geopol") / "data" / "places" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(PLACE_WORD_FILES))
def test_each_place_word_file_follows_its_schema(name: str) -> None:
    data = check(_text(name), name, PLACE_WORD_FILES[name])
    assert set(data) == set(PLACE_WORD_FILES[name])
    assert all(data[k] for k in data)


def test_every_yaml_file_of_the_place_data_has_a_schema_or_is_a_table() -> None:
    tables = {"countries.yaml", "continents.yaml", "abbreviations.yaml"}  # read by the index build
    found = {p.name for p in resources.files("geopol").joinpath("data", "places").iterdir()}
    assert {n for n in found if n.endswith(".yaml")} == set(PLACE_WORD_FILES) | tables


def test_a_misspelt_key_of_a_place_word_file_names_its_line() -> None:
    text = "street_words: [Road]\nmetonym: [Wall Street]\n"
    with pytest.raises(DictionaryError, match=r"streets\.yaml line 2: .*'metonym'"):
        check(text, "streets.yaml", PLACE_WORD_FILES["streets.yaml"])
