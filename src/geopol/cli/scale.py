"""``geopol code-corpus``: code a large corpus into a Parquet event lake, on one machine or Dask."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer

from geopol.errors import GeopolError


def code_corpus(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders of .txt/.md files, .jsonl/.csv/.parquet files or globs; "
            "local paths or fsspec URLs (s3://bucket/news/*.jsonl)."
        ),
    ],
    out: Annotated[str, typer.Option("--out", "-o", help="The lake: a folder or fsspec URL.")],
    engine: Annotated[
        str, typer.Option(help="single (this process), local (process pool) or dask.")
    ] = "local",
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes for local, or for the LocalCluster dask starts "
            "[default: CPU count]."
        ),
    ] = None,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a running Dask scheduler (tcp://host:8786); implies --engine dask."
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(help="Articles per task, per part file and per --resume unit.")
    ] = 200,
    nlp_batch_size: Annotated[int, typer.Option(help="Texts per spaCy nlp.pipe batch.")] = 16,
    threads_per_worker: Annotated[
        int, typer.Option(help="Threads per Dask worker of a LocalCluster (1 is fastest).")
    ] = 1,
    memory_limit: Annotated[
        str, typer.Option(help="Memory limit per Dask worker of a LocalCluster, e.g. 2GiB.")
    ] = "auto",
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles that carry none."),
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip batches the lake's manifest lists as done.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run summary as JSON on stdout.")
    ] = False,
) -> None:
    """Code every article under INPUT... into a Parquet lake partitioned by event date.

    Each batch of articles is coded, written (events/, dyads/, articles/) and committed in
    _manifest/ as one unit, so a run that dies can be finished with --resume without losing
    or duplicating rows. The result is the same whatever the engine. A folder's index.csv
    dates its files (--published is the fallback) and is never read as an article. Exit
    status 1 when some input was skipped (each is named on stderr with its reason).

    Several processes: --engine local --workers 8 (the default engine); on a cluster:
    --engine dask --workers 8, or --scheduler tcp://host:8786.

    Example:
        geopol code-corpus news/ archive.jsonl --out lake/ --engine single
    """
    if scheduler:
        engine = "dask"
    try:
        when = dt.date.fromisoformat(published) if published else None
    except ValueError as exc:
        raise typer.BadParameter(f"not a date: {published!r}", param_hint="--published") from exc
    if workers is not None and workers < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--workers")
    from geopol.cli.progress import progress, shown

    total = None
    if shown():
        from geopol.scale.corpus import plan

        try:
            total = len(plan(inputs, batch_size))
        except GeopolError:
            total = None
    done = {"n": 0}
    reasons: list[str] = []
    with progress("code-corpus", total, unit="batches") as tick:

        def on_result(result: object) -> None:
            done["n"] += 1
            reasons.extend(getattr(result, "skipped", []) or [])
            tick(done["n"])

        summary = _run(inputs, out, engine, workers, scheduler, batch_size, nlp_batch_size,
                       model, resume, when, threads_per_worker, memory_limit, on_result)
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=1))
    else:
        typer.echo(
            f"{summary.articles} articles, {summary.events} events into {out} "
            f"({summary.batches - summary.resumed - len(summary.failed)} batches coded, "
            f"{summary.resumed} already done, {summary.skipped} inputs skipped) in "
            f"{summary.wall_s:.1f} s; {summary.articles_per_s:.1f} articles/s on "
            f"{summary.workers} {summary.engine} worker(s)"
        )
    for reason in reasons:
        typer.echo(f"skipped {reason}", err=True)
    for batch, error in summary.failed.items():
        typer.echo(f"batch {batch} failed: {error}", err=True)
    if summary.failed:
        raise GeopolError(
            f"{len(summary.failed)} of {summary.batches} batches failed; fix the input and "
            "rerun with --resume"
        )
    if summary.skipped:
        raise typer.Exit(1)  # docs/cli.md: 1 when some input was skipped


def _run(inputs: list[str], out: str, engine: str, workers: int | None, scheduler: str | None,
         batch_size: int, nlp_batch_size: int, model: str | None, resume: bool,
         when: dt.date | None, threads_per_worker: int, memory_limit: str,
         on_result: Any) -> Any:
    from geopol.scale.engines import run_corpus

    return run_corpus(
        inputs,
        out,
        engine=engine,
        workers=workers,
        scheduler=scheduler,
        batch_size=batch_size,
        nlp_batch_size=nlp_batch_size,
        model=model,
        resume=resume,
        published=when,
        threads_per_worker=threads_per_worker,
        memory_limit=memory_limit,
        on_result=on_result,
    )


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("code-corpus")(code_corpus)


__all__ = ["code_corpus", "register"]
