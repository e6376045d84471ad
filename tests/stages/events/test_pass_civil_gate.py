"""The ``civil-gate`` pass of the event coder on sentences we wrote: commerce, names of no
kind, force words of other senses, returns to profit, opinions, organs of no country."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.civil_gate import civil_gate


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # commerce: a company (by sector, or by its title) acting on no state organ
        ("House of Fraser disappointed investors with its Christmas sales.", "disappointed"),
        (
            "German airline Lufthansa has agreed to work with Swiss International Air Lines.",
            "agreed",
        ),
        # a word of force with a sporting or economic sense, no force in the sentence
        ("The French president shot baskets with pupils at a school in Lyon.", "shot"),
        ("Slowdowns in the US and China could hit Japanese exports this year.", "hit"),
        # a return to profit
        ("The Italian carmaker Fiat returned to profit in 2004.", "returned"),
        # an opinion about what a state should do
        ("A Tory MP said Britain should not ignore the European Union.", "ignore"),
    ],
)
def test_no_political_act_is_dropped(text: str, word: str) -> None:
    ctx = before(text, "civil-gate", word)
    civil_gate(ctx)
    assert ctx.current.dropped
    assert not any(e.evidence.trigger.text.startswith(word) for e in coded(text))


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [
        ("Israeli troops hit a Hamas base in Gaza.", "hit", ("ASSAULT", "ISRMIL", "PSEREB")),
        ("Police hit protesters with batons in Minsk.", "hit", ("ASSAULT", "BLRCOP", "BLRCVL")),
        ("Russia attacked Ukraine.", "attacked", ("ASSAULT", "RUS", "UKR")),
    ],
)
def test_acts_of_force_and_of_states_stay(text: str, word: str, reading: tuple[str, ...]) -> None:
    ctx = before(text, "civil-gate", word)
    civil_gate(ctx)
    assert not ctx.current.dropped
    assert reading in readings(coded(text))


def test_a_company_protest_or_attack_is_not_dropped_as_commerce() -> None:
    # workers' unrest is often coded to their employer: the gate leaves unrest alone
    text = "Security guards of the mining firm Glencore shot at villagers in Kolwezi, killing two."
    assert any(e.type.value == "ASSAULT" for e in coded(text))


def test_the_pass_is_what_drops_them() -> None:
    text = "German airline Lufthansa has agreed to work with Swiss International Air Lines."
    assert not coded(text)
    # the partner, a firm by its own name ("... Air Lines"), is commerce for act-needs too
    assert coded(text, without=["civil-gate", "act-needs"])


def test_a_party_promise_to_the_public_is_a_campaign() -> None:
    text = "The Liberal Democrats are promising to cut class sizes for the youngest children."
    assert not coded(text)
    assert ("AGREE", "GBRPTY", "GBRCVL") in readings(coded(text, without=["civil-gate"]))


def test_an_attack_by_a_speaker_with_no_force_is_criticism() -> None:
    text = "South African president Thabo Mbeki attacked British imperialists in Durban."
    assert {t for t, _, _ in readings(coded(text))} == {"ACCUSE"}
    text = "South African president Thabo Mbeki said troops attacked British bases."
    assert "ASSAULT" in {t for t, _, _ in readings(coded(text))}


def test_a_force_word_of_other_senses_on_people_is_force() -> None:
    # "shot" with people as its passive subject is a shooting, even with no other force word
    text = "In Monterrey, a man and a woman were shot in a drive-by incident on Sunday."
    assert "ASSAULT" in {t for t, _, _ in readings(coded(text))}


def test_a_trade_figure_is_no_cooperation() -> None:
    text = "The US said its trade with the EU member states was worth 155bn dollars in 2003."
    assert not coded(text)
    assert ("COOPERATE", "USA", "IGO-EUIGO") in readings(coded(text, without=["civil-gate"]))


@pytest.mark.parametrize(
    "text",
    [
        # a sum the tagger may miss, or a word of a statistic
        "This is the highest figure for Mexican trade with Canada since records began in 1950.",
    ],
)
def test_a_trade_statistic_is_no_cooperation(text: str) -> None:
    assert not coded(text)
    assert ("COOPERATE", "MEX", "CAN") in readings(coded(text, without=["civil-gate"]))


def test_trade_with_no_sum_stays_cooperation() -> None:
    text = "Canadian trade with Mexico rose sharply last year."
    assert ("COOPERATE", "CAN", "MEX") in readings(coded(text))


def test_taking_over_a_chairmanship_is_no_attack() -> None:
    text = "Britain took over the chairmanship of the EU in July, promising security."
    assert not any(e.type.value == "ASSAULT" for e in coded(text))


def test_an_attack_by_a_legislator_with_no_force_is_criticism() -> None:
    text = "A Dutch MEP attacked Germany in a speech to parliament."
    kinds = {k for k, _, _ in readings(coded(text))}
    assert "ASSAULT" not in kinds
    assert "ASSAULT" in {k for k, _, _ in readings(coded(text, without=["civil-gate"]))}
