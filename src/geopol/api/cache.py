"""Middleware in front of the API: a response cache and a limit on concurrent queries.

The cache: the store changes only through this server's own writes.

While the server holds the DuckDB file no other process can write it, so a GET answer stays
valid until this server writes; every successful non-GET request clears the cache, and so does
``serve --watch`` after each feed it stores. Alerts are never cached (their rules file may be
edited by hand).

The key is the path, the query parameters the API knows (sorted; unknown ones change nothing
in the answer, so they must not make new entries), ``Accept`` and ``Origin`` (CORS headers
differ per origin). The cache is bounded in entries and in bytes.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from starlette.exceptions import HTTPException

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Largest body kept (bytes); bigger answers (CSV exports) are always recomputed.
MAX_BODY = 512 * 1024
#: Most bytes of bodies kept in all.
MAX_TOTAL = 64 * 1024 * 1024
UNCACHED_PREFIXES = ("/api/alerts", "/api/health")


class ResponseCache:
    """Least-recently-used map from request key to (status, headers, body)."""

    def __init__(self, size: int, max_bytes: int = MAX_TOTAL) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[str, tuple[int, list[tuple[bytes, bytes]], bytes]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: str, value: tuple[int, list[tuple[bytes, bytes]], bytes]) -> None:
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old[2])
            self._items[key] = value
            self.bytes += len(value[2])
            while self._items and (len(self._items) > self.size or self.bytes > self.max_bytes):
                _, dropped = self._items.popitem(last=False)
                self.bytes -= len(dropped[2])

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.bytes = 0


def known_params(app: Any) -> frozenset[str] | None:
    """Every query parameter name some API route reads, from the app's OpenAPI schema
    (None if the app has none)."""
    openapi = getattr(app, "openapi", None)
    if openapi is None:
        return None
    names: set[str] = set()
    for operations in openapi().get("paths", {}).values():
        for op in operations.values():
            if isinstance(op, dict):
                names.update(str(p.get("name")) for p in op.get("parameters", [])
                             if p.get("in") == "query")
    return frozenset(names)


def cache_key(scope: Scope, known: frozenset[str] | None = None) -> str | None:
    """The key of a cacheable request, or None."""
    path: str = scope.get("path", "")
    if scope.get("method") != "GET" or not path.startswith("/api/"):
        return None
    if path.startswith(UNCACHED_PREFIXES):
        return None
    accept = origin = b""
    for name, value in scope.get("headers", []):
        if name == b"accept":
            accept = value
        elif name == b"origin":
            origin = value
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    if known is not None:
        pairs = [(k, v) for k, v in pairs if k in known]
    query = urlencode(sorted(pairs, key=lambda kv: kv[0]))  # stable: repeated values keep order
    return f"{path}?{query}|{accept.decode('latin-1')}|{origin.decode('latin-1')}"


class CacheMiddleware:
    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache
        self.known: frozenset[str] | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or self.cache.size <= 0:
            await self.app(scope, receive, send)
            return
        if self.known is None:
            self.known = known_params(scope.get("app"))
        key = cache_key(scope, self.known)
        if key is None:
            await self._pass_and_invalidate(scope, receive, send)
            return
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message = {}
        chunks: list[bytes] = []
        size = 0

        async def capture(message: Message) -> None:
            nonlocal size
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body" and size <= MAX_BODY:
                body = message.get("body", b"")
                size += len(body)
                chunks.append(body)
                if not message.get("more_body") and start.get("status") == 200 and (
                    size <= MAX_BODY
                ):
                    self.cache.put(key, (200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)

    async def _pass_and_invalidate(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start" and 200 <= message["status"] < 300:
                self.cache.clear()
            await send(message)

        await self.app(scope, receive, watch)


class ConcurrencyLimit:
    """At most one API request per core does work at a time; the others wait on the event loop.

    More concurrent DuckDB queries than cores only slow each other down. Waiting here (not in
    a worker thread) keeps the thread pool free, so a waiting request can never starve the
    ones holding a slot. Pages and static files are not limited.
    """

    def __init__(self, app: ASGIApp, slots: int | None = None) -> None:
        self.app = app
        self.slots = asyncio.Semaphore(slots or max(2, os.cpu_count() or 2))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").startswith("/api/"):
            await self.app(scope, receive, send)
            return
        async with self.slots:
            await self.app(scope, receive, send)


#: Largest request body accepted (bytes): an article of ``schemas.MAX_BODY`` characters in
#: JSON, with room for escapes. Without it a client could make the server read any amount.
MAX_REQUEST = 4 * 1024 * 1024


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, before anything reads them whole."""

    def __init__(self, app: ASGIApp, limit: int = MAX_REQUEST) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await _too_large(send, self.limit)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge(self.limit)
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _too_large(send, self.limit)


class _TooLarge(HTTPException):
    """Raised while the app reads a streamed body; its handler answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than the {limit} byte limit")


async def _too_large(send: Send, limit: int) -> None:
    body = (b'{"ok":false,"error":"request body larger than the '
            + str(limit).encode() + b' byte limit"}')
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
