"""Corpus inputs: find the articles under INPUT..., cut them into batches, read one batch.

A batch is the unit of work, of output files and of ``--resume``: it names its input by
location only (file URLs, record range), so a worker on another machine reads it itself and
the driver never ships article text. Batch ids are content-free hashes of that location, so
the same inputs planned with the same batch size give the same ids on every run.

Inputs: folders (``.txt``/``.md`` files, headline on the first line), ``.jsonl``/``.ndjson``,
``.csv`` and ``.parquet`` files (optionally ``.gz``/``.bz2``/``.xz``/``.zst`` for the text
formats), glob patterns, local paths or any fsspec URL (``s3://``, ``gs://``, ``https://``).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import fsspec
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from geopol.errors import BadInput
from geopol.records import Article
from geopol.text.index import DATE_FIELDS, is_index, meta_for
from geopol.text.reader import article_from_text, decode
from geopol.text.when import parse_date

TEXT_SUFFIXES = (".txt", ".md")
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
RECORD_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Record fields read, in order of preference. ``text`` alone means "headline on the first line".
TEXT_FIELDS = ("body", "text", "content")
TITLE_FIELDS = ("title", "headline")


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a text file or a record file."""

    format: str  # text | jsonl | csv | parquet
    url: str


@dataclasses.dataclass(frozen=True, slots=True)
class Batch:
    """Articles coded, written and committed together.

    ``text`` batches list their files; record batches name one file and the half-open
    record range ``[start, stop)`` (records counted from 0, blank JSONL lines not counted).
    """

    id: str
    format: str
    urls: tuple[str, ...]
    start: int = 0
    stop: int = 0

    @property
    def size(self) -> int:
        return len(self.urls) if self.format == "text" else self.stop - self.start


def batch_id(fmt: str, urls: Sequence[str], start: int = 0, stop: int = 0) -> str:
    key = json.dumps([fmt, list(urls), start, stop])
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _format_of(name: str) -> str | None:
    base = name
    for comp in _COMPRESSED:
        if base.lower().endswith(comp):
            base = base[: -len(comp)]
            break
    for suffix, fmt in RECORD_FORMATS.items():
        if base.lower().endswith(suffix):
            return fmt
    # Text suffixes are matched case and all, so README.TXT next to a corpus is not coded.
    return "text" if base.endswith(TEXT_SUFFIXES) else None


def _hidden(rel: str) -> bool:
    return any(part.startswith((".", "_")) for part in rel.replace("\\", "/").split("/") if part)


def discover(inputs: Sequence[str]) -> list[Source]:
    """Every readable input under ``inputs``, in a stable order (sorted within each input).

    Local paths keep the user's spelling (relative stays relative), so ``path`` columns
    match what single-file coding writes.
    """
    sources: list[Source] = []
    for given in inputs:
        fs, root = fsspec.core.url_to_fs(given)
        local = isinstance(fs, LocalFileSystem)
        if any(ch in given for ch in "*?["):
            found = sorted(fs.glob(root))
            if not found:
                raise BadInput(f"{given}: no files match")
            for path in found:
                if fs.isdir(path):
                    continue
                fmt = _format_of(path)
                if fmt:
                    sources.append(Source(fmt, path if local else fs.unstrip_protocol(path)))
            continue
        if not fs.exists(root):
            raise BadInput(f"{given}: no such file or folder")
        if fs.isdir(root):
            found = []
            for path in fs.find(root):
                rel = os.path.relpath(path, root) if local else path[len(root) :].lstrip("/")
                if local and is_index(path):
                    continue  # the folder's metadata, not an article (issue 19)
                if not _hidden(rel) and _format_of(path):
                    found.append(
                        (rel, str(Path(given) / rel) if local else fs.unstrip_protocol(path))
                    )
            for rel, url in sorted(found):
                sources.append(Source(_format_of(rel) or "text", url))
            continue
        fmt = _format_of(root)
        if fmt is None:
            raise BadInput(
                f"{given}: unknown input format (expected a folder or .txt, .md, .jsonl, "
                ".ndjson, .csv or .parquet)"
            )
        sources.append(Source(fmt, given))
    return sources


def _open_text(url: str) -> Any:
    return fsspec.open(url, "rt", encoding="utf-8-sig", newline="", compression="infer")


def count_records(source: Source) -> int:
    """Records in a record file (the planner needs it to cut the file into batches)."""
    if source.format == "parquet":
        with fsspec.open(source.url, "rb") as f:
            return int(pq.ParquetFile(f).metadata.num_rows)
    if source.format == "jsonl":  # count lines as _records does, without parsing them
        with _open_text(source.url) as f:
            return sum(1 for line in f if line.strip())
    return sum(1 for _ in _records(source, 0, None))


def plan(inputs: Sequence[str], batch_size: int = 200) -> list[Batch]:
    """Cut the inputs into batches of at most ``batch_size`` articles."""
    if batch_size < 1:
        raise BadInput("batch size must be at least 1")
    sources = discover(inputs)
    batches: list[Batch] = []
    texts = [s.url for s in sources if s.format == "text"]
    for i in range(0, len(texts), batch_size):
        urls = tuple(texts[i : i + batch_size])
        batches.append(Batch(batch_id("text", urls), "text", urls))
    for source in sources:
        if source.format == "text":
            continue
        n = count_records(source)
        for start in range(0, n, batch_size):
            stop = min(n, start + batch_size)
            batches.append(
                Batch(
                    batch_id(source.format, [source.url], start, stop),
                    source.format,
                    (source.url,),
                    start,
                    stop,
                )
            )
    return batches


def _records(source: Source, start: int, stop: int | None) -> Iterator[dict[str, Any]]:
    """Records ``[start, stop)`` of a record file, as dicts (JSONL lines that fail to parse
    come back as ``{"__error__": message}`` so one bad line skips one record, not the batch)."""
    if source.format == "jsonl":
        with _open_text(source.url) as f:
            i = 0
            for line in f:
                if not line.strip():
                    continue
                if stop is not None and i >= stop:
                    return
                if i >= start:
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        rec = {"__error__": f"not JSON ({exc.msg})"}
                    yield rec if isinstance(rec, dict) else {"__error__": "not a JSON object"}
                i += 1
    elif source.format == "csv":
        csv.field_size_limit(2**31 - 1)
        with _open_text(source.url) as f:
            for i, row in enumerate(csv.DictReader(f)):
                if stop is not None and i >= stop:
                    return
                if i >= start:
                    yield dict(row)
    elif source.format == "parquet":
        with fsspec.open(source.url, "rb") as f:
            pf = pq.ParquetFile(f)
            seen = 0
            for rb in pf.iter_batches(batch_size=1024):
                n = rb.num_rows
                if stop is not None and seen >= stop:
                    return
                if seen + n > start:
                    lo = max(0, start - seen)
                    hi = n if stop is None else min(n, stop - seen)
                    yield from rb.slice(lo, hi - lo).to_pylist()
                seen += n
    else:  # pragma: no cover - plan() only makes the formats above
        raise BadInput(f"{source.url}: not a record format")


def _first(rec: Mapping[str, Any], names: Sequence[str]) -> str | None:
    for name in names:
        value = rec.get(name)
        if isinstance(value, str) and value.strip():
            return value
    return None


def article_from_record(
    rec: Mapping[str, Any], *, where: str, published: dt.date | None = None
) -> Article:
    """An Article from a JSONL/CSV/Parquet record.

    Fields: ``title``/``headline`` with ``body``/``text``/``content``, or ``text`` alone
    (headline on its first line); ``published``/``date``; ``url``; ``source``. ``where``
    (``file:record``) becomes the article's path so rows can be joined back to the input.
    """
    if "__error__" in rec:
        raise BadInput(f"{where}: {rec['__error__']}")
    body = _first(rec, TEXT_FIELDS)
    if body is None:
        raise BadInput(f"{where}: no text (expected a field named one of {', '.join(TEXT_FIELDS)})")
    title = _first(rec, TITLE_FIELDS)
    when = next((d for d in (parse_date(rec.get(n), where=where) for n in DATE_FIELDS) if d),
                None) or published
    url = rec.get("url")
    source = rec.get("source")
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    return article_from_text(
        text,
        published=when,
        title=title.strip() if title else None,
        url=url if isinstance(url, str) and url else None,
        source=source if isinstance(source, str) and source else None,
        path=where,
    )


def read_text_url(url: str, *, published: dt.date | None = None) -> Article:
    """A text article from any URL, read like ``geopol.text.reader.read_text_file``."""
    try:
        with fsspec.open(url, "rb", compression="infer") as f:
            data = f.read()
    except (OSError, ValueError) as exc:
        raise BadInput(f"{url}: cannot read ({exc})") from exc
    return article_from_text(decode(data, name=url), published=published, path=url)


def read_batch(
    batch: Batch, *, published: dt.date | None = None
) -> tuple[list[Article], list[str]]:
    """The batch's articles, and one message per input that could not be coded."""
    articles: list[Article] = []
    skipped: list[str] = []
    if batch.format == "text":
        for url in batch.urls:
            try:
                meta = meta_for(url, fallback=published) if "://" not in url else None
                article = read_text_url(url, published=meta.published if meta else published)
                if meta and (meta.url or meta.source):
                    article = dataclasses.replace(article, url=meta.url or article.url,
                                                  source=meta.source or article.source)
                articles.append(article)
            except BadInput as exc:
                skipped.append(str(exc))
        return articles, skipped
    source = Source(batch.format, batch.urls[0])
    try:
        for i, rec in enumerate(_records(source, batch.start, batch.stop), start=batch.start):
            try:
                articles.append(
                    article_from_record(rec, where=f"{source.url}:{i}", published=published)
                )
            except BadInput as exc:
                skipped.append(str(exc))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BadInput(
            f"{source.url}: cannot read records {batch.start}-{batch.stop} ({exc})"
        ) from exc
    return articles, skipped
