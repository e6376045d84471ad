"""Cross-article event merging: reports of one real-world event share a ``cluster_id``.

Two reports are the same event when they have the same PLOVER type and the same directed
country dyad, their dates are at most ``window_days`` apart, and their places agree where both
are known. Events without a source country are never merged (an unattributed report cannot be
told apart from another). A cluster's id is the id of its first report, so re-running the same
input in the same order gives the same clusters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

WINDOW_DAYS = 2


@dataclasses.dataclass(slots=True)
class ClusterKey:
    """What a cluster is matched on."""

    cluster_id: str
    type: str
    source_country: str | None
    target_country: str | None
    event_date: dt.date | None
    location: str | None  # gazetteer id, else lower-cased place name


def place_key(location_id: str | None, location_name: str | None) -> str | None:
    if location_id:
        return location_id
    return location_name.strip().lower() if location_name else None


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def key_of(row: Mapping[str, Any], cluster_id: str) -> ClusterKey:
    return ClusterKey(
        cluster_id=cluster_id,
        type=row["type"],
        source_country=row.get("source_country"),
        target_country=row.get("target_country"),
        event_date=row.get("event_date"),
        location=place_key(row.get("location_id"), row.get("location_name")),
    )


def assign_clusters(
    events: Iterable[Mapping[str, Any]],
    candidates: Iterable[ClusterKey] = (),
    *,
    window_days: int = WINDOW_DAYS,
) -> list[str]:
    """The cluster id of each event, in order: an existing candidate's, or a new one."""
    index: dict[tuple[str, str | None, str | None], list[ClusterKey]] = {}
    for c in candidates:
        index.setdefault((c.type, c.source_country, c.target_country), []).append(c)
    window = dt.timedelta(days=window_days)
    out: list[str] = []
    for row in events:
        new = key_of(row, row["event_id"])
        if new.source_country is None or new.event_date is None:
            out.append(new.cluster_id)
            continue
        bucket = index.setdefault((new.type, new.source_country, new.target_country), [])
        best: ClusterKey | None = None
        best_gap = window + dt.timedelta(days=1)
        for c in bucket:
            if c.event_date is None or not _compatible(c.location, new.location):
                continue
            gap = abs(c.event_date - new.event_date)
            if gap <= window and gap < best_gap:
                best, best_gap = c, gap
        if best is None:
            bucket.append(new)
            out.append(new.cluster_id)
        else:
            if best.location is None:
                best.location = new.location
            out.append(best.cluster_id)
    return out
