"""Engines: the same lake from one process, a process pool and a real Dask LocalCluster,
also when a Dask worker process is killed mid-run or a run is resumed."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from geopol.errors import StoreError
from geopol.formats.rows import EVENT_COLUMNS, event_row
from geopol.pipeline import code_articles
from geopol.scale.engines import BatchResult, run_corpus
from geopol.scale.lake import Lake, glob
from geopol.text.reader import read_text_file

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _rows(lake: Path, table: str) -> list[tuple[Any, ...]]:
    """A lake table's rows, in a fixed column and row order (events: EVENT_COLUMNS order)."""
    if not any(lake.glob(f"{table}/**/*.parquet")):
        return []
    if table == "articles":
        query = f"SELECT * FROM read_parquet('{glob(str(lake), table)}')"
    else:
        columns = ", ".join(EVENT_COLUMNS) if table == "events" else "*"
        query = (
            f"SELECT {columns} FROM read_parquet('{glob(str(lake), table)}', "
            "hive_partitioning = true, hive_types = {'event_date': DATE})"
        )
    rows = duckdb.connect().execute(query).fetchall()
    return sorted(rows, key=repr)


def _lake(lake: Path) -> dict[str, list[tuple[Any, ...]]]:
    return {t: _rows(lake, t) for t in ("events", "dyads", "articles")}


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two distinct variants of every test article as one JSONL file (24 articles, 12 batches
    of 2), and the lake the single-process engine makes of it."""
    folder = tmp_path_factory.mktemp("big")
    path = folder / "big.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(2):
            for p in sorted(CORPUS.rglob("[0-9]*.txt")):
                a = read_text_file(p)
                rec = {
                    "title": f"{a.title} ({i})",
                    "body": a.body,
                    "published": (dt.date(2024, 1, 1) + dt.timedelta(days=i)).isoformat(),
                }
                f.write(json.dumps(rec) + "\n")
    reference = folder / "reference"
    summary = run_corpus([str(path)], str(reference), engine="single", batch_size=2)
    assert (summary.batches, summary.articles) == (12, 24)
    return path, reference


def test_every_engine_gives_the_single_process_coder_s_events(
    corpus: Path, tmp_path: Path, dask_client: Any
) -> None:
    lakes = {}
    for engine in ("single", "local", "dask"):
        lakes[engine] = tmp_path / engine
        summary = run_corpus(
            [str(corpus)],
            str(lakes[engine]),
            engine=engine,
            workers=2,
            scheduler=dask_client if engine == "dask" else None,
            batch_size=5,
        )
        assert (summary.batches, summary.articles, summary.skipped) == (3, 12, 1)
        assert summary.failed == {}
    expected = _lake(lakes["single"])
    assert len(expected["articles"]) == 12
    assert _lake(lakes["local"]) == expected
    assert _lake(lakes["dask"]) == expected
    # ... and the same events as coding the files directly, in one nlp.pipe stream.
    articles = [read_text_file(p) for p in sorted(corpus.rglob("[0-9]*.txt"))]
    direct = [
        tuple(event_row(e)[k] for k in EVENT_COLUMNS)
        for c in code_articles(articles)
        for e in c.events
    ]
    assert expected["events"] == sorted(direct, key=repr)
    assert sum(r[-1] for r in expected["articles"]) == len(direct)  # n_events


def test_resume_codes_only_unfinished_batches(
    big: tuple[Path, Path], tmp_path: Path, dask_client: Any
) -> None:
    source, reference = big
    partial = tmp_path / "partial"
    shutil.copytree(reference, partial)
    lake = Lake(str(partial))
    lost = sorted(lake.done())[:2]
    for batch in lost:  # as if the run died before committing these two
        (partial / "_manifest" / f"{batch}.json").unlink()
    (partial / "articles" / f"part-{lost[0]}.parquet").unlink()
    assert lake.orphans()
    with pytest.raises(StoreError, match="--resume"):
        run_corpus([str(source)], str(partial), engine="dask", scheduler=dask_client, batch_size=2)
    with pytest.raises(StoreError, match="batch_size"):
        run_corpus(
            [str(source)],
            str(partial),
            engine="dask",
            scheduler=dask_client,
            batch_size=3,
            resume=True,
        )
    coded: list[str] = []
    again = run_corpus(
        [str(source)],
        str(partial),
        engine="dask",
        scheduler=dask_client,
        batch_size=2,
        resume=True,
        on_result=lambda r: coded.append(r.batch),
    )
    assert again.resumed == 10 and sorted(coded) == lost
    assert _lake(partial) == _lake(reference)
    assert lake.orphans() == []


def test_a_killed_dask_worker_loses_and_duplicates_nothing(
    big: tuple[Path, Path], tmp_path: Path, dask_client: Any
) -> None:
    source, reference = big
    before = dask_client.run(os.getpid)
    killed: list[int] = []

    def kill_a_busy_worker(result: BatchResult) -> None:
        if killed:
            return
        busy = [w for w, keys in dask_client.processing().items() if keys]
        if busy:
            pid = dask_client.run(os.getpid, workers=busy[:1])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    lake = tmp_path / "lake"
    summary = run_corpus(
        [str(source)],
        str(lake),
        engine="dask",
        scheduler=dask_client,
        batch_size=2,
        on_result=kill_a_busy_worker,
    )
    assert killed and killed[0] in before.values()
    assert summary.failed == {} and summary.batches == 12
    for _ in range(60):  # the nanny replaces the killed process
        after = dask_client.run(os.getpid, on_error="ignore")
        if len(after) == 2 and killed[0] not in after.values():
            break
        time.sleep(0.5)
    assert len(after) == 2 and killed[0] not in after.values()
    expected = _lake(reference)
    assert len(expected["articles"]) == 24
    assert _lake(lake) == expected
    assert Lake(str(lake)).orphans() == []
    assert not [p for p in lake.rglob("*") if p.name.endswith(".tmp")]
