"""Progress on standard error, for people at a terminal: count, total, rate and ETA.

Shown only when stderr is a terminal and the command is not ``--quiet``; otherwise every call
is a no-op, so pipes and logs get no control characters.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol


class Tick(Protocol):
    def __call__(self, done: int, **fields: Any) -> None: ...


def shown(quiet: bool = False) -> bool:
    """Whether progress is drawn: stderr is a terminal and the user did not ask for quiet."""
    from geopol.cli.logs import is_quiet

    return not quiet and not is_quiet() and sys.stderr.isatty()


@contextmanager
def progress(label: str, total: int | None, *, unit: str = "articles",
             quiet: bool = False) -> Iterator[Tick]:
    """A progress bar (total known) or counter (unknown) with rate and ETA; yields
    ``tick(done)`` that sets how many are done."""
    if not shown(quiet):
        yield lambda done, **fields: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns: list[Any] = [
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
        TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
        TextColumn("ETA"), TimeRemainingColumn(),
    ]
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total, rate="")

        def tick(done: int, **fields: Any) -> None:
            bar.update(task, completed=done)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:.1f}/s" if speed else "")

        yield tick
