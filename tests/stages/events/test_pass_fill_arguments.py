"""The ``fill-arguments`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.fill_arguments import fill_arguments


def test_the_addressee_of_a_mandative_demand_is_the_target() -> None:
    text = "Palestinian officials demanded that the United States recognise a Palestinian state."
    ctx = before(text, "fill-arguments", "demanded")
    assert ctx.current.target == []
    fill_arguments(ctx)
    assert [a.country for a in ctx.current.target] == ["USA"]


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "Palestinian officials demanded that the United States recognise a Palestinian state.",
            ("REQUEST", "PSEGOV", "USA"),
        ),
        ("Hamas threatened on Monday to resume attacks inside Israel.", ("THREATEN", "PSEREB", "ISR")),
    ],
)
def test_complements_of_demands_and_threats_name_the_target(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading in readings(coded(text))
    assert reading not in readings(coded(text, without=["fill-arguments"]))
