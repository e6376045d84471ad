"""Documentation keeps up with the code: every command documented with an example."""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import typer.main

from geopol.cli.app import app

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    out = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            out.extend((f"{name} {sub}", c) for sub, c in cmd.commands.items())
        else:
            out.append((name, cmd))
    return out


def test_every_command_has_an_example() -> None:
    missing = [name for name, cmd in _commands() if "Example:" not in (getattr(cmd, "help", "") or "")]
    assert not missing, f"commands without an Example: {missing}"


def test_cli_reference_is_current() -> None:
    r = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr


def test_readme_shows_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


# --- every example in docs/cli.md and docs/python-api.md runs --------------------------------

#: Examples run by a test of their own below rather than in-process in the sandbox.
RUN_APART: dict[str, str] = {
    "geopol serve": "a server that runs until stopped: test_serve_examples_answer runs it in "
    "the background until it answers on 127.0.0.1, then stops it",
}
#: Examples not run here, each with why (and where they are exercised instead). None now.
NOT_RUN: dict[str, str] = {}

#: One article of the local feed that the sandbox's feeds.opml lists (our own text).
FEED_BODY = ("Turkey and Greece held talks in Ankara on Monday about their maritime border. "
             "The two foreign ministers met for three hours and agreed to meet again in "
             "Athens next month, officials said.")


def _cli_examples() -> list[str]:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    return re.findall(r"^    (geopol .+)$", text, re.M)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _local_feed(root: Path) -> Iterator[str]:
    """Serve an RSS feed and its article page from ``root/feed`` on 127.0.0.1; yield the
    feed's URL."""
    site = root / "feed"
    site.mkdir()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (site / "talks.html").write_text(
        f"<html><head><title>Talks in Ankara</title></head><body><article><h1>Talks in "
        f"Ankara</h1><p>{FEED_BODY}</p></article></body></html>", encoding="utf-8")
    (site / "rss.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local desk</title>'
        f"<link>{base}/</link><description>test feed</description><item><title>Talks in "
        f"Ankara</title><link>{base}/talks.html</link><guid>{base}/talks.html</guid>"
        f"<pubDate>Mon, 18 Mar 2024 09:00:00 GMT</pubDate><description>{FEED_BODY}"
        f"</description></item></channel></rss>", encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{base}/rss.xml"
    finally:
        server.shutdown()
        server.server_close()


def _feed_articles(db: Path) -> int:
    """Articles of the local feed in a store."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT count(*) FROM articles WHERE url LIKE 'http://127.0.0.1:%/talks.html'"
        ).fetchone()
    return int(row[0]) if row else 0


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder with what the examples name: samples/, news/, corpus.jsonl, archive.jsonl,
    article.txt, alerts.yaml, my-triggers.yaml, my-cues.yaml, feeds.opml (one feed served on
    127.0.0.1 while the module runs), a store as events.duckdb, geopol.duckdb and
    $GEOPOL_DB, and ../shared beside it."""
    root = tmp_path_factory.mktemp("docs")
    feed = _local_feed(root)
    feed_url = next(feed)
    work = root / "work"
    shutil.copytree(REPO / "samples", work / "samples")
    shutil.copytree(REPO / "samples" / "articles", work / "news")
    record = {"title": "Talks in Beijing", "body": "Russia and China held talks in Beijing.",
              "published": "2024-03-18"}
    for name in ("corpus.jsonl", "archive.jsonl"):
        (work / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    shutil.copy(REPO / "samples" / "articles" / "01-prk-rus-summit.txt", work / "article.txt")
    shutil.copy(REPO / "src" / "geopol" / "data" / "analysis" / "alerts-example.yaml",
                work / "alerts.yaml")
    # the user data files of `--triggers FILE` and `--factuality FILE` (docs/stages/events.md)
    (work / "my-triggers.yaml").write_text(
        "entries:\n  - type: COERCE\n    mode: restrict\n    verbs: [snub]\n", encoding="utf-8"
    )
    (work / "my-cues.yaml").write_text("adverbs:\n  speculated: [arguably]\n", encoding="utf-8")
    shared = REPO.parent / "shared"
    if shared.exists():
        (root / "shared").symlink_to(shared)
    (work / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>feeds</title></head><body>'
        f'<outline type="rss" text="Local desk" xmlUrl="{feed_url}"/></body></opml>',
        encoding="utf-8")
    assert _run(work, ["ingest", "samples/articles", "--db", "events.duckdb", "-q"]) == 0
    shutil.copy(work / "events.duckdb", work / "geopol.duckdb")
    yield work
    next(feed, None)


def _run(cwd: Path, args: list[str]) -> int:
    from geopol.cli.app import main

    before = os.getcwd()
    os.chdir(cwd)
    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        os.chdir(before)
    return 0


def test_not_run_examples_exist() -> None:
    examples = _cli_examples()
    for prefix in (*NOT_RUN, *RUN_APART):
        assert any(e.startswith(prefix + " ") for e in examples), prefix


def _apart(example: str) -> bool:
    return any(example.startswith(p + " ") or example == p for p in (*NOT_RUN, *RUN_APART))


@pytest.mark.parametrize("example", [e for e in _cli_examples() if not _apart(e)])
def test_cli_example_runs(example: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOPOL_DB", str(sandbox / "events.duckdb"))
    args = shlex.split(example)[1:]
    if "../shared/" in example and not (sandbox.parent / "shared").exists():
        pytest.skip("needs ../shared")
    watch = args[0] == "watch"
    if watch:
        # feeds.opml lists the feed this module serves on 127.0.0.1: allowed for that host
        # only; a watch that runs until stopped is cut to one poll
        args += ["--allow-host", "127.0.0.1", *([] if "--cycles" in args else ["--cycles", "1"])]
    assert _run(sandbox, args) == 0, example
    if watch:
        assert _feed_articles(sandbox / args[args.index("--db") + 1]) == 1, example


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("example", [e for e in _cli_examples()
                                     if any(e.startswith(p + " ") for p in RUN_APART)])
def test_serve_examples_answer(example: str, sandbox: Path) -> None:
    """The example runs in the background until it answers on 127.0.0.1 (its --port swapped
    for a free one; with --watch, until its first poll of the local feed is stored), then
    SIGTERM stops it cleanly."""
    args = shlex.split(example)[1:]
    port = _free_port()
    args[args.index("--port") + 1] = str(port)
    watching = "--watch" in args
    if watching:
        args += ["--allow-host", "127.0.0.1"]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "geopol", *args], cwd=sandbox, env=env,
                            stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr or ()), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 120
        answered = polled = False
        while time.monotonic() < deadline and proc.poll() is None:
            if not answered:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health",
                                                timeout=2) as r:
                        answered = r.status == 200
                except OSError:
                    pass
            polled = any(line.startswith("watch: cycle") for line in list(lines))
            if answered and (polled or not watching):
                break
            time.sleep(0.3)
        assert answered, "".join(lines)
        assert polled or not watching, "".join(lines)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=90)
        reader.join(timeout=5)
    # uvicorn re-raises the SIGTERM it handled once it has shut down: a clean stop
    assert proc.returncode in (0, -signal.SIGTERM), "".join(lines)
    assert "Traceback" not in "".join(lines)
    if watching:
        assert _feed_articles(sandbox / args[args.index("--db") + 1]) == 1


def test_python_api_examples_run(sandbox: Path, tmp_path: Path) -> None:
    text = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    work = tmp_path / "api"
    shutil.copytree(sandbox / "samples", work / "samples")
    before = os.getcwd()
    os.chdir(work)
    try:
        for i, block in enumerate(blocks):
            exec(compile(block, f"docs/python-api.md block {i + 1}", "exec"), {})
    finally:
        os.chdir(before)
