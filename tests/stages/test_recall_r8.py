"""Recall on PLV-style reporting, eighth round (issue 15). All sentences are written by us."""

from __future__ import annotations

from geopol.records import Event
from geopol_testkit import coded

PUB = "2020-05-04"


def events(text: str) -> list[Event]:
    return coded(text, PUB)


def dyads(evs: list[Event], type_: str) -> set[tuple[str, str]]:
    return {
        (s.code, t.code) for e in evs if e.type == type_ for s in e.source for t in e.target
    }


def test_the_maker_of_a_rejected_offer_is_the_one_rejected() -> None:
    # the participle and its "by" cost no hop: the Maldives, not the man to be handed over
    evs = events(
        "The Indian navy chief spurned each proposal put forward by the Maldives to discuss"
        " handing over detained fisherman Ali Rasheed to Sri Lanka."
    )
    assert dyads(evs, "REJECT") == {("IND", "MDV")}


def test_an_organ_of_no_country_still_acts_on_a_foreign_official() -> None:
    # the scorer finds the envoy for a doer of no stated country; the envoy's country is
    # not the doer's
    evs = events("The prime minister refused to see the French envoy during his visit.")
    assert dyads(evs, "REJECT") == {("---GOV", "FRAGOV")}
    evs = events("The interior minister refused to receive the Japanese delegation during its stay.")
    assert dyads(evs, "REJECT") == {("---GOV", "JPNGOV")}


def test_an_organ_of_no_country_asks_nothing_of_a_country_word() -> None:
    # a country named only inside the complement is no party addressed
    evs = events(
        "The home secretary insisted it was for Parliament to decide how Britain should be"
        " defended against terrorism."
    )
    assert not dyads(evs, "REQUEST")


def test_the_sentence_country_still_homes_an_organ_acting_on_a_place() -> None:
    evs = events("The army closed Tehran's new airport.")
    assert ("IRNMIL", "IRNGOV") in dyads(evs, "COERCE")


def test_a_message_is_addressed_to_whom_the_verb_of_contact_reached() -> None:
    evs = events(
        "The Brazilian finance minister wrote to the managing director of the IMF threatening"
        " to suspend payments."
    )
    assert dyads(evs, "THREATEN") == {("BRAGOV", "IGO-IMFIGO")}
    evs = events("Germany wrote to the Greek government demanding repayment of the loans.")
    assert dyads(evs, "REQUEST") == {("DEU", "GRCGOV")}  # not the government demanding
    evs = events("Kenya sent a message to Uganda accusing it of arming the rebels.")
    assert ("KEN", "UGA") in dyads(evs, "ACCUSE")


def test_troops_sent_carry_no_message() -> None:
    evs = events("Russia sent troops to Syria, threatening to attack the rebels.")
    assert ("RUS", "SYR") not in dyads(evs, "THREATEN")


def test_people_in_a_list_of_countries_are_people_of_each() -> None:
    evs = events("Norway pledged food and medicine for villagers in Niger, Mali and Burkina Faso.")
    assert {t for _, t in dyads(evs, "AID")} == {"NERCVL", "MLICVL", "BFACVL"}
    evs = events("Japan sent food to families in Haiti and the Dominican Republic.")
    assert {t for _, t in dyads(evs, "AID")} == {"HTICVL", "DOMCVL"}


def test_a_meeting_with_people_of_two_countries_is_not_spread_over_them() -> None:
    evs = events("The minister met farmers in Kenya and Uganda.")
    assert not any("KENCVL" in d or "UGACVL" in d for d in dyads(evs, "CONSULT"))


def test_the_doers_own_possessor_is_no_target_when_the_object_names_one() -> None:
    evs = events("The Kenyan president praised Kenya's ties with Ethiopia.")
    assert dyads(evs, "SUPPORT") == {("KENGOV", "ETH")}


def test_the_doers_own_possessor_stays_when_the_object_names_no_one() -> None:
    evs = events("The Danish prime minister defended Denmark's tough refugee rules.")
    assert ("DNKGOV", "DNK") in dyads(evs, "SUPPORT")


def test_rebels_of_no_stated_country_still_act_on_a_named_state() -> None:
    evs = events("A rebel leader gave himself up to Nigerian soldiers.")
    assert ("---REB", "NGAMIL") in dyads(evs, "RETREAT")
    evs = events("The rebels demanded that the Malian government release their fighters.")
    assert ("---REB", "MLIGOV") in dyads(evs, "REQUEST")


def test_an_act_judged_is_not_the_judges_act() -> None:
    evs = events("Japan and Canada denounced the car bombing of a market in Mogadishu.")
    assert not any(
        s.country in ("JPN", "CAN") for e in evs if e.type == "ASSAULT" for s in e.source
    )
    evs = events("France criticised the sanctions against Iran.")
    assert not dyads(evs, "SANCTION")
    evs = events("Russia launched an attack on the Ukrainian convoy.")  # a light verb lends it
    assert any(s.startswith("RUS") for s, _ in dyads(evs, "ASSAULT"))
