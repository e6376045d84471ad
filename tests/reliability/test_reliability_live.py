"""Live operation and the terminal (issue 20): ``geopol serve --watch`` serves and ingests in
one process, a second writer is refused with the way out, unbounded inputs are refused
before they are read, article text cannot drive the terminal, JSONL files are coded row by
row. Servers run on 127.0.0.1 only."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from reliability_kit import article_text, feed_server, no_traceback, wait_for

from geopol_testkit import run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))
import liveserver
import storedata

from geopol.store import Store

MARKUP = "[/bold][link=http://evil.test]Moscow[/link]\x1b[8m"



def limited() -> None:
    """At most 1.5 GB of address space: an unbounded read fails fast instead of swapping."""
    resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30 // 2, 3 * 2**30 // 2))


def geopol_code(args: list[str], stdin: object = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "geopol", "code", *args], stdin=stdin,  # type: ignore[call-overload]
                          capture_output=True, text=True, timeout=120, preexec_fn=limited)


def test_code_dev_zero_and_endless_stdin_are_refused_before_they_are_read() -> None:
    yes = subprocess.Popen(["yes"], stdout=subprocess.PIPE)
    try:
        done = geopol_code(["/dev/zero", "-"], stdin=yes.stdout)
    finally:
        yes.kill()
        yes.wait()
    assert done.returncode == 1, done.stderr[-500:]
    assert "/dev/zero: too large" in done.stderr and "<stdin>: too large" in done.stderr
    assert no_traceback(done.stderr)


def test_code_jsonl_file_codes_its_rows(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    rows = [{"title": head, "body": body} for head, _, body in
            (article_text(i).partition("\n") for i in (1, 2))]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8")
    assert run_cli(["code", str(path)]) == 1  # one row skipped: exit status 1, as documented
    out, err = capsys.readouterr()
    titles = {json.loads(line)["article_title"] for line in out.splitlines()}
    assert titles == {r["title"] for r in rows}, out[:500]
    assert "rows.jsonl:3" in err


def test_events_table_shows_markup_and_escapes_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import datetime as dt

    db = tmp_path / "m.duckdb"
    with Store.open(db) as store:
        store.add([storedata._coded(1, dt.date(2024, 5, 2), "RUS", "CHN", storedata.TALKS,
                                    src_text=MARKUP)])
    assert run_cli(["events", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "[/bold]" in out and "[link=http://evil.test]" in out, out
    assert "\x1b" not in out and "\x9b" not in out


def test_serve_watch_serves_and_ingests_in_one_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "live.duckdb"
    with feed_server() as feed:
        feed.items.append(("k1", article_text(1)))
        with liveserver.serve(db, "--watch", feed.url("/feed.xml"), "--every", "1s",
                              "--allow-host", "127.0.0.1", "--timeout", "5") as base:
            def total(path: str) -> int:
                r = httpx.get(base + path, params={"limit": 1}, timeout=30)
                return int(r.json()["total"]) if r.status_code == 200 else -1

            assert wait_for(lambda: total("/api/articles") == 1, 120, step=0.5)
            first = total("/api/events")
            assert first > 0
            feed.items.append(("k2", article_text(2)))  # seen by the next cycle, cache cleared
            assert wait_for(lambda: total("/api/articles") == 2, 30, step=0.5)
            assert total("/api/events") > first
            monkeypatch.setenv("GEOPOL_DB_WAIT", "1")
            rc = run_cli(["watch", feed.url("/feed.xml"), "--db", str(db), "--cycles", "1",
                          "--allow-host", "127.0.0.1"])
            err = capsys.readouterr().err
            assert rc == 1 and "in use" in err and "serve --watch" in err, err
            assert no_traceback(err)
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 2


def test_serve_watch_refused_while_another_process_writes(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    Store.open(db).close()
    holder = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); "
        "time.sleep(60)"), str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "geopol", "serve", "--db", str(db), "--port", "9",
             "--watch", "http://127.0.0.1:9/feed.xml"], capture_output=True, text=True,
            timeout=60, env={**__import__("os").environ, "GEOPOL_DB_WAIT": "1"})
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 1 and "serve --watch" in done.stderr, done.stderr[-800:]
    assert no_traceback(done.stderr) and time.monotonic() - started < 30
