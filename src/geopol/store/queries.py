"""Event filters as SQL, shared by the store, the Parquet lake reader, the CLI, exports and
the REST API.

Every filter becomes a parameterised WHERE clause (values never enter the SQL text), so the
same builder serves ``Store.events``, ``geopol events --lake`` and ``/api/events``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import duckdb

from geopol.errors import StoreError

ORDER = "event_date DESC NULLS LAST, event_id"


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """Which events to return (all optional, combined with AND). ``dyad`` matches both
    directions unless ``directed``; ``q`` is text in the evidence sentence or the title."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    type: str | Sequence[str] | None = None
    factuality: Sequence[str] | None = None
    quad: Sequence[int] = ()
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    country: str | None = None
    article_id: str | None = None
    q: str | None = None
    limit: int | None = None
    offset: int = 0


def _as_list(value: str | Sequence[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]


def _as_date(value: dt.date | str | None, name: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise StoreError(f"{name}: {value!r} is not a date (use YYYY-MM-DD)") from exc


def make_filter(**filters: Any) -> EventFilter:
    """An EventFilter from keyword filters (unknown names are an error, not ignored)."""
    known = {f.name for f in dataclasses.fields(EventFilter)}
    unknown = set(filters) - known
    if unknown:
        raise StoreError(f"unknown event filter(s): {', '.join(sorted(unknown))}")
    dyad = filters.get("dyad")
    if isinstance(dyad, str):
        parts = _as_list(dyad)
        if len(parts) != 2:
            raise StoreError(f"dyad: expected two codes like PRK,RUS, got {dyad!r}")
        filters["dyad"] = (parts[0], parts[1])
    elif dyad is not None:
        filters["dyad"] = tuple(dyad)
    return EventFilter(**filters)


#: The directed dyad (?, ?): the same pairs as ``formats.rows.dyad_rows`` (a source country,
#: a target country, different), read from the events' own country lists: no join with
#: ``event_dyads``, so it stays fast on large stores.
DYAD = "(list_contains(source_countries, ?) AND list_contains(target_countries, ?))"


def _dyad(alias: str) -> str:
    return DYAD.replace("source_countries", f"{alias}source_countries").replace(
        "target_countries", f"{alias}target_countries"
    )


#: The escape character of LIKE patterns made by ``contains_pattern``.
ESCAPE = "ESCAPE '\\'"


def contains_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` literally anywhere (use with ``ESCAPE``)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def where(f: EventFilter, *, alias: str = "") -> tuple[str, list[Any]]:
    """The WHERE clause (``TRUE`` when no filter) and its parameters; ``alias`` prefixes
    the columns (``"e."``). A filter that cannot hold (a dyad of one country, a bad date) is
    a ``StoreError``."""
    e = alias
    clauses: list[str] = []
    params: list[Any] = []
    if f.actor:
        from geopol.formats.actor_codes import actor_clause  # our codes and CAMEO's (issue 19)

        sql, more = actor_clause(f.actor, e.rstrip("."))
        clauses.append(sql)
        params += more
    if f.dyad:
        a, b = (x.upper() for x in f.dyad)
        if a == b:
            raise StoreError(f"dyad: two different countries are needed, got {a},{b}")
        dyad = _dyad(e)
        if f.directed:
            clauses.append(dyad)
            params += [a, b]
        else:
            clauses.append(f"({dyad} OR {dyad})")
            params += [a, b, b, a]
    types = [t.upper() for t in _as_list(f.type)]
    if types:
        clauses.append(f"{e}type IN ({', '.join('?' for _ in types)})")
        params += types
    facts = [x.lower() for x in _as_list(f.factuality)]
    if facts:
        clauses.append(f"{e}factuality IN ({', '.join('?' for _ in facts)})")
        params += facts
    if f.quad:
        clauses.append(f"{e}quad IN ({', '.join('?' for _ in f.quad)})")
        params += [int(x) for x in f.quad]
    since, until = _as_date(f.since, "since"), _as_date(f.until, "until")
    if since:
        clauses.append(f"{e}event_date >= ?")
        params.append(since)
    if until:
        clauses.append(f"{e}event_date <= ?")
        params.append(until)
    if f.country:
        clauses.append(f"{e}location_country = ?")
        params.append(f.country.upper())
    if f.article_id:
        clauses.append(f"{e}article_id = ?")
        params.append(f.article_id)
    if f.q:
        # "_", "%" and "\\" are matched literally (LIKE ... ESCAPE)
        clauses.append(
            f"({e}evidence_text ILIKE ? {ESCAPE} OR {e}article_title ILIKE ? {ESCAPE})"
        )
        like = contains_pattern(f.q)
        params += [like, like]
    return (" AND ".join(clauses) or "TRUE"), params


def select(
    f: EventFilter, *, events: str = "events", with_clusters: bool = False
) -> tuple[str, list[Any]]:
    """A full SELECT over ``events`` (a table name or a table function call).

    A page of a stored table is found on the narrow columns first and only its rows are
    read whole (by rowid): on a million events that is ten times faster than sorting
    whole rows.
    """
    clause, params = where(f)
    paging = ""
    if f.limit is not None:
        paging = " LIMIT ? OFFSET ?"
        params += [int(f.limit), int(f.offset)]
    elif f.offset:
        paging = " OFFSET ?"
        params.append(int(f.offset))
    if paging and events.isidentifier():
        core = (f"SELECT * FROM {events} WHERE rowid IN (SELECT rowid FROM {events} "
                f"WHERE {clause} ORDER BY {ORDER}{paging})")
    else:
        core = f"SELECT * FROM {events} WHERE {clause} ORDER BY {ORDER}{paging}"
    if with_clusters:
        core = (
            f"SELECT e.*, c.num_mentions, c.num_articles, c.num_sources, "
            f"c.strongest_factuality FROM ({core}) e LEFT JOIN clusters c USING (cluster_id)"
        )
    return f"SELECT * FROM ({core}) ORDER BY {ORDER}", params


def lake_source(lake: str | Path) -> str:
    """A table expression reading a Parquet lake's events (written by code-corpus)."""
    root = Path(lake) / "events"
    if not root.is_dir():
        raise StoreError(f"{lake}: not a geopol lake (no events/ folder)")
    glob = str(root / "**" / "*.parquet").replace("'", "''")
    return f"read_parquet('{glob}', hive_partitioning = true, union_by_name = true)"


def dyad_counts(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    freq: str = "month",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[tuple[dt.date, int, float]]:
    """Events per period between two countries (either direction): (period, n, goldstein sum)."""
    if freq not in ("day", "week", "month", "quarter", "year"):
        raise StoreError(f"freq: {freq!r} is not one of day, week, month, quarter, year")
    sql = f"""
        SELECT date_trunc('{freq}', event_date)::DATE AS period, count(*) AS n,
               sum(goldstein) AS goldstein
        FROM events
        WHERE ({DYAD} OR {DYAD}) AND event_date BETWEEN ? AND ?
        GROUP BY period ORDER BY period
    """
    lo = since or dt.date(1, 1, 1)
    hi = until or dt.date(9999, 12, 31)
    rows = con.execute(sql, [a, b, b, a, lo, hi]).fetchall()
    return [(r[0], int(r[1]), float(r[2] or 0.0)) for r in rows]


def _loads(text: Any) -> list[Any]:
    if not text:
        return []
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return []
    return value if isinstance(value, list) else []


def row_to_event_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """The ``Event.to_dict()`` shape rebuilt from a stored row (for exporters)."""

    def iso(v: Any) -> Any:
        return v.isoformat() if isinstance(v, dt.date) else v

    loc = None
    if row.get("location_name") or row.get("location_id"):
        loc = {
            "text": row.get("location_name"),
            "name": row.get("location_name"),
            "country": row.get("location_country"),
            "admin1": row.get("location_admin1"),
            "lat": row.get("location_lat"),
            "lon": row.get("location_lon"),
            "gazetteer_id": row.get("location_id"),
            "precision": row.get("location_precision"),
        }
    date = None
    if row.get("date_value") or row.get("date_text"):
        date = {
            "value": row.get("date_value"),
            "precision": row.get("date_precision"),
            "text": row.get("date_text"),
        }
    d: dict[str, Any] = {
        "id": row.get("event_id"),
        "type": row.get("type"),
        "mode": row.get("mode"),
        "contexts": list(row.get("contexts") or []),
        "cameo": row.get("cameo"),
        "cameo_root": row.get("cameo_root"),
        "quad": row.get("quad"),
        "goldstein": row.get("goldstein"),
        "intensity": row.get("intensity"),
        "factuality": row.get("factuality"),
        "confidence": row.get("confidence"),
        "source": _loads(row.get("source_json")),
        "target": _loads(row.get("target_json")),
        "date": date,
        "location": loc,
        "evidence": {
            "article_id": row.get("article_id"),
            "sentence_index": row.get("sentence_index"),
            "sentence": {"start": None, "end": None, "text": row.get("evidence_text")},
            "trigger": {
                "start": row.get("trigger_start"),
                "end": row.get("trigger_end"),
                "text": row.get("trigger_text"),
            },
        },
        "article_id": row.get("article_id"),
        "article_title": row.get("article_title"),
        "article_url": row.get("article_url"),
        "published": iso(row.get("published")),
        "event_date": iso(row.get("event_date")),
        "coder_version": row.get("coder_version"),
    }
    for side in ("killed", "injured"):  # casualties (issue 19)
        if row.get(side) is not None:
            d[side] = {"count": row[side], "low": row[side], "high": row.get(f"{side}_max")}
    for extra in ("quad_gdelt", "cluster_id", "num_mentions", "num_articles", "num_sources",
                  "strongest_factuality"):
        if extra in row and row[extra] is not None:
            d[extra] = row[extra]
    return d
