"""The ``own-country-targets`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.own_targets import own_country_targets


def test_a_refusal_to_resign_is_toward_the_own_country() -> None:
    text = "The Kenyan vice-president declined to resign despite growing pressure."
    ctx = before(text, "own-country-targets", "declined")
    assert ctx.current.target == []
    own_country_targets(ctx)
    assert [a.country for a in ctx.current.target] == ["KEN"]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("The Kenyan vice-president declined to resign despite growing pressure.", ("REJECT", "KENGOV", "KEN")),
        ("The Peruvian prime minister refused to step down on Friday.", ("REJECT", "PERGOV", "PER")),
    ],
)
def test_refusals_to_step_down(text: str, reading: tuple[str, str, str]) -> None:
    assert reading in readings(coded(text))
    assert not readings(coded(text, without=["own-country-targets"]))


def test_a_named_target_is_left_alone() -> None:
    text = "The Turkish government refused to commit troops to the US-led coalition."
    ctx = before(text, "own-country-targets", "refused")
    had = list(ctx.current.target)
    own_country_targets(ctx)
    assert ctx.current.target == had
