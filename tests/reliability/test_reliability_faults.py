"""Fault injection: a full disk, a locked store, a dripping server, SIGTERM and SIGKILL.

Each fault must end in a clear message (no traceback), leave a consistent store (no
duplicates, no events without their article) and let the next run finish the job, giving
exactly what an uninterrupted run gives.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from reliability_kit import (
    FeedServer,
    article_text,
    counts,
    feed_server,
    geopol,
    no_traceback,
    spawn,
    wait_for,
    write_corpus,
)

from geopol.errors import FetchError
from geopol.ingest.fetch import fetch
from geopol.ingest.watch import Watcher

CORPUS = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), CORPUS)


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """What an uninterrupted ingest of the corpus stores."""
    db = tmp_path_factory.mktemp("ref") / "ref.duckdb"
    done = geopol("ingest", str(corpus), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    found = counts(db)
    assert found["articles"] == CORPUS and found["events"] > 0
    return found


def _fsize_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_disk_full_during_ingest(corpus: Path, reference: dict[str, int], tmp_path: Path) -> None:
    """RLIMIT_FSIZE stands in for a full disk: writes past the limit fail with EFBIG."""
    db = tmp_path / "full.duckdb"
    first = write_corpus(tmp_path / "first", 4)
    assert geopol("ingest", str(first), "--db", str(db), "--quiet").returncode == 0
    limit = 16 * 1024  # the WAL and any block written past 16 KB fail
    full = geopol("ingest", str(corpus), "--db", str(db), "--quiet", "--chunk", "2",
                  preexec=_fsize_limit(limit))
    assert full.returncode == 1, full.stderr
    assert full.stderr.startswith("Error:") and no_traceback(full.stderr), full.stderr
    assert "write failed" in full.stderr and "File too large" in full.stderr, full.stderr
    after = counts(db)
    assert after["duplicate_articles"] == after["duplicate_events"] == after["orphan_events"] == 0
    assert after["articles"] < CORPUS
    again = geopol("ingest", str(corpus), "--db", str(db), "--quiet")
    assert again.returncode == 0, again.stderr
    final = counts(db)
    assert final["articles"] == reference["articles"]
    assert final["events"] == reference["events"]


def test_store_locked_by_another_process(corpus: Path, reference: dict[str, int],
                                         tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('held', flush=True);"
         " sys.stdin.readline()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        blocked = geopol("ingest", str(corpus), "--db", str(db), "--quiet",
                         env={"GEOPOL_DB_WAIT": "1"})
        assert blocked.returncode == 1
        assert "in use by another process" in blocked.stderr and no_traceback(blocked.stderr)
    finally:
        holder.communicate("\n", timeout=30)
    done = geopol("ingest", str(corpus), "--db", str(db), "--quiet")
    assert done.returncode == 0, done.stderr
    assert counts(db) == reference


def test_lock_released_while_waiting_carries_on(corpus: Path, reference: dict[str, int],
                                                tmp_path: Path) -> None:
    db = tmp_path / "brief.duckdb"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True);"
         " time.sleep(2); c.close()"],
        stdout=subprocess.PIPE, text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    done = geopol("ingest", str(corpus), "--db", str(db), "--quiet",
                  env={"GEOPOL_DB_WAIT": "60"})
    holder.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    assert counts(db) == reference


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with feed_server() as s:
        yield s


@pytest.mark.parametrize("path", ["/drip", "/drip-headers"])
def test_dripping_server_times_out(server: FeedServer, path: str) -> None:
    """One byte a second resets every read timeout; the total limit still ends it."""
    with pytest.raises(FetchError, match="timed out after 2 s"):
        fetch(server.url(path), allow_private=True, timeout=2)


def test_dripping_feed_does_not_stall_the_others(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "watch.duckdb"
    server.items = [("k1", article_text(1)), ("k2", article_text(2))]
    lines: list[str] = []
    watcher = Watcher([server.url("/drip-headers"), server.url("/feed.xml")], db, every=1,
                      allow_private=True, timeout=2, log=lines.append)
    report = watcher.run_cycle()
    assert report.failed == 1 and report.articles_added == 2
    assert any("/drip-headers" in line and "timed out" in line for line in lines)
    assert counts(db)["articles"] == 2


def _watch(server: FeedServer, db: Path, *extra: str) -> subprocess.Popen[str]:
    return spawn("watch", server.url("/feed.xml"), "--db", str(db), "--every", "1s",
                 "--allow-private", "--timeout", "5", *extra)


def test_sigterm_during_watch_stops_cleanly(server: FeedServer, tmp_path: Path) -> None:
    db = tmp_path / "term.duckdb"
    server.items = [(f"k{i}", article_text(i)) for i in range(6)]
    proc = _watch(server, db)
    try:
        assert wait_for(lambda: db.exists() and _stored(db) >= 6, timeout=120)
        server.items += [(f"k{i}", article_text(i)) for i in range(6, 12)]
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert "watch: stopped" in err and no_traceback(err), err
    mid = counts(db)
    assert mid["duplicate_articles"] == mid["orphan_events"] == 0
    again = geopol("watch", server.url("/feed.xml"), "--db", str(db), "--cycles", "1",
                   "--allow-private", "--quiet")
    assert again.returncode == 0, again.stderr
    final = counts(db)
    assert final["articles"] == 12 and final["duplicate_articles"] == 0


def _stored(db: Path) -> int:
    try:
        return counts(db)["articles"]
    except Exception:  # the watcher holds the file or is creating it
        return 0


def test_killed_watch_worker_loses_and_duplicates_nothing(server: FeedServer,
                                                          tmp_path: Path) -> None:
    """SIGKILL gives no chance to clean up: the store's transactions must be enough."""
    db = tmp_path / "killed.duckdb"
    server.items = [(f"k{i}", article_text(i)) for i in range(4)]
    proc = _watch(server, db)
    try:
        assert wait_for(lambda: db.exists() and _stored(db) >= 4, timeout=120)
        server.items += [(f"k{i}", article_text(i)) for i in range(4, 24)]
        time.sleep(3)  # the next cycle is now coding the new entries
        proc.kill()
        proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    mid = counts(db)
    assert mid["duplicate_articles"] == mid["duplicate_events"] == mid["orphan_events"] == 0
    again = geopol("watch", server.url("/feed.xml"), "--db", str(db), "--cycles", "1",
                   "--allow-private", "--quiet")
    assert again.returncode == 0, again.stderr
    final = counts(db)
    assert final["articles"] == 24
    assert final["duplicate_articles"] == final["duplicate_events"] == 0
