"""``geopol series``, ``blocs``, ``shifts``, ``alerts``, ``brief`` and ``report``: relations
over time from the store, on the command line."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from geopol.errors import BadInput

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="Database file [default: GEOPOL_DB or the user data dir]."),
]
SinceOpt = Annotated[str | None, typer.Option(help="From this event date (YYYY-MM-DD).")]
UntilOpt = Annotated[
    str | None, typer.Option(help="Until this event date (YYYY-MM-DD) [default: latest event].")
]
RawOpt = Annotated[
    bool, typer.Option("--raw", help="Count every event as 1 instead of weighing factuality.")
]
WeightsOpt = Annotated[
    Path | None, typer.Option("--weights", help="YAML file of factuality weights (0..1).")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON on stdout.")]


def _store(db: Path | None) -> Any:
    from geopol.store import Store

    return Store.open(db, read_only=True)


def _weights(path: Path | None) -> dict[str, float] | None:
    if path is None:
        return None
    from geopol.analysis.weights import load_weights

    return load_weights(path)


def _dump(obj: Any) -> None:
    typer.echo(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def series_cmd(
    a: Annotated[str, typer.Argument(help="Country code, e.g. PRK.")],
    b: Annotated[str | None, typer.Argument(help="Second country; omit for A against all.")]
    = None,
    freq: Annotated[str, typer.Option(help="day, week, month, quarter or year.")] = "week",
    since: SinceOpt = None,
    until: UntilOpt = None,
    weighted: Annotated[
        bool, typer.Option("--weighted", help="Weigh events by factuality.")] = False,
    weights: WeightsOpt = None,
    directed: Annotated[bool, typer.Option("--directed", help="Only A -> B.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    turns: Annotated[bool, typer.Option(
        "--change-points", help="Also print where the daily weighted intensity changes level "
        "(on stderr with csv/json).")] = False,
    db: DbOpt = None,
) -> None:
    """Counts by quad class and type, mean Goldstein and intensity, per period.

    One actor against all, or a pair; raw counts or weighted by factuality (a week of
    speculation does not look like a week of arms deliveries).

    Example:
        geopol series PRK RUS --freq month --weighted
    """
    from geopol.analysis.series import dyad_series
    from geopol.analysis.shifts import change_points_for

    found: list[dict[str, Any]] = []
    with _store(db) as store:
        frame = dyad_series(store.con, a, b, freq=freq, weighted=weighted, since=since,
                            until=until, weights=_weights(weights), directed=directed)
        if turns:
            found = change_points_for(store.con, a.upper(), b.upper() if b else None,
                                      since=since, until=until, weights=_weights(weights))
    frame["period"] = frame["period"].dt.date.astype(str)
    if fmt == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif fmt == "json":
        typer.echo(frame.to_json(orient="records"))
    elif fmt == "table":
        cols = ["period", "events", "verbal_coop", "material_coop", "verbal_conflict",
                "material_conflict", "goldstein_mean", "intensity_mean", "coop_minus_conflict"]
        typer.echo(frame[cols].round(2).to_string(index=False))
    else:
        raise BadInput(f"unknown format {fmt!r}: use table, csv or json")
    for t in found:
        typer.echo(f"change point {t['date']}: mean daily weighted intensity {t['before']:+.2f}"
                   f" before, {t['after']:+.2f} after", err=fmt != "table")


def blocs_cmd(
    since: SinceOpt = None,
    until: UntilOpt = None,
    raw: RawOpt = False,
    weights: WeightsOpt = None,
    json_out: JsonOpt = False,
    image: Annotated[Path | None, typer.Option(help="Write the network as a PNG here.")] = None,
    db: DbOpt = None,
) -> None:
    """Signed alignment network of the window, its blocs and their stability.

    Edges are the factuality-weighted balance of cooperation and conflict between two actors;
    blocs come from signed community detection; stated alignments are listed beside them.

    Example:
        geopol blocs --since 2023-01-01
    """
    from geopol.analysis.network import alignment_network

    with _store(db) as store:
        net = alignment_network(store.con, since, until, weighted=not raw,
                                weights=_weights(weights))
    if image:
        from geopol.analysis.report import network_chart

        network_chart(net, image)
    if json_out:
        _dump(net.to_dict())
        return
    typer.echo(f"{len(net.nodes)} actors, {len(net.edges)} ties, {net.since} to {net.until}; "
               f"stability {net.stability:.2f}, signed modularity {net.modularity:.2f}")
    for i, bloc in enumerate(net.blocs, 1):
        typer.echo(f"bloc {i}: {', '.join(bloc)}")
    for s in net.stated:
        against = f" against {', '.join(s['against'])}" if s["against"] else ""
        typer.echo(f"stated {s['published']}: {', '.join(s['members'])}{against} "
                   f"({s['factuality']})")


def shifts_cmd(
    recent_days: Annotated[int, typer.Option(help="Length of the recent window.")] = 30,
    baseline_days: Annotated[int, typer.Option(help="Length of the baseline before it.")] = 180,
    until: UntilOpt = None,
    raw: RawOpt = False,
    weights: WeightsOpt = None,
    min_events: Annotated[float, typer.Option(help="Low-baseline threshold.")] = 5.0,
    json_out: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Dyads and actors whose activity changed: bands, new dyads, sign flips, spikes.

    The recent window is compared with a baseline in ACLED Trendfinder's change bands, with a
    low-baseline rule; new dyads, cooperation-to-conflict flips and spikes are listed too.

    Example:
        geopol shifts --recent-days 30 --baseline-days 180
    """
    from geopol.analysis.shifts import find_shifts

    with _store(db) as store:
        found = find_shifts(store.con, recent_days=recent_days, baseline_days=baseline_days,
                            until=until, weighted=not raw, weights=_weights(weights),
                            min_events=min_events)
    if json_out:
        _dump([s.to_dict() for s in found])
        return
    for s in found:
        when = f" from {s.date}" if s.date else ""
        typer.echo(f"{s.label:<9} {s.kind:<11} {s.band:<24} z={s.z:+.1f}{when}  {s.detail}")
    if not found:
        typer.echo("no shifts", err=True)


def alerts_cmd(
    rules: Annotated[
        Path | None,
        typer.Option(help="Rules file [default: GEOPOL_ALERTS or the user config dir]."),
    ] = None,
    until: UntilOpt = None,
    jsonl: Annotated[Path | None, typer.Option(help="Also append alerts to this file.")] = None,
    webhook: Annotated[str | None, typer.Option(help="Also POST alerts to this URL.")] = None,
    json_out: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Evaluate alert rules over the store (all alerts, not only new ones).

    Rules are YAML (a dyad, an actor, a type, a minimum factuality, a threshold or a shift);
    output to the terminal, JSON lines, or a webhook.

    Example:
        geopol alerts --rules alerts.yaml
    """
    from geopol.analysis.alerts import default_rules_path, emit, evaluate, load_rules

    path = rules or default_rules_path()
    if not path.exists():
        raise BadInput(f"{path}: no alert rules file (see docs/analysis.md for the format)")
    with _store(db) as store:
        found = evaluate(store.con, load_rules(path), until=until)
    outputs: list[tuple[str, str | None]] = [] if json_out else [("terminal", None)]
    if jsonl:
        outputs.append(("jsonl", str(jsonl)))
    if webhook:
        outputs.append(("webhook", webhook))
    problems = emit(found, outputs)
    if json_out:
        _dump([a.to_dict() for a in found])
    for p in problems:
        typer.echo(p, err=True)
    if not found and not json_out:
        typer.echo("no alerts", err=True)
    if problems:
        raise typer.Exit(1)


def brief_cmd(
    article: Annotated[str, typer.Argument(help="A text file (headline first) or an article id.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date of a file (YYYY-MM-DD).")] = None,
    days: Annotated[int, typer.Option(help="Compare with this many days before it.")] = 90,
    weights: WeightsOpt = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
    json_out: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Who did what to whom in one article, and what it changes.

    The article's events with factuality and evidence, its stated alignments, and the dyad
    trends it moves compared with the last 90 days in the store.

    Example:
        geopol brief samples/articles/01-prk-rus-summit.txt
    """
    import tempfile

    from geopol.analysis.brief import brief
    from geopol.errors import StoreError
    from geopol.store import Store

    day = dt.date.fromisoformat(published) if published else None
    with tempfile.TemporaryDirectory() as tmp:
        try:
            store = _store(db)
        except StoreError:
            if not Path(article).is_file():
                raise
            # no store yet: the brief of a file still says who did what to whom
            typer.echo("no store: nothing to compare with", err=True)
            store = Store.open(Path(tmp) / "empty.duckdb")
        with store:
            b = brief(store, article, days=days, weights=_weights(weights), published=day,
                      model=model)
    if json_out:
        _dump(b.to_dict())
    else:
        typer.echo(b.to_markdown())


def report_cmd(
    since: Annotated[str, typer.Option(help="Start of the period (YYYY-MM-DD).")],
    until: UntilOpt = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for report.md, "
                                      "report.html and the charts.")] = Path("geopol-report"),
    rules: Annotated[Path | None, typer.Option(help="Alert rules to include.")] = None,
    raw: RawOpt = False,
    weights: WeightsOpt = None,
    db: DbOpt = None,
) -> None:
    """A period report (top movers, blocs, stated alignments, alerts) as Markdown and HTML.

    Writes report.md, report.html and the trend and network charts to the output folder.

    Example:
        geopol report --since 2023-09-01 --out report/
    """
    from geopol.analysis.alerts import load_rules
    from geopol.analysis.report import report

    with _store(db) as store:
        rep = report(store, since, until, rules=load_rules(rules) if rules else (),
                     out_dir=out, weighted=not raw, weights=_weights(weights))
        written = rep.write(out)
    for name, path in written.items():
        typer.echo(f"{name}: {path}")


def scenario_cmd(
    seed: Annotated[int, typer.Option(help="Random seed of the scenario.")] = 7,
    db: Annotated[Path | None, typer.Option(
        "--db", help="Store to fill (must not hold other data) [default: a temporary one].")]
    = None,
    write_jsonl: Annotated[Path | None, typer.Option(
        "--write-jsonl", help="Only write the articles as JSON lines here.")] = None,
    model: Annotated[str | None, typer.Option(help="spaCy pipeline to use.")] = None,
) -> None:
    """Code the seeded scenario and check what the analysis recovers (exit 1 if it fails).

    Two years of generated articles with planted blocs, a cooperation-to-conflict turn and a
    speculative burst go through the real coder and store; prints the recovery figures.

    Example:
        geopol eval scenario --seed 7
    """
    import tempfile

    from geopol.pipeline import code_articles
    from geopol.scenario import generate, recovery
    from geopol.scenario import write_jsonl as write
    from geopol.store import Store

    sc = generate(seed=seed)
    if write_jsonl:
        typer.echo(f"{len(sc.articles)} articles: {write(sc, write_jsonl)}")
        return
    with tempfile.TemporaryDirectory() as tmp, \
            Store.open(db or Path(tmp) / "scenario.duckdb") as store:
        store.add(code_articles(sc.articles, model=model))
        result = recovery(store.con, sc)
    _dump(result)
    if not result["passed"]:
        raise typer.Exit(1)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    eval_app.command("scenario")(scenario_cmd)
    app.command("series")(series_cmd)
    app.command("blocs")(blocs_cmd)
    app.command("shifts")(shifts_cmd)
    app.command("alerts")(alerts_cmd)
    app.command("brief")(brief_cmd)
    app.command("report")(report_cmd)
