"""Parquet event tables: the one event table (``rows.TABLE_COLUMNS``) with its SQL types.

``write_parquet`` writes event dicts (``Event.to_dict()`` or store rows rebuilt as dicts);
``write_parquet_rows`` writes flat rows already in the table's shape (store, lake).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from geopol.formats.csv import LIST_SEPARATOR, flat_row
from geopol.formats.jsonl import EventLike, event_dicts
from geopol.formats.rows import TABLE_COLUMNS

_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "TINYINT": pa.int8(),
    "DOUBLE": pa.float64(),
    "DATE": pa.date32(),
    "VARCHAR[]": pa.list_(pa.string()),
}

#: The Arrow schema of the event table.
TABLE_SCHEMA = pa.schema([pa.field(n, _TYPES[t]) for n, t in TABLE_COLUMNS.items()])


def _cell(name: str, value: Any) -> Any:
    kind = TABLE_COLUMNS[name]
    if value is None or value == "":
        return [] if kind == "VARCHAR[]" else None
    if kind == "VARCHAR[]":
        if isinstance(value, str):
            return [v for v in value.split(LIST_SEPARATOR) if v]
        return [str(v) for v in value]
    if kind == "DATE" and isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    if kind == "DATE" and isinstance(value, dt.datetime):
        return value.date()
    if kind in ("INTEGER", "TINYINT"):
        return int(value)
    if kind == "DOUBLE":
        return float(value)
    return value if kind != "VARCHAR" else str(value)


def arrow_table(rows: Iterable[Mapping[str, Any]]) -> pa.Table:
    """Flat rows (any column order, extra columns ignored) as the typed event table."""
    data = [{c: _cell(c, r.get(c)) for c in TABLE_COLUMNS} for r in rows]
    return pa.Table.from_pylist(data, schema=TABLE_SCHEMA)


def write_parquet_rows(rows: Iterable[Mapping[str, Any]], path: str | Path) -> int:
    table = arrow_table(rows)
    pq.write_table(table, str(path))
    return int(table.num_rows)


def write_parquet(events: Iterable[EventLike], path: str | Path) -> int:
    """Write events as one Parquet file with the event table's columns and types.

    Example:
        >>> write_parquet([event.to_dict()], "events.parquet")
        1
    """
    return write_parquet_rows((flat_row(d) for d in event_dicts(events)), path)
