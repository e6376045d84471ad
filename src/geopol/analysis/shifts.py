"""Shifts: what changed in a recent window against a baseline, per dyad and per actor.

Bands follow ACLED's Trendfinder: the recent count against the baseline rate scaled to the
recent window, as a large (> +25%) or moderate (+10..+25%) rise, stable (within 10%), moderate
or large fall. Two guards keep noise out: the low-baseline rule (an expected count under
``min_events`` gives no percentage, only "low_baseline", reported when the recent count alone
reaches ``min_events``) and a Poisson z-test (the change must exceed ``z`` standard deviations
of the baseline's own variation, using the sum of squared weights). Also: new dyads, sign
flips between cooperation and conflict, weekly spikes, and change points on dyad series
(binary segmentation with a squared-error cost and a BIC-style penalty).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import numpy as np

from geopol.analysis.series import DateLike, as_date, dyad_series
from geopol.analysis.weights import weight_sql

BANDS: tuple[tuple[float, str], ...] = (
    (0.25, "large_increase"),
    (0.10, "moderate_increase"),
    (-0.10, "stable"),
    (-0.25, "moderate_decrease"),
)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Shift:
    kind: str  # change | new_dyad | sign_flip | spike | change_point
    subject: str  # dyad | actor
    a: str
    b: str | None
    band: str
    recent: float
    baseline: float  # the baseline rate scaled to the recent window
    change: float | None  # (recent - baseline) / baseline
    z: float
    recent_mean_intensity: float | None = None
    baseline_mean_intensity: float | None = None
    date: dt.date | None = None
    weighted: bool = True
    detail: str = ""

    @property
    def label(self) -> str:
        return f"{self.a}-{self.b}" if self.b else self.a

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        d["label"] = self.label
        return d


def band(change: float) -> str:
    for lower, name in BANDS:
        if change > lower:
            return name
    return "large_decrease"


def latest_date(con: duckdb.DuckDBPyConnection) -> dt.date | None:
    row = con.execute("SELECT max(event_date) FROM events").fetchone()
    return row[0] if row else None


def find_shifts(
    con: duckdb.DuckDBPyConnection,
    *,
    recent_days: int = 30,
    baseline_days: int = 180,
    until: DateLike = None,
    weighted: bool = True,
    weights: Mapping[str, float] | None = None,
    min_events: float = 5.0,
    z: float = 2.0,
    spike_z: float = 3.0,
    actors: bool = True,
) -> list[Shift]:
    """Every reportable shift in the window ending ``until`` (default: the latest event date)."""
    end = as_date(until) or latest_date(con)
    if end is None:
        return []
    r0 = end - dt.timedelta(days=recent_days)
    b0 = r0 - dt.timedelta(days=baseline_days)
    ratio = recent_days / baseline_days
    w = weight_sql(weights, weighted=weighted, column="e.factuality")
    pair = ("least(d.source_country, d.target_country)",
            "greatest(d.source_country, d.target_country)")
    rows = _window_rows(con, pair, w, b0, r0, end, "d.target_country IS NOT NULL")
    out: list[Shift] = []
    for a, b, stats in rows:
        out.extend(_classify("dyad", a, b, stats, ratio, weighted, min_events, z))
    if actors:
        arows = _actor_rows(con, w, b0, r0, end)
        for a, stats in arows:
            out.extend(_classify("actor", a, None, stats, ratio, weighted, min_events, z,
                                 flips=False, new=False))
    out.extend(_spikes(con, w, b0, r0, end, weighted, min_events, spike_z))
    for i, s in enumerate(out):
        if s.kind == "sign_flip":
            turns = change_points_for(con, s.a, s.b, since=b0, until=end, weighted=weighted,
                                      weights=weights, max_points=1)
            if turns:
                out[i] = dataclasses.replace(s, date=turns[0]["date"])
    out.sort(key=lambda s: (-abs(s.z), s.kind, s.label))
    return out


_STATS = """sum({w}) FILTER (WHERE e.event_date > ?) AS rw,
       sum({w} * {w}) FILTER (WHERE e.event_date > ?) AS rw2,
       sum({w} * e.intensity) FILTER (WHERE e.event_date > ?) AS ri,
       count(*) FILTER (WHERE e.event_date > ?) AS rn,
       sum({w}) FILTER (WHERE e.event_date <= ?) AS bw,
       sum({w} * {w}) FILTER (WHERE e.event_date <= ?) AS bw2,
       sum({w} * e.intensity) FILTER (WHERE e.event_date <= ?) AS bi,
       count(*) FILTER (WHERE e.event_date <= ?) AS bn"""


def _window_rows(con: duckdb.DuckDBPyConnection, pair: tuple[str, str], w: str, b0: dt.date,
                 r0: dt.date, end: dt.date, cond: str) -> list[tuple[str, str, tuple[float, ...]]]:
    sql = f"""
        SELECT {pair[0]} AS a, {pair[1]} AS b, {_STATS.format(w=w)}
        FROM event_dyads d JOIN events e ON e.event_id = d.event_id
        WHERE {cond} AND d.source_country <> d.target_country
          AND e.event_date > ? AND e.event_date <= ?
        GROUP BY ALL
    """
    params = [r0] * 8 + [b0, end]
    return [(str(r[0]), str(r[1]), tuple(float(x or 0.0) for x in r[2:]))
            for r in con.execute(sql, params).fetchall()]


def _actor_rows(con: duckdb.DuckDBPyConnection, w: str, b0: dt.date, r0: dt.date, end: dt.date
                ) -> list[tuple[str, tuple[float, ...]]]:
    sql = f"""
        WITH x AS (
            SELECT DISTINCT d.event_id, c AS actor
            FROM event_dyads d, unnest([d.source_country, d.target_country]) AS u(c)
            WHERE c IS NOT NULL)
        SELECT x.actor, {_STATS.format(w=w)}
        FROM x JOIN events e ON e.event_id = x.event_id
        WHERE e.event_date > ? AND e.event_date <= ?
        GROUP BY ALL
    """
    params = [r0] * 8 + [b0, end]
    return [(str(r[0]), tuple(float(x or 0.0) for x in r[1:]))
            for r in con.execute(sql, params).fetchall()]


def _classify(subject: str, a: str, b: str | None, stats: tuple[float, ...], ratio: float,
              weighted: bool, min_events: float, zmin: float, *, flips: bool = True,
              new: bool = True) -> list[Shift]:
    rw, _rw2, ri, rn, bw, bw2, bi, bn = stats
    expected = bw * ratio
    var = max(bw2 * ratio, 1.0)
    zval = (rw - expected) / math.sqrt(var)
    rmi = ri / rw if rw > 0 else None
    bmi = bi / bw if bw > 0 else None
    common: dict[str, Any] = {"subject": subject, "a": a, "b": b, "recent": round(rw, 3),
              "baseline": round(expected, 3), "recent_mean_intensity": _r(rmi),
              "baseline_mean_intensity": _r(bmi), "weighted": weighted}
    out: list[Shift] = []
    if new and bn == 0 and rw >= min_events:
        out.append(Shift(kind="new_dyad", band="new", change=None, z=round(zval, 2),
                         detail=f"{rn:.0f} events, none in the baseline", **common))
    elif expected < min_events:
        if rw >= min_events and zval >= zmin:
            out.append(Shift(kind="change", band="low_baseline", change=None, z=round(zval, 2),
                             detail=f"{rw:.1f} against a low baseline of {expected:.1f}",
                             **common))
    else:
        change = (rw - expected) / expected
        name = band(change)
        if name != "stable" and abs(zval) >= zmin:
            out.append(Shift(kind="change", band=name, change=round(change, 4), z=round(zval, 2),
                             detail=f"{change:+.0%} ({rw:.1f} against {expected:.1f})", **common))
    if (flips and rmi is not None and bmi is not None and min(rw, bw * ratio) >= min_events / 2
            and abs(rmi) >= 1.0 and abs(bmi) >= 1.0 and (rmi > 0) != (bmi > 0)):
        direction = "cooperation_to_conflict" if bmi > 0 else "conflict_to_cooperation"
        out.append(Shift(kind="sign_flip", band=direction, change=None,
                         z=round(max(abs(zval), abs(rmi - bmi)), 2),
                         detail=f"mean intensity {bmi:+.1f} -> {rmi:+.1f}", **common))
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _spikes(con: duckdb.DuckDBPyConnection, w: str, b0: dt.date, r0: dt.date, end: dt.date,
            weighted: bool, min_events: float, zmin: float) -> list[Shift]:
    """Weeks in the recent window far above the dyad's baseline weeks."""
    sql = f"""
        SELECT least(d.source_country, d.target_country) AS a,
               greatest(d.source_country, d.target_country) AS b,
               CAST(floor(datediff('day', e.event_date, ?) / 7) AS INTEGER) AS wk,
               sum({w}) AS v
        FROM event_dyads d JOIN events e ON e.event_id = d.event_id
        WHERE d.target_country IS NOT NULL AND d.source_country <> d.target_country
          AND e.event_date > ? AND e.event_date <= ?
        GROUP BY ALL
    """
    weeks_recent = max((end - r0).days // 7, 1)
    weeks_base = max((r0 - b0).days // 7, 1)
    series: dict[tuple[str, str], dict[int, float]] = {}
    for a, b, wk, v in con.execute(sql, [end, b0, end]).fetchall():
        series.setdefault((str(a), str(b)), {})[int(wk)] = float(v or 0.0)
    out = []
    for (a, b), weeks in series.items():
        recent = [weeks.get(k, 0.0) for k in range(weeks_recent)]
        base = np.array([weeks.get(k, 0.0) for k in range(weeks_recent, weeks_recent + weeks_base)])
        mean = float(base.mean())
        sd = max(float(base.std()), math.sqrt(mean), 1.0)
        top = int(np.argmax(recent))
        zval = (recent[top] - mean) / sd
        if recent[top] >= min_events and zval >= zmin:
            day = end - dt.timedelta(days=7 * top + 6)
            out.append(Shift(kind="spike", subject="dyad", a=a, b=b, band="spike",
                             recent=round(recent[top], 3), baseline=round(mean, 3), change=None,
                             z=round(zval, 2), date=day, weighted=weighted,
                             detail=f"week from {day}: {recent[top]:.1f} against {mean:.1f}/week"))
    return out


# --- change points -------------------------------------------------------------------------


def _best_split(cs: np.ndarray, lo: int, hi: int, min_size: int
                ) -> tuple[int, float]:
    """Best single split of x[lo:hi] by squared-error gain, from cumulative sums."""
    n = hi - lo
    if n < 2 * min_size:
        return -1, 0.0
    ks = np.arange(lo + min_size, hi - min_size + 1)
    total = cs[hi] - cs[lo]
    left = cs[ks] - cs[lo]
    nl = ks - lo
    nr = hi - ks
    # gain = SSE(whole) - SSE(left) - SSE(right) = nl*nr/n * (mean_l - mean_r)^2
    gain = (left / nl - (total - left) / nr) ** 2 * nl * nr / n
    j = int(np.argmax(gain))
    return int(ks[j]), float(gain[j])


def change_points(values: Sequence[float], *, min_size: int = 7, penalty: float | None = None,
                  max_points: int = 5) -> list[int]:
    """Indices where the mean of ``values`` changes (binary segmentation, strongest first).

    The default penalty is ``3 * sigma^2 * log(n)``, sigma being the larger of the series'
    standard deviation and a robust estimate from neighbour differences: conservative on
    sparse daily counts, where most days are empty and a few events do not make a change.
    """
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n < 2 * min_size:
        return []
    if penalty is None:
        diffs = np.abs(np.diff(x))
        sigma = float(np.median(diffs)) / (0.6745 * math.sqrt(2)) if len(diffs) else 0.0
        sigma = max(sigma, float(np.std(x)), 1e-9)
        penalty = 3.0 * sigma**2 * math.log(n)
    cs = np.concatenate([[0.0], np.cumsum(x)])
    found: list[tuple[float, int]] = []
    segments = [(0, n)]
    while segments and len(found) < max_points:
        best = None
        for lo, hi in segments:
            k, gain = _best_split(cs, lo, hi, min_size)
            if k > 0 and gain > penalty and (best is None or gain > best[0]):
                best = (gain, k, lo, hi)
        if best is None:
            break
        gain, k, lo, hi = best
        found.append((gain, k))
        segments.remove((lo, hi))
        segments += [(lo, k), (k, hi)]
    return [k for _, k in sorted(found, key=lambda t: -t[0])]


def change_points_for(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str | None,
    *,
    since: DateLike = None,
    until: DateLike = None,
    weighted: bool = True,
    weights: Mapping[str, float] | None = None,
    freq: str = "day",
    column: str = "intensity_sum",
    max_points: int = 5,
    min_size: int | None = None,
) -> list[dict[str, Any]]:
    """Dates where the dyad's series (default: daily sum of weighted intensity) changes level."""
    frame = dyad_series(con, a, b, freq=freq, weighted=weighted, since=since, until=until,
                        weights=weights)
    if frame.empty:
        return []
    values = frame[column].fillna(0.0).to_numpy(dtype=float)
    size = min_size or {"day": 14, "week": 3}.get(freq, 2)
    out = []
    for k in change_points(values, min_size=size, max_points=max_points):
        out.append({
            "date": frame["period"].iloc[k].date(),
            "before": round(float(values[:k].mean()), 3),
            "after": round(float(values[k:].mean()), 3),
        })
    return out
