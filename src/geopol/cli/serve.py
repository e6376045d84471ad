"""``geopol serve``: the REST API and the dashboard on one embedded store.

Write endpoints (coding a pasted article, editing alert rules) exist only with a token. A
server bound beyond the loopback interface refuses to start with writes enabled and no token,
so a store is never writable from the network by accident.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Annotated

import typer

from geopol.errors import GeopolError


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
    ) -> None:
        """Serve the REST API and the dashboard.

        Read endpoints are open; writes (POST /api/articles, alert rules) need --token. On a
        non-loopback address the server refuses to start without --token or --read-only.

        Example:
            geopol serve --db geopol.duckdb --port 8000
        """
        import uvicorn

        from geopol.api import create_app

        token = None if read_only else (token or os.environ.get("GEOPOL_TOKEN") or None)
        check_bind(host, token, read_only)
        if db is None:
            from geopol.store import default_path

            db = default_path()
        application = create_app(
            db, token=token, cors=cors or None, rules_path=rules, cache_size=cache_size
        )
        shown = f"[{host}]" if ":" in host else host
        typer.echo(f"geopol dashboard: http://{shown}:{port}/  (API under /api)", err=True)
        if not token:
            typer.echo("write endpoints disabled (no token)", err=True)
        uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)

    _ = eval_app
