"""The ``repression`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.repression import repression


def test_forces_on_protesters_are_repression() -> None:
    text = "Police clashed with demonstrators in Kiev."
    ctx = before(text, "repression", "clashed")
    repression(ctx)
    assert ctx.current.trigger.rule.cameo == "175"
    # the demonstrators' side of the clash is then a riot, not an attack
    assert readings(coded(text)) == {("ASSAULT", "UKRCOP", "UKRCVL"), ("PROTEST", "UKRCVL", "UKRCOP")}
    assert ("ASSAULT", "UKRCVL", "UKRCOP") in readings(coded(text, without=["repression"]))


def test_forces_on_soldiers_stay_an_attack() -> None:
    ctx = before("Police clashed with Russian soldiers in Kiev.", "repression", "clashed")
    repression(ctx)
    assert ctx.current.trigger.rule.cameo != "175"
