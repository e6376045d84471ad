from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from geopol.errors import StoreError
from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS
from geopol.records import CodedArticle, Factuality
from geopol.store import Store, default_path
from geopol.store.migrations import LATEST, MIGRATIONS, current_version

MakeCoded = Callable[..., CodedArticle]


def columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]


def test_tables_have_the_contract_columns(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.duckdb") as store:
        con = store.con
        assert columns(con, "events") == [*EVENT_COLUMNS, "cluster_id"]
        assert columns(con, "event_dyads") == list(DYAD_COLUMNS)
        assert columns(con, "articles") == [
            "article_id", "title", "body", "published", "url", "source", "path", "language",
            "ingested_at", "n_events"]
        assert columns(con, "mentions") == [
            "article_id", "start", "end", "text", "name", "country", "sector", "role", "kind",
            "how", "code"]
        assert columns(con, "places") == [
            "article_id", "start", "end", "text", "name", "country", "admin1", "lat", "lon",
            "gazetteer_id", "feature_class", "precision"]
        assert columns(con, "alignments") == [
            "alignment_id", "article_id", "sentence_index", "members", "against", "factuality",
            "evidence_text", "published"]
        for col in ("cluster_id", "num_mentions", "num_articles", "num_sources",
                    "strongest_factuality", "first_seen", "last_seen"):
            assert col in columns(con, "clusters")
        assert current_version(con) == LATEST


def test_add_is_idempotent_by_content(tmp_path: Path, make_coded: MakeCoded) -> None:
    a = make_coded("Russia and China hold talks", [("CONSULT", "RUS", "CHN")], alignments=True)
    b = make_coded("Germany sends aid to Ukraine", [("AID", "DEU", "UKR")])
    with Store.open(tmp_path / "s.duckdb") as store:
        first = store.add([a, b])
        assert (first.articles_added, first.articles_skipped, first.events_added) == (2, 0, 2)
        counts = store.counts()
        again = store.add([a, b, a])
        assert (again.articles_added, again.articles_skipped, again.events_added) == (0, 3, 0)
        assert store.counts() == counts
        assert counts["mentions"] == 4 and counts["event_dyads"] == 2
        assert counts["alignments"] == 1
        members = store.con.execute("SELECT members, against FROM alignments").fetchall()
        assert members == [(["CHN", "RUS"], ["USA"])]


def test_duplicate_within_one_batch_is_stored_once(tmp_path: Path, make_coded: MakeCoded) -> None:
    a = make_coded("Russia and China hold talks", [("CONSULT", "RUS", "CHN")])
    with Store.open(tmp_path / "s.duckdb") as store:
        res = store.add([a, a])
        assert res.articles_added == 1 and res.articles_skipped == 1
        assert store.counts()["events"] == 1


def test_filters(tmp_path: Path, make_coded: MakeCoded) -> None:
    coded = [
        make_coded("A", [("CONSULT", "RUS", "CHN")], published=dt.date(2024, 1, 5),
                   place="Beijing", place_country="CHN"),
        make_coded("B", [("AID", "PRK", "RUS")], published=dt.date(2024, 2, 5),
                   factuality=Factuality.SPECULATED),
        make_coded("C", [("REQUEST", "RUS", "PRK")], published=dt.date(2024, 3, 5),
                   factuality=Factuality.REPORTED),
        make_coded("D", [("AID", "DEU", "UKR")], published=dt.date(2024, 4, 5)),
    ]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(coded)
        assert len(store.events()) == 4
        assert list(store.events()["article_title"]) == ["D", "C", "B", "A"]  # newest first
        assert set(store.events(actor="rus")["article_title"]) == {"A", "B", "C"}
        assert set(store.events(dyad=("PRK", "RUS"))["article_title"]) == {"B", "C"}
        assert set(store.events(dyad="PRK,RUS", directed=True)["article_title"]) == {"B"}
        assert set(store.events(type="AID")["article_title"]) == {"B", "D"}
        assert set(store.events(type=["aid", "consult"])["article_title"]) == {"A", "B", "D"}
        assert set(store.events(factuality=["asserted", "reported"])["article_title"]) == {
            "A", "C", "D"}
        assert set(store.events(since="2024-02-01", until=dt.date(2024, 3, 31))[
            "article_title"]) == {"B", "C"}
        assert set(store.events(country="CHN")["article_title"]) == {"A"}
        page = store.events(limit=2, offset=1)
        assert list(page["article_title"]) == ["C", "B"]
        table = store.events_arrow(actor="PRK")
        assert isinstance(table, pa.Table) and table.num_rows == 2
        assert "cluster_id" in table.column_names
        with pytest.raises(StoreError):
            store.events(colour="red")
        with pytest.raises(StoreError):
            store.events(since="last week")


def test_read_only_store(tmp_path: Path, make_coded: MakeCoded) -> None:
    path = tmp_path / "s.duckdb"
    with pytest.raises(StoreError, match="no such store"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        store.add([make_coded("A", [("CONSULT", "RUS", "CHN")])])
    with Store.open(path, read_only=True) as ro:
        assert len(ro.events()) == 1
        with pytest.raises(StoreError, match="read-only"):
            ro.add([make_coded("B", [("AID", "DEU", "UKR")])])


def test_default_path_follows_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOPOL_DB", str(tmp_path / "env.duckdb"))
    assert default_path() == tmp_path / "env.duckdb"
    with Store.open() as store:
        assert store.path == tmp_path / "env.duckdb"
    assert (tmp_path / "env.duckdb").exists()


def test_migrates_an_old_store(tmp_path: Path, make_coded: MakeCoded) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    MIGRATIONS[0][1](con)  # a store as the first release wrote it
    con.execute("INSERT INTO schema_version VALUES (1, now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store.open(path, read_only=True)
    with Store.open(path) as store:
        assert current_version(store.con) == LATEST
        store.add([make_coded("A", [("CONSULT", "RUS", "CHN")])])
        assert store.con.execute("SELECT count(*) FROM feed_state").fetchall() == [(0,)]
        assert store.con.execute("SELECT code FROM actors ORDER BY code").fetchall() == [
            ("CHN",), ("RUS",)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    with Store.open(path) as store:
        store.con.execute("INSERT INTO schema_version VALUES (?, now()::TIMESTAMP)", [LATEST + 1])
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_lock_is_waited_for_then_reported(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    Store.open(path).close()
    import subprocess
    import sys

    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ok', flush=True); "
         "time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="in use by another process"):
            Store.open(path, read_only=True, wait=0.3)
    finally:
        holder.kill()
        holder.wait()
    with Store.open(path, read_only=True, wait=5) as store:
        assert store.counts()["events"] == 0


def test_dyad_counts_and_batches(tmp_path: Path, make_coded: MakeCoded) -> None:
    coded = [
        make_coded("A", [("AID", "PRK", "RUS")], published=dt.date(2024, 1, 5)),
        make_coded("B", [("REQUEST", "RUS", "PRK")], published=dt.date(2024, 1, 20)),
        make_coded("C", [("AID", "PRK", "RUS")], published=dt.date(2024, 3, 2)),
        make_coded("D", [("AID", "DEU", "UKR")], published=dt.date(2024, 3, 2)),
    ]
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add(coded)
        assert store.dyad_counts("prk", "rus") == [
            (dt.date(2024, 1, 1), 2, 2.0), (dt.date(2024, 3, 1), 1, 1.0)]
        with pytest.raises(StoreError):
            store.dyad_counts("PRK", "RUS", freq="fortnight")
        batches = list(store.iter_event_batches(batch_rows=2, with_clusters=True))
        assert sum(b.num_rows for b in batches) == 4
        assert "num_articles" in batches[0].schema.names
