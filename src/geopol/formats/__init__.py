"""Event exporters: each writes event dicts (``Event.to_dict()``) to a text stream.

``FORMATS`` maps a format name to its writer, ``writer(events, out) -> count``; Parquet
(binary) is ``write_parquet(events, path)``. ``format_for_path`` picks the format from a file
name. Columns of each format are documented in ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from geopol.formats.acled import write_acled
from geopol.formats.csv import write_csv
from geopol.formats.gdelt import write_gdelt
from geopol.formats.icews import write_icews
from geopol.formats.jsonl import EventLike, write_jsonl

Writer = Callable[[Iterable[EventLike], TextIO], int]

FORMATS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "icews": write_icews,
    "acled": write_acled,
}

#: File name endings and the format they mean (``geopol code -o x.parquet``).
EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
    ".parquet": "parquet", ".pq": "parquet", ".tsv": "gdelt", ".tab": "icews",
}


def write_parquet(events: Iterable[EventLike], path: str | Path) -> int:
    """``geopol.formats.parquet.write_parquet``, imported on first use: pyarrow takes a
    noticeable share of a short command's start-up and most commands never write Parquet."""
    from geopol.formats.parquet import write_parquet as write

    return write(events, path)


def format_for_path(path: str | Path) -> str | None:
    """The format a file name asks for (None when its ending is not one of ``EXTENSIONS``)."""
    return EXTENSIONS.get(Path(path).suffix.lower())

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "EventLike",
    "Writer",
    "format_for_path",
    "write_acled",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_jsonl",
    "write_parquet",
]
