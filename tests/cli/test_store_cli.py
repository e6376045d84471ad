"""geopol ingest / events / export through the real CLI, crash safety and a concurrent reader."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from geopol.store import Store
from geopol_testkit import run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "articles"

COUNTRIES = [("Russian", "Russia"), ("Chinese", "China"), ("Indian", "India"),
             ("Brazilian", "Brazil"), ("German", "Germany"), ("French", "France"),
             ("Japanese", "Japan"), ("Turkish", "Turkey"), ("Egyptian", "Egypt"),
             ("Kenyan", "Kenya"), ("Mexican", "Mexico"), ("Polish", "Poland")]
CITIES = ["Beijing", "Moscow", "Delhi", "Brasilia", "Berlin", "Paris", "Tokyo", "Ankara",
          "Cairo", "Nairobi", "Mexico City", "Warsaw"]
TOPICS = ["energy trade", "regional security", "grain exports", "climate finance",
          "border controls", "space cooperation", "fisheries", "debt relief"]


def write_corpus(folder: Path, n: int) -> None:
    """``n`` distinct invented articles with clear events (meetings, aid, criticism)."""
    folder.mkdir()
    rows = ["file,published,url,source"]
    for i in range(n):
        a_adj, a = COUNTRIES[i % len(COUNTRIES)]
        b_adj, b = COUNTRIES[(i * 5 + 1) % len(COUNTRIES)]
        if a == b:
            b_adj, b = COUNTRIES[(i + 3) % len(COUNTRIES)]
        city = CITIES[(i * 7) % len(CITIES)]
        topic = TOPICS[i % len(TOPICS)]
        day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 200)
        text = (
            f"{a} and {b} discuss {topic} ({i})\n"
            f"{a_adj} and {b_adj} officials held talks in {city} on Monday on {topic}, "
            f"the two governments said in statement number {i}.\n"
            f"{a} promised to send humanitarian aid to {b} next month.\n"
            f"The opposition in {b} criticised the government over the agreement.\n"
        )
        name = f"{i:04d}.txt"
        (folder / name).write_text(text)
        rows.append(f"{name},{day},https://news.example.org/{i},Example {'ABC'[i % 3]}")
    (folder / "index.csv").write_text("\n".join(rows) + "\n")



def snapshot(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        def q(sql: str) -> list[tuple[Any, ...]]:
            return con.execute(sql).fetchall()

        groups = {tuple(sorted(r[0])) for r in q(
            "SELECT list(event_id) FROM events GROUP BY cluster_id")}
        return {
            "articles": sorted(r[0] for r in q("SELECT article_id FROM articles")),
            "events": sorted(r[0] for r in q("SELECT event_id FROM events")),
            "event_rows": q("SELECT count(*) FROM events")[0][0],
            "dyads": q("SELECT count(*) FROM event_dyads")[0][0],
            "mentions": q("SELECT count(*) FROM mentions")[0][0],
            "places": q("SELECT count(*) FROM places")[0][0],
            "clusters": groups,
            "cluster_rows": q("SELECT count(*), sum(num_mentions) FROM clusters")[0],
        }
    finally:
        con.close()


def geopol(*args: str) -> list[str]:
    return [sys.executable, "-m", "geopol", *args]


@pytest.mark.slow
def test_sigkill_midway_then_rerun_equals_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 300)
    killed_db, clean_db = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    env = {**os.environ, "GEOPOL_DB_WAIT": "60"}
    writer = subprocess.Popen(geopol("ingest", str(corpus), "--db", str(killed_db), "--quiet",
                                     "--chunk", "8"),
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stored = 0
    reader_rc = None
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and writer.poll() is None:
        time.sleep(0.2)
        if not killed_db.exists():
            continue
        try:
            with Store.open(killed_db, read_only=True, wait=30) as store:
                stored = store.counts()["articles"]
        except Exception:  # the schema may not exist yet on the very first batch
            continue
        if stored >= 40 and reader_rc is None:
            # a reader works while the ingest is writing
            reader = subprocess.run(geopol("events", "--db", str(killed_db), "--format",
                                           "jsonl", "--limit", "5"),
                                    env=env, capture_output=True, text=True, timeout=300)
            reader_rc = reader.returncode
            assert reader_rc == 0, reader.stderr
            assert all(json.loads(line)["id"] for line in reader.stdout.splitlines())
        if stored >= 80 and reader_rc is not None:
            break
    assert writer.poll() is None, "the ingest finished before it could be killed"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert writer.returncode == -signal.SIGKILL
    partial = snapshot(killed_db)
    assert 0 < len(partial["articles"]) < 300  # type: ignore[arg-type]

    rerun = subprocess.run(geopol("ingest", str(corpus), "--db", str(killed_db)), env=env,
                           capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "already stored" in rerun.stderr

    clean_run = subprocess.run(geopol("ingest", str(corpus), "--db", str(clean_db), "--quiet"),
                               env=env, capture_output=True, text=True, timeout=600)
    assert clean_run.returncode == 0, clean_run.stderr
    after, clean = snapshot(killed_db), snapshot(clean_db)
    assert len(clean["articles"]) == 300  # type: ignore[arg-type]
    assert after == clean
    assert after["event_rows"] == len(after["events"])  # type: ignore[arg-type]  # no duplicates


def test_events_formats(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["events", "--db", str(sample_db), "--format", "jsonl", "--limit", "1000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    with Store.open(sample_db, read_only=True) as store:
        total = store.counts()["events"]
    assert len(lines) == total
    for line in lines:
        ev = json.loads(line)
        assert {"id", "type", "factuality", "source", "target", "num_articles"} <= set(ev)
    assert run_cli(["events", "--db", str(sample_db), "--format", "csv", "--limit", "1000"]) == 0
    out = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert out[0][:2] == ["event_id", "article_id"] and len(out) == total + 1
    assert all(len(r) == len(out[0]) for r in out)
    assert run_cli(["events", "--db", str(sample_db)]) == 0
    assert "date" in capsys.readouterr().out
    assert run_cli(["events", "--db", str(sample_db), "--type", "AID", "--factuality",
                    "asserted,reported,speculated", "--since", "2023-01-01", "--until",
                    "2025-12-31", "--format", "jsonl", "--limit", "1000"]) == 0
    for line in capsys.readouterr().out.splitlines():
        ev = json.loads(line)
        assert ev["type"] == "AID" and ev["factuality"] in ("asserted", "reported", "speculated")


def test_sample_events_by_dyad_once_coder_works(
    sample_db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Needs a coder that finds events in the summit sample (PRK-RUS)."""
    assert run_cli(["events", "--db", str(sample_db), "--dyad", "PRK,RUS", "--format",
                    "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) > 0
    for line in lines:
        ev = json.loads(line)
        codes = {a["country"] for a in ev["source"] + ev["target"]}
        assert {"PRK", "RUS"} <= codes


def test_export_formats(sample_db: Path, tmp_path: Path) -> None:
    with Store.open(sample_db, read_only=True) as store:
        total = store.counts()["events"]
    out = tmp_path / "e.parquet"
    assert run_cli(["export", "--db", str(sample_db), "-f", "parquet", "-o", str(out)]) == 0
    assert pq.read_table(out).num_rows == total
    for fmt in ("jsonl", "csv", "gdelt", "icews"):
        path = tmp_path / f"e.{fmt}"
        assert run_cli(["export", "--db", str(sample_db), "-f", fmt, "-o", str(path)]) == 0
        assert path.exists()
    assert len((tmp_path / "e.jsonl").read_text().splitlines()) == total


def test_ingest_from_lake(sample_db: Path, tmp_path: Path) -> None:
    lake = tmp_path / "lake"
    (lake / "articles").mkdir(parents=True)
    con = duckdb.connect(str(sample_db), read_only=True)
    from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS
    from geopol.store.schema import column_list

    con.execute(f"COPY (SELECT {column_list(EVENT_COLUMNS)} FROM events) TO "
                f"'{lake / 'events'}' (FORMAT parquet, PARTITION_BY (event_date))")
    (lake / "dyads").mkdir()
    con.execute(f"COPY (SELECT {column_list(DYAD_COLUMNS)} FROM event_dyads) TO "
                f"'{lake / 'dyads' / 'part-0.parquet'}' (FORMAT parquet)")
    con.execute(f"COPY (SELECT * EXCLUDE (body) FROM articles) TO "
                f"'{lake / 'articles' / 'part-0.parquet'}' (FORMAT parquet)")
    counts = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.close()
    db = tmp_path / "from-lake.duckdb"
    assert run_cli(["ingest", "--from-lake", str(lake), "--db", str(db), "--quiet"]) == 0
    assert run_cli(["ingest", "--from-lake", str(lake), "--db", str(db), "--quiet"]) == 0
    with Store.open(db, read_only=True) as store:
        assert store.counts()["events"] == counts
        assert store.counts()["articles"] == len(list(SAMPLES.glob("*.txt")))
    assert run_cli(["events", "--lake", str(lake), "--format", "jsonl"]) == 0


def test_errors_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["events", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "Error:" in capsys.readouterr().err
    db = tmp_path / "e.duckdb"
    Store.open(db).close()
    assert run_cli(["events", "--db", str(db), "--since", "yesterday"]) == 1
    assert run_cli(["export", "--db", str(db), "-f", "xml"]) == 2  # a usage error
    assert run_cli(["ingest", "--db", str(db)]) == 2
