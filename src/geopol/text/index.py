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
#: Record fields (JSONL, CSV, Parquet, index.csv) that hold the publication date, in order of
#: preference: ``ingest`` and ``code-corpus`` read the same ones.
DATE_FIELDS: tuple[str, ...] = ("date", "published", "pubdate", "publish_date")


@dataclasses.dataclass(frozen=True, slots=True)
class FileMeta:
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    title: str | None = None


def read_index(folder: str) -> dict[str, dict[str, str]]:
    """``index.csv`` rows of a local folder keyed by file name ({} without an index).

    Read once per version of the file (its modification time and size), not once per article.
    """
    path = Path(folder) / INDEX_NAME
    try:
        st = path.stat()
    except OSError:
        return {}
    return _read(str(path), st.st_mtime_ns, st.st_size)


@functools.lru_cache(maxsize=64)
def _read(path_text: str, mtime_ns: int, size: int) -> dict[str, dict[str, str]]:
    path = Path(path_text)
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
