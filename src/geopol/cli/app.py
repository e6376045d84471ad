"""The ``geopol`` command line: one Typer app, command groups registered from their modules.

Each ``geopol.cli.<group>`` module exposes ``register(app, eval_app)`` and adds its commands.
Commands print results to stdout and messages to stderr; a GeopolError becomes
``Error: <message>`` with exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import sys
from typing import Any

import typer

from geopol.cli import analysis, coding, places, scale, serve, store
from geopol.errors import GeopolError

app = typer.Typer(
    name="geopol",
    help="Geopolitical event data from news text.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
)
eval_app = typer.Typer(help="Measure geopol against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# Each module adds its commands, in help order.
for _module in (coding, places, store, analysis, scale, serve):
    _module.register(app, eval_app)


def main(argv: list[str] | None = None) -> Any:
    debug = "--debug" in (argv if argv is not None else sys.argv)
    try:
        return app(args=[a for a in (argv or sys.argv[1:]) if a != "--debug"], standalone_mode=True)
    except GeopolError as exc:
        if debug:
            raise
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
