"""A folder's ``index.csv``: per-file metadata (publication date, URL, source, title).

Columns: ``file`` and any of ``published`` (or ``date``), ``url``, ``source``, ``title``.
``geopol code``, ``ingest`` and ``code-corpus`` read it the same way: a file's own row wins,
``--published`` is only the fallback for files without a date. The index itself is never
read as an article.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import functools
from pathlib import Path

from geopol.text.when import parse_date

INDEX_NAME = "index.csv"


@dataclasses.dataclass(frozen=True, slots=True)
class FileMeta:
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None


@functools.lru_cache(maxsize=256)
def read_index(folder: str) -> dict[str, dict[str, str]]:
    """``index.csv`` rows of a local folder keyed by file name ({} without an index)."""
    path = Path(folder) / INDEX_NAME
    if not path.is_file():
        return {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "file" not in reader.fieldnames:
                return {}
            return {row["file"]: row for row in reader if row.get("file")}
    except (OSError, UnicodeDecodeError, csv.Error):
        return {}


def is_index(path: str | Path) -> bool:
    """Whether a file is a folder's metadata index (never an article)."""
    p = Path(path)
    return p.name == INDEX_NAME and bool(read_index(str(p.parent)))


def meta_for(path: str | Path, *, fallback: dt.date | None = None) -> FileMeta:
    """The index row of one file (its folder's ``index.csv``), with ``fallback`` as the date
    of files the index does not date. Unreadable dates are logged with the file."""
    p = Path(path)
    row = read_index(str(p.parent)).get(p.name) or {}
    where = f"{p.parent / INDEX_NAME} ({p.name})"
    published = parse_date(row.get("published") or row.get("date"), where=where)
    return FileMeta(
        published=published or fallback,
        url=row.get("url") or None,
        source=row.get("source") or None,
        title=row.get("title") or None,
    )
