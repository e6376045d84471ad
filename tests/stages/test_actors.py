"""Actor resolution on sentences we wrote: dictionaries, agents, dates, coreference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from geopol.actors.dictionary import load as load_dictionary
from geopol.actors.find import find_actors
from geopol.errors import DictionaryError
from geopol.records import Actor


def actors(nlp: Language, text: str, published: str | None = "2023-09-13") -> list[Actor]:
    day = dt.date.fromisoformat(published) if published else None
    return find_actors(nlp(text), published=day)


def by_text(found: list[Actor], text: str) -> Actor:
    hits = [a for a in found if text in a.text]
    assert hits, f"no mention covering {text!r} in {[a.text for a in found]}"
    return hits[0]


def test_spelling_slip_in_a_name_is_not_the_un(nlp: Language) -> None:
    found = actors(nlp, "Kim Jong UN met officials in the capital on Monday.")
    kim = by_text(found, "Kim Jong UN")
    assert (kim.country, kim.sector, kim.kind) == ("PRK", "GOV", "person")
    assert all(a.country != "IGO-UN" for a in found)


def test_the_un_itself_is_the_un(nlp: Language) -> None:
    found = actors(nlp, "The UN called for a ceasefire.")
    assert by_text(found, "UN").country == "IGO-UN"


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Russian troops crossed the border.", "Russian troops", "RUSMIL"),
        (
            "North Korea's foreign minister arrived in Moscow.",
            "North Korea's foreign minister",
            "PRKGOV",
        ),
        (
            "The foreign minister of Japan spoke to reporters.",
            "foreign minister of Japan",
            "JPNGOV",
        ),
        ("The Kremlin said the talks were useful.", "Kremlin", "RUSGOV"),
        ("The Pentagon announced new drills.", "Pentagon", "USAMIL"),
        ("Pyongyang rejected the proposal.", "Pyongyang", "PRKGOV"),
        ("The Wagner Group recruited fighters.", "Wagner Group", "RUSPRM"),
        ("U.S. officials denied the report.", "U.S. officials", "USAGOV"),
    ],
)
def test_agents_metonyms_and_groups(nlp: Language, text: str, mention: str, code: str) -> None:
    assert by_text(actors(nlp, text), mention).code == code


def test_role_respects_the_article_date(nlp: Language) -> None:
    in_office = by_text(actors(nlp, "Donald Trump spoke in Ohio.", "2019-06-01"), "Donald Trump")
    out_of_office = by_text(
        actors(nlp, "Donald Trump spoke in Ohio.", "2022-06-01"), "Donald Trump"
    )
    assert (in_office.country, in_office.sector) == ("USA", "GOV")
    assert (out_of_office.country, out_of_office.sector) == ("USA", "ELI")


def test_month_may_is_not_a_person(nlp: Language) -> None:
    found = actors(nlp, "Theresa May resigned. In May the party chose a new leader.")
    mays = [a for a in found if a.text == "May"]
    assert not mays


def test_surname_after_full_name_and_pronoun_coreference(nlp: Language) -> None:
    found = actors(nlp, "Vladimir Putin met the envoy. Putin said he would consider the offer.")
    assert by_text(found, "Putin said"[:5]).country == "RUS"
    he = [a for a in found if a.text == "he"]
    assert he and he[0].name == "Vladimir Putin" and he[0].how.startswith("coref")


def test_two_leaders_link_to_both(nlp: Language) -> None:
    found = actors(
        nlp, "Xi Jinping welcomed Emmanuel Macron in Beijing. The two leaders discussed trade."
    )
    two = [a for a in found if a.text == "The two leaders"]
    assert {a.country for a in two} == {"CHN", "FRA"}


def test_every_offset_points_at_its_text(nlp: Language) -> None:
    text = "In Kyiv, Ukrainian officials and the EU's top diplomat condemned Russian strikes."
    for a in actors(nlp, text):
        assert text[a.start : a.end] == a.text


def test_user_yaml_overrides_builtin(nlp: Language, tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("- {name: Freedonia Front, names: [Freedonia Front], country: FRE, sector: REB}\n")
    d = load_dictionary((str(f),))
    found = find_actors(nlp("The Freedonia Front attacked a convoy."), dictionary=d)
    assert by_text(found, "Freedonia Front").code == "FREREB"


def test_bad_user_dictionary_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("- {name: X, roles: [{country: XXX, sector: NOPE}]}\n")
    with pytest.raises(DictionaryError, match=r"bad\.yaml"):
        load_dictionary((str(f),))
