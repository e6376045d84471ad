"""The ``arguments`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

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


def test_they_in_what_a_party_says_is_the_speaker() -> None:
    text = "Egyptian officials said they would send aid to Gaza."
    ctx = before(text, "arguments", "send")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["EGYGOV"]
    assert ("AID", "EGYGOV", "PSE") in readings(coded(text))


def test_they_of_no_reported_speech_is_nobody() -> None:
    ctx = before("They would send aid to Gaza.", "arguments", "send")
    arguments(ctx)
    assert ctx.current.source == []


def test_a_name_misread_as_an_adverb_is_the_subject() -> None:
    ctx = before("USAID provided tents to Haiti.", "arguments", "provided")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["USAGOV"]
