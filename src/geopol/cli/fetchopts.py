"""Options shared by the commands that fetch URLs: ``ingest``, ``watch`` and ``serve --watch``.

Why the checks are here: ``--timeout inf`` or a negative ``--max-mb`` must end in a clear usage
error before anything is fetched, not in a traceback from a timer or an always-full buffer.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from geopol.ingest.fetch import Allow

MAX_MB = 10_000.0
MAX_TIMEOUT = 3600.0  # geopol.ingest.fetch.MAX_TIMEOUT (not imported: keeps the CLI start fast)


def _timeout(value: float) -> float:
    if not math.isfinite(value) or not 0 < value <= MAX_TIMEOUT:
        raise typer.BadParameter(f"give seconds above 0 and at most {MAX_TIMEOUT:.0f}")
    return value


def _max_mb(value: float) -> float:
    if not math.isfinite(value) or not 0 < value <= MAX_MB:
        raise typer.BadParameter(f"give megabytes above 0 and at most {MAX_MB:.0f}")
    return value


PrivateOpt = Annotated[
    bool,
    typer.Option("--allow-private",
                 help="Allow fetching any private/loopback address (prefer --allow-host)."),
]
AllowHostOpt = Annotated[
    list[str] | None,
    typer.Option("--allow-host", metavar="HOST",
                 help="Allow this one private host or address (repeatable), e.g. 127.0.0.1."),
]
TimeoutOpt = Annotated[
    float, typer.Option(help="Seconds per URL fetch, in all.", callback=_timeout)
]
MaxMbOpt = Annotated[
    float, typer.Option(help="Largest response body once decoded, MB.", callback=_max_mb)
]


def allowed(allow_private: bool, allow_host: list[str] | None) -> Allow:
    """What ``fetch`` may reach beyond public addresses: all, the listed hosts, or nothing."""
    if allow_private:
        return True
    hosts = [h.strip().strip("[]").lower() for h in allow_host or [] if h.strip()]
    return frozenset(hosts) if hosts else False
