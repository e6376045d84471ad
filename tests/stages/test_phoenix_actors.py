"""Actors nobody here listed, found through the table converted from the Phoenix dictionaries
(``data/actors/phoenix-actors.tsv``): office holders with dated roles, international bodies,
armed groups and agent nouns. The sentences are ours; the names are the table's."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.pipeline import code
from geopol.records import Actor
from geopol_testkit import actors_in, mention


def actors(nlp: Language, text: str, published: str | None) -> list[Actor]:
    return actors_in(nlp, text, published)


by_text = mention


def test_an_office_holder_nobody_listed_is_found(nlp: Language) -> None:
    found = actors(nlp, "On Tuesday Didier Burkhalter called for new talks.", "2012-05-02")
    person = by_text(found, "Didier Burkhalter")
    assert (person.country, person.sector, person.kind) == ("CHE", "GOV", "person")
    assert person.how == "dictionary:person"


def test_an_international_body_is_found(nlp: Language) -> None:
    found = actors(nlp, "The Nordic Council criticised the new fishing quotas.", "2009-03-01")
    body = by_text(found, "Nordic Council")
    assert (body.country, body.sector, body.kind) == ("IGO-SCN", "IGO", "igo")


def test_an_armed_group_is_found(nlp: Language) -> None:
    found = actors(
        nlp, "The Guevarista Revolutionary Army claimed the attack on the pipeline.", "2001-06-01"
    )
    group = by_text(found, "Guevarista Revolutionary Army")
    assert (group.country, group.sector, group.kind) == ("COL", "REB", "group")


@pytest.mark.parametrize(
    ("published", "country", "sector"),
    [
        ("2003-04-10", "USA", "GOV"),  # a US cabinet member then
        ("2007-04-10", "IGO-UNICEF", "IGO"),  # at the head of a UN agency later
        (None, "IGO-UNICEF", "IGO"),  # no date: the latest role
        ("1990-04-10", "USA", "ELI"),  # before any office: her country, no office yet
    ],
)
def test_a_dated_role_change_follows_the_publication_date(
    nlp: Language, published: str | None, country: str, sector: str
) -> None:
    found = actors(nlp, "Ann Veneman said the programme would continue.", published)
    person = by_text(found, "Ann Veneman")
    assert (person.country, person.sector) == (country, sector)


def test_an_office_that_ended_leaves_a_former_office_holder(nlp: Language) -> None:
    # Tayeb Belaiz went from minister to the judiciary; long after the table's horizon he is
    # still Algerian, no longer in office.
    text = "In Algiers, Tayeb Belaiz told reporters that the reform would go ahead."
    assert by_text(actors(nlp, text, "2004-01-05"), "Belaiz").sector == "GOV"
    assert by_text(actors(nlp, text, "2005-01-05"), "Belaiz").sector == "JUD"
    late = by_text(actors(nlp, text, "2022-01-05"), "Belaiz")
    assert (late.country, late.sector) == ("DZA", "JUD")


def test_an_agent_noun_nobody_listed_joins_its_country(nlp: Language) -> None:
    found = actors(nlp, "Kenyan sheriffs evicted the squatters.", "2015-01-01")
    agent = by_text(found, "sheriffs")
    assert (agent.country, agent.sector) == ("KEN", "COP")


def test_geopol_own_entry_wins_over_the_table(nlp: Language) -> None:
    # people.yaml knows John Kerry with a named role; the table's entry for him is not used.
    found = actors(nlp, "John Kerry arrived in Cairo.", "2014-03-01")
    kerry = by_text(found, "John Kerry")
    assert (kerry.country, kerry.sector, kerry.role) == ("USA", "GOV", "foreign minister")


def test_a_name_made_of_common_words_needs_the_tagger(nlp: Language) -> None:
    # "Direct Action" is an armed group in the table, and two common words in this sentence.
    found = actors(nlp, "Direct action by the unions closed the port.", "2010-01-01")
    assert not any(a.kind == "group" for a in found)


def test_an_event_between_office_holders_nobody_listed() -> None:
    evs = code(
        "Talks\nDidier Burkhalter met Sam Kutesa in Geneva on Monday.", published="2012-05-02"
    )
    pairs = {
        (e.type, a.country, b.country) for e in evs for a in e.source for b in e.target
    }
    assert ("CONSULT", "CHE", "UGA") in pairs or ("CONSULT", "UGA", "CHE") in pairs, pairs
