"""The ``riots`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.riots import riots


def test_violence_by_protesters_is_a_riot() -> None:
    text = "The statue of the Russian leader was demolished by Ukrainian protesters."
    ctx = before(text, "riots", "demolished")
    riots(ctx)
    assert (ctx.current.trigger.rule.type.value, ctx.current.trigger.rule.cameo) == ("PROTEST", "145")
    assert readings(coded(text)) == {("PROTEST", "UKRCVL", "RUSGOV")}
    assert readings(coded(text, without=["riots"])) == {("ASSAULT", "UKRCVL", "RUSGOV")}


def test_violence_by_soldiers_stays_an_attack() -> None:
    ctx = before("Russian soldiers demolished the Ukrainian embassy.", "riots", "demolished")
    riots(ctx)
    assert ctx.current.trigger.rule.type.value == "ASSAULT"
