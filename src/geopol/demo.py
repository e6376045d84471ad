"""``make demo``: code the bundled sample articles into the store and print what was found."""

from __future__ import annotations

from pathlib import Path

import typer

from geopol.fixtures import sample_articles
from geopol.ingest.run import default_coder, ingest
from geopol.store import Store, default_path


def run_demo(db: Path | None = None) -> None:
    path = Path(db) if db else default_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    articles = sample_articles()
    typer.echo(f"Coding {len(articles)} sample articles into {path} ...", err=True)
    with Store.open(path) as store:
        stats = ingest(articles, store, coder=default_coder(None))
        con = store.con
        n_articles, n_events = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
        ).fetchone() or (0, 0)
        by_type = con.execute(
            "SELECT type, count(*) n FROM events GROUP BY type ORDER BY n DESC, type"
        ).fetchall()
        dyads = con.execute(
            """SELECT d.source_country, d.target_country, count(*) n,
                      sum(CASE WHEN quad IN (1, 2) THEN 1 ELSE 0 END) coop,
                      sum(CASE WHEN quad IN (3, 4) THEN 1 ELSE 0 END) conflict
               FROM event_dyads d JOIN events e USING (event_id)
               WHERE d.target_country IS NOT NULL
               GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT 8"""
        ).fetchall()
        facts = con.execute(
            "SELECT factuality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        stated = con.execute(
            "SELECT members, against, factuality FROM alignments ORDER BY alignment_id LIMIT 4"
        ).fetchall()
    typer.echo("")
    typer.echo(f"geopol demo: {stats.added} new articles ({n_articles} in the store), {n_events} events")
    typer.echo("")
    typer.echo("Events by PLOVER type: " + ", ".join(f"{t} {n}" for t, n in by_type))
    typer.echo("Factuality:            " + ", ".join(f"{f} {n}" for f, n in facts))
    typer.echo("")
    typer.echo("Busiest dyads (cooperation / conflict):")
    for s, t, n, coop, conflict in dyads:
        plural = "event" if n == 1 else "events"
        typer.echo(f"  {s} -> {t}: {n} {plural} ({coop} cooperative, {conflict} conflictual)")
    if stated:
        typer.echo("")
        typer.echo("Alignments the articles state:")
        for members, against, fact in stated:
            vs = f" vs {', '.join(against)}" if against else ""
            typer.echo(f"  {', '.join(members)}{vs} [{fact}]")
    typer.echo("")
    typer.echo("Where to look next:")
    typer.echo(f"  .venv/bin/geopol events --db {path} --dyad PRK,RUS --format table")
    typer.echo(f"  .venv/bin/geopol brief samples/articles/01-prk-rus-summit.txt --db {path}")
    typer.echo(f"  .venv/bin/geopol blocs --db {path}")
    typer.echo(f"  .venv/bin/geopol serve --db {path}   # dashboard and REST API on http://127.0.0.1:8000")
    typer.echo("  docs/: README.md, docs/cli.md, docs/event-model.md")
