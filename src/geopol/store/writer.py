"""Turning coded articles into Arrow batches and writing them in one transaction.

Why Arrow: DuckDB ingests an Arrow table at memory speed, while row-by-row INSERTs run at a
few hundred rows per second. Why one transaction per batch: a crash (even SIGKILL) leaves
either the whole batch or none of it, so a re-run adds exactly what is missing.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa

from geopol.formats.rows import dyad_rows, event_row
from geopol.records import FACTUALITY_STRENGTH, CodedArticle
from geopol.store.merge import ClusterKey, assign_clusters, place_key
from geopol.store.schema import TABLES, column_list

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER": pa.int32(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclasses.dataclass(frozen=True, slots=True)
class AddResult:
    articles_added: int = 0
    articles_skipped: int = 0
    events_added: int = 0

    def __add__(self, other: AddResult) -> AddResult:
        return AddResult(
            self.articles_added + other.articles_added,
            self.articles_skipped + other.articles_skipped,
            self.events_added + other.events_added,
        )


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c, _ARROW_TYPES[t]) for c, t in TABLES[table].items()])


def to_arrow(table: str, rows: Sequence[dict[str, Any]]) -> pa.Table:
    schema = arrow_schema(table)
    return pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)


def article_row(coded: CodedArticle, now: dt.datetime) -> dict[str, Any]:
    a = coded.article
    return {
        "article_id": a.id,
        "title": a.title,
        "body": a.body,
        "published": a.published,
        "url": a.url,
        "source": a.source or (urlsplit(a.url).hostname if a.url else None),
        "path": a.path,
        "language": a.language,
        "ingested_at": now,
        "n_events": len(coded.events),
    }


def mention_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    aid = coded.article.id
    return [
        {
            "article_id": aid,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "name": m.name,
            "country": m.country,
            "sector": m.sector,
            "role": m.role,
            "kind": m.kind,
            "how": m.how,
            "code": m.code,
        }
        for m in coded.actors
    ]


def place_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    aid = coded.article.id
    return [
        {
            "article_id": aid,
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "name": p.name,
            "country": p.country,
            "admin1": p.admin1,
            "lat": p.lat,
            "lon": p.lon,
            "gazetteer_id": p.gazetteer_id,
            "feature_class": p.feature_class,
            "precision": p.precision.value if p.precision else None,
        }
        for p in coded.places
    ]


def alignment_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    rows = []
    for al in coded.alignments:
        members = sorted({m.country for m in al.members if m.country})
        against = sorted({m.country for m in al.against if m.country})
        key = f"{al.article_id}|{al.sentence_index}|{al.evidence.start}|{members}|{against}"
        rows.append(
            {
                "alignment_id": hashlib.sha256(key.encode()).hexdigest()[:16],
                "article_id": al.article_id or coded.article.id,
                "sentence_index": al.sentence_index,
                "members": members,
                "against": against,
                "factuality": al.factuality.value,
                "evidence_text": al.evidence.text,
                "published": coded.article.published,
            }
        )
    return rows


def batch_tables(
    coded: Sequence[CodedArticle], now: dt.datetime
) -> dict[str, list[dict[str, Any]]]:
    """Rows per table for a batch, duplicates (same article or event id) dropped."""
    out: dict[str, list[dict[str, Any]]] = {
        t: [] for t in ("articles", "events", "event_dyads", "mentions", "places", "alignments")
    }
    seen_articles: set[str] = set()
    seen_events: set[str] = set()
    for c in coded:
        if c.article.id in seen_articles:
            continue
        seen_articles.add(c.article.id)
        out["articles"].append(article_row(c, now))
        for e in c.events:
            if e.id in seen_events:
                continue
            seen_events.add(e.id)
            out["events"].append(event_row(e))
            out["event_dyads"].extend(dyad_rows(e))
        out["mentions"].extend(mention_rows(c))
        out["places"].extend(place_rows(c))
        out["alignments"].extend(alignment_rows(c))
    return out


def candidate_clusters(
    con: duckdb.DuckDBPyConnection, events: Sequence[dict[str, Any]], window_days: int
) -> list[ClusterKey]:
    """Existing clusters that new events could join (same type and dyad, dates in reach)."""
    keyed = [e for e in events if e.get("source_country") and e.get("event_date")]
    if not keyed:
        return []
    probe = pa.table(
        {
            "type": pa.array([e["type"] for e in keyed], pa.string()),
            "source_country": pa.array([e["source_country"] for e in keyed], pa.string()),
            "target_country": pa.array([e.get("target_country") for e in keyed], pa.string()),
            "event_date": pa.array([e["event_date"] for e in keyed], pa.date32()),
        }
    )
    con.register("_probe", probe)
    try:
        rows = con.execute(
            f"""
            SELECT DISTINCT c.cluster_id, c.type, c.source_country, c.target_country,
                   c.event_date, c.location_id, c.location_name
            FROM clusters c JOIN _probe p
              ON c.type = p.type AND c.source_country = p.source_country
             AND c.target_country IS NOT DISTINCT FROM p.target_country
             AND c.event_date BETWEEN p.event_date - INTERVAL {int(window_days)} DAY
                                  AND p.event_date + INTERVAL {int(window_days)} DAY
            ORDER BY c.event_date, c.cluster_id
            """
        ).fetchall()
    finally:
        con.unregister("_probe")
    return [
        ClusterKey(r[0], r[1], r[2], r[3], r[4], place_key(r[5], r[6])) for r in rows
    ]


_STRENGTH_SQL = "CASE factuality " + " ".join(
    f"WHEN '{f.value}' THEN {s}" for f, s in FACTUALITY_STRENGTH.items()
) + " ELSE 99 END"


def refresh_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str]) -> None:
    """Recompute the counts of the given clusters from their reports."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    con.register("_touched", pa.table({"cluster_id": pa.array(ids, pa.string())}))
    try:
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT cluster_id FROM _touched)")
        con.execute(
            f"""
            INSERT INTO clusters ({column_list(TABLES['clusters'])})
            SELECT e.cluster_id,
                   arg_max(e.type, e.event_id = e.cluster_id),
                   arg_max(e.source_country, e.event_id = e.cluster_id),
                   arg_max(e.target_country, e.event_id = e.cluster_id),
                   min(e.event_date),
                   min(e.location_name),
                   min(e.location_id),
                   count(*)::INTEGER,
                   count(DISTINCT e.article_id)::INTEGER,
                   count(DISTINCT coalesce(a.source, a.url, e.article_id))::INTEGER,
                   arg_min(e.factuality, {_STRENGTH_SQL}),
                   min(coalesce(e.published, a.published, e.event_date)),
                   max(coalesce(e.published, a.published, e.event_date))
            FROM events e LEFT JOIN articles a USING (article_id)
            WHERE e.cluster_id IN (SELECT cluster_id FROM _touched)
            GROUP BY e.cluster_id
            """
        )
    finally:
        con.unregister("_touched")


def _insert(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    if data.num_rows == 0:
        return
    name = f"_batch_{table}"
    con.register(name, data)
    try:
        cols = column_list(TABLES[table])
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
    finally:
        con.unregister(name)


def write_batch(
    con: duckdb.DuckDBPyConnection,
    coded: Sequence[CodedArticle],
    *,
    window_days: int = 2,
    now: dt.datetime | None = None,
) -> AddResult:
    """Insert a batch in one transaction; articles already stored are skipped."""
    if not coded:
        return AddResult()
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = batch_tables(coded, now)
    ids = [r["article_id"] for r in rows["articles"]]
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
        try:
            known = {
                r[0]
                for r in con.execute(
                    "SELECT article_id FROM articles WHERE article_id IN "
                    "(SELECT article_id FROM _ids)"
                ).fetchall()
            }
        finally:
            con.unregister("_ids")
        fresh = set(ids) - known
        keep = {t: [r for r in rs if r.get("article_id") in fresh] for t, rs in rows.items()
                if t != "event_dyads"}
        fresh_events = {r["event_id"] for r in keep["events"]}
        keep["event_dyads"] = [r for r in rows["event_dyads"] if r["event_id"] in fresh_events]
        clusters = assign_clusters(
            keep["events"], candidate_clusters(con, keep["events"], window_days),
            window_days=window_days,
        )
        for r, cid in zip(keep["events"], clusters, strict=True):
            r["cluster_id"] = cid
        for table in ("articles", "events", "event_dyads", "mentions", "places", "alignments"):
            _insert(con, table, to_arrow(table, keep[table]))
        refresh_clusters(con, clusters)
        con.execute("COMMIT")
    except BaseException:
        # A failed COMMIT (disk full) has already ended the transaction; keep its error.
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    return AddResult(
        articles_added=len(fresh),
        articles_skipped=len(coded) - len(fresh),
        events_added=len(keep["events"]),
    )
