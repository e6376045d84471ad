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
import pandas as pd

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
    """The newest publication date (else event date): planned events dated weeks ahead must
    not move the window into the future, where it would look like a collapse."""
    row = con.execute("SELECT coalesce(max(published), max(event_date)) FROM events").fetchone()
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
    days = _pair_days(con, w, b0, end)
    out: list[Shift] = []
    if not days.empty:
        days["recent"] = days["day"] > pd.Timestamp(r0)
        sums = days.groupby(["a", "b", "recent"])[["w", "w2", "wi", "n"]].sum()
        table = sums.unstack("recent", fill_value=0.0)
        cols = [(c, f) for f in (True, False) for c in ("w", "w2", "wi", "n")]
        zeros = np.zeros(len(table))
        arr = np.column_stack([table[c].to_numpy(dtype=float) if c in table.columns else zeros
                               for c in cols])
        for (a, b), stats in zip(table.index, arr.tolist(), strict=True):
            out.extend(_classify("dyad", str(a), str(b), tuple(stats), ratio, weighted,
                                 min_events, z))
        out.extend(_spikes(days, b0, r0, end, weighted, min_events, spike_z))
    if actors:
        for a, stats in _actor_rows(con, w, b0, r0, end):
            out.extend(_classify("actor", a, None, stats, ratio, weighted, min_events, z,
                                 flips=False, new=False))
    flips = [i for i, s in enumerate(out) if s.kind == "sign_flip"]
    if flips:
        groups = days.groupby(["a", "b"]).indices
        for i in flips:
            s = out[i]
            rows = days.iloc[groups[(s.a, s.b)]]
            out[i] = dataclasses.replace(s, date=_turn_day(rows, b0, end))
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


def _pair_days(con: duckdb.DuckDBPyConnection, w: str, b0: dt.date, end: dt.date
               ) -> pd.DataFrame:
    """Per unordered country pair and day in (b0, end]: weight, squared weight, weighted
    intensity and event count; one query feeds bands, spikes and turn dates."""
    sql = f"""
        SELECT least(d.source_country, d.target_country) AS a,
               greatest(d.source_country, d.target_country) AS b,
               e.event_date AS day, sum({w}) AS w, sum({w} * {w}) AS w2,
               sum({w} * e.intensity) AS wi, count(*) AS n
        FROM event_dyads d JOIN events e ON e.event_id = d.event_id
        WHERE d.target_country IS NOT NULL AND d.source_country <> d.target_country
          AND e.event_date > ? AND e.event_date <= ? AND e.intensity IS NOT NULL
        GROUP BY ALL
    """
    frame = con.execute(sql, [b0, end]).df()
    if not frame.empty:
        frame["day"] = pd.to_datetime(frame["day"])
        for col in ("w", "w2", "wi", "n"):
            frame[col] = frame[col].astype(float)
    return frame


def _turn_day(rows: pd.DataFrame, b0: dt.date, end: dt.date) -> dt.date | None:
    """The change point of one pair's daily weighted intensity in the window (b0, end]."""
    n = (end - b0).days
    values = np.zeros(n)
    offsets = (rows["day"] - pd.Timestamp(b0 + dt.timedelta(days=1))).dt.days.to_numpy()
    np.add.at(values, offsets, rows["wi"].to_numpy(dtype=float))
    found = change_points(values, min_size=14, max_points=1)
    return b0 + dt.timedelta(days=1 + found[0]) if found else None


def _actor_rows(con: duckdb.DuckDBPyConnection, w: str, b0: dt.date, r0: dt.date, end: dt.date
                ) -> list[tuple[str, tuple[float, ...]]]:
    """Per actor (a country on either side of an event with a known source), each event once."""
    sql = f"""
        SELECT actor, {_STATS.format(w=w)}
        FROM (SELECT unnest(list_distinct(list_concat(source_countries, target_countries)))
                     AS actor, event_date, factuality, intensity
              FROM events
              WHERE event_date > ? AND event_date <= ? AND len(source_countries) > 0
                AND intensity IS NOT NULL) AS e
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
    if (flips and rmi is not None and bmi is not None and min(rw, bw * ratio) >= min_events
            and abs(rmi) >= 1.0 and abs(bmi) >= 1.0 and (rmi > 0) != (bmi > 0)):
        direction = "cooperation_to_conflict" if bmi > 0 else "conflict_to_cooperation"
        out.append(Shift(kind="sign_flip", band=direction, change=None,
                         z=round(max(abs(zval), abs(rmi - bmi)), 2),
                         detail=f"mean intensity {bmi:+.1f} -> {rmi:+.1f}", **common))
    return out


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 3)


def _spikes(days: pd.DataFrame, b0: dt.date, r0: dt.date, end: dt.date, weighted: bool,
            min_events: float, zmin: float) -> list[Shift]:
    """Weeks in the recent window far above the pair's baseline weeks."""
    weeks_recent = max((end - r0).days // 7, 1)
    weeks_base = max((r0 - b0).days // 7, 1)
    frame = days.assign(wk=((pd.Timestamp(end) - days["day"]).dt.days // 7).astype(int))
    frame = frame[frame["wk"] < weeks_recent + weeks_base]
    grid = frame.pivot_table(index=["a", "b"], columns="wk", values="w", aggfunc="sum",
                             fill_value=0.0)
    grid = grid.reindex(columns=range(weeks_recent + weeks_base), fill_value=0.0)
    values = grid.to_numpy(dtype=float)
    recent, base = values[:, :weeks_recent], values[:, weeks_recent:]
    mean = base.mean(axis=1)
    sd = np.maximum.reduce([base.std(axis=1), np.sqrt(mean), np.ones_like(mean)])
    top = recent.argmax(axis=1)
    peak = recent[np.arange(len(recent)), top]
    zs = (peak - mean) / sd
    out = []
    for i in np.flatnonzero((peak >= min_events) & (zs >= zmin)):
        a, b = grid.index[i]
        day = end - dt.timedelta(days=7 * int(top[i]) + 6)
        out.append(Shift(kind="spike", subject="dyad", a=str(a), b=str(b), band="spike",
                         recent=round(float(peak[i]), 3), baseline=round(float(mean[i]), 3),
                         change=None, z=round(float(zs[i]), 2), date=day, weighted=weighted,
                         detail=f"week from {day}: {peak[i]:.1f} against {mean[i]:.1f}/week"))
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


def change_points(values: Sequence[float] | np.ndarray, *, min_size: int = 7,
                  penalty: float | None = None, max_points: int = 5) -> list[int]:
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
