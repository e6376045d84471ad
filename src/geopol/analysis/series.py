"""Dyad series: how relations between two actors (or one actor and all others) move over time.

An event counts for a pair when one side's countries hold one country of the pair and the
other side's the other (the pairs of ``event_dyads``); an event with compound actors counts
once per pair asked about, never twice. Every count is either raw or weighted by
factuality (see ``weights``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from geopol.analysis.weights import weight_sql
from geopol.errors import BadInput

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
QUAD_COLUMNS: dict[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}
FREQS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "quarter": "quarter",
                         "year": "year", "d": "day", "w": "week", "m": "month", "q": "quarter",
                         "y": "year"}  # fmt: skip

DateLike = dt.date | str | None


def as_date(value: DateLike) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise BadInput(f"not a date: {value!r} (use YYYY-MM-DD)") from exc


def norm_freq(freq: str) -> str:
    try:
        return FREQS[freq.lower()]
    except KeyError as exc:
        raise BadInput(f"unknown period {freq!r}: use day, week, month, quarter or year") from exc


def period_start(day: dt.date, freq: str) -> dt.date:
    """The first day of the period holding ``day`` (weeks start on Monday, as in DuckDB)."""
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(month=1, day=1)


def next_period(start: dt.date, freq: str) -> dt.date:
    if freq == "day":
        return start + dt.timedelta(days=1)
    if freq == "week":
        return start + dt.timedelta(days=7)
    months = {"month": 1, "quarter": 3, "year": 12}[freq]
    m = start.month - 1 + months
    return start.replace(year=start.year + m // 12, month=m % 12 + 1, day=1)


def periods(first: dt.date, last: dt.date, freq: str) -> list[dt.date]:
    out, cur = [], period_start(first, freq)
    while cur <= last:
        out.append(cur)
        cur = next_period(cur, freq)
    return out


def dyad_filter(a: str, b: str | None, *, directed: bool = False, alias: str = "e"
                ) -> tuple[str, list[Any]]:
    """SQL condition on ``events`` selecting events of the pair (or ``a`` against everyone).

    It reads the events' ``source_countries``/``target_countries`` lists, which hold the same
    pairs as ``event_dyads`` (every source country with every other target country) without
    a join on event ids: two to three times faster on a million events.
    """
    src, tgt = f"{alias}.source_countries", f"{alias}.target_countries"
    if b is None:
        # a as a source (any target, none included), or as the target of a known source;
        # events inside one country only are no dyad
        cond = f"list_contains({src}, ?)"
        params: list[Any] = [a]
        if not directed:
            cond = f"({cond} OR (list_contains({tgt}, ?) AND len({src}) > 0))"
            params.append(a)
        return f"({cond} AND NOT ({src} = [?] AND {tgt} = [?]))", [*params, a, a]
    if directed:
        return f"(list_contains({src}, ?) AND list_contains({tgt}, ?))", [a, b]
    return (
        f"((list_contains({src}, ?) AND list_contains({tgt}, ?))"
        f" OR (list_contains({src}, ?) AND list_contains({tgt}, ?)))",
        [a, b, b, a],
    )


def window_sql(since: dt.date | None, until: dt.date | None, column: str = "event_date"
               ) -> tuple[str, list[Any]]:
    parts, params = [], []
    if since is not None:
        parts.append(f"{column} >= ?")
        params.append(since)
    if until is not None:
        parts.append(f"{column} <= ?")
        params.append(until)
    return (" AND ".join(parts) or "TRUE"), params


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str | None,
    *,
    freq: str = "week",
    weighted: bool = False,
    since: DateLike = None,
    until: DateLike = None,
    weights: Mapping[str, float] | None = None,
    directed: bool = False,
    types: list[str] | None = None,
) -> pd.DataFrame:
    """One row per period from ``since`` to ``until`` (empty periods as zeros).

    Counts (``events``, the quad columns and one lower-case column per PLOVER type) are sums of
    event weights; ``goldstein_mean`` and ``intensity_mean`` are weighted means (NaN in periods
    with no weight); ``coop_minus_conflict`` is cooperation minus conflict counts.
    """
    f = norm_freq(freq)
    start, end = as_date(since), as_date(until)
    cond, params = dyad_filter(a.upper(), b.upper() if b else None, directed=directed)
    win, wparams = window_sql(start, end, "e.event_date")
    tsql = ""
    if types:
        tsql = f" AND e.type IN ({', '.join('?' for _ in types)})"
        wparams = [*wparams, *[t.upper() for t in types]]
    w = weight_sql(weights, weighted=weighted, column="e.factuality")
    sql = f"""
        SELECT CAST(date_trunc('{f}', e.event_date) AS DATE) AS period, e.type, e.quad,
               sum({w}) AS n, sum({w} * e.goldstein) AS g, sum({w} * e.intensity) AS i
        FROM events e
        WHERE e.event_date IS NOT NULL AND {win}{tsql} AND {cond}
        GROUP BY ALL
    """
    raw = con.execute(sql, wparams + params).fetchall()
    return _shape(raw, f, start, end)


def _shape(
    raw: list[tuple[Any, ...]], freq: str, start: dt.date | None, end: dt.date | None
) -> pd.DataFrame:
    type_cols = [t.lower() for t in PLOVER_TYPES]
    cols = ["events", *QUAD_COLUMNS.values(), "goldstein_sum", "intensity_sum", *type_cols]
    days = [r[0] for r in raw]
    first = start or (min(days) if days else None)
    last = end or (max(days) if days else None)
    if first is None or last is None:
        empty = pd.DataFrame(columns=["period", *cols])
        return _finish(empty)
    index = periods(first, last, freq)
    pos = {p: i for i, p in enumerate(index)}
    data = np.zeros((len(index), len(cols)))
    col = {c: j for j, c in enumerate(cols)}
    for period, etype, quad, n, g, i in raw:
        row = pos.get(period)
        if row is None:
            continue
        data[row, col["events"]] += n
        if quad in QUAD_COLUMNS:
            data[row, col[QUAD_COLUMNS[quad]]] += n
        data[row, col["goldstein_sum"]] += g or 0.0
        data[row, col["intensity_sum"]] += i or 0.0
        tc = str(etype).lower()
        if tc in col:
            data[row, col[tc]] += n
    frame = pd.DataFrame(data, columns=cols)
    frame.insert(0, "period", pd.to_datetime(pd.Series(index)))
    return _finish(frame)


def _finish(frame: pd.DataFrame) -> pd.DataFrame:
    n = frame["events"].astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["goldstein_mean"] = np.where(n > 0, frame["goldstein_sum"] / n.where(n > 0), np.nan)
        frame["intensity_mean"] = np.where(n > 0, frame["intensity_sum"] / n.where(n > 0), np.nan)
    frame["coop_minus_conflict"] = (
        frame["verbal_coop"] + frame["material_coop"]
        - frame["verbal_conflict"] - frame["material_conflict"]
    )  # fmt: skip
    lead = ["period", "events", *QUAD_COLUMNS.values(), "goldstein_mean", "intensity_mean",
            "coop_minus_conflict", "intensity_sum"]  # fmt: skip
    rest = [c for c in frame.columns if c not in lead and c != "goldstein_sum"]
    return frame[lead + rest].reset_index(drop=True)
