"""The event store: one embedded DuckDB file holding articles, events, actors and places.

Why the connection is released between batches: DuckDB lets one process hold a file at a
time (even readers are locked out). ``geopol ingest`` spends most of its time coding, so it
opens the file only to write a batch and releases it afterwards; readers such as
``geopol events`` wait briefly for the lock instead of failing (see ``GEOPOL_DB_WAIT``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from geopol.errors import StoreError
from geopol.records import CodedArticle
from geopol.store.migrations import LATEST, current_version, migrate
from geopol.store.queries import EventFilter, dyad_counts, lake_source, make_filter, select
from geopol.store.schema import TABLES, column_list
from geopol.store.writer import AddResult, refresh_clusters, write_batch

__all__ = ["AddResult", "EventFilter", "Store", "default_path"]

#: Seconds a command waits for another process to release the database file.
DEFAULT_WAIT = 30.0


def default_path() -> Path:
    env = os.environ.get("GEOPOL_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("geopol")) / "geopol.duckdb"


def _wait_seconds(wait: float | None) -> float:
    if wait is not None:
        return wait
    try:
        return float(os.environ.get("GEOPOL_DB_WAIT", DEFAULT_WAIT))
    except ValueError:
        return DEFAULT_WAIT


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return "lock" in msg or "conflicting" in msg or "already open" in msg


def connect(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open ``path``, retrying while another process holds it, up to ``wait`` seconds."""
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            if not _is_lock_error(exc):
                raise StoreError(f"{path}: cannot open the store ({exc})") from exc
            if time.monotonic() >= deadline:
                raise StoreError(
                    f"{path}: the store is in use by another process (waited {wait:.0f} s); "
                    "try again, or raise GEOPOL_DB_WAIT"
                ) from exc
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the store ({exc})") from exc
        time.sleep(delay)
        delay = min(delay * 1.5, 0.25)


class Store:
    """A geopol event store. Use ``Store.open(path)``; a context manager closes it."""

    def __init__(self, path: Path, *, read_only: bool = False, wait: float | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self.wait = _wait_seconds(wait)
        self._con: duckdb.DuckDBPyConnection | None = None

    @classmethod
    def open(
        cls, path: str | Path | None = None, *, read_only: bool = False, wait: float | None = None
    ) -> Store:
        p = Path(path).expanduser() if path is not None else default_path()
        if read_only and not p.exists():
            raise StoreError(f"{p}: no such store (run `geopol ingest` first)")
        if not read_only:
            p.parent.mkdir(parents=True, exist_ok=True)
        store = cls(p, read_only=read_only, wait=wait)
        store._connect()
        return store

    def _connect(self) -> duckdb.DuckDBPyConnection:
        con = connect(self.path, read_only=self.read_only, wait=self.wait)
        try:
            if self.read_only:
                version = current_version(con)
                if version < LATEST:
                    raise StoreError(
                        f"{self.path}: schema version {version}, this geopol needs {LATEST}; "
                        "open it once without read-only to migrate"
                    )
            else:
                migrate(con)
        except BaseException:
            con.close()
            raise
        self._con = con
        return con

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, reopened if it was released."""
        return self._con if self._con is not None else self._connect()

    def release(self) -> None:
        """Close the file so other processes can use it; ``con`` reopens on demand."""
        if self._con is not None:
            self._con.close()
            self._con = None

    close = release

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # writing -------------------------------------------------------------------------
    def add(
        self, coded: Iterable[CodedArticle], *, batch_size: int = 256, window_days: int = 2
    ) -> AddResult:
        """Store coded articles; each batch of ``batch_size`` is one transaction."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        total = AddResult()
        batch: list[CodedArticle] = []
        for c in coded:
            batch.append(c)
            if len(batch) >= batch_size:
                total += self._write(batch, window_days)
                batch = []
        if batch:
            total += self._write(batch, window_days)
        return total

    def _write(self, batch: Sequence[CodedArticle], window_days: int) -> AddResult:
        try:
            return write_batch(self.con, batch, window_days=window_days)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: write failed ({exc})") from exc

    def known_ids(self, article_ids: Iterable[str]) -> set[str]:
        """Which of these article ids are already stored."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return set()
        self.con.register("_known", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            rows = self.con.execute(
                "SELECT article_id FROM articles WHERE article_id IN "
                "(SELECT article_id FROM _known)"
            ).fetchall()
        finally:
            self.con.unregister("_known")
        return {r[0] for r in rows}

    def import_lake(self, lake: str | Path, *, window_days: int = 2) -> AddResult:
        """Load a Parquet lake (events, dyads, articles) into the store, skipping known ids."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        from geopol.store.lake import import_lake

        return import_lake(self.con, Path(lake), window_days=window_days)

    # reading -------------------------------------------------------------------------
    def events(self, *, with_clusters: bool = False, **filters: Any) -> pd.DataFrame:
        """Events matching the filters, newest first (see ``EventFilter``)."""
        sql, params = select(make_filter(**filters), with_clusters=with_clusters)
        return self.con.execute(sql, params).df()

    def events_arrow(self, *, with_clusters: bool = False, **filters: Any) -> pa.Table:
        sql, params = select(make_filter(**filters), with_clusters=with_clusters)
        result: pa.Table = self.con.sql(sql, params=params).to_arrow_table()
        return result

    def iter_event_batches(
        self, *, with_clusters: bool = False, batch_rows: int = 10_000, **filters: Any
    ) -> Iterator[pa.RecordBatch]:
        """Matching events in Arrow record batches, for exports that must not hold all rows."""
        sql, params = select(make_filter(**filters), with_clusters=with_clusters)
        reader: Any = self.con.sql(sql, params=params).to_arrow_reader(batch_rows)
        yield from reader

    def dyad_counts(self, a: str, b: str, *, freq: str = "month") -> list[Any]:
        return dyad_counts(self.con, a.upper(), b.upper(), freq=freq)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for table in TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
            out[table] = int(row[0]) if row else 0
        return out

    def refresh_clusters(self, cluster_ids: Iterable[str]) -> None:
        refresh_clusters(self.con, cluster_ids)


def columns(table: str) -> str:
    return column_list(TABLES[table])


def lake_events(lake: str | Path, **filters: Any) -> pd.DataFrame:
    """Events from a Parquet lake, with the same filters as ``Store.events``."""
    sql, params = select(make_filter(**filters), events=lake_source(lake))
    con = duckdb.connect()
    try:
        return con.execute(sql, params).df()
    except duckdb.Error as exc:
        raise StoreError(f"{lake}: cannot read the lake ({exc})") from exc
    finally:
        con.close()
