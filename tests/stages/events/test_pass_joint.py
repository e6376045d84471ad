"""The ``joint-shows-of-force`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.joint import joint_rule, joint_shows_of_force


def test_war_games_together_are_military_cooperation() -> None:
    text = "Russia and China launched war games."
    ctx = before(text, "joint-shows-of-force", "games")
    joint_shows_of_force(ctx)
    assert (ctx.current.trigger.rule.type.value, ctx.current.trigger.rule.cameo) == ("COOPERATE", "062")
    assert readings(coded(text)) == {("COOPERATE", "CHN", "RUS"), ("COOPERATE", "RUS", "CHN")}
    assert readings(coded(text, without=["joint-shows-of-force"])) == {("MOBILIZE", "CHN+RUS", "")}


def test_only_shows_of_force_are_joint() -> None:
    ctx = before("Russia and China attacked Ukraine.", "joint-shows-of-force", "attacked")
    assert joint_rule(ctx.current.trigger.rule) is None
