"""Command-line inputs: files, folders and standard input, read as articles.

Bad inputs are reported and skipped, never fatal to the rest of a run: ``read_inputs``
yields articles and records each skipped input with its reason. A folder's ``index.csv``
gives each file its publication date, URL, source and title (``geopol.text.index``), as
``ingest`` and ``code-corpus`` read it; ``published`` is the fallback for undated files.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from geopol.errors import BadInput
from geopol.records import Article
from geopol.text.index import meta_for
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


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many inputs ``expand`` gives (None with standard input: unknown in advance)."""
    if "-" in paths:
        return None
    return sum(1 for _ in expand(paths))


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
                meta = meta_for(p, fallback=published)
                article = read_text_file(p, published=meta.published)
                if meta.url or meta.source or meta.title:
                    article = dataclasses.replace(
                        article, url=meta.url or article.url,
                        source=meta.source or article.source, title=meta.title or article.title,
                    )
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
