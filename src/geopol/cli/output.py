"""Where ``code`` and ``export`` write: a format from ``--format`` or the file's ending."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import typer

FORMAT_NAMES = ("jsonl", "csv", "parquet", "gdelt", "icews", "acled")


def choose_format(fmt: str | None, output: Path | None, *, extra: tuple[str, ...] = ()) -> str:
    """``--format`` if given, else the format of ``--output``'s ending, else jsonl.

    A format that contradicts the file's ending (``-f jsonl -o x.parquet``) is a usage error,
    never a file whose content is not what its name says.
    """
    from geopol.formats import EXTENSIONS, format_for_path

    known = (*FORMAT_NAMES, *extra)
    if fmt is not None and fmt not in known:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose {', '.join(known)}",
                                 param_hint="--format")
    implied = format_for_path(output) if output is not None else None
    if fmt is None:
        if output is not None and implied is None:
            raise typer.BadParameter(
                f"cannot tell the format from {output.name!r}; give --format or a file "
                f"ending in {', '.join(sorted(EXTENSIONS))}", param_hint="--output")
        return implied or "jsonl"
    tab_separated = fmt in ("gdelt", "icews") and implied in ("gdelt", "icews", "csv")
    if output is not None and implied not in (None, fmt) and not tab_separated:
        raise typer.BadParameter(
            f"--format {fmt} does not match the file name {output.name!r} ({implied}); "
            "rename the file or change --format", param_hint="--format")
    if fmt == "parquet" and output is None:
        raise typer.BadParameter("parquet needs --output FILE", param_hint="--output")
    return fmt


def write_events(dicts: Iterable[Any], fmt: str, output: Path | None,
                 mentions: Path | None = None) -> int:
    """Write event dicts in ``fmt`` to ``output`` (stdout when None); returns the count.

    ``mentions``: also write GDELT's Mentions table there (one row per report).
    """
    from geopol.formats import FORMATS, write_parquet

    if mentions is not None:
        dicts = list(dicts)
        from geopol.formats.gdelt import write_mentions

        with mentions.open("w", encoding="utf-8", newline="") as fh:
            write_mentions(dicts, fh)
    if fmt == "parquet":
        assert output is not None
        return write_parquet(dicts, output)
    writer = FORMATS[fmt]
    if output is None:
        return writer(dicts, sys.stdout)
    with output.open("w", encoding="utf-8", newline="") as fh:
        return writer(dicts, fh)
