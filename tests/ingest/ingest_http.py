"""A real HTTP server on 127.0.0.1 whose routes each test sets, hostile ones included."""

from __future__ import annotations

import dataclasses
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclasses.dataclass
class Route:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = dataclasses.field(default_factory=dict)
    content_type: str | None = "text/html; charset=utf-8"
    hang: bool = False  # accept the request, never answer
    stream_bytes: int = 0  # send this many bytes in chunks instead of ``body``
    send_length: bool = True
    etag: str | None = None  # answer 304 when If-None-Match matches
    drip: bool = False  # send the headers, then one byte a second (a slow page)


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stop = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, dict(self.headers.items())))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if route.hang:
                    server.stop.wait(60)
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                if route.content_type:
                    self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                if route.drip:
                    self.send_header("Content-Length", "1000")
                    self.end_headers()
                    for _ in range(60):
                        if server.stop.wait(1.0):
                            return
                        try:
                            self.wfile.write(b"<")
                            self.wfile.flush()
                        except OSError:
                            return
                    return
                if route.stream_bytes:
                    if route.send_length:
                        self.send_header("Content-Length", str(route.stream_bytes))
                    else:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"x" * 65536
                    sent = 0
                    try:
                        while sent < route.stream_bytes and not server.stop.is_set():
                            self.wfile.write(chunk)
                            sent += len(chunk)
                    except OSError:
                        pass
                    return
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p == path)

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        time.sleep(0.01)


LOCAL = {"127.0.0.1"}  # the only private address tests allow


def page(title: str, paragraphs: list[str], date: str = "2024-03-18") -> bytes:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>"
        f'<meta property="article:published_time" content="{date}T09:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{ps}</article><footer>Copyright Example</footer>"
        f"</body></html>"
    ).encode()


def rss(items: list[tuple[str, str, str]], title: str = "Example Wire") -> bytes:
    """(title, link, description) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>Mon, 18 Mar 2024 09:00:00 GMT</pubDate><description>{d}</description></item>"
        for t, link, d in items
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://example.com/</link>{body}</channel></rss>"
            ).encode()
