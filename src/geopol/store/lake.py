"""Loading a Parquet lake written by ``geopol code-corpus`` into a store.

The lake has events and dyads but no mentions or places, and articles without their text;
events get clusters exactly as if they had been added through ``Store.add``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

from geopol.errors import StoreError
from geopol.store.merge import assign_clusters
from geopol.store.queries import lake_source
from geopol.store.schema import TABLES, column_list, quote
from geopol.store.writer import AddResult, candidate_clusters, refresh_clusters


def _parquet(root: Path) -> str | None:
    if not root.is_dir() or not any(root.rglob("*.parquet")):
        return None
    glob = str(root / "**" / "*.parquet").replace("'", "''")
    return f"read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"


def _select_known(con: duckdb.DuckDBPyConnection, source: str, table: str) -> str:
    """Columns of ``table`` taken from ``source`` where present, NULL otherwise."""
    have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    parts = []
    for col, typ in TABLES[table].items():
        expr = f"CAST({quote(col)} AS {typ})" if col in have else f"NULL::{typ}"
        parts.append(f"{expr} AS {quote(col)}")
    return ", ".join(parts)


def import_lake(con: duckdb.DuckDBPyConnection, lake: Path, *, window_days: int = 2) -> AddResult:
    events_src = lake_source(lake)
    dyads_src = _parquet(lake / "dyads")
    articles_src = _parquet(lake / "articles")
    con.execute("BEGIN TRANSACTION")
    try:
        added_articles = 0
        skipped = 0
        if articles_src:
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE _lake_articles AS SELECT "
                f"{_select_known(con, articles_src, 'articles')} FROM {articles_src}"
            )
            total_row = con.execute(
                "SELECT count(DISTINCT article_id) FROM _lake_articles"
            ).fetchall()[0]
            new_row = con.execute(
                "SELECT count(DISTINCT article_id) FROM _lake_articles "
                "WHERE article_id NOT IN (SELECT article_id FROM articles)"
            ).fetchall()[0]
            con.execute(
                f"INSERT INTO articles ({column_list(TABLES['articles'])}) "
                f"SELECT DISTINCT ON (article_id) * FROM _lake_articles "
                f"WHERE article_id NOT IN (SELECT article_id FROM articles)"
            )
            total = int(total_row[0]) if total_row else 0
            added_articles = int(new_row[0]) if new_row else 0
            skipped = max(total - added_articles, 0)
        cols = TABLES["events"]
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE _lake_events AS "
            f"SELECT DISTINCT ON (event_id) {_select_known(con, events_src, 'events')} "
            f"FROM {events_src} WHERE event_id NOT IN (SELECT event_id FROM events)"
        )
        keys = con.execute(
            "SELECT event_id, type, source_country, target_country, event_date, location_id, "
            "location_name FROM _lake_events ORDER BY published NULLS LAST, article_id, "
            "trigger_start, event_id"
        ).fetchall()
        rows = [
            dict(zip(("event_id", "type", "source_country", "target_country", "event_date",
                      "location_id", "location_name"), k, strict=True))
            for k in keys
        ]
        clusters = assign_clusters(
            rows, candidate_clusters(con, rows, window_days), window_days=window_days
        )
        con.register(
            "_lake_clusters",
            pa.table({"event_id": pa.array([r["event_id"] for r in rows], pa.string()),
                      "cid": pa.array(clusters, pa.string())}),
        )
        select_cols = ", ".join(
            "k.cid" if c == "cluster_id" else f"e.{quote(c)}" for c in cols
        )
        con.execute(
            f"INSERT INTO events ({column_list(cols)}) SELECT {select_cols} "
            f"FROM _lake_events e JOIN _lake_clusters k USING (event_id)"
        )
        con.unregister("_lake_clusters")
        if dyads_src:
            con.execute(
                f"INSERT INTO event_dyads ({column_list(TABLES['event_dyads'])}) "
                f"SELECT {_select_known(con, dyads_src, 'event_dyads')} FROM {dyads_src} "
                f"WHERE event_id IN (SELECT event_id FROM _lake_events)"
            )
        refresh_clusters(con, clusters)
        con.execute("DROP TABLE IF EXISTS _lake_events")
        con.execute("DROP TABLE IF EXISTS _lake_articles")
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{lake}: cannot import the lake ({exc})") from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return AddResult(articles_added=added_articles, articles_skipped=skipped,
                     events_added=len(rows))
