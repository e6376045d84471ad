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


def test_what_is_eased_through_a_part_of_it_is_no_act_of_its_own() -> None:
    for text, target in [
        ("The State Department eased some of its restrictions on aid to North Korea.", "PRK"),
        ("The EU lifted most of the sanctions on Iran.", "IRN"),
        ("Washington relaxed some of the restrictions on travel to Cuba.", "CUB"),
    ]:
        got = readings(coded(text))
        assert any(r[0] == "RETREAT" and r[2] == target for r in got), (text, got)
        assert not any(r[0] in ("COERCE", "SANCTION") for r in got), (text, got)



def test_an_x_of_y_noun_phrase_is_coded_at_its_head() -> None:
    # "show of force" is in the lexicon as one phrase; the parser hangs "force" on "of"
    got = readings(coded("China staged a show of force near Taiwan."))
    assert any(r[0] == "MOBILIZE" and r[1] == "CHN" for r in got), got
    # the phrase's last word is no event of its own: a state of siege is no siege
    ctx = before("The army declared a state of siege in the town.", "triggers", "declared")
    triggers(ctx)
    assert "siege" not in [t.token.text for t in ctx.triggers]
