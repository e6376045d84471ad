"""The Parquet event lake: one batch's rows written atomically, and the manifest that makes
``--resume`` safe.

Layout (readers depend on it; see docs/scale.md)::

    LAKE/events/event_date=YYYY-MM-DD/part-<batch>.parquet   EVENT_COLUMNS minus event_date
    LAKE/dyads/event_date=YYYY-MM-DD/part-<batch>.parquet    DYAD_COLUMNS
    LAKE/articles/part-<batch>.parquet                       ARTICLE_COLUMNS
    LAKE/_manifest/<batch>.json                              one per finished batch
    LAKE/_manifest/_run.json                                 settings the batch ids depend on

Events without any date (no resolved date and no publication date) go to
``event_date=__HIVE_DEFAULT_PARTITION__``, which DuckDB and Arrow read back as NULL.

Why this is crash-safe: every file is written under a hidden temporary name and renamed
(one atomic step on a local or POSIX file system; object stores write each object whole),
file names depend only on the batch, and the manifest entry is written last. A batch killed
half-way leaves complete files but no manifest entry; a rerun codes it again and the same
names are overwritten, so nothing is lost and nothing is counted twice.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from geopol.errors import StoreError
from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS, dyad_rows, event_row
from geopol.records import CodedArticle

HIVE_NULL = "__HIVE_DEFAULT_PARTITION__"
_TEMP = re.compile(r"\..+\.[0-9a-f]{32}\.tmp")
PARTITION = "event_date"
MANIFEST = "_manifest"
RUN_FILE = "_run.json"
ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "title": "VARCHAR",
    "published": "DATE",
    "url": "VARCHAR",
    "source": "VARCHAR",
    "path": "VARCHAR",
    "language": "VARCHAR",
    "n_events": "INTEGER",
}
_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
}


def arrow_schema(columns: Mapping[str, str], *, drop: Sequence[str] = ()) -> pa.Schema:
    """The Arrow schema of a store table, so every part file has the same types."""
    return pa.schema(
        [pa.field(name, _ARROW_TYPES[kind]) for name, kind in columns.items() if name not in drop]
    )


EVENT_SCHEMA = arrow_schema(EVENT_COLUMNS, drop=(PARTITION,))
DYAD_SCHEMA = arrow_schema(DYAD_COLUMNS)
ARTICLE_SCHEMA = arrow_schema(ARTICLE_COLUMNS)


def partition_value(day: dt.date | None) -> str:
    return day.isoformat() if day else HIVE_NULL


def event_tables(coded: Iterable[CodedArticle]) -> dict[str, tuple[pa.Table, pa.Table]]:
    """Event and dyad tables of some coded articles, keyed by ``event_date`` partition value."""
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    dyads: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in coded:
        for event in article.events:
            row = event_row(event)
            key = partition_value(row.pop(PARTITION))
            events[key].append(row)
            dyads[key].extend(dyad_rows(event))
    return {
        key: (
            pa.Table.from_pylist(rows, schema=EVENT_SCHEMA),
            pa.Table.from_pylist(dyads[key], schema=DYAD_SCHEMA),
        )
        for key, rows in sorted(events.items())
    }


def article_table(coded: Iterable[CodedArticle]) -> pa.Table:
    rows = [
        {
            "article_id": c.article.id,
            "title": c.article.title,
            "published": c.article.published,
            "url": c.article.url,
            "source": c.article.source,
            "path": c.article.path,
            "language": c.article.language,
            "n_events": len(c.events),
        }
        for c in coded
    ]
    return pa.Table.from_pylist(rows, schema=ARTICLE_SCHEMA)


def _parquet_bytes(table: pa.Table) -> bytes:
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


class Lake:
    """A lake at a local path or fsspec URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.fs, self.root = fsspec.core.url_to_fs(url)
        self.local = isinstance(self.fs, LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root.rstrip("/"), *parts])

    def write_bytes(self, rel: str, data: bytes) -> None:
        """Write a file so that readers see all of it or none of it."""
        target = self.path(rel)
        folder, name = target.rsplit("/", 1)
        try:
            if not self.local:  # an object store PUT is atomic: the object appears whole
                self.fs.pipe_file(target, data)
                return
            os.makedirs(folder, exist_ok=True)
            tmp = f"{folder}/.{name}.{uuid.uuid4().hex}.tmp"  # hidden: readers skip it
            with open(tmp, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise StoreError(f"{self.url}: cannot write {rel} ({exc.strerror or exc})") from exc

    def read_json(self, rel: str) -> dict[str, Any] | None:
        target = self.path(rel)
        if not self.fs.exists(target):
            return None
        with self.fs.open(target, "rb") as f:
            value: dict[str, Any] = json.loads(f.read())
        return value

    def done(self) -> set[str]:
        """Ids of the batches whose manifest entry exists (finished and committed)."""
        folder = self.path(MANIFEST)
        if not self.fs.exists(folder):
            return set()
        names = (p.rsplit("/", 1)[-1] for p in self.fs.ls(folder, detail=False))
        return {n[: -len(".json")] for n in names if n.endswith(".json") and not n.startswith("_")}

    def check_run(self, settings: Mapping[str, Any], *, resume: bool) -> None:
        """Refuse to mix runs whose batches would not line up (different batch size or coder)."""
        previous = self.read_json(f"{MANIFEST}/{RUN_FILE}")
        finished = self.done()
        if finished and not resume:
            raise StoreError(
                f"{self.url} already holds {len(finished)} finished batches; pass --resume to "
                "finish that run, or write to a new --out"
            )
        if previous is not None and finished:
            changed = [k for k, v in settings.items() if previous.get(k) != v]
            if changed:
                raise StoreError(
                    f"{self.url} was written with other settings ({', '.join(sorted(changed))}); "
                    "resuming would code some articles twice; write to a new --out"
                )
        self.write_bytes(f"{MANIFEST}/{RUN_FILE}", json.dumps(dict(settings), indent=1).encode())

    def write_batch(
        self, batch_id: str, coded: Sequence[CodedArticle], info: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Write one batch's parts, then its manifest entry (the commit). Returns the entry."""
        files: list[str] = []
        n_events = n_dyads = 0
        for key, (events, dyads) in event_tables(coded).items():
            for kind, table in (("events", events), ("dyads", dyads)):
                if table.num_rows == 0:
                    continue
                rel = f"{kind}/{PARTITION}={key}/part-{batch_id}.parquet"
                self.write_bytes(rel, _parquet_bytes(table))
                files.append(rel)
            n_events += events.num_rows
            n_dyads += dyads.num_rows
        articles = article_table(coded)
        if articles.num_rows:
            rel = f"articles/part-{batch_id}.parquet"
            self.write_bytes(rel, _parquet_bytes(articles))
            files.append(rel)
        entry = {
            "batch": batch_id,
            **info,
            "articles": articles.num_rows,
            "events": n_events,
            "dyads": n_dyads,
            "files": files,
        }
        self.write_bytes(f"{MANIFEST}/{batch_id}.json", json.dumps(entry, indent=1).encode())
        return entry

    def parts(self) -> list[str]:
        """Every part file in the lake, relative to its root."""
        root = self.root.rstrip("/")
        found = self.fs.glob(f"{root}/*/**/part-*.parquet") if self.fs.exists(root) else []
        return sorted(p[len(root) + 1 :] for p in found)

    def sweep(self) -> int:
        """Remove temporary files a killed writer left (only call it when no batch is running)."""
        if not self.local or not os.path.isdir(self.root):
            return 0
        n = 0
        for folder, _, names in os.walk(self.root):
            for name in names:
                if _TEMP.fullmatch(name):
                    os.remove(os.path.join(folder, name))
                    n += 1
        return n

    def orphans(self) -> list[str]:
        """Part files no manifest entry accounts for (left by a batch that never committed)."""
        done = self.done()
        return [p for p in self.parts() if _batch_of(p) not in done]


def _batch_of(rel: str) -> str:
    return rel.rsplit("/part-", 1)[-1].removesuffix(".parquet")


def glob(lake: str, table: str = "events") -> str:
    """The glob DuckDB reads a lake table with, e.g.
    ``read_parquet(glob(lake), hive_partitioning = true)``."""
    if table == "articles":
        return f"{lake.rstrip('/')}/articles/*.parquet"
    return f"{lake.rstrip('/')}/{table}/*/*.parquet"
