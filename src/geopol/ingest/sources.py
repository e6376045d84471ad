"""Where articles come from: files, folders, JSONL/CSV corpora, HTML, Markdown, URLs and feeds.

Everything here yields ``Article`` or ``Skipped`` and never raises for one bad input: a
corpus of thousands of files must not stop at the first broken one. A folder may hold an
``index.csv`` (columns ``file`` and any of ``published``, ``url``, ``source``, ``title``)
giving metadata for its text files.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geopol.errors import BadInput, FetchError, GeopolError
from geopol.ingest.feeds import Entry, looks_like_xml, parse_feed, parse_opml
from geopol.ingest.fetch import Allow, Response, decode_body, fetch
from geopol.ingest.markdown import markdown_to_text
from geopol.records import Article
from geopol.text import index as text_index
from geopol.text.index import DATE_FIELDS
from geopol.text.reader import article_from_text, check_nul, decode, read_limited
from geopol.text.when import parse_date

logger = logging.getLogger(__name__)

TEXT_EXT = {".txt", ".text", ""}
MARKDOWN_EXT = {".md", ".markdown"}
JSONL_EXT = {".jsonl", ".ndjson"}
CSV_EXT = {".csv", ".tsv"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".xml", ".rss", ".atom"}
OPML_EXT = {".opml"}
INDEX_NAME = "index.csv"


@dataclasses.dataclass(frozen=True, slots=True)
class Skipped:
    where: str
    reason: str


Item = Article | Skipped


@dataclasses.dataclass(frozen=True, slots=True)
class FieldMap:
    """Which JSONL/CSV fields hold title, body, date, url and source (first one present)."""

    title: tuple[str, ...] = ("title", "headline")
    body: tuple[str, ...] = ("body", "text", "content", "article")
    date: tuple[str, ...] = DATE_FIELDS  # shared with code-corpus (geopol.text.index)
    url: tuple[str, ...] = ("url", "link")
    source: tuple[str, ...] = ("source", "publisher", "outlet")

    @classmethod
    def parse(cls, spec: str | None) -> FieldMap:
        """``"title=headline,body=story,date=day"``: given fields replace the defaults."""
        if not spec:
            return cls()
        values: dict[str, tuple[str, ...]] = {}
        for part in spec.split(","):
            key, sep, field = part.partition("=")
            key = key.strip()
            if not sep or key not in {f.name for f in dataclasses.fields(cls)}:
                raise BadInput(
                    f"field mapping {part!r}: expected NAME=FIELD with NAME one of "
                    "title, body, date, url, source"
                )
            values[key] = (field.strip(),)
        return dataclasses.replace(cls(), **values)

    def get(self, row: Mapping[str, Any], names: tuple[str, ...]) -> Any:
        for n in names:
            if n in row and row[n] not in (None, ""):
                return row[n]
        return None


def _host(url: object) -> str | None:
    if not isinstance(url, str) or not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:  # "http://[oops": the article is kept, its source is just unknown
        return None


def _guarded(where: str, make: Callable[[], Item]) -> Item:
    """``make()``, or Skipped with the reason if it fails in any way: one bad row, entry or
    page must never stop the items around it."""
    try:
        return make()
    except BadInput as exc:
        return Skipped(where, str(exc))
    except (RecursionError, MemoryError) as exc:
        logger.info("%s: skipped: too deeply nested or too large (%s)", where,
                       type(exc).__name__)
        return Skipped(where, f"too deeply nested or too large ({type(exc).__name__})")
    except Exception as exc:
        logger.info("%s: skipped: %s: %s", where, type(exc).__name__, exc)
        return Skipped(where, f"cannot read ({type(exc).__name__}: {exc})")


# --- plain text and Markdown ---------------------------------------------------------------

def read_index(folder: Path) -> dict[str, dict[str, str]]:
    """``index.csv`` rows keyed by file name, if the folder has a metadata index (read as
    ``geopol code`` and ``code-corpus`` read it: ``geopol.text.index``)."""
    return text_index.read_index(str(folder))


def is_index(path: Path) -> bool:
    return path.name == INDEX_NAME and bool(read_index(path.parent))


def text_file(path: Path, meta: Mapping[str, str] | None = None, *, markdown: bool = False) -> Item:
    meta = dict(meta or {})
    try:
        text = decode(read_limited(path, name=str(path)), name=str(path))
        if markdown:
            text, front = markdown_to_text(text)
            meta = {**{k: str(v) for k, v in front.items() if v is not None}, **meta}
        title = meta.get("title") or None
        return article_from_text(
            text,
            published=parse_date(meta.get("published") or meta.get("date"), where=str(path)),
            title=title,
            url=meta.get("url") or None,
            source=meta.get("source") or None,
            path=str(path),
        )
    except BadInput as exc:
        return Skipped(str(path), str(exc))
    except OSError as exc:
        return Skipped(str(path), f"cannot read ({exc.strerror})")


# --- corpora -------------------------------------------------------------------------------


def _text_field(value: Any, what: str, where: str) -> str | None:
    """A row's field as text: strings and numbers are taken, anything else is refused."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise BadInput(f"{where}: field {what} is a JSON {type(value).__name__}, not text")


def _row_article(row: Mapping[str, Any], fields: FieldMap, where: str) -> Item:
    body = fields.get(row, fields.body)
    title = _text_field(fields.get(row, fields.title), "title", where)
    if not isinstance(body, str) or not body.strip():
        return Skipped(where, "no body text (use --fields body=NAME to name the field)")
    raw_url = fields.get(row, fields.url)
    if raw_url is not None and not isinstance(raw_url, str):
        raise BadInput(f"{where}: url is a {type(raw_url).__name__}, not text")
    url: str | None = raw_url
    if url is not None:
        try:
            urlsplit(url).port  # noqa: B018 (raises ValueError on "http://[oops")
        except ValueError as exc:
            raise BadInput(f"{where}: malformed url {url[:80]!r} ({exc})") from exc
    source = _text_field(fields.get(row, fields.source), "source", where)
    try:
        return article_from_text(
            body,
            title=title.strip() if title else None,
            published=parse_date(_text_field(fields.get(row, fields.date), "date", where), where=where),
            url=url.strip() if url else None,
            source=source or _host(url),
            path=where,
        )
    except BadInput as exc:
        return Skipped(where, str(exc))


def jsonl_rows(text: str, fields: FieldMap, name: str) -> Iterator[Item]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        yield _guarded(where, functools.partial(_json_row, line, fields, where))


def _json_row(line: str, fields: FieldMap, where: str) -> Item:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Skipped(where, f"not JSON ({exc.msg})")
    if not isinstance(row, dict):
        return Skipped(where, "not a JSON object")
    return _row_article(row, fields, where)


def csv_rows(text: str, fields: FieldMap, name: str, *, delimiter: str = ",") -> Iterator[Item]:
    csv.field_size_limit(10_000_000)
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    n = 1
    while True:
        n += 1
        where = f"{name}:{n}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:  # one broken row: skip it, the reader goes on with the next
            logger.info("%s: skipped: bad CSV (%s)", where, exc)
            yield Skipped(where, f"bad CSV ({exc})")
            continue
        if None in row:  # more cells than header names
            yield Skipped(where, f"{len(row[None]) if isinstance(row[None], list) else 1} "
                                 "cells more than the header has")
            continue
        yield _guarded(where, functools.partial(_row_article, row, fields, where))


#: Largest feed or OPML file read.
MAX_FEED = 50_000_000
#: Largest JSONL/CSV/HTML file read (it is read whole); larger corpora: split them.
MAX_FILE = 1_000_000_000


def _read(path: Path, limit: int = MAX_FILE) -> str:
    """A corpus or page file as text (NULs are checked per row, or per page by the caller)."""
    data = read_limited(path, limit=limit, name=str(path))
    if not data.strip():
        raise BadInput(f"{path}: empty file")
    return decode_body(data, None).replace("\r\n", "\n")


# --- HTML ------------------------------------------------------------------------------------


def html_article(html: str, *, url: str | None = None, path: str | None = None) -> Item:
    """Main text, title and publication date of an HTML page (trafilatura)."""
    import trafilatura

    where = url or path or "page"
    try:
        raw = trafilatura.extract(
            html, url=url, output_format="json", with_metadata=True, include_comments=False
        )
    except Exception as exc:  # a broken page must not stop a corpus
        return Skipped(where, f"cannot extract text from HTML ({type(exc).__name__})")
    if not raw:
        return Skipped(where, "no article text found in the page")
    doc = json.loads(raw)
    title = (doc.get("title") or "").strip()
    text = (doc.get("text") or "").strip()
    first, _, rest = text.partition("\n")
    if title and first.strip() == title:
        text = rest.strip()
    if not title:
        title, _, text = text.partition("\n")
    try:
        return article_from_text(
            text,
            title=title.strip(),
            published=parse_date(doc.get("date")),
            url=url,
            source=doc.get("sitename") or _host(url),
            path=path,
        )
    except BadInput as exc:
        return Skipped(where, str(exc))


# --- feeds and URLs ------------------------------------------------------------------------

Fetcher = Callable[[str], Response]


def entry_article(
    entry: Entry, *, feed_title: str, feed_url: str, fetcher: Fetcher | None
) -> Item:
    """An article from a feed entry, completed from its page when the entry is short."""
    where = entry.link or f"{feed_url}#{entry.key}"
    if fetcher is not None and entry.link and not entry.full:
        try:
            resp = fetcher(entry.link)
            page = html_article(decode_body(resp.content, resp.charset), url=resp.url)
            if isinstance(page, Article):
                return dataclasses.replace(
                    page,
                    title=entry.title or page.title,
                    published=entry.published or page.published,
                    source=feed_title or page.source,
                )
        except GeopolError:
            pass  # fall back to the entry's own text
    if not entry.text:
        return Skipped(where, "feed entry without text, and its page could not be read")
    try:
        return article_from_text(
            entry.text,
            title=entry.title or None,
            published=entry.published,
            url=entry.link,
            source=feed_title or _host(feed_url),
            path=None,
        )
    except BadInput as exc:
        return Skipped(where, str(exc))


def feed_items(
    data: bytes, *, url: str, content_type: str | None, fetcher: Fetcher | None
) -> Iterator[Item]:
    try:
        feed = parse_feed(data, url=url, content_type=content_type)
    except BadInput as exc:
        yield Skipped(url, str(exc))
        return
    for entry in feed.entries:
        yield _guarded(entry.link or f"{url}#{entry.key}", functools.partial(
            entry_article, entry, feed_title=feed.title, feed_url=url, fetcher=fetcher))


def make_fetcher(*, allow_private: Allow = False, timeout: float = 20.0,
                 max_bytes: int = 10_000_000) -> Fetcher:
    def _fetch(url: str) -> Response:
        return fetch(url, allow_private=allow_private, timeout=timeout, max_bytes=max_bytes)

    return _fetch


def _kind(content_type: str, data: bytes, url: str) -> str:
    path = urlsplit(url).path.lower()
    if "opml" in content_type or path.endswith(".opml") or b"<opml" in data[:1024].lower():
        return "opml"
    if any(x in content_type for x in ("rss", "atom", "xml")) or looks_like_xml(data):
        return "feed"
    if "json" in content_type or path.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if "csv" in content_type or path.endswith(".csv"):
        return "csv"
    if content_type.startswith("text/plain") or path.endswith(".txt"):
        return "text"
    return "html"


def url_items(url: str, *, fields: FieldMap, fetcher: Fetcher, pages: bool = True,
              _depth: int = 0) -> Iterator[Item]:
    try:
        resp = fetcher(url)
    except FetchError as exc:
        yield Skipped(url, str(exc))
        return
    kind = _kind(resp.content_type, resp.content, resp.url)
    if kind == "opml":
        try:
            feeds = parse_opml(resp.content, name=url)
        except BadInput as exc:
            yield Skipped(url, str(exc))
            return
        if _depth > 0:
            yield Skipped(url, "OPML inside OPML is not followed")
            return
        for f in feeds:
            yield from url_items(f, fields=fields, fetcher=fetcher, pages=pages, _depth=1)
    elif kind == "feed":
        yield from feed_items(resp.content, url=resp.url, content_type=resp.content_type,
                              fetcher=fetcher if pages else None)
    elif kind == "jsonl":
        yield from jsonl_rows(decode_body(resp.content, resp.charset), fields, url)
    elif kind == "csv":
        yield from csv_rows(decode_body(resp.content, resp.charset), fields, url)
    elif kind == "text":
        try:
            text = decode(resp.content, name=url)
            yield article_from_text(text, url=resp.url, source=_host(resp.url))
        except BadInput as exc:
            yield Skipped(url, str(exc))
    else:
        html = decode_body(resp.content, resp.charset)
        try:
            check_nul(html, url)
        except BadInput as exc:
            yield Skipped(url, str(exc))
            return
        yield html_article(html, url=resp.url)


# --- files and folders -----------------------------------------------------------------------


def file_items(path: Path, *, fields: FieldMap, fetcher: Fetcher | None,
               index: Mapping[str, Mapping[str, str]] | None = None) -> Iterator[Item]:
    ext = path.suffix.lower()
    meta = (index or {}).get(path.name)
    try:
        if ext in MARKDOWN_EXT:
            yield text_file(path, meta, markdown=True)
        elif ext in JSONL_EXT:
            yield from jsonl_rows(_read(path), fields, str(path))
        elif ext in CSV_EXT:
            if is_index(path):
                return
            yield from csv_rows(_read(path), fields, str(path),
                                delimiter="\t" if ext == ".tsv" else ",")
        elif ext in HTML_EXT:
            html = _read(path)
            check_nul(html, str(path))
            yield html_article(html, path=str(path))
        elif ext in FEED_EXT:
            yield from feed_items(read_limited(path, limit=MAX_FEED, name=str(path)),
                                  url=str(path), content_type=None,
                                  fetcher=fetcher)
        elif ext in OPML_EXT:
            if fetcher is None:
                yield Skipped(str(path), "OPML lists feeds to fetch; fetching is turned off")
                return
            for url in parse_opml(read_limited(path, limit=MAX_FEED, name=str(path)),
                                  name=str(path)):
                yield from url_items(url, fields=fields, fetcher=fetcher, _depth=1)
        elif ext in TEXT_EXT:
            yield text_file(path, meta)
        else:
            yield Skipped(str(path), f"unknown file type {ext!r}; skipped")
    except BadInput as exc:
        yield Skipped(str(path), str(exc))
    except OSError as exc:
        yield Skipped(str(path), f"cannot read ({exc.strerror})")


def _each(where: str, items: Iterator[Item]) -> Iterator[Item]:
    """``items``, ending with a Skipped (not an exception) if reading them fails midway."""
    try:
        yield from items
    except Exception as exc:  # a reader bug on one input must not stop the other inputs
        logger.info("%s: stopped reading: %s: %s", where, type(exc).__name__, exc)
        yield Skipped(where, f"cannot read further ({type(exc).__name__}: {exc})")


def folder_files(folder: Path) -> list[Path]:
    """Files under ``folder`` in a stable order, hidden files and folders left out."""
    out = []
    for p in folder.rglob("*"):
        rel = p.relative_to(folder).parts
        if any(part.startswith(".") for part in rel) or not p.is_file():
            continue
        out.append(p)
    return sorted(out)


def iter_inputs(
    inputs: Sequence[str | Path],
    *,
    fields: FieldMap | None = None,
    fetcher: Fetcher | None = None,
    pages: bool = True,
) -> Iterator[Item]:
    """Articles from every input, in order: files, folders (recursively) and URLs."""
    fields = fields or FieldMap()
    for raw in inputs:
        s = str(raw)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", s):
            if fetcher is None:
                yield Skipped(s, "URLs are not fetched here (fetching is turned off)")
                continue
            yield from _each(s, url_items(s, fields=fields, fetcher=fetcher, pages=pages))
            continue
        path = Path(s).expanduser()
        if path.is_dir():
            indexes: dict[Path, dict[str, dict[str, str]]] = {}
            for f in folder_files(path):
                if f.parent not in indexes:
                    indexes[f.parent] = read_index(f.parent)
                yield from _each(str(f), file_items(f, fields=fields, fetcher=fetcher,
                                                    index=indexes[f.parent]))
        elif path.is_file():
            yield from _each(s, file_items(path, fields=fields, fetcher=fetcher,
                                           index=read_index(path.parent)))
        else:
            yield Skipped(s, "no such file or folder")
