"""Command-line inputs: files, folders and standard input, read as articles.

Bad inputs are reported and skipped, never fatal to the rest of a run: ``read_inputs``
yields articles and records each skipped input with its reason.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from geopol.errors import BadInput
from geopol.records import Article
from geopol.text.reader import article_from_text, decode, read_limited, read_text_file

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ""})
#: Read as rows of articles (as ``geopol ingest`` does), not as one text.
ROW_SUFFIXES = frozenset({".jsonl", ".ndjson", ".csv", ".tsv"})


@dataclasses.dataclass(slots=True)
class Skipped:
    input: str
    reason: str


@dataclasses.dataclass(slots=True)
class InputLog:
    skipped: list[Skipped] = dataclasses.field(default_factory=list)
    read: int = 0


def expand(paths: Sequence[str]) -> Iterator[str]:
    """Each path, with folders replaced by the text files under them (sorted)."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith("."):
                    yield str(f)
        else:
            yield p


def read_inputs(
    paths: Sequence[str], *, published: dt.date | None, log: InputLog
) -> Iterator[Article]:
    for p in expand(paths):
        try:
            if p == "-":
                data = read_limited(sys.stdin.buffer, name="<stdin>")
                text = decode(data, name="<stdin>")
                article = article_from_text(text, published=published, path="<stdin>")
            elif Path(p).suffix.lower() in ROW_SUFFIXES and Path(p).is_file():
                yield from _rows(Path(p), published, log)
                continue
            else:
                if not Path(p).exists():
                    raise BadInput(f"{p}: no such file or folder")
                article = read_text_file(p, published=published)
        except BadInput as exc:
            log.skipped.append(Skipped(p, str(exc)))
            continue
        log.read += 1
        yield article


def _rows(path: Path, published: dt.date | None, log: InputLog) -> Iterator[Article]:
    """The articles of a JSONL or CSV file, one per row; bad rows are skipped."""
    from geopol.ingest.sources import FieldMap, file_items

    for item in file_items(path, fields=FieldMap(), fetcher=None):
        if isinstance(item, Article):
            log.read += 1
            yield item if item.published or published is None else dataclasses.replace(
                item, published=published)
        else:
            reason = item.reason if item.reason.startswith(item.where) else (
                f"{item.where}: {item.reason}")
            log.skipped.append(Skipped(item.where, reason))
