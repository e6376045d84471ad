"""CSV: one flat row per event, the one event table (``rows.TABLE_COLUMNS``).

Compound actors stay one row: the first actor fills ``source_*``/``target_*``, every
actor's country is in ``source_countries``/``target_countries`` (joined with ``;``) and
the full actor lists are in ``source_json``/``target_json``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from geopol.formats.jsonl import EventLike, event_dicts
from geopol.formats.rows import TABLE_COLUMNS, first_day, gdelt_quad
from geopol.formats.safe import csv_writer

LIST_SEPARATOR = ";"


def _first(actors: Any) -> Mapping[str, Any]:
    if isinstance(actors, list) and actors and isinstance(actors[0], Mapping):
        return actors[0]
    return {}


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _countries(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    found = {str(a["country"]) for a in actors if isinstance(a, Mapping) and a.get("country")}
    return sorted(found)


def _code(actor: Mapping[str, Any]) -> str | None:
    if not actor:
        return None
    code = actor.get("code")
    if code:
        return str(code)
    return f"{actor.get('country') or '---'}{actor.get('sector') or ''}"


def event_date(d: Mapping[str, Any]) -> str | None:
    """ISO day the event is filed under: first day of its resolved date, else publication."""
    value = _mapping(d.get("date")).get("value")
    day = first_day(value) if isinstance(value, str) else None
    if day is not None:
        return day.isoformat()
    published = d.get("published")
    return str(published) if published else None


def _casualty(value: Any, high: bool = False) -> int | None:
    c = _mapping(value)
    if not c:
        return None
    got = c.get("high") if high else c.get("count")
    return int(got) if isinstance(got, (int, float)) else None


def flat_row(d: Mapping[str, Any]) -> dict[str, Any]:
    """The ``TABLE_COLUMNS`` row of one event dict (None where the event has no value)."""
    src, tgt = _first(d.get("source")), _first(d.get("target"))
    date = _mapping(d.get("date"))
    loc = _mapping(d.get("location"))
    evidence = _mapping(d.get("evidence"))
    trigger = _mapping(evidence.get("trigger"))
    sentence = _mapping(evidence.get("sentence"))
    contexts = d.get("contexts") or []
    row: dict[str, Any] = {
        "event_id": d.get("id"),
        "article_id": d.get("article_id"),
        "sentence_index": evidence.get("sentence_index"),
        "type": d.get("type"),
        "mode": d.get("mode"),
        "contexts": LIST_SEPARATOR.join(str(c) for c in contexts),
        "cameo": d.get("cameo"),
        "cameo_root": d.get("cameo_root"),
        "quad": d.get("quad"),
        "goldstein": d.get("goldstein"),
        "intensity": d.get("intensity"),
        "factuality": d.get("factuality"),
        "confidence": d.get("confidence"),
        "event_date": event_date(d),
        "date_value": date.get("value"),
        "date_precision": date.get("precision"),
        "date_text": date.get("text"),
        "published": d.get("published"),
        "source_country": src.get("country"),
        "source_sector": src.get("sector"),
        "source_code": _code(src),
        "source_name": src.get("name"),
        "source_countries": LIST_SEPARATOR.join(_countries(d.get("source"))),
        "target_country": tgt.get("country"),
        "target_sector": tgt.get("sector"),
        "target_code": _code(tgt),
        "target_name": tgt.get("name"),
        "target_countries": LIST_SEPARATOR.join(_countries(d.get("target"))),
        "source_json": json.dumps(d.get("source") or [], ensure_ascii=False),
        "target_json": json.dumps(d.get("target") or [], ensure_ascii=False),
        "location_name": loc.get("name"),
        "location_country": loc.get("country"),
        "location_admin1": loc.get("admin1"),
        "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "location_id": loc.get("gazetteer_id"),
        "trigger_text": trigger.get("text"),
        "trigger_start": trigger.get("start"),
        "trigger_end": trigger.get("end"),
        "evidence_text": sentence.get("text"),
        "article_title": d.get("article_title"),
        "article_url": d.get("article_url") or d.get("article_path"),
        "coder_version": d.get("coder_version"),
        "quad_gdelt": d.get("quad_gdelt") or gdelt_quad(d.get("cameo")),
        "killed": _casualty(d.get("killed")),
        "killed_max": _casualty(d.get("killed"), True),
        "injured": _casualty(d.get("injured")),
        "injured_max": _casualty(d.get("injured"), True),
        "cluster_id": d.get("cluster_id"),
        "num_mentions": d.get("num_mentions"),
        "num_articles": d.get("num_articles"),
        "num_sources": d.get("num_sources"),
        "strongest_factuality": d.get("strongest_factuality"),
    }
    return {column: row.get(column) for column in TABLE_COLUMNS}


def csv_cells(row: Mapping[str, Any]) -> list[Any]:
    """The cells of one flat row in ``TABLE_COLUMNS`` order: None is empty, lists joined with
    ``;``. Every CSV event table is written through this one function."""
    cells: list[Any] = []
    for c in TABLE_COLUMNS:
        v = row.get(c)
        if isinstance(v, (list, tuple)):
            v = LIST_SEPARATOR.join(str(x) for x in v)
        cells.append("" if v is None else v)
    return cells


def write_csv(events: Iterable[EventLike], out: TextIO, *, header: bool = True) -> int:
    """Write a header and one comma-separated row per event; returns the number of events.

    Empty cells stand for missing values; lists are joined with ``;``.

    Example:
        >>> write_csv([event.to_dict()], sys.stdout)
        1
    """
    # RFC 4180 line ends: a field holding a bare "\r" or "\n" is then always quoted.
    writer = csv_writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(list(TABLE_COLUMNS))
    n = 0
    for d in event_dicts(events):
        writer.writerow(csv_cells(flat_row(d)))
        n += 1
    return n


def write_csv_rows(rows: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write flat rows (store or lake rows, already in the table's shape) as the event CSV."""
    writer = csv_writer(out, lineterminator="\r\n")
    writer.writerow(list(TABLE_COLUMNS))
    n = 0
    for row in rows:
        writer.writerow(csv_cells(row))
        n += 1
    return n
