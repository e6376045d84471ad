"""Table definitions of the event store, in one place so migrations, writer and queries agree.

The ``events`` and ``event_dyads`` columns come from ``geopol.formats.rows`` so the store, the
Parquet lake and the exports share one flat shape. ``start``/``end`` are SQL keywords, hence
the quoting in every statement that names them.
"""

from __future__ import annotations

from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS

ARTICLE_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "title": "VARCHAR",
    "body": "VARCHAR",
    "published": "DATE",
    "url": "VARCHAR",
    "source": "VARCHAR",
    "path": "VARCHAR",
    "language": "VARCHAR",
    "ingested_at": "TIMESTAMP",
    "n_events": "INTEGER",
}

STORE_EVENT_COLUMNS: dict[str, str] = {**EVENT_COLUMNS, "cluster_id": "VARCHAR"}

MENTION_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "start": "INTEGER",
    "end": "INTEGER",
    "text": "VARCHAR",
    "name": "VARCHAR",
    "country": "VARCHAR",
    "sector": "VARCHAR",
    "role": "VARCHAR",
    "kind": "VARCHAR",
    "how": "VARCHAR",
    "code": "VARCHAR",
}

PLACE_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "start": "INTEGER",
    "end": "INTEGER",
    "text": "VARCHAR",
    "name": "VARCHAR",
    "country": "VARCHAR",
    "admin1": "VARCHAR",
    "lat": "DOUBLE",
    "lon": "DOUBLE",
    "gazetteer_id": "VARCHAR",
    "feature_class": "VARCHAR",
    "precision": "VARCHAR",
}

ALIGNMENT_COLUMNS: dict[str, str] = {
    "alignment_id": "VARCHAR",
    "article_id": "VARCHAR",
    "sentence_index": "INTEGER",
    "members": "VARCHAR[]",
    "against": "VARCHAR[]",
    "factuality": "VARCHAR",
    "evidence_text": "VARCHAR",
    "published": "DATE",
}

CLUSTER_COLUMNS: dict[str, str] = {
    "cluster_id": "VARCHAR",
    "type": "VARCHAR",
    "source_country": "VARCHAR",
    "target_country": "VARCHAR",
    "event_date": "DATE",
    "location_name": "VARCHAR",
    "location_id": "VARCHAR",
    "num_mentions": "INTEGER",
    "num_articles": "INTEGER",
    "num_sources": "INTEGER",
    "strongest_factuality": "VARCHAR",
    "first_seen": "DATE",
    "last_seen": "DATE",
}

FEED_STATE_COLUMNS: dict[str, str] = {
    "feed_url": "VARCHAR",
    "etag": "VARCHAR",
    "last_modified": "VARCHAR",
    "last_status": "VARCHAR",
    "failures": "INTEGER",
    "next_attempt": "TIMESTAMP",
    "last_checked": "TIMESTAMP",
}

FEED_ENTRY_COLUMNS: dict[str, str] = {
    "feed_url": "VARCHAR",
    "entry_key": "VARCHAR",
    "article_id": "VARCHAR",
    "seen_at": "TIMESTAMP",
}

#: Every table the writer fills from a batch, with its columns (insertion order).
TABLES: dict[str, dict[str, str]] = {
    "articles": ARTICLE_COLUMNS,
    "events": STORE_EVENT_COLUMNS,
    "event_dyads": DYAD_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "places": PLACE_COLUMNS,
    "alignments": ALIGNMENT_COLUMNS,
    "clusters": CLUSTER_COLUMNS,
    "feed_state": FEED_STATE_COLUMNS,
    "feed_entries": FEED_ENTRY_COLUMNS,
}

PRIMARY_KEYS: dict[str, str] = {
    "articles": "article_id",
    "feed_state": "feed_url",
}


def quote(name: str) -> str:
    return f'"{name}"'


def column_list(columns: dict[str, str]) -> str:
    return ", ".join(quote(c) for c in columns)


def create_table(name: str, columns: dict[str, str]) -> str:
    cols = [f"{quote(c)} {t}" for c, t in columns.items()]
    if name in PRIMARY_KEYS:
        cols.append(f"PRIMARY KEY ({quote(PRIMARY_KEYS[name])})")
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(cols)})"
