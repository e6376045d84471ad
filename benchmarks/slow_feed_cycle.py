"""How long one ``watch`` cycle takes when a feed's pages send a byte a second.

Two local sites on 127.0.0.1: one feed whose ``--entries`` entries link to pages that drip one
byte a second, and one feed with two full entries. Runs one Watcher cycle with ``--timeout``
and prints its length (and, where the Watcher reports it, when the good feed was stored) as
JSON. The coder is warmed first, so the figure is fetching, not loading the model.

    python benchmarks/slow_feed_cycle.py --entries 4 --timeout 3
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def site(routes: dict[str, bytes], stop: threading.Event) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *a: object) -> None:
            pass

        def do_GET(self) -> None:
            body = routes.get(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml" if body else "text/html")
            self.send_header("Content-Length", str(len(body)) if body else "1000")
            self.end_headers()
            if body:
                self.wfile.write(body)
                return
            for _ in range(60):
                if stop.wait(1.0):
                    return
                try:
                    self.wfile.write(b"<")
                    self.wfile.flush()
                except OSError:
                    return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.handle_error = lambda request, address: None  # type: ignore[method-assign]
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def rss(items: list[tuple[str, str, str]]) -> bytes:
    parts = "".join(f"<item><guid>{link}</guid><title>{t}</title><link>{link}</link>{c}</item>"
                    for t, link, c in items)
    return ("<?xml version='1.0'?><rss version='2.0' xmlns:content='http://purl.org/rss/1.0/"
            f"modules/content/'><channel><title>T</title>{parts}</channel></rss>").encode()


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--entries", type=int, default=4)
    ap.add_argument("--timeout", type=float, default=3.0)
    args = ap.parse_args()
    from geopol.ingest.run import default_coder
    from geopol.ingest.watch import Watcher
    from geopol.records import Article

    list(default_coder()([Article(title="Warm-up", body="Officials met in Paris on Monday.")]))
    stop = threading.Event()
    slow_routes: dict[str, bytes] = {}
    good_routes: dict[str, bytes] = {}
    slow, good = site(slow_routes, stop), site(good_routes, stop)
    s_url = f"http://127.0.0.1:{slow.server_address[1]}"
    g_url = f"http://127.0.0.1:{good.server_address[1]}"
    slow_routes["/feed.xml"] = rss([(f"Slow {i}", f"{s_url}/drip{i}", "")
                                    for i in range(args.entries)])
    body = ("<content:encoded><![CDATA[<p>{}</p>]]></content:encoded>")
    good_routes["/feed.xml"] = rss([
        ("Talks in Beijing", f"{g_url}/a", body.format(
            "Russian and Chinese officials held talks in Beijing on Monday on energy trade and "
            "regional security, the foreign ministry said in a statement after the meeting.")),
        ("Aid to Ukraine", f"{g_url}/b", body.format(
            "Germany will send two more air defence systems to Ukraine, the German chancellor "
            "said on Thursday, and Ukraine thanked Berlin for the military aid it received.")),
    ])
    stored: list[float] = []
    kwargs: dict[str, object] = {}
    if "on_change" in inspect.signature(Watcher).parameters:
        kwargs["on_change"] = lambda: stored.append(time.monotonic())
    with tempfile.TemporaryDirectory() as tmp:
        w = Watcher([f"{s_url}/feed.xml", f"{g_url}/feed.xml"], Path(tmp) / "s.duckdb",
                    every=60, allow_private={"127.0.0.1"}, timeout=args.timeout,
                    log=lambda _: None, **kwargs)  # type: ignore[arg-type]
        start = time.monotonic()
        report = w.run_cycle()
    stop.set()
    print(json.dumps({"entries": args.entries, "timeout": args.timeout,
                      "cycle_s": round(report.seconds, 1),
                      "articles": report.articles_added,
                      "good_feed_stored_after_s": round(stored[0] - start, 1) if stored else None}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
