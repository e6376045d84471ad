"""Flat rows: the one tabular shape of events shared by the store, the Parquet lake and exports.

An event with compound actors stays one row in ``EVENT_COLUMNS`` (first actor in the
``source_*``/``target_*`` columns, every actor in ``source_countries``/``target_countries``
and the JSON lists); ``dyad_rows`` gives one row per source-target country pair, which is
what dyad series and networks count.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from geopol.records import Actor, CodedArticle, Event

EVENT_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",
    "article_id": "VARCHAR",
    "sentence_index": "INTEGER",
    "type": "VARCHAR",
    "mode": "VARCHAR",
    "contexts": "VARCHAR[]",
    "cameo": "VARCHAR",
    "cameo_root": "VARCHAR",
    "quad": "TINYINT",
    "goldstein": "DOUBLE",
    "intensity": "DOUBLE",
    "factuality": "VARCHAR",
    "confidence": "DOUBLE",
    "event_date": "DATE",  # first day of the resolved date, else the publication date
    "date_value": "VARCHAR",
    "date_precision": "VARCHAR",
    "date_text": "VARCHAR",
    "published": "DATE",
    "source_country": "VARCHAR",
    "source_sector": "VARCHAR",
    "source_code": "VARCHAR",
    "source_name": "VARCHAR",
    "source_countries": "VARCHAR[]",
    "target_country": "VARCHAR",
    "target_sector": "VARCHAR",
    "target_code": "VARCHAR",
    "target_name": "VARCHAR",
    "target_countries": "VARCHAR[]",
    "source_json": "VARCHAR",
    "target_json": "VARCHAR",
    "location_name": "VARCHAR",
    "location_country": "VARCHAR",
    "location_admin1": "VARCHAR",
    "location_lat": "DOUBLE",
    "location_lon": "DOUBLE",
    "location_precision": "VARCHAR",
    "location_id": "VARCHAR",
    "trigger_text": "VARCHAR",
    "trigger_start": "INTEGER",
    "trigger_end": "INTEGER",
    "evidence_text": "VARCHAR",
    "article_title": "VARCHAR",
    "article_url": "VARCHAR",
    "coder_version": "VARCHAR",
    # Added with schema version 4 (issue 19); appended so older stores keep their order.
    "quad_gdelt": "TINYINT",  # GDELT's QuadClass of the CAMEO code (``quad`` is PLOVER's)
    "killed": "INTEGER",  # best figure: stated number, or the low end of a range
    "killed_max": "INTEGER",  # high end of a range (= killed when exact; NULL if open)
    "injured": "INTEGER",
    "injured_max": "INTEGER",
}

#: Cluster columns a stored event is listed with (NULL for events not from a store).
CLUSTER_FIELDS: dict[str, str] = {
    "cluster_id": "VARCHAR",
    "num_mentions": "INTEGER",
    "num_articles": "INTEGER",
    "num_sources": "INTEGER",
    "strongest_factuality": "VARCHAR",
}

#: The one event table: the columns, in this order, of every CSV and Parquet event table
#: (``geopol code -f csv``, ``export -f csv|parquet``, ``events -f csv``, the lake as read by
#: ``events --lake``). Documented in docs/formats.md.
TABLE_COLUMNS: dict[str, str] = {**EVENT_COLUMNS, **CLUSTER_FIELDS}

DYAD_COLUMNS: dict[str, str] = {
    "event_id": "VARCHAR",
    "source_country": "VARCHAR",
    "target_country": "VARCHAR",
    "source_sector": "VARCHAR",
    "target_sector": "VARCHAR",
}


def first_day(value: str | None) -> dt.date | None:
    """The first day of an ISO date, ``YYYY-MM`` or ``YYYY`` value."""
    if not value:
        return None
    parts = value.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else 1
        day = int(parts[2][:2]) if len(parts) > 2 else 1
        return dt.date(year, month, day)
    except (ValueError, IndexError):
        return None


def _first(actors: list[Actor]) -> Actor | None:
    return actors[0] if actors else None


def gdelt_quad(cameo: str | None) -> int | None:
    """GDELT's QuadClass (1-4) of a CAMEO event code (None when the code is unknown)."""
    from geopol.events.cameo import cameo_table

    info = cameo_table().get(str(cameo or ""))
    return int(info.quad) if info else None


def _count(c: Any, high: bool = False) -> int | None:
    if c is None:
        return None
    return int(c.high) if high and c.high is not None else (None if high else int(c.count))


def casualty_cells(killed: Any, injured: Any) -> dict[str, int | None]:
    """killed, killed_max, injured, injured_max of two Casualties (or None)."""
    return {
        "killed": _count(killed),
        "killed_max": _count(killed, True),
        "injured": _count(injured),
        "injured_max": _count(injured, True),
    }


def event_row(event: Event) -> dict[str, Any]:
    src, tgt = _first(event.source), _first(event.target)
    date_value = event.date.value if event.date else None
    loc = event.location
    day = event.day
    return {
        "event_id": event.id,
        "article_id": event.article_id,
        "sentence_index": event.evidence.sentence_index,
        "type": event.type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "quad": event.quad,
        "goldstein": event.goldstein,
        "intensity": event.intensity,
        "factuality": event.factuality.value,
        "confidence": event.confidence,
        "event_date": first_day(date_value) or event.published,
        "date_value": date_value,
        "date_precision": event.date.precision.value
        if event.date and event.date.precision
        else None,
        "date_text": event.date.text if event.date else None,
        "published": event.published,
        "source_country": src.country if src else None,
        "source_sector": src.sector if src else None,
        "source_code": src.cameo_on(day) if src else None,
        "source_name": src.name if src else None,
        "source_countries": sorted({a.country for a in event.source if a.country}),
        "target_country": tgt.country if tgt else None,
        "target_sector": tgt.sector if tgt else None,
        "target_code": tgt.cameo_on(day) if tgt else None,
        "target_name": tgt.name if tgt else None,
        "target_countries": sorted({a.country for a in event.target if a.country}),
        "source_json": json.dumps([a.to_dict(day=day) for a in event.source]),
        "target_json": json.dumps([a.to_dict(day=day) for a in event.target]),
        "location_name": loc.name if loc else None,
        "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None,
        "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_precision": loc.precision.value if loc and loc.precision else None,
        "location_id": loc.gazetteer_id if loc else None,
        "trigger_text": event.evidence.trigger.text,
        "trigger_start": event.evidence.trigger.start,
        "trigger_end": event.evidence.trigger.end,
        "evidence_text": event.evidence.sentence.text,
        "article_title": event.article_title,
        "article_url": event.article_url or event.article_path,
        "coder_version": event.coder_version,
        "quad_gdelt": gdelt_quad(event.cameo),
        **casualty_cells(event.killed, event.injured),
    }


def dyad_rows(event: Event) -> list[dict[str, Any]]:
    """One row per (source actor, target actor) pair with distinct known countries."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    targets: list[Actor | None] = list(event.target) or [None]
    for s in event.source:
        if not s.country:
            continue
        for t in targets:
            tc = t.country if t else None
            key = (s.country, tc or "")
            if key in seen or (tc == s.country):
                continue
            seen.add(key)
            rows.append(
                {
                    "event_id": event.id,
                    "source_country": s.country,
                    "target_country": tc,
                    "source_sector": s.sector,
                    "target_sector": t.sector if t else None,
                }
            )
    return rows


def article_rows(coded: CodedArticle) -> list[dict[str, Any]]:
    return [event_row(e) for e in coded.events]
