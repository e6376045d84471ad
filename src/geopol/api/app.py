"""The FastAPI application: one store, the JSON API under ``/api`` and the dashboard pages.

Reads run on per-request DuckDB cursors; writes (coding a pasted article, editing alert
rules) exist only when the app was given a token, and each must present it.
Every response carries a strict Content-Security-Policy: the dashboard loads only its own
vendored scripts and never builds HTML from data.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping, Sequence
from pathlib import Path
from typing import Any

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from geopol.api.cache import BodyLimit, CacheMiddleware, ConcurrencyLimit, ResponseCache
from geopol.api.errors import ApiError, check_token, error_response
from geopol.api.routes import router
from geopol.errors import BadInput, GeopolError
from geopol.store import Store

__all__ = ["ApiError", "StoreHandle", "check_token", "create_app", "error_response"]

logger = logging.getLogger(__name__)

WEB = Path(__file__).resolve().parent.parent / "web"
PAGES = {
    "/": "map.html",
    "/map": "map.html",
    "/dyad": "dyad.html",
    "/network": "network.html",
    "/events": "events.html",
    "/article": "article.html",
    "/alerts": "alerts.html",
}

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Adds the CSP and companion headers to every HTTP response (pure ASGI, no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class StoreHandle:
    """The open store: a DuckDB connection, a write lock, and the Store object when present."""

    def __init__(self, db_path: Path, *, read_only: bool) -> None:
        self.path = db_path
        self.read_only = read_only
        self.lock = threading.Lock()
        self.store = Store.open(db_path, read_only=read_only)
        self.con: duckdb.DuckDBPyConnection = self.store.con

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.con.cursor()

    def close(self) -> None:
        self.store.close()


def warm_coder() -> None:
    """Load the spaCy pipeline and the coder's tables once, in the background."""
    from geopol.pipeline import code_article
    from geopol.records import Article

    try:
        code_article(Article(title="Warm-up", body="Officials met in Paris on Monday."))
    except Exception:  # a failure shows up again, reported, on first use
        logger.warning("warming up the coder failed", exc_info=True)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    cors: Sequence[str] | None = None,
    rules_path: str | Path | None = None,
    cache_size: int = 2048,
    writable: bool = False,
) -> FastAPI:
    """The API and dashboard over the store at ``db_path``.

    ``token`` enables the write endpoints (and is then required by each of them); without
    it the store is opened read-only. ``cors`` lists allowed origins (CORS is off when None).
    ``rules_path`` is the alert-rules YAML file (default: the one ``geopol alerts`` reads).
    ``cache_size`` read answers are kept until the next write (0 turns the cache off).
    ``writable`` opens the store for writing even without a token (``serve --watch`` writes
    from inside the process; the HTTP write endpoints still need the token).
    """
    path = Path(db_path)
    handle = StoreHandle(path, read_only=not (token or writable))

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if token:  # writes enabled: load the coder now, not on the first pasted article
            threading.Thread(target=warm_coder, name="geopol-warm-coder", daemon=True).start()
        yield
        handle.close()

    app = FastAPI(
        lifespan=lifespan,
        title="geopol",
        summary="Geopolitical event data: events, articles, actors, dyads, alignments, alerts.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.token = token or None
    app.state.db_path = path
    app.state.rules_path = Path(rules_path) if rules_path else None
    app.state.handle = handle
    app.include_router(router, prefix="/api")
    _add_pages(app)
    _add_error_handlers(app)
    if cors:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-Geopol-Token"],
        )
    app.state.cache = ResponseCache(cache_size)
    app.add_middleware(ConcurrencyLimit)
    app.add_middleware(CacheMiddleware, cache=app.state.cache)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)  # outermost: the 413 of BodyLimit carries them too

    return app


def _version() -> str:
    from geopol import __version__

    return str(__version__)


def _add_pages(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    def page(name: str) -> Callable[[], FileResponse]:
        def serve() -> FileResponse:
            return FileResponse(WEB / "templates" / name, media_type="text/html")

        return serve

    for route, name in PAGES.items():
        app.add_api_route(route, page(name), methods=["GET"], include_in_schema=False)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "body"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return error_response(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(BadInput)
    async def _bad_input(_: Request, exc: BadInput) -> JSONResponse:
        return error_response(422, str(exc))

    @app.exception_handler(GeopolError)
    async def _geopol(_: Request, exc: GeopolError) -> JSONResponse:
        return error_response(500, str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        logger.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return error_response(500, f"internal error: {type(exc).__name__}")
