"""Recall on PLV-style reporting, eighth round (issue 15). All sentences are written by us."""

from __future__ import annotations

from geopol.pipeline import code
from geopol.records import Event

PUB = "2020-05-04"


def events(text: str) -> list[Event]:
    return code("Test article\n" + text, published=PUB)


def dyads(evs: list[Event], type_: str) -> set[tuple[str, str]]:
    return {
        (s.code, t.code) for e in evs if e.type == type_ for s in e.source for t in e.target
    }


def test_the_maker_of_a_rejected_offer_is_the_one_rejected() -> None:
    # the participle and its "by" cost no hop: the Taliban, not the man to be handed over
    evs = events(
        "The American general rejected every offer made by the Taliban to discuss handing"
        " over wanted terrorist Osama bin Laden to Qatar."
    )
    assert {t[:3] for _, t in dyads(evs, "REJECT")} == {"AFG"}


def test_an_organ_of_no_country_still_acts_on_a_foreign_official() -> None:
    # the scorer finds the envoy for a doer of no stated country; the envoy's country is
    # not the doer's
    evs = events("The prime minister refused to see the French envoy during his visit.")
    assert dyads(evs, "REJECT") == {("---GOV", "FRAGOV")}
    evs = events("President Moreno declined to meet with the Chinese delegation when it arrived.")
    assert dyads(evs, "REJECT") == {("---GOV", "CHNGOV")}


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
