"""The ``sport-and-showbiz`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import dataclasses

from events_passkit import before

from geopol.events.passes.sport import sport_and_showbiz


def _skipped(text: str, word: str) -> list[tuple[str, bool]]:
    ctx = before(text, "sport-and-showbiz", word)
    topic = dataclasses.replace(ctx.state.topic, skip=frozenset({ctx.number}))
    ctx.state.topic = topic
    sport_and_showbiz(ctx)
    return [(t.rule.type.value, t.rule.gathering_visit) for t in ctx.triggers]


def test_a_skipped_sentence_keeps_only_visits_and_protests() -> None:
    # A sport sentence: the attack is a tackle, the visit to the match abroad is political.
    text = "The French president attended the Olympic Games in Beijing, and Italy attacked Spain."
    assert _skipped(text, "attended") == [("CONSULT", True)]


def test_other_sentences_keep_their_triggers() -> None:
    ctx = before("Italy attacked Spain.", "sport-and-showbiz", "attacked")
    sport_and_showbiz(ctx)
    assert [t.rule.type.value for t in ctx.triggers] == ["ASSAULT"]
