"""The ``act-gate`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.act_gate import act_gate


def test_a_thing_as_the_subject_is_no_doer() -> None:
    ctx = before("The Spanish budget deficit is set to hit a record this year.", "act-gate", "hit")
    act_gate(ctx)
    assert ctx.current.dropped
    text = "The Spanish budget deficit is set to hit a record this year."
    assert not any(t == "ASSAULT" for t, _, _ in readings(coded(text)))
    # the pass is what removes it (civil-attacks, civil-gate and act-needs would too: no party,
    # no force)
    assert readings(coded(text, without=["act-gate", "civil-attacks", "civil-gate", "act-needs"]))


def test_an_actor_subject_stays() -> None:
    ctx = before("Russia attacked Ukraine.", "act-gate", "attacked")
    act_gate(ctx)
    assert not ctx.current.dropped
    assert readings(coded("Russia attacked Ukraine.")) == {("ASSAULT", "RUS", "UKR")}


def test_the_place_of_a_war_is_not_its_doer() -> None:
    text = "Voters still see the Iraq war as the main issue."
    ctx = before(text, "act-gate", "war")
    act_gate(ctx)
    assert ctx.current.dropped
    assert not coded(text)


def test_an_attack_on_a_plan_is_criticism_of_its_owner() -> None:
    text = "The British prime minister attacked the Conservative Party's tax plans."
    ctx = before(text, "act-gate", "attacked")
    act_gate(ctx)
    assert ctx.current.type.value == "ACCUSE"
    assert [a.code for a in ctx.current.target] == ["GBRPTY"]
    assert readings(coded(text)) == {("ACCUSE", "GBRGOV", "GBRPTY")}


def test_a_fight_against_a_lawsuit_is_no_act() -> None:
    text = "The retailer Tesco is also fighting two lawsuits in Britain."
    assert not any(t == "ASSAULT" for t, _, _ in readings(coded(text)))


def test_commercial_talks_are_no_consultation() -> None:
    text = "The British bank Barclays held merger talks with the American bank Wells Fargo."
    ctx = before(text, "act-gate", "talks")
    act_gate(ctx)
    assert ctx.current.dropped
    assert readings(coded("Britain held talks with the United States on trade.")) == {
        ("CONSULT", "GBR", "USA"),
        ("CONSULT", "USA", "GBR"),
    }


def test_a_thing_in_the_by_phrase_is_no_doer() -> None:
    text = "The Spanish carmaker was hit by a slump in sales in Spain."
    ctx = before(text, "act-gate", "hit")
    act_gate(ctx)
    assert ctx.current.dropped


def test_a_weapon_in_the_by_phrase_is_its_users_means() -> None:
    text = "Five Afghan soldiers were killed by a roadside bomb in Kandahar."
    assert any(t == "ASSAULT" for t, _, _ in readings(coded(text)))


def test_struggling_to_do_something_is_an_effort() -> None:
    text = "China is struggling to increase energy supplies."
    assert not coded(text)


def test_speaking_to_an_audience_is_no_meeting() -> None:
    assert not any(
        t == "CONSULT"
        for t, _, _ in readings(coded("The German chancellor was speaking to German voters."))
    )
    assert ("CONSULT", "RUS", "CHN") in readings(coded("Russia spoke with China."))


def test_a_sum_reached_is_no_attack() -> None:
    assert not coded("British house prices hit 3.3 trillion pounds in total.")


def test_a_plan_to_sue_is_no_agreement() -> None:
    text = "A British detainee plans to sue the British government."
    assert not any(t == "AGREE" for t, _, _ in readings(coded(text)))
    assert ("AGREE", "RUS", "CHN") in readings(coded("Russia plans to hold talks with China."))


def test_an_attack_on_liberties_is_no_assault() -> None:
    text = (
        "Critics say that giving ministers the power to detain Canadian citizens without trial"
        " is the biggest attack on civil liberties in a century."
    )
    assert "ASSAULT" in {k for k, _, _ in readings(coded(text, without=["act-gate"]))}
    assert "ASSAULT" not in {k for k, _, _ in readings(coded(text))}


def test_force_aimed_at_a_standing_is_no_act() -> None:
    # a state of mind or a standing ("trust", "hopes") is no target of force, nor a plan
    # whose owner is criticised
    for text, trigger in (
        ("The arrest of the envoy has hit trust between Russia and Georgia.", "hit"),
        ("The quarrel over the dam threatened hopes of a deal between Egypt and Sudan.", "threatened"),
    ):
        ctx = before(text, "act-gate", trigger)
        act_gate(ctx)
        assert ctx.current.dropped, text
        assert not coded(text), text
    # force at a state stays an act
    assert readings(coded("Russia threatened Georgia with sanctions.")) == {("THREATEN", "RUS", "GEO")}
