"""Helpers for the fault tests: an invented corpus, hostile servers, the CLI as a process."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

_ACTORS = [("Russia", "Ukraine"), ("China", "Japan"), ("France", "Germany"), ("Iran", "Israel"),
           ("India", "Pakistan"), ("Brazil", "Argentina"), ("Egypt", "Sudan"), ("Turkey", "Greece")]
_VERBS = ["held talks with", "signed a trade agreement with", "condemned", "sent aid to",
          "accused", "met officials from"]


def article_text(i: int) -> str:
    """An invented article, different for every ``i``."""
    a, b = _ACTORS[i % len(_ACTORS)]
    verb = _VERBS[(i // len(_ACTORS)) % len(_VERBS)]
    return (
        f"{a} and {b} in the news, report {i}\n"
        f"{a} {verb} {b} on Monday, officials said in a statement numbered {i}. "
        f"The foreign minister of {a} said the two countries would meet again next month.\n"
    )


def write_corpus(folder: Path, n: int, start: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        (folder / f"a{i:04d}.txt").write_text(article_text(i), encoding="utf-8")
    return folder


def geopol(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
           preexec: Callable[[], None] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh process, as a user would."""
    full = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "geopol", *args], capture_output=True, text=True,
        timeout=timeout, env=full, preexec_fn=preexec,
    )


def spawn(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-m", "geopol", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=full)


def counts(db: Path) -> dict[str, int]:
    """Rows per table and the consistency checks a healthy store passes (all zero)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        def one(sql: str) -> int:
            row = con.execute(sql).fetchone()
            return int(row[0]) if row else 0

        return {
            "articles": one("SELECT count(*) FROM articles"),
            "events": one("SELECT count(*) FROM events"),
            "duplicate_articles": one(
                "SELECT count(*) - count(DISTINCT article_id) FROM articles"),
            "duplicate_events": one("SELECT count(*) - count(DISTINCT event_id) FROM events"),
            "orphan_events": one(
                "SELECT count(*) FROM events e WHERE NOT EXISTS "
                "(SELECT 1 FROM articles a WHERE a.article_id = e.article_id)"),
        }
    finally:
        con.close()


def no_traceback(text: str) -> bool:
    return "Traceback (most recent call last)" not in text


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss(items: Sequence[tuple[str, str]], title: str = "Test feed") -> bytes:
    """An RSS feed whose entries carry their full text (so no page is fetched)."""
    parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
             f"<title>{title}</title>"]
    for key, text in items:
        head, _, body = text.partition("\n")
        html = "".join(f"<p>{line}</p>" for line in body.splitlines() if line)
        parts.append(
            f"<item><guid>{key}</guid><title>{head}</title><link>http://feed.test/{key}</link>"
            f"<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
            f"<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
            f"<![CDATA[{html}]]></content:encoded></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class FeedServer:
    """Serves ``/feed.xml`` (whatever ``items`` holds now), ``/drip`` (one byte a second, in
    the body) and ``/drip-headers`` (one byte a second, in the status line)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _drip(self, data: bytes) -> None:
                for byte in data:
                    if server.stop.wait(1.0):
                        return
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()

            def do_GET(self) -> None:
                try:
                    if self.path == "/drip-headers":
                        self._drip(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                        return
                    if self.path == "/drip":
                        body = rss([("d1", article_text(999))])
                        self.send_response(200)
                        self.send_header("Content-Type", "application/rss+xml")
                        self.send_header("Content-Length", str(len(body)))
                        self.end_headers()
                        self._drip(body)
                        return
                    body = rss(list(server.items))
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@contextlib.contextmanager
def feed_server() -> Iterator[FeedServer]:
    s = FeedServer()
    try:
        yield s
    finally:
        s.close()


def wait_for(pred: Callable[[], bool], timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return False
