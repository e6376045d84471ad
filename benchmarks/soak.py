"""Soak: ``geopol watch`` against a local feed that publishes a new article every few seconds.

Samples the watcher's memory (RSS), open files and threads once per cycle, stops it with
SIGTERM, runs one more cycle to pick up what was published meanwhile, then checks that every
published article is stored exactly once. Prints one JSON object; exit status 1 if a check
fails. ``scripts/soak.sh`` runs it for 30 minutes; the test suite runs it for under a minute.

    python benchmarks/soak.py --seconds 1800 --publish-every 5 --every 5s
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb

_PAIRS = [("Russia", "Ukraine"), ("China", "Japan"), ("France", "Germany"), ("Iran", "Israel"),
          ("India", "Pakistan"), ("Brazil", "Argentina"), ("Egypt", "Sudan"), ("Turkey", "Greece")]
_VERBS = ["held talks with", "signed a trade agreement with", "condemned", "sent aid to"]


def invented(i: int) -> tuple[str, str]:
    """Headline and body of the i-th invented article."""
    a, b = _PAIRS[i % len(_PAIRS)]
    verb = _VERBS[(i // len(_PAIRS)) % len(_VERBS)]
    return (f"{a} and {b}: bulletin {i}",
            f"{a} {verb} {b} on Monday, officials said in bulletin number {i}. The foreign "
            f"minister of {a} said the two governments would meet again next month to review "
            f"the progress made since the last round of discussions in the capital.")


class Feed:
    """An RSS feed that gains one entry every ``every`` seconds, with ETag support."""

    def __init__(self, every: float) -> None:
        self.every = every
        self.start = time.monotonic()
        self.lock = threading.Lock()
        feed = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                n = feed.published()
                etag = f'"n{n}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = feed.xml(n)
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.frozen: int | None = None

    def published(self) -> int:
        if self.frozen is not None:
            return self.frozen
        return 1 + int((time.monotonic() - self.start) / self.every)

    def xml(self, n: int) -> bytes:
        items = []
        for i in range(max(0, n - 50), n):  # a real feed shows only its latest entries
            head, body = invented(i)
            items.append(
                f"<item><guid>soak-{i}</guid><title>{head}</title>"
                f"<link>http://feed.test/{i}</link><pubDate>Mon, 06 May 2024 10:00:00 GMT"
                f"</pubDate><content:encoded><![CDATA[<p>{body}</p>]]></content:encoded></item>"
            )
        return (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
            "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
            f"<title>Soak</title>{''.join(items)}</channel></rss>"
        ).encode()


def sample(pid: int) -> dict[str, int]:
    """RSS (KB), threads and open file descriptors of a process, from /proc."""
    status = Path(f"/proc/{pid}/status").read_text()
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return {
        "rss_kb": int(fields["VmRSS"].split()[0]),
        "threads": int(fields["Threads"]),
        "fds": len(os.listdir(f"/proc/{pid}/fd")),
    }


def stored(db: Path) -> tuple[int, int, int]:
    """Articles, distinct articles, distinct soak entries in the store."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT count(*), count(DISTINCT article_id), "
            "count(DISTINCT url) FILTER (WHERE url LIKE 'http://feed.test/%') FROM articles"
        ).fetchone()
        assert row is not None
        return int(row[0]), int(row[1]), int(row[2])
    finally:
        con.close()


def run(seconds: float, publish_every: float, every: str, db: Path) -> dict[str, Any]:
    feed = Feed(publish_every)
    cmd = [sys.executable, "-m", "geopol", "watch", feed.url, "--db", str(db), "--every", every,
           "--allow-private", "--no-pages"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    cycles: list[dict[str, Any]] = []
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line.rstrip())
            if "watch: cycle" in line and proc.poll() is None:
                with contextlib.suppress(OSError, KeyError):
                    cycles.append({"t": round(time.monotonic() - feed.start, 1), **sample(proc.pid)})

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.5)
    feed.frozen = feed.published()
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    reader.join(timeout=10)
    catch_up = subprocess.run([*cmd, "--cycles", "1", "--quiet"], capture_output=True, text=True)
    total, distinct, entries = stored(db)
    feed.httpd.shutdown()
    warm = cycles[min(2, len(cycles) - 1)] if cycles else {}
    last = cycles[-1] if cycles else {}
    result = {
        "seconds": seconds,
        "cycles": len(cycles),
        "published": feed.frozen,
        "stored": total,
        "distinct": distinct,
        "soak_entries": entries,
        "rss_kb_first": cycles[0]["rss_kb"] if cycles else None,
        "rss_kb_warm": warm.get("rss_kb"),
        "rss_kb_last": last.get("rss_kb"),
        "rss_kb_max": max((c["rss_kb"] for c in cycles), default=None),
        "threads_warm": warm.get("threads"),
        "threads_last": last.get("threads"),
        "threads_max": max((c["threads"] for c in cycles), default=None),
        "fds_warm": warm.get("fds"),
        "fds_last": last.get("fds"),
        "fds_max": max((c["fds"] for c in cycles), default=None),
        "sigterm_rc": rc,
        "stopped_message": any(line == "watch: stopped" for line in lines),
        "tracebacks": sum("Traceback" in line for line in lines)
        + catch_up.stderr.count("Traceback"),
        "catch_up_rc": catch_up.returncode,
    }
    result["ok"] = bool(
        cycles and rc == 0 and catch_up.returncode == 0 and result["stopped_message"]
        and result["tracebacks"] == 0
        and total == distinct == entries == feed.frozen
        and last["fds"] <= warm["fds"] + 4 and last["threads"] <= warm["threads"] + 2
    )
    return result


def soak_main(
    run_soak: Any, description: str, *, publish_every: float, every: str, command: str
) -> int:
    """The command line of a soak script: its options, a temporary store, one JSON line out;
    exit status 0 when the soak held."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--seconds", type=float, default=1800)
    ap.add_argument("--publish-every", type=float, default=publish_every)
    ap.add_argument("--every", default=every, help=f"{command} --every")
    ap.add_argument("--db", type=Path, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "soak.duckdb"
        result = run_soak(args.seconds, args.publish_every, args.every, db)
    print(json.dumps(result))
    return 0 if result["ok"] else 1


def main() -> int:
    description = (__doc__ or "").split("\n")[0]
    return soak_main(run, description, publish_every=5.0, every="5s", command="geopol watch")


if __name__ == "__main__":
    sys.exit(main())
