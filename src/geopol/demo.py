"""``make demo``: code the bundled sample articles into the default store and summarise."""

from __future__ import annotations

from pathlib import Path

import typer


def run_demo(db: Path | None = None) -> None:
    placeholder = db
    del placeholder
    typer.echo("demo: store not available yet")
