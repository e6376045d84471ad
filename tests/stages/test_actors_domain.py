"""Actors whose names other actors share, read in a UK politics or finance story (sentences
we wrote): the longer UK name wins, and an abbreviation two entries share goes to the one
whose country the article's other actors name."""

from __future__ import annotations

from spacy.language import Language

from geopol_testkit import actors_in, mention


def test_the_liberal_democrats_are_a_uk_party_not_the_us_democrats(nlp: Language) -> None:
    found = actors_in(nlp, "The Liberal Democrats and the Lib Dem leader criticised Labour.", None)
    for text in ("Liberal Democrats", "Lib Dem"):
        a = mention(found, text)
        assert (a.country, a.sector) == ("GBR", "PTY"), text


def test_the_tuc_is_a_uk_union_not_the_us_congress(nlp: Language) -> None:
    found = actors_in(nlp, "The TUC urged ministers to protect factory jobs in Wales.", None)
    a = mention(found, "TUC")
    assert (a.country, a.sector) == ("GBR", "CVL")


def test_house_of_fraser_is_a_company_not_a_house_of_parliament(nlp: Language) -> None:
    found = actors_in(nlp, "House of Fraser said its sales fell in December.", None)
    a = mention(found, "House of Fraser")
    assert (a.country, a.sector) == ("GBR", "BUS")


def test_a_shared_abbreviation_follows_the_article_countries(nlp: Language) -> None:
    uk = actors_in(
        nlp, "The Treasury in London said the FSA had fined Barclays, a British bank.", None
    )
    assert mention(uk, "FSA").country == "GBR"
    syria = actors_in(
        nlp, "Syrian troops shelled FSA positions near Aleppo, Syria's state media said.", None
    )
    assert (mention(syria, "FSA").country, mention(syria, "FSA").sector) == ("SYR", "REB")


def test_a_party_in_a_title_makes_the_person_speak_for_the_party(nlp: Language) -> None:
    found = actors_in(
        nlp, "Tory leader Michael Howard accused the prime minister of U-turns.", None
    )
    a = mention(found, "Michael Howard")
    assert (a.country, a.sector) == ("GBR", "PTY")
    found = actors_in(nlp, "Lib Dem leader Charles Kennedy spoke in Leeds on Monday.", None)
    a = mention(found, "Charles Kennedy")
    assert (a.country, a.sector) == ("GBR", "PTY")


def test_a_government_title_without_a_party_stays_government(nlp: Language) -> None:
    found = actors_in(nlp, "French finance minister Herve Gaymard criticised the bank.", None)
    a = mention(found, "Herve Gaymard")
    assert (a.country, a.sector) == ("FRA", "GOV")
