"""Schema versions and the steps between them, applied in one transaction on open.

A store records the highest step applied in ``schema_version``; opening an older file runs
the missing steps, so files written by older geopol versions keep working.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from geopol.errors import StoreError
from geopol.store.schema import TABLES, create_table


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    for name, columns in TABLES.items():
        if name in ("feed_state", "feed_entries"):
            continue
        con.execute(create_table(name, columns))


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    """Feed monitoring state, added when ``geopol watch`` arrived."""
    con.execute(create_table("feed_state", TABLES["feed_state"]))
    con.execute(create_table("feed_entries", TABLES["feed_entries"]))


def _v3(con: duckdb.DuckDBPyConnection) -> None:
    """An ``actors`` view: one row per resolved actor code with its mention count."""
    con.execute(
        """
        CREATE OR REPLACE VIEW actors AS
        SELECT code, country, sector, arg_max(name, n) AS name, sum(n)::BIGINT AS mentions,
               count(DISTINCT article_id)::BIGINT AS articles
        FROM (SELECT code, country, sector, name, article_id, count(*) AS n
              FROM mentions GROUP BY ALL)
        GROUP BY code, country, sector
        """
    )


#: Event columns added by schema version 4 (issue 19): GDELT's quad class and casualties.
V4_EVENT_COLUMNS = ("quad_gdelt", "killed", "killed_max", "injured", "injured_max")


def _v4(con: duckdb.DuckDBPyConnection) -> None:
    """``quad_gdelt`` (filled from the CAMEO table) and the casualty columns on events."""
    from geopol.events.cameo import cameo_table
    from geopol.store.schema import STORE_EVENT_COLUMNS

    have = {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    for name in V4_EVENT_COLUMNS:
        if name not in have:
            con.execute(f'ALTER TABLE events ADD COLUMN "{name}" {STORE_EVENT_COLUMNS[name]}')
    pairs = [(code, int(info.quad)) for code, info in cameo_table().items()]
    con.execute("CREATE TEMP TABLE _gdelt_quad (cameo VARCHAR, quad TINYINT)")
    con.executemany("INSERT INTO _gdelt_quad VALUES (?, ?)", pairs)
    con.execute(
        "UPDATE events SET quad_gdelt = q.quad FROM _gdelt_quad q "
        "WHERE events.cameo = q.cameo AND events.quad_gdelt IS NULL"
    )
    con.execute("DROP TABLE _gdelt_quad")


MIGRATIONS: list[tuple[int, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    (1, _v1),
    (2, _v2),
    (3, _v3),
    (4, _v4),
]
LATEST = MIGRATIONS[-1][0]


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchall()[0]
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchall()[0]
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, *, target: int = LATEST) -> int:
    """Bring the schema to ``target``; returns the version before migrating."""
    before = current_version(con)
    if before > LATEST:
        raise StoreError(
            f"the store has schema version {before}, newer than this geopol knows ({LATEST}); "
            "upgrade geopol"
        )
    if before >= target:
        return before
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)"
        )
        for version, step in MIGRATIONS:
            if before < version <= target:
                step(con)
                con.execute(
                    "INSERT INTO schema_version VALUES (?, current_timestamp::TIMESTAMP)", [version]
                )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return before
