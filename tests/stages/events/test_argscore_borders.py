"""A country word on a border noun in a place phrase names no target (events/argscore.py)."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian troops hit a village near the Turkish border.", {("ASSAULT", "SYRMIL", "")}),
        (
            "Pakistani jets bombed militant hideouts along the Afghan frontier.",
            {("ASSAULT", "PAKMIL", "")},
        ),
    ],
)
def test_a_border_says_where_not_whom(text: str, expected: set[tuple[str, str, str]]) -> None:
    assert readings(coded(text)) == expected


def test_a_country_named_as_the_object_stays_the_target() -> None:
    assert readings(coded("Syrian troops attacked Turkish soldiers on the border.")) == {
        ("ASSAULT", "SYRMIL", "TURMIL")
    }
    assert readings(coded("Iranian forces attacked Iraqi border posts.")) == {
        ("ASSAULT", "IRNMIL", "IRQ")
    }
