"""Places, issue 18 (third round, second part): names written without their spaces, a
name after a locative preposition and before a known region, and villages of one name
within one country. Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places.gazetteer import ALTERNATE, get
from geopol_testkit import place_named as one
from geopol_testkit import places_of

pytestmark = pytest.mark.issue(18)


def test_a_name_written_as_one_word_is_found_without_its_spaces() -> None:
    gaz = get()
    found = gaz.lookup("Mirpurkhas")
    assert found and {e.cc for e in found} == {"PK"}
    # it is another spelling, a loose match
    assert all(e.kind == ALTERNATE for e in found)
    assert {e.cc for e in gaz.lookup("Kotdiji")} == {"PK"}
    # the other way round: a one-word name written in two words
    assert any(e.cc == "AF" for e in gaz.lookup("Tarin-kot"))
    # an exact name is never replaced by a squashed one, and short words are not squashed
    assert all(e.kind != ALTERNATE or e.name != "Tarin Kot" for e in gaz.lookup("Tarinkot"))
    assert gaz.squashed("isis") == ()
    assert gaz.lookup("Facebook") == ()


def test_a_one_word_spelling_resolves_in_text(nlp: Language) -> None:
    places = places_of(nlp, "Farmers blocked the main road in Mirpurkhas on Sunday.")
    assert one(places, "Mirpurkhas").country == "PAK"


def test_an_unknown_village_after_near_and_before_its_region(nlp: Language) -> None:
    # the gazetteer lacks "Khutir Vilny" and NER tags it ORG; "near X, Region" still makes
    # it a place, placed in its region
    places = places_of(nlp, "Shelling was heard near Khutir Vilny, Luhansk region.")
    village = one(places, "Khutir Vilny")
    assert village.country == "UKR"
    assert one(places, "Luhansk").country == "UKR"


def test_no_place_without_the_locative_preposition(nlp: Language) -> None:
    # a person's name before ", Region" with no preposition stays no place
    places = places_of(nlp, "Speaking to reporters, Zarvanivka said Luhansk was calm.")
    assert all(p.text != "Zarvanivka" for p in places)


def test_a_village_namesake_inside_the_region_the_article_names(nlp: Language) -> None:
    # Ukraine has a Serhiivka in a dozen regions; the article names Donetsk
    places = places_of(
        nlp,
        "Monitors saw shelling near Serhiivka. Earlier they had counted explosions in "
        "Donetsk region.",
    )
    assert one(places, "Serhiivka").admin1 == "Donetska oblast"


def test_a_village_namesake_nearest_the_other_places(nlp: Language) -> None:
    places = places_of(nlp, "Monitors saw shelling near Serhiivka and in Mariupol.")
    assert one(places, "Serhiivka").admin1 == "Donetska oblast"
    odesa = places_of(nlp, "Monitors saw shelling near Serhiivka in Odesa region.")
    assert one(odesa, "Serhiivka").admin1 == "Odeska oblast"


def test_a_village_alone_keeps_its_reading(nlp: Language) -> None:
    # with no other place in the article nothing tells the namesakes apart: the choice
    # by population stands
    alone = one(places_of(nlp, "Police detained two men in Vesele."), "Vesele")
    with_other = places_of(nlp, "Police detained two men in Vesele, not far from Horlivka.")
    assert alone.admin1 != "Donetska oblast"
    assert one(with_other, "Vesele").admin1 == "Donetska oblast"


def test_a_hyphenated_chain_tagged_as_an_organisation_is_split(nlp: Language) -> None:
    # "(Pobe-Mengao, Soum" is one ORG entity: a department the gazetteer lacks, then its
    # province; the department is placed within the province
    places = places_of(nlp, "Gunmen ambushed a patrol in Kelbo (Pobe-Mengao, Soum) on Friday.")
    assert one(places, "Soum").country == "BFA"
    assert one(places, "Pobe-Mengao").country == "BFA"


def test_an_unknown_name_before_a_known_parenthesis(nlp: Language) -> None:
    # "in Kelbo (Arbinda, Soum)": Kelbo, tagged PERSON and unknown, is a village placed
    # within the chain
    places = places_of(nlp, "Gunmen ambushed a patrol in Kelbo (Arbinda, Soum) on Friday.")
    kelbo = one(places, "Kelbo")
    assert kelbo.country == "BFA" and kelbo.admin1 == one(places, "Soum").admin1
    # no preposition, no place: a person's name before an agency in parentheses
    quoted = places_of(nlp, "A statement from Ahmed Kelbo (Reuters) said nothing.")
    assert all(p.text not in ("Kelbo", "Ahmed Kelbo") for p in quoted)


def test_a_container_is_no_town_abroad_by_another_spelling(nlp: Language) -> None:
    # issue 18, sixth round: "X, Y" writes the division Y after a place; a bigger town
    # elsewhere that GeoNames spells like Y (Princeton for "Princes Town") is no reading
    text = "Residents blocked the road in New Grant, Princes Town, on Monday over water cuts."
    assert one(places_of(nlp, text), "Princes Town").country == "TTO"


def test_a_list_of_places_tagged_as_an_organisation(nlp: Language) -> None:
    # issue 18, sixth round: NER joins the list's first names into one ORG entity
    text = ("Fire crews from Hornsey, Stoke Newington and Walthamstow fire stations were "
            "called to the blaze.")
    names = {p.text for p in places_of(nlp, text)}
    assert {"Hornsey", "Walthamstow"} <= names
