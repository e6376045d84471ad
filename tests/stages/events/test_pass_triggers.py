"""The ``triggers`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.triggers import triggers


def test_finds_the_noun_a_light_verb_carries() -> None:
    ctx = before("Russia and China held talks in Beijing.", "triggers", "talks")
    triggers(ctx)
    assert [(t.token.text, t.rule.type.value, t.noun) for t in ctx.triggers] == [
        ("talks", "CONSULT", True)
    ]


def test_folds_the_content_of_an_agreement_into_it() -> None:
    ctx = before("Russia agreed to withdraw its troops from Syria.", "triggers", "agreed")
    triggers(ctx)
    (agree,) = ctx.triggers
    assert agree.rule.type.value == "AGREE"
    assert [c.token.text for c in agree.content] == ["withdraw"]


def test_without_triggers_nothing_is_coded() -> None:
    assert readings(coded("Russia attacked Ukraine.", without=["triggers"])) == set()
