"""Actor resolution on sentences we wrote: dictionaries, agents, dates, coreference."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from geopol.actors.dictionary import load as load_dictionary
from geopol.actors.find import find_actors
from geopol.errors import DictionaryError
from geopol.records import Actor
from geopol_testkit import actors_in, mention


def actors(nlp: Language, text: str, published: str | None = "2023-09-13") -> list[Actor]:
    return actors_in(nlp, text, published)


by_text = mention


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


@pytest.mark.parametrize(
    ("text", "published", "mention", "code", "role"),
    [
        ("President Bush spoke to reporters in Texas.", "2005-03-01", "Bush", "USAGOV", "president"),
        ("Tony Blair flew to Brussels for the summit.", "2005-03-01", "Tony Blair", "GBRGOV", "prime minister"),
        ("Jacques Chirac received the envoy.", "2004-11-20", "Jacques Chirac", "FRAGOV", "president"),
        ("Pervez Musharraf addressed the nation.", "2005-06-01", "Pervez Musharraf", "PAKGOV", "president"),
        ("Ehud Olmert said talks would go on.", "2007-06-01", "Ehud Olmert", "ISRGOV", "prime minister"),
        ("Kofi Annan called for calm.", "2004-11-20", "Kofi Annan", "IGO-UNIGO", "secretary-general"),
        ("Nouri al-Maliki met Iranian officials.", "2008-02-01", "Nouri al-Maliki", "IRQGOV", "prime minister"),
        ("Benjamin Netanyahu met the envoy.", "1997-05-01", "Benjamin Netanyahu", "ISRGOV", "prime minister"),
    ],
)
def test_office_holders_of_earlier_years(
    nlp: Language, text: str, published: str, mention: str, code: str, role: str
) -> None:
    a = by_text(actors(nlp, text, published), mention)
    assert (f"{a.country}{a.sector}", a.role) == (code, role)


def test_earlier_leader_is_a_former_one_later(nlp: Language) -> None:
    a = by_text(actors(nlp, "Tony Blair spoke at the conference.", "2015-05-01"), "Tony Blair")
    assert (a.country, a.sector, a.role) == ("GBR", "ELI", "former prime minister")


def test_shared_surname_alone_needs_the_full_name(nlp: Language) -> None:
    # Canada's Bill Blair named in full: "Blair" later is him, not Britain's Tony Blair.
    found = actors(nlp, "Defence Minister Bill Blair visited Latvia. Blair met the troops there.")
    assert all(a.name != "Tony Blair" for a in found)


@pytest.mark.parametrize(
    ("text", "mention", "sector"),
    [
        ("Pro-Russia rebels shelled the town overnight.", "Pro-Russia rebels", "REB"),
        ("Anti-American protesters burned a flag.", "Anti-American protesters", "CVL"),
        ("Pro-government militias attacked the camp.", "militias", "PRM"),
        ("Anti-government militias attacked the camp.", "Anti-government militias", "REB"),
        ("Russian-backed separatists shelled the town.", "Russian-backed separatists", "REB"),
    ],
)
def test_a_stance_is_not_a_country(nlp: Language, text: str, mention: str, sector: str) -> None:
    found = actors(nlp, text)
    a = by_text(found, mention)
    assert (a.country, a.sector) == (None, sector)
    assert not any(x.country in ("RUS", "USA") for x in found)


def test_stance_group_takes_the_country_of_its_place() -> None:
    from geopol.pipeline import code_article
    from geopol.records import Article

    body = "Pro-Russia rebels attacked Ukrainian troops near Donetsk on Sunday."
    coded = code_article(Article(title="", body=body, path="stance"))
    rebels = by_text(coded.actors, "Pro-Russia rebels")
    assert (rebels.country, rebels.sector) == ("UKR", "REB")


def test_place_modifying_an_agent_gives_its_country() -> None:
    from geopol.pipeline import code_article
    from geopol.records import Article

    coded = code_article(Article(title="", body="The Gujarat government rejected the plan.", path="g"))
    gov = by_text(coded.actors, "government")
    assert (gov.country, gov.sector) == ("IND", "GOV")


def test_sponsor_named_before_backed_is_not_the_country() -> None:
    from geopol.pipeline import code_article
    from geopol.records import Article

    body = "Iranian-backed militias attacked US troops in Iraq on Friday."
    coded = code_article(Article(title="", body=body, path="backed"))
    militias = by_text(coded.actors, "Iranian-backed militias")
    assert (militias.country, militias.sector) == ("IRQ", "PRM")


def test_unknown_person_takes_the_country_of_a_place_in_the_title() -> None:
    from geopol.pipeline import code_article
    from geopol.records import Article

    body = "Texas Governor Mark Ellison signed the order on Tuesday."
    coded = code_article(Article(title="", body=body, path="title"))
    governor = by_text(coded.actors, "Mark Ellison")
    assert governor.country == "USA"
