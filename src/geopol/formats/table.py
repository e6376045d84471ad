"""A readable line per event, for people at a terminal."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from geopol.formats.safe import terminal_text
from geopol.records import Event


def _actors(actors: list[object]) -> str:
    return " + ".join(f"{a.name} ({a.cameo})" for a in actors) or "-"  # type: ignore[attr-defined]


def event_line(e: Event) -> str:
    when = e.date.value if e.date and e.date.value else "?"
    where = e.location.name if e.location and e.location.name else "?"
    mode = f"/{e.mode}" if e.mode else ""
    toll = ""
    if e.killed is not None:
        toll += f" | killed {e.killed.count}{'+' if e.killed.high is None else ''}"
    if e.injured is not None:
        toll += f" | injured {e.injured.count}{'+' if e.injured.high is None else ''}"
    return (
        f"{e.type}{mode} [{e.factuality.value}] {_actors(list(e.source))} -> {_actors(list(e.target))}"
        f" | when {when} | where {where} | CAMEO {e.cameo}{toll}\n"
        f'    "{e.evidence.sentence.text.strip()}"'
    )


def write_table(events: Iterable[Event], out: TextIO) -> int:
    n = 0
    for e in events:
        out.write(terminal_text(event_line(e)) + "\n")  # article text must not drive a terminal
        n += 1
    return n
