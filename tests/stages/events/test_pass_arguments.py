"""The ``arguments`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before

from geopol.events.passes.arguments import arguments


def test_subject_and_object() -> None:
    ctx = before("Russia attacked Ukraine.", "arguments", "attacked")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["RUS"]
    assert [a.code for a in ctx.current.target] == ["UKR"]


def test_unnamed_actors_stay_raw_only() -> None:
    ctx = before("Gunmen attacked the Ukrainian army.", "arguments", "attacked")
    arguments(ctx)
    assert ctx.current.source == [] and [a.text for a in ctx.current.raw_source] == ["Gunmen"]
