"""The ``geopol`` command line: one Typer app, command groups registered from their modules.

Each ``geopol.cli.<group>`` module exposes ``register(app, eval_app)`` and adds its commands.
Commands print results to stdout and messages to stderr; a GeopolError becomes
``Error: <message>`` with exit status 1 (``--debug`` shows the traceback instead); usage
errors exit 2. Every command takes ``-v/--verbose`` and ``-q/--quiet`` (logging level), which
may also be given before the command name.
"""

from __future__ import annotations

import gc
import sys
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperGroup

from geopol import __version__
from geopol.cli import analysis, coding, places, scale, serve, store
from geopol.cli.logs import configure
from geopol.errors import GeopolError

_settings = {"debug": False, "verbose": 0, "quiet": False}


def _set_verbose(value: int) -> int:
    if value:
        _settings["verbose"] = int(_settings["verbose"]) + value
        configure(int(_settings["verbose"]), bool(_settings["quiet"]))
    return value


def _set_quiet(value: bool) -> bool:
    if value:
        _settings["quiet"] = True
        configure(int(_settings["verbose"]), True)
    return value


def _log_options() -> dict[str, Any]:
    """The -v and -q options, built by Typer once, to add to every command."""
    holder = typer.Typer()

    @holder.command()
    def _opts(
        verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, callback=_set_verbose,
                                             help="More messages (-vv: debug).")] = 0,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", callback=_set_quiet,
                                            help="Errors only: no progress, no notices.")] = False,
    ) -> None:
        """Holder."""

    built = typer.main.get_command(holder)
    out: dict[str, Any] = {}
    for param in built.params:
        param.expose_value = False
        out[str(param.name)] = param
    return out


_LOG_OPTIONS = _log_options()


def _with_log_options(cmd: Any) -> Any:
    """Add -v/--verbose and -q/--quiet to a command (and every command of a group)."""
    subs = getattr(cmd, "commands", None)
    if isinstance(subs, dict):
        for sub in subs.values():
            _with_log_options(sub)
        return cmd
    names = {opt for p in cmd.params for opt in getattr(p, "opts", [])}
    if "--verbose" not in names:
        cmd.params.append(_LOG_OPTIONS["verbose"])
    if "--quiet" not in names:
        cmd.params.append(_LOG_OPTIONS["quiet"])
    return cmd


class GeopolGroup(TyperGroup):
    """The root group: every command it hands out has the logging options."""

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        cmd = super().get_command(ctx, cmd_name)
        return _with_log_options(cmd) if cmd is not None else None


app = typer.Typer(
    name="geopol",
    cls=GeopolGroup,
    help="Geopolitical event data from news text.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Measure geopol against labelled data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"geopol {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True,
                           help="Print the version and exit.")
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More messages (-vv: debug).")
    ] = 0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Errors only: no progress, no notices.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show the traceback of an error instead of a line.")
    ] = False,
) -> None:
    """Geopolitical event data from news text."""
    _settings.update(debug=debug, verbose=verbose, quiet=quiet)
    configure(verbose, quiet)


# Each module adds its commands, in help order.
for _module in (coding, places, store, analysis, scale, serve):
    _module.register(app, eval_app)


#: Packages of the optional extras, and the extra that installs them.
EXTRAS = {"fastapi": "serve", "uvicorn": "serve", "jinja2": "serve", "starlette": "serve",
          "dask": "scale", "distributed": "scale"}


#: The young generation is collected every this many allocations (Python's default: 700).
#: Coding allocates many short-lived objects per article (spaCy tokens, spans, records):
#: at the default a ``geopol code`` run spent about 5% of its CPU in the collector, at this
#: threshold under 1.5% (docs/benchmarks.md, issue 15 third round).
GC_YOUNG = 10_000


def main(argv: list[str] | None = None) -> Any:
    _settings.update(debug=False, verbose=0, quiet=False)
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(max(GC_YOUNG, gc.get_threshold()[0]), older, oldest)
    try:
        return app(args=argv if argv is not None else sys.argv[1:], standalone_mode=True)
    except ModuleNotFoundError as exc:
        extra = EXTRAS.get((exc.name or "").split(".")[0])
        if extra is None or _settings["debug"]:
            raise
        typer.echo(f"Error: this command needs {exc.name}: pip install 'geopol[{extra}]'",
                   err=True)
        sys.exit(1)
    except GeopolError as exc:
        if _settings["debug"]:
            raise
        typer.echo(f"Error: {exc}", err=True)
        sys.exit(1)
