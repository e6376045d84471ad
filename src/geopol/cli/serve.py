"""``geopol serve``: the REST API and the dashboard on one embedded store.

Write endpoints (coding a pasted article, editing alert rules) exist only with a token. A
server bound beyond the loopback interface refuses to start with writes enabled and no token,
so a store is never writable from the network by accident.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from geopol.cli.fetchopts import AllowHostOpt, MaxMbOpt, PrivateOpt, TimeoutOpt, allowed
from geopol.errors import GeopolError, StoreError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from geopol.ingest.fetch import Allow
    from geopol.ingest.watch import Watcher

logger = logging.getLogger(__name__)

SECOND_WRITER = (
    ". DuckDB lets one process write a store: stop the other geopol process (watch, ingest "
    "or serve), then run `geopol serve --watch FEED` to serve and ingest in one process"
)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, read_only: bool) -> None:
    """Refuse a non-loopback bind that would accept writes without a token."""
    if not is_loopback(host) and not token and not read_only:
        raise GeopolError(
            f"refusing to serve on {host} with write endpoints enabled and no token: "
            "pass --token (or set GEOPOL_TOKEN), or --read-only"
        )


def open_writer(db: Path | None) -> None:
    """Fail now, with the way out, if another process holds the store (one writer only)."""
    from geopol.store import Store

    try:
        Store.open(db).close()
    except StoreError as exc:
        if "in use" in str(exc):
            raise StoreError(f"{exc}{SECOND_WRITER}") from exc
        raise


def _interval(text: str) -> float:
    from geopol.ingest.watch import parse_interval

    try:
        seconds = parse_interval(text)
    except GeopolError as exc:
        raise typer.BadParameter(str(exc), param_hint="--every") from exc
    if seconds < 1:
        raise typer.BadParameter("at least 1 second", param_hint="--every")
    return seconds


def start_watcher(
    application: FastAPI, feeds: list[str], db: Path, *, every: float, allow: Allow,
    timeout: float, max_bytes: int, model: str | None,
) -> tuple[Watcher, threading.Thread]:
    """Poll ``feeds`` into the served store from a background thread of this process.

    The Watcher's connections join the server's DuckDB instance (same file, same process),
    take the server's write lock, and clear the response cache whenever a feed adds articles.
    """
    from geopol.formats.safe import terminal_text
    from geopol.ingest.run import default_coder
    from geopol.ingest.watch import Watcher

    def log(line: str) -> None:
        logger.info("%s", line)
        if line.startswith(("watch: cycle", "watch: feed failed")):
            typer.echo(terminal_text(line), err=True)

    state = application.state
    watcher = Watcher(
        feeds, db, every=every, allow_private=allow,
        timeout=timeout, max_bytes=max_bytes, coder=default_coder(model), log=log,
        write_lock=state.handle.lock, on_change=state.cache.clear,
    )
    thread = threading.Thread(target=watcher.run, name="geopol-watch", daemon=True)
    thread.start()
    typer.echo(f"watching {len(feeds)} feed input(s) every {every:.0f} s", err=True)
    return watcher, thread


def stop_watcher(watcher: Watcher, thread: threading.Thread) -> None:
    watcher.stop.set()
    thread.join(timeout=60)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    @app.command("serve")
    def serve(
        db: Annotated[
            Path | None, typer.Option("--db", help="Store file (default: the user store).")
        ] = None,
        host: Annotated[str, typer.Option(help="Interface to bind.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
        token: Annotated[
            str | None,
            typer.Option(help="Token required by write endpoints (or GEOPOL_TOKEN).",
                         show_default=False),
        ] = None,
        read_only: Annotated[
            bool, typer.Option("--read-only", help="Serve without write endpoints.")
        ] = False,
        cors: Annotated[
            list[str] | None,
            typer.Option("--cors", help="Allow this origin (repeatable); CORS is off by default."),
        ] = None,
        rules: Annotated[
            Path | None,
            typer.Option(help="Alert rules YAML (default: GEOPOL_ALERTS or the user config)."),
        ] = None,
        cache_size: Annotated[
            int, typer.Option(min=0, help="Read answers kept until the next write (0: off).")
        ] = 2048,
        watch: Annotated[
            list[str] | None,
            typer.Option("--watch", metavar="FEED",
                         help="Also poll this feed URL or OPML list into the store (repeatable)."),
        ] = None,
        every: Annotated[str, typer.Option(help="With --watch: time between polls.")] = "15m",
        allow_private: PrivateOpt = False,
        allow_host: AllowHostOpt = None,
        timeout: TimeoutOpt = 20.0,
        max_mb: MaxMbOpt = 10.0,
        model: Annotated[str | None, typer.Option(help="With --watch: spaCy pipeline.")] = None,
    ) -> None:
        """Serve the REST API and the dashboard.

        Read endpoints are open; writes (POST /api/articles, alert rules) need --token. On a
        non-loopback address the server refuses to start without --token or --read-only.

        With --watch FEED the same process also polls the feeds every --every and stores
        new articles; the dashboard shows their events once each feed is stored.

        Example:
            geopol serve --db geopol.duckdb --port 8000
            geopol serve --db geopol.duckdb --port 8000 --watch feeds.opml --every 15m
        """
        import uvicorn

        from geopol.api import create_app

        token = None if read_only else (token or os.environ.get("GEOPOL_TOKEN") or None)
        check_bind(host, token, read_only)
        if db is None:
            from geopol.store import default_path

            db = default_path()
        if watch and read_only:
            raise typer.BadParameter("--watch writes to the store; it cannot be --read-only",
                                     param_hint="--watch")
        every_s = _interval(every)
        try:
            application = create_app(
                db, token=token, cors=cors or None, rules_path=rules, cache_size=cache_size,
                writable=bool(watch),
            )
        except StoreError as exc:
            raise GeopolError(f"{exc}{SECOND_WRITER if 'in use' in str(exc) else ''}") from exc
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"geopol dashboard: http://{shown}:{port}/  (API under /api)", err=True)
        if not token:
            typer.echo("write endpoints disabled (no token)", err=True)
        watcher = None
        if watch:
            watcher = start_watcher(application, watch, db, every=every_s,
                                    allow=allowed(allow_private, allow_host), timeout=timeout,
                                    max_bytes=int(max_mb * 1e6), model=model)
        try:
            uvicorn.run(application, host=host, port=port, log_level="warning",
                        access_log=False)
        finally:
            if watcher is not None:
                stop_watcher(*watcher)

    _ = eval_app
