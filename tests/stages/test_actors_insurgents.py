"""Armed groups beside the state they fight (ninth round, second part; issue 15). A group
that later became a government (the Taliban) is resolved by the article's date; undated, the
state's own government named as another party says the group is the insurgency. All sentences
are written by us."""

from __future__ import annotations

from geopol.pipeline import code
from geopol.records import Event


def events(text: str, published: str | None = None) -> list[Event]:
    return code("Test article\n" + text, published=published)


def dyads(evs: list[Event], type_: str) -> set[tuple[str, str]]:
    return {(s.code, t.code) for e in evs if e.type == type_ for s in e.source for t in e.target}


def codes(evs: list[Event]) -> set[str]:
    return {a.code for e in evs for a in (*e.source, *e.target)}


def test_the_state_government_beside_the_group_makes_it_the_insurgency() -> None:
    evs = events(
        "Hours after the blast, the Afghan government said Taliban insurgents were responsible."
    )
    assert ("AFGGOV", "AFGREB") in dyads(evs, "ACCUSE")
    evs = events("Afghanistan's government blamed the Taliban for the bombing in Kunduz.")
    assert ("AFGGOV", "AFGREB") in dyads(evs, "ACCUSE")


def test_a_capital_a_leader_or_the_state_army_count_as_the_state() -> None:
    assert ("AFGGOV", "AFGREB") in dyads(
        events("Kabul accused the Taliban of killing ten soldiers."), "ACCUSE"
    )
    assert ("AFGGOV", "AFGREB") in dyads(
        events("President Ashraf Ghani condemned the Taliban for the attack on the school."),
        "ACCUSE",
    )
    assert ("AFGREB", "AFGMIL") in dyads(
        events("The Afghan army said Taliban gunmen had killed four soldiers."), "ASSAULT"
    )


def test_alone_or_dated_the_group_keeps_its_status_of_the_day() -> None:
    # undated and with no state beside it: the latest status stays (the house's default)
    assert "AFGGOV" in codes(events("Taliban fighters seized the district centre of Musa Qala."))
    # dated: the date decides, before and after the takeover
    assert "AFGREB" in codes(
        events("Taliban fighters seized the district centre of Musa Qala.", "2019-03-01")
    )
    evs = events(
        "The Afghan government said Taliban gunmen had attacked a checkpoint.", "2023-03-01"
    )
    assert "AFGREB" not in codes(evs)


# --- bodies under the names reporting gives them (data: countries.yaml seats, orgs.yaml) ----


def test_germanys_federal_foreign_office_is_germanys_not_the_uks() -> None:
    evs = events("The Federal Foreign Office in Berlin pledged emergency aid to Sudan.")
    assert ("DEUGOV", "SDN") in dyads(evs, "AID")
    # "Foreign Office" alone stays the UK's
    evs = events("The Foreign Office summoned the Iranian ambassador on Monday.")
    assert "GBRGOV" in codes(evs)


def test_the_africa_union_is_the_african_union() -> None:
    evs = events("The Africa Union condemned the attack on the peacekeepers in Somalia.")
    assert "IGO-AUIGO" in {s.code for e in evs for s in e.source}


def test_a_body_is_found_in_either_house_spelling_of_its_name() -> None:
    # data/actors/spellings.yaml: organisation/organization, programme/program, labour/labor
    evs = events("The Organisation of American States condemned Nicaragua over the elections.")
    assert ("IGO-OASIGO", "NIC") in dyads(evs, "ACCUSE")
    evs = events("The UN Environment Program criticised Brazil over the fires in the Amazon.")
    assert "IGO-UNEPIGO" in {s.code for e in evs for s in e.source}


def test_spelling_variants_swap_whole_words_only() -> None:
    from geopol.actors.dictionary import spelling_variants

    assert spelling_variants("World Food Programme") == ["World Food Program"]
    assert spelling_variants("International Labor Organization") == [
        "International Labour Organisation"
    ]
    assert spelling_variants("Programmers Guild") == []
    assert spelling_variants("African Union") == []


def test_northern_ireland_bodies_are_in_the_dictionary() -> None:
    """The parties and the armed group of Northern Ireland (groups.yaml, tenth round)."""
    from geopol.pipeline import code_article
    from geopol.text.reader import article_from_text

    article = article_from_text(
        "Test article\nSinn Fein condemned the Democratic Unionist Party. The Ulster Unionist "
        "Party and the SDLP stayed away. The Provisional IRA had ended its campaign.",
        published=None,
        check_language=False,
    )
    acts = code_article(article).actors
    by_text: dict[str, set[str]] = {}
    for a in acts:
        by_text.setdefault(a.text, set()).add(a.code)
    assert by_text["Sinn Fein"] == {"GBRPTY"}
    assert by_text["Democratic Unionist Party"] == {"GBRPTY"}
    assert by_text["Ulster Unionist Party"] == {"GBRPTY"}
    assert by_text["SDLP"] == {"GBRPTY"}
    assert by_text["Provisional IRA"] == {"GBRREB"}
