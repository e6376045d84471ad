"""Event exporters: each writes event dicts (``Event.to_dict()``) to a text stream.

``FORMATS`` maps a format name to its writer, ``writer(events, out) -> count``. Columns of
each format are documented in ``docs/formats.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TextIO

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
}

__all__ = [
    "FORMATS",
    "EventLike",
    "Writer",
    "write_csv",
    "write_gdelt",
    "write_icews",
    "write_jsonl",
]
