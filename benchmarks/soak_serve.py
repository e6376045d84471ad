"""Soak: ``geopol serve --watch`` against a local, partly hostile feed server on 127.0.0.1.

One process serves the API and polls two feeds every ``--every``: ``/news.xml`` gains one
entry every ``--publish-every`` seconds, and every fifth entry is hostile (a malformed link,
a link to a ``gzip, gzip`` bomb, a page that sends a byte a second, a link to a private
address that must be refused); ``/bomb.xml`` is itself a double-gzip bomb. Every 10 s the
script samples the server's memory (RSS), threads and open files, and asks the API for its
counts (``/api/health``) and the dashboard's event total (``/api/events?limit=1``, cached).
After ``--seconds`` publishing stops, the script waits for the last entries to be stored,
stops the server with SIGTERM and checks the store: every good entry stored exactly once, no
hostile one stored, every hostile one marked seen. Prints one JSON object; exit status 1 if a
check fails; memory is "flat" when the median RSS of the last 10 minutes is within 10 % of
the median over minutes 5-10. Bounded: it ends after ``--seconds`` plus at most 4 minutes, and sends at most
three API requests per 10 s.

    python benchmarks/soak_serve.py --seconds 1800 --publish-every 10 --every 10s
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from soak import invented, sample, soak_main

HOSTILE_EVERY = 5
KINDS = ("bad-link", "bomb", "slow", "private")


def bomb(mib: int = 512) -> bytes:
    """``mib`` MiB of zeros, gzip-compressed twice (about 1 KB for 512 MiB)."""
    inner = gzip.compress(bytes(mib * 1024 * 1024), compresslevel=9)
    return gzip.compress(inner, compresslevel=9)


class Hostile:
    """The feed server: ``/news.xml``, ``/bomb.xml``, ``/page/N``, ``/bomb/N``, ``/slow/N``."""

    def __init__(self, every: float) -> None:
        self.every = every
        self.start = time.monotonic()
        self.frozen: int | None = None
        self.stop = threading.Event()
        self.hits: dict[str, int] = {}
        self.bomb = bomb()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _send(self, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                kind = self.path.strip("/").split("/")[0].split(".")[0]
                server.hits[kind] = server.hits.get(kind, 0) + 1
                try:
                    if self.path == "/news.xml":
                        self._send(server.xml(server.published()), "application/rss+xml")
                    elif self.path == "/bomb.xml" or self.path.startswith("/bomb/"):
                        self._send(server.bomb, "application/rss+xml"
                                   if self.path.endswith(".xml") else "text/html",
                                   {"Content-Encoding": "gzip, gzip"})
                    elif self.path.startswith("/page/"):
                        n = int(self.path.rsplit("/", 1)[1])
                        head, body = invented(n)
                        html = (f"<html><head><title>{head}</title></head><body><article>"
                                f"<h1>{head}</h1><p>{body}</p><p>{body}</p></article>"
                                "</body></html>").encode()
                        self._send(html, "text/html; charset=utf-8")
                    elif self.path.startswith("/slow/"):
                        self.send_response(200)
                        self.send_header("Content-Type", "text/html")
                        self.send_header("Content-Length", "100000")
                        self.end_headers()
                        for _ in range(60):  # a byte a second, at most a minute
                            if server.stop.wait(1.0):
                                return
                            self.wfile.write(b"<")
                            self.wfile.flush()
                    else:
                        self.send_response(404)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                except (BrokenPipeError, ConnectionResetError, ValueError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = int(self.httpd.server_address[1])
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def published(self) -> int:
        if self.frozen is not None:
            return self.frozen
        return 1 + int((time.monotonic() - self.start) / self.every)

    @staticmethod
    def hostile(i: int) -> str | None:
        if i % HOSTILE_EVERY != HOSTILE_EVERY - 1:
            return None
        return KINDS[(i // HOSTILE_EVERY) % len(KINDS)]

    def link(self, i: int) -> str:
        kind = self.hostile(i)
        if kind == "bad-link":
            return f"http://[oops/{i}"
        if kind == "bomb":
            return self.url(f"/bomb/{i}")
        if kind == "slow":
            return self.url(f"/slow/{i}")
        if kind == "private":
            return f"http://[::1]:{self.port}/private/{i}"  # loopback, but not allowed
        return self.url(f"/page/{i}")

    def xml(self, n: int) -> bytes:
        items = []
        for i in range(max(0, n - 50), n):  # a real feed shows only its latest entries
            head, body = invented(i)
            link = self.link(i).replace("&", "&amp;")
            if self.hostile(i):
                content = ""  # no text of its own: only its (hostile) page could give one
            elif i % 3 == 0:
                content = "<description>Short summary.</description>"  # page is fetched
            else:
                content = f"<content:encoded><![CDATA[<p>{body}</p>]]></content:encoded>"
            items.append(f"<item><guid>soak-{i}</guid><title>{head}</title><link>{link}</link>"
                         f"<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>{content}</item>")
        return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' "
                "xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
                f"<title>Soak</title>{''.join(items)}</channel></rss>").encode()

    def good(self, n: int) -> list[int]:
        return [i for i in range(n) if not self.hostile(i)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get_json(url: str) -> dict[str, Any] | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            data: dict[str, Any] = json.loads(r.read())
            return data
    except (OSError, ValueError):
        return None


def check_store(db: Path, feed: Hostile, n: int) -> dict[str, Any]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT url FROM articles").fetchall()
        urls = [str(r[0]) for r in rows if r[0]]
        entries = dict(con.execute(
            "SELECT entry_key, article_id FROM feed_entries WHERE feed_url = ?",
            [feed.url("/news.xml")]).fetchall())
    finally:
        con.close()
    good = {feed.link(i) for i in feed.good(n)}
    hostile = [i for i in range(n) if feed.hostile(i)]
    return {
        "good_published": len(good),
        "hostile_published": len(hostile),
        "articles": len(urls),
        "good_stored_once": sum(1 for u in good if urls.count(u) == 1),
        "duplicates": len(urls) - len(set(urls)),
        "hostile_stored": sum(1 for u in urls if u not in good),
        "hostile_marked_seen": sum(1 for i in hostile if f"soak-{i}" in entries
                                   and entries[f"soak-{i}"] is None),
    }


def run(seconds: float, publish_every: float, every: str, db: Path) -> dict[str, Any]:
    feed = Hostile(publish_every)
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    cmd = [sys.executable, "-m", "geopol", "serve", "--db", str(db), "--port", str(port),
           "--watch", feed.url("/news.xml"), "--watch", feed.url("/bomb.xml"),
           "--every", every, "--allow-host", "127.0.0.1", "--timeout", "3"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    lines: list[str] = []

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line.rstrip())

    threading.Thread(target=read, daemon=True).start()
    samples: list[dict[str, Any]] = []
    requests = 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(10)
        health = get_json(f"{api}/health")
        page = get_json(f"{api}/events?limit=1")
        arts = get_json(f"{api}/articles?limit=1")
        requests += 3
        with contextlib.suppress(OSError, KeyError):
            samples.append({"t": round(time.monotonic() - feed.start),
                            "published": feed.published(), **sample(proc.pid),
                            "articles": (arts or {}).get("total"),
                            "events": (health or {}).get("events"),
                            "dashboard_events": (page or {}).get("total")})
    feed.frozen = n = feed.published()
    want = len(feed.good(n))
    settle = time.monotonic() + 180
    while time.monotonic() < settle and proc.poll() is None:
        arts = get_json(f"{api}/articles?limit=1")
        requests += 1
        if arts and int(arts.get("total") or 0) >= want:
            break
        time.sleep(5)
    settled = round(settle - time.monotonic(), 1)
    final = get_json(f"{api}/events?limit=1") or {}
    alive = proc.poll() is None
    stop_began = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=90)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    stop_seconds = round(time.monotonic() - stop_began, 1)
    feed.stop.set()
    feed.httpd.shutdown()
    result: dict[str, Any] = {"settle_seconds_left": settled, "stop_seconds": stop_seconds,
                              "last_lines": lines[-6:],"seconds": seconds, "publish_every": publish_every,
                              "every": every, "api_requests": requests, "published": n}
    result.update(check_store(db, feed, n))
    # Memory: the median over minutes 5-10 (after spaCy, the store and the first bombs) against
    # the median over the last 10 minutes (quarters of the run when it is shorter than 20 min).
    # Medians, because single samples catch transient 10 MB bodies being refused.
    early = (300.0, 600.0) if seconds >= 1200 else (seconds / 4, seconds / 2)
    late_from = seconds - 600 if seconds >= 1200 else seconds * 3 / 4
    warm_w = [s["rss_kb"] for s in samples if early[0] <= s["t"] < early[1]]
    late_w = [s["rss_kb"] for s in samples if s["t"] >= late_from]
    warm_at = next((i for i, s in enumerate(samples) if s["t"] >= early[0]), 0)
    warm = samples[warm_at] if samples else {}
    later = samples[warm_at:]
    events = [s["dashboard_events"] or 0 for s in samples]
    result.update({
        "samples": len(samples),
        "alive_until_stop": alive,
        "sigterm_rc": rc,
        "cycles_logged": sum("watch: cycle" in line for line in lines),
        "tracebacks": sum("Traceback" in line for line in lines),
        "rss_mb_warm_median": round(statistics.median(warm_w) / 1024, 1) if warm_w else None,
        "rss_mb_last10_median": round(statistics.median(late_w) / 1024, 1) if late_w else None,
        "rss_mb_warm": round(warm.get("rss_kb", 0) / 1024, 1),
        "rss_mb_last": round(later[-1]["rss_kb"] / 1024, 1) if later else None,
        "rss_mb_max_after_warm": round(max((s["rss_kb"] for s in later), default=0) / 1024, 1),
        "threads_warm": warm.get("threads"), "threads_last": later[-1]["threads"] if later else None,
        "fds_warm": warm.get("fds"), "fds_last": later[-1]["fds"] if later else None,
        "dashboard_events_first": events[0] if events else None,
        "dashboard_events_mid": events[len(events) // 2] if events else None,
        "dashboard_events_final": final.get("total"),
        "private_hits": feed.hits.get("private", 0),
        "feed_hits": {k: v for k, v in feed.hits.items() if k != "private"},
        "series": [[s["t"], round(s["rss_kb"] / 1024), s["articles"], s["dashboard_events"]]
                   for s in samples[:: max(1, len(samples) // 30)]],
    })
    growth = (statistics.median(late_w) / statistics.median(warm_w)
              if warm_w and late_w else 99.0)
    result["rss_growth_median"] = round(growth, 3)
    result["rss_max_over_warm_median"] = (
        round(max(s["rss_kb"] for s in later) / statistics.median(warm_w), 3)
        if warm_w and later else None)
    result["ok"] = bool(
        alive and result["tracebacks"] == 0
        and result["good_stored_once"] == result["good_published"] == result["articles"]
        and result["duplicates"] == 0 and result["hostile_stored"] == 0
        and result["hostile_marked_seen"] == result["hostile_published"]
        and growth <= 1.10 and result["private_hits"] == 0
        and (result["dashboard_events_final"] or 0) > (result["dashboard_events_first"] or 0)
    )
    return result


def main() -> int:
    description = (__doc__ or "").split("\n")[0]
    return soak_main(run, description, publish_every=10.0, every="10s", command="geopol serve")


if __name__ == "__main__":
    os.environ.setdefault("GEOPOL_DB_WAIT", "5")
    sys.exit(main())
