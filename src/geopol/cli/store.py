"""``geopol ingest``, ``watch``, ``events`` and ``export``: the store's command line."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from geopol.cli.coding import FactualityOpt, TriggersOpt, use_event_files
from geopol.cli.fetchopts import AllowHostOpt, MaxMbOpt, PrivateOpt, TimeoutOpt, allowed
from geopol.errors import GeopolError, StoreError
from geopol.formats.safe import terminal_markup, terminal_text

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="Database file (default: $GEOPOL_DB, else the user data directory)."),
]
ActorOpt = Annotated[str | None, typer.Option(help="Country or actor code, e.g. PRK or PRKGOV.")]
DyadOpt = Annotated[str | None, typer.Option(help="Two country codes, e.g. PRK,RUS.")]
DirectedOpt = Annotated[
    bool, typer.Option("--directed", help="With --dyad: only first -> second.")
]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER type(s), e.g. AID,CONSULT.")]
FactOpt = Annotated[
    str | None, typer.Option(help="Factuality values, e.g. asserted,reported.")
]
SinceOpt = Annotated[str | None, typer.Option(help="Event date from (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Event date until (YYYY-MM-DD).")]
CountryOpt = Annotated[str | None, typer.Option(help="Where it happened (ISO3).")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no messages.")]


def _filters(
    actor: str | None, dyad: str | None, directed: bool, type_: str | None,
    factuality: str | None, since: str | None, until: str | None, country: str | None,
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "actor": actor, "dyad": dyad, "type": type_, "factuality": factuality,
        "since": since, "until": until, "country": country,
    }
    out = {k: v for k, v in out.items() if v}
    if directed:
        out["directed"] = True
    return out


def _after_ingest(store: Any, quiet: bool) -> None:
    """Run the alert rules on what was just stored."""
    from geopol.analysis.alerts import run_after_ingest

    try:
        fired = run_after_ingest(store)
    except GeopolError as exc:
        typer.echo(f"alerts: {exc}", err=True)
        return
    if fired and not quiet:
        typer.echo(f"{len(fired)} alert(s) fired", err=True)


def ingest_cmd(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders, URLs, feeds (RSS/Atom) or OPML lists."),
    ] = None,
    db: DbOpt = None,
    fields: Annotated[
        str | None,
        typer.Option(help="JSONL/CSV field mapping, e.g. title=headline,body=story,date=day."),
    ] = None,
    from_lake: Annotated[
        Path | None, typer.Option("--from-lake", help="Load a Parquet lake from code-corpus.")
    ] = None,
    allow_private: PrivateOpt = False,
    allow_host: AllowHostOpt = None,
    pages: Annotated[
        bool, typer.Option(help="Fetch the linked page of short feed entries.")
    ] = True,
    timeout: TimeoutOpt = 20.0,
    max_mb: MaxMbOpt = 10.0,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    chunk: Annotated[int, typer.Option(help="Articles per stored transaction.")] = 32,
    quiet: QuietOpt = False,
    triggers: TriggersOpt = None,
    factuality: FactualityOpt = None,
) -> None:
    """Code articles and store them; articles already stored (same text) are skipped.

    A folder's index.csv gives each file its date, URL and source; --fields names the
    fields of JSONL/CSV records. Exit status 1 when some input was skipped.

    Inputs may also be URLs of pages, RSS/Atom feeds and OPML lists
    (geopol ingest https://example.org/rss.xml).

    Example:
        geopol ingest news/ corpus.jsonl --db events.duckdb
        geopol ingest news/ --triggers my-triggers.yaml --factuality my-cues.yaml
    """
    from geopol.ingest.run import default_coder, ingest
    from geopol.ingest.sources import FieldMap, Skipped, iter_inputs, make_fetcher
    from geopol.store import Store

    if not inputs and from_lake is None:
        raise typer.BadParameter("give at least one input or --from-lake", param_hint="INPUTS")
    if chunk < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--chunk")
    use_event_files(triggers, factuality)
    if quiet:
        from geopol.cli.logs import configure

        configure(0, True)
    try:
        store = Store.open(db)
    except StoreError as exc:
        from geopol.cli.serve import SECOND_WRITER

        raise StoreError(f"{exc}{SECOND_WRITER if 'in use' in str(exc) else ''}") from exc
    stats: Any = None
    try:
        if from_lake is not None:
            res = store.import_lake(from_lake)
            store.release()
            if not quiet:
                typer.echo(
                    f"lake {from_lake}: {res.articles_added} articles and {res.events_added} "
                    f"events added, {res.articles_skipped} articles already stored", err=True,
                )
        if inputs:
            fetcher = make_fetcher(allow_private=allowed(allow_private, allow_host),
                                   timeout=timeout,
                                   max_bytes=int(max_mb * 1e6))
            items = iter_inputs(inputs, fields=FieldMap.parse(fields), fetcher=fetcher,
                                pages=pages)

            def on_skip(s: Skipped) -> None:
                if not quiet:
                    typer.echo(terminal_text(f"skipped {s.where}: {s.reason}"), err=True)

            stats = _run_with_progress(
                lambda on_progress: ingest(
                    items, store, coder=default_coder(model), chunk=chunk, on_skip=on_skip,
                    on_progress=on_progress,
                ),
                quiet,
                _local_total(inputs),
            )
            if not quiet:
                typer.echo(
                    f"{stats.read} articles read: {stats.added} added, {stats.known} already "
                    f"stored, {stats.skipped} skipped; {stats.events} events in "
                    f"{stats.seconds:.1f} s ({stats.per_second:.1f} articles/s)",
                    err=True,
                )
        _after_ingest(store, quiet)
    finally:
        store.close()
    if inputs and stats is not None and stats.skipped:
        raise typer.Exit(1)  # docs/cli.md: 1 when some input was skipped


def _local_total(inputs: list[str]) -> int | None:
    """How many articles local text inputs hold (None when some input is a record file,
    a feed or a URL: unknown before reading)."""
    from geopol.inputs import count_inputs

    plain = all(Path(p).exists() and (Path(p).is_dir() or Path(p).suffix.lower() in
                                      (".txt", ".md", ".text", "")) for p in inputs)
    return count_inputs(inputs) if plain else None


def _run_with_progress(run: Any, quiet: bool, total: int | None = None) -> Any:
    """Run an ingest with a progress bar (total, rate, ETA) when stderr is a terminal."""
    from geopol.cli.progress import progress

    with progress("ingest", total, quiet=quiet) as tick:
        return run(lambda stats: tick(stats.read + stats.skipped))


def watch_cmd(
    feeds: Annotated[list[str], typer.Argument(help="Feed URLs or OPML files/URLs.")],
    db: DbOpt = None,
    every: Annotated[str, typer.Option(help="Time between polls, e.g. 15m, 1h.")] = "15m",
    cycles: Annotated[
        int | None, typer.Option(help="Stop after this many cycles (default: run until stopped).")
    ] = None,
    allow_private: PrivateOpt = False,
    allow_host: AllowHostOpt = None,
    pages: Annotated[
        bool, typer.Option(help="Fetch the linked page of short feed entries.")
    ] = True,
    timeout: TimeoutOpt = 20.0,
    max_mb: MaxMbOpt = 10.0,
    workers: Annotated[int, typer.Option(help="Feeds fetched at once.")] = 8,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    quiet: QuietOpt = False,
) -> None:
    """Poll feeds every --every, storing new articles; one log line per cycle.

    Runs until stopped (Ctrl-C or SIGTERM finish the current step first), or for --cycles
    polls: --cycles 1 polls once and exits, e.g. from cron.

    Example:
        geopol watch feeds.opml --every 15m --db events.duckdb
        geopol watch feeds.opml --cycles 1 --db events.duckdb
    """
    from geopol.cli.serve import open_writer
    from geopol.ingest.run import default_coder
    from geopol.ingest.watch import Watcher, parse_interval

    open_writer(db)  # a store served by `geopol serve` is refused here, with the way out

    def log(line: str) -> None:
        if not quiet or line.startswith("watch: cycle"):
            typer.echo(terminal_text(line), err=True)

    watcher = Watcher(
        feeds, db, every=parse_interval(every), allow_private=allowed(allow_private, allow_host),
        timeout=timeout,
        max_bytes=int(max_mb * 1e6), workers=workers, pages=pages,
        coder=default_coder(model), log=log,
        after_cycle=lambda store: _after_ingest(store, quiet),
    )
    def on_term(signum: int, frame: object) -> None:
        # A service manager stops us with SIGTERM: finish the current cycle's write, then exit.
        typer.echo("watch: SIGTERM received, stopping after the current step", err=True)
        watcher.stop.set()

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        watcher.run(cycles=cycles)
        if watcher.stop.is_set():
            typer.echo("watch: stopped", err=True)
    except KeyboardInterrupt:
        typer.echo("watch: stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _open_events(db: Path | None, lake: Path | None, filters: dict[str, Any],
                 limit: int | None, offset: int) -> Any:
    from geopol.store import Store, lake_events

    if limit is not None:
        filters["limit"] = limit
    if offset:
        filters["offset"] = offset
    if lake is not None:
        return lake_events(lake, **filters)
    with Store.open(db, read_only=True) as store:
        return store.events(with_clusters=True, **filters)


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if hasattr(value, "to_pydatetime"):
        value = value.to_pydatetime()
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return value


def _records(df: Any) -> list[dict[str, Any]]:
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def events_cmd(
    db: DbOpt = None,
    lake: Annotated[Path | None, typer.Option(help="Read a Parquet lake instead.")] = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    directed: DirectedOpt = False,
    type_: TypeOpt = None,
    factuality: FactOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = 50,
    offset: Annotated[int, typer.Option(help="Skip this many events first.")] = 0,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, jsonl or csv.")] = "table",
) -> None:
    """List stored events, newest first (at most --limit; a note on stderr says when more
    match). Actor codes may be geopol's (IGO-UN) or CAMEO's (IGOUNO, USR).

    Example:
        geopol events --dyad PRK,RUS --factuality asserted,reported --format jsonl
    """
    if fmt not in ("table", "jsonl", "csv"):
        raise typer.BadParameter("use table, jsonl or csv", param_hint="--format")
    if limit is not None and limit < 0:
        raise typer.BadParameter("must be 0 or more", param_hint="--limit")
    filters = _filters(actor, dyad, directed, type_, factuality, since, until, country)
    df = _open_events(db, lake, filters, None if limit is None else limit + 1, offset)
    rows = _records(df)
    cut = limit is not None and len(rows) > limit
    if cut:
        rows = rows[:limit]
    if fmt == "jsonl":
        from geopol.store.queries import row_to_event_dict

        for r in rows:
            sys.stdout.write(json.dumps(row_to_event_dict(r), ensure_ascii=False) + "\n")
    elif fmt == "csv":
        from geopol.formats.csv import write_csv_rows

        write_csv_rows(rows, sys.stdout)
    else:
        _print_table(rows)
    if cut:
        typer.echo(
            f"showing the first {limit} events (from {offset}); more match: raise --limit, "
            f"page with --offset {offset + (limit or 0)}, or use geopol export for all",
            err=True,
        )


def _print_table(rows: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("date", "type", "factuality", "source", "target", "where", "reports", "evidence"):
        table.add_column(col, overflow="fold")
    for r in rows:
        ev = str(r.get("evidence_text") or "")
        cells = [
            r.get("event_date") or "", r.get("type") or "", r.get("factuality") or "",
            r.get("source_code") or "", r.get("target_code") or "", r.get("location_name") or "",
            r.get("num_articles") or 1, ev if len(ev) <= 90 else ev[:87] + "...",
        ]
        table.add_row(*(terminal_markup(c) for c in cells))  # article text is no markup
    Console(width=None if sys.stdout.isatty() else 160).print(table)
    if not rows:
        typer.echo("no events match", err=True)


def export_cmd(
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="jsonl, csv, parquet, gdelt, icews or acled "
                     "[default: from --output's ending, else jsonl]."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout); "
                                  "its ending (.jsonl .csv .parquet .tsv .tab) picks the format.")
    ] = None,
    mentions: Annotated[
        Path | None, typer.Option("--mentions", help="Also write GDELT's Mentions table "
                                  "(one row per report) to this file.")
    ] = None,
    db: DbOpt = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    directed: DirectedOpt = False,
    type_: TypeOpt = None,
    factuality: FactOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    country: CountryOpt = None,
) -> None:
    """Export matching events (all of them) in a format other tools read.

    gdelt writes one row per event cluster (NumMentions counted over its reports); csv and
    parquet write the event table (docs/formats.md), one row per report.

    Example:
        geopol export --format gdelt --actor PRK -o prk.tsv
    """
    from geopol.cli.output import choose_format, write_events
    from geopol.store import Store
    from geopol.store.queries import row_to_event_dict

    chosen = choose_format(fmt, output)
    filters = _filters(actor, dyad, directed, type_, factuality, since, until, country)
    with Store.open(db, read_only=True) as store:
        batches = store.iter_event_batches(with_clusters=True, **filters)

        def rows() -> Any:
            for batch in batches:
                yield from batch.to_pylist()

        if chosen in ("csv", "parquet") and mentions is None:
            from geopol.formats.csv import write_csv_rows
            from geopol.formats.parquet import write_parquet_rows

            if chosen == "parquet":
                assert output is not None
                write_parquet_rows(rows(), output)
            elif output is None:
                write_csv_rows(rows(), sys.stdout)
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    write_csv_rows(rows(), fh)
            return
        write_events((row_to_event_dict(r) for r in rows()), chosen, output, mentions)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("watch")(watch_cmd)
    app.command("events")(events_cmd)
    app.command("export")(export_cmd)


__all__ = ["GeopolError", "events_cmd", "export_cmd", "ingest_cmd", "register", "watch_cmd"]
