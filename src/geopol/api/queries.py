"""Read queries the API answers, as pure functions of a DuckDB connection and plain values.

Every value from a request reaches SQL as a bound parameter; only column names chosen from
the fixed whitelists below are ever formatted into a statement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Sequence
from typing import Any

import duckdb

from geopol.store.queries import ESCAPE, EventFilter, contains_pattern, where

#: Columns an events listing may be sorted by.
SORTABLE = (
    "event_date",
    "published",
    "type",
    "quad",
    "goldstein",
    "intensity",
    "factuality",
    "confidence",
    "source_code",
    "target_code",
    "location_name",
    "location_country",
    "killed",  # issue 19
)

#: Columns returned for each event in listings (the JSON actor lists are decoded).
LIST_COLUMNS = (
    "event_id",
    "article_id",
    "sentence_index",
    "type",
    "mode",
    "contexts",
    "cameo",
    "cameo_root",
    "quad",
    "goldstein",
    "intensity",
    "factuality",
    "confidence",
    "event_date",
    "date_value",
    "date_precision",
    "date_text",
    "published",
    "source_country",
    "source_sector",
    "source_code",
    "source_name",
    "source_countries",
    "target_country",
    "target_sector",
    "target_code",
    "target_name",
    "target_countries",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_precision",
    "trigger_text",
    "trigger_start",
    "trigger_end",
    "evidence_text",
    "article_title",
    "article_url",
    "quad_gdelt",  # issue 19: GDELT's quad class and casualties
    "killed",
    "killed_max",
    "injured",
    "injured_max",
)

#: Flat columns written to CSV (lists joined with ";").
CSV_COLUMNS = tuple(c for c in LIST_COLUMNS if c not in ("trigger_start", "trigger_end"))


def jsonable(value: Any) -> Any:
    """A JSON-safe copy of a DuckDB value (dates as ISO strings, NaN as null)."""
    if isinstance(value, dt.datetime):
        midnight = value.time() == dt.time(0) and value.tzinfo is None
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        return jsonable(value.item())
    return value


def table_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


def has_table(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(table_columns(con, table))


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """SQL ``WHERE`` text (alias ``e`` for events) and its parameters: the store's builder
    (``geopol.store.queries.where``), so the API and the store filter alike."""
    clause, params = where(f, alias="e.")
    return ("" if clause == "TRUE" else f" WHERE {clause}"), params


def _event_item(row: dict[str, Any]) -> dict[str, Any]:
    item = {k: jsonable(v) for k, v in row.items() if k not in ("source_json", "target_json")}
    for side in ("source", "target"):
        raw = row.get(f"{side}_json")
        if raw is not None:
            item[side] = json.loads(raw)
    return item


def _fetch_dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def count_events(con: duckdb.DuckDBPyConnection, f: EventFilter) -> int:
    where, params = where_clause(f)
    row = con.execute(f"SELECT count(*) FROM events e{where}", params).fetchone()
    return int(row[0]) if row else 0


def list_events(
    con: duckdb.DuckDBPyConnection,
    f: EventFilter,
    *,
    limit: int = 50,
    offset: int = 0,
    sort: str = "event_date",
    descending: bool = True,
    columns: Sequence[str] = LIST_COLUMNS,
    with_actors: bool = True,
) -> list[dict[str, Any]]:
    """One page of events, sorted by a whitelisted column (ties in storage order: cheap, stable)."""
    if sort not in SORTABLE:
        raise ValueError(f"cannot sort by {sort!r}; choose one of {', '.join(SORTABLE)}")
    where, params = where_clause(f)
    order = "DESC" if descending else "ASC"
    cols = list(columns) + (["source_json", "target_json"] if with_actors else [])
    sql = (
        f"SELECT {', '.join('e.' + c for c in cols)} FROM events e{where} "
        f"ORDER BY e.{sort} {order} NULLS LAST, e.rowid LIMIT ? OFFSET ?"
    )
    cur = con.execute(sql, [*params, limit, offset])
    return [_event_item(r) for r in _fetch_dicts(cur)]


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with every stored column, the reports of the same event and its article."""
    cur = con.execute("SELECT * FROM events e WHERE e.event_id = ?", [event_id])
    rows = _fetch_dicts(cur)
    if not rows:
        return None
    row = rows[0]
    event = _event_item(row)
    reports: list[dict[str, Any]] = []
    cluster = row.get("cluster_id")
    if cluster is not None:
        cur = con.execute(
            "SELECT e.event_id, e.article_id, e.article_title, e.article_url, e.published, "
            "e.factuality, e.evidence_text FROM events e WHERE e.cluster_id = ? "
            "AND e.event_id <> ? ORDER BY e.published NULLS LAST, e.event_id LIMIT 200",
            [cluster, event_id],
        )
        reports = [{k: jsonable(v) for k, v in r.items()} for r in _fetch_dicts(cur)]
    event["reports"] = reports
    event["evidence"] = event_spans(event)
    article = get_article_meta(con, str(row["article_id"]))
    event["article"] = article
    return event


def event_spans(event: dict[str, Any], text: str | None = None) -> list[dict[str, Any]]:
    """Highlightable spans of one event: trigger, source and target actors, date phrase."""
    eid = event.get("event_id")
    spans: list[dict[str, Any]] = []
    if event.get("trigger_start") is not None and event.get("trigger_end") is not None:
        spans.append(
            {
                "kind": "trigger",
                "start": int(event["trigger_start"]),
                "end": int(event["trigger_end"]),
                "label": f"{event.get('type')}",
                "event_id": eid,
            }
        )
    for side in ("source", "target"):
        for actor in event.get(side) or []:
            if isinstance(actor, dict) and actor.get("start") is not None:
                spans.append(
                    {
                        "kind": side,
                        "start": int(actor["start"]),
                        "end": int(actor["end"]),
                        "label": str(actor.get("code") or actor.get("name") or ""),
                        "event_id": eid,
                    }
                )
    date_text = event.get("date_text")
    sentence = event.get("evidence_text")
    if text and date_text and sentence:
        s_at = text.find(sentence)
        d_at = sentence.find(date_text) if s_at >= 0 else -1
        if d_at >= 0:
            start = s_at + d_at
            spans.append(
                {
                    "kind": "date",
                    "start": start,
                    "end": start + len(date_text),
                    "label": str(event.get("date_value") or ""),
                    "event_id": eid,
                }
            )
    return spans


ARTICLE_META = ("article_id", "title", "published", "url", "source")


def get_article_meta(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    if not has_table(con, "articles"):
        return None
    have = set(table_columns(con, "articles"))
    cols = [c for c in ARTICLE_META if c in have]
    cur = con.execute(
        f"SELECT {', '.join(cols)} FROM articles WHERE article_id = ?", [article_id]
    )
    rows = _fetch_dicts(cur)
    return {k: jsonable(v) for k, v in rows[0].items()} if rows else None


#: LIKE escape clause: with it, ``\\%`` and ``\\_`` match a literal ``%`` and ``_``.


def list_articles(
    con: duckdb.DuckDBPyConnection, *, q: str | None, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    have = set(table_columns(con, "articles"))
    cols = [c for c in ARTICLE_META if c in have]
    where, params = "", []
    if q:
        where = f" WHERE a.title ILIKE ? {ESCAPE}"
        params.append(contains_pattern(q))
    total_row = con.execute(f"SELECT count(*) FROM articles a{where}", params).fetchone()
    total = int(total_row[0]) if total_row else 0
    order = "a.published DESC NULLS LAST, " if "published" in have else ""
    cur = con.execute(
        f"SELECT {', '.join('a.' + c for c in cols)}, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
        f"FROM articles a{where} ORDER BY {order}a.article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return total, [{k: jsonable(v) for k, v in r.items()} for r in _fetch_dicts(cur)]


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The article's text, its events and every span to highlight (offsets into ``text``)."""
    cur = con.execute("SELECT * FROM articles WHERE article_id = ?", [article_id])
    rows = _fetch_dicts(cur)
    if not rows:
        return None
    row = rows[0]
    title = str(row.get("title") or "")
    body = str(row.get("body") or "")
    text = f"{title}\n{body}" if title else body
    article = {k: jsonable(v) for k, v in row.items() if k not in ("body",)}
    article["text"] = text
    article["body"] = body
    events = list_events(
        con, EventFilter(article_id=article_id), limit=1000, sort="event_date", descending=False
    )
    events.sort(key=lambda e: (e.get("trigger_start") or 0, e["event_id"]))
    spans: list[dict[str, Any]] = []
    for e in events:
        spans += event_spans(e, text)
    spans += _place_spans(con, article_id)
    article["events"] = events
    article["spans"] = _clip(spans, len(text))
    article["mentions"] = _mentions(con, article_id)
    return article


def _place_spans(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    have = set(table_columns(con, "places"))
    if not {"article_id", "start", "end"} <= have:
        return []
    label = "name" if "name" in have else "text"
    cur = con.execute(
        f'SELECT "start", "end", {label} AS label FROM places WHERE article_id = ?', [article_id]
    )
    return [
        {"kind": "place", "start": int(r[0]), "end": int(r[1]), "label": str(r[2] or "")}
        for r in cur.fetchall()
        if r[0] is not None and r[1] is not None
    ]


def _mentions(con: duckdb.DuckDBPyConnection, article_id: str) -> list[dict[str, Any]]:
    have = table_columns(con, "mentions")
    if "article_id" not in have:
        return []
    cur = con.execute(
        'SELECT * FROM mentions WHERE article_id = ? ORDER BY "start"', [article_id]
    )
    return [{k: jsonable(v) for k, v in r.items()} for r in _fetch_dicts(cur)]


def _clip(spans: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    out = [s for s in spans if 0 <= s["start"] < s["end"] <= n]
    out.sort(key=lambda s: (s["start"], -s["end"], s["kind"]))
    return out


def list_actors(
    con: duckdb.DuckDBPyConnection, *, q: str | None, limit: int, names: dict[str, str]
) -> list[dict[str, Any]]:
    """Actors (countries, blocs, IGOs) with how often they act and are acted upon."""
    cur = con.execute(
        "WITH s AS (SELECT unnest(source_countries) AS c, 1 AS src, 0 AS tgt FROM events "
        "UNION ALL SELECT unnest(target_countries) AS c, 0 AS src, 1 AS tgt FROM events) "
        "SELECT c, sum(src) AS as_source, sum(tgt) AS as_target, count(*) AS events "
        "FROM s WHERE c IS NOT NULL GROUP BY c ORDER BY events DESC, c"
    )
    out = []
    needle = (q or "").lower()
    for code, as_source, as_target, events in cur.fetchall():
        name = names.get(str(code), str(code))
        if needle and needle not in str(code).lower() and needle not in name.lower():
            continue
        out.append(
            {
                "code": code,
                "name": name,
                "as_source": int(as_source),
                "as_target": int(as_target),
                "events": int(events),
            }
        )
        if len(out) >= limit:
            break
    return out


def top_dyads(con: duckdb.DuckDBPyConnection, *, limit: int) -> list[dict[str, Any]]:
    """Actor pairs (either direction) with the most events."""
    cur = con.execute(
        "SELECT least(source_country, target_country) AS a, "
        "greatest(source_country, target_country) AS b, count(DISTINCT event_id) AS n "
        "FROM event_dyads WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ?",
        [limit],
    )
    return [{"a": r[0], "b": r[1], "events": int(r[2])} for r in cur.fetchall()]


def map_points(con: duckdb.DuckDBPyConnection, f: EventFilter) -> list[dict[str, Any]]:
    """Events grouped by place: count, dominant quad class and mean Goldstein."""
    where, params = where_clause(f)
    extra = " AND " if where else " WHERE "
    cur = con.execute(
        "SELECT e.location_name, e.location_country, round(e.location_lat, 3) AS lat, "
        "round(e.location_lon, 3) AS lon, count(*) AS n, mode(e.quad) AS quad, "
        "avg(e.goldstein) AS goldstein "
        f"FROM events e{where}{extra}e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC LIMIT 5000",
        params,
    )
    return [
        {
            "name": r[0],
            "country": r[1],
            "lat": float(r[2]),
            "lon": float(r[3]),
            "count": int(r[4]),
            "quad": int(r[5]) if r[5] is not None else None,
            "goldstein": jsonable(float(r[6])) if r[6] is not None else None,
        }
        for r in cur.fetchall()
    ]


MEASURES = {
    "events": "count(*)",
    "conflict_share": "avg(CASE WHEN e.quad >= 3 THEN 1.0 ELSE 0.0 END)",
    "goldstein": "avg(e.goldstein)",
    "material_conflict": "sum(CASE WHEN e.quad = 4 THEN 1 ELSE 0 END)",
}


def choropleth(
    con: duckdb.DuckDBPyConnection, f: EventFilter, measure: str
) -> dict[str, float]:
    """A measure per country where events took place (ISO alpha-3 keys)."""
    expr = MEASURES[measure]
    where, params = where_clause(f)
    extra = " AND " if where else " WHERE "
    cur = con.execute(
        f"SELECT e.location_country, {expr} FROM events e{where}{extra}"
        "e.location_country IS NOT NULL GROUP BY 1",
        params,
    )
    return {str(r[0]): float(r[1]) for r in cur.fetchall() if r[1] is not None}


def summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    row = con.execute(
        "SELECT count(*), min(event_date), max(event_date), count(DISTINCT article_id) FROM events"
    ).fetchone()
    assert row is not None
    return {
        "events": int(row[0]),
        "first": jsonable(row[1]),
        "last": jsonable(row[2]),
        "articles_with_events": int(row[3]),
    }
