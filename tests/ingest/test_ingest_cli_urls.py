"""geopol ingest URL and geopol watch through the CLI against the local server."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_http import Route, Server, page, rss

from geopol.store import Store
from geopol_testkit import run_cli

TALKS = ["Russian and Chinese officials held talks in Beijing on Monday on energy trade.",
         "The two foreign ministers agreed to expand cooperation on gas pipelines, officials "
         "said after the meeting ended."]



def test_ingest_url_needs_allow_private_for_loopback(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/p1"] = Route(body=page("Russia and China hold talks", TALKS))
    db = tmp_path / "u.duckdb"
    # The refused URL is a skipped input: exit status 1, as docs/cli.md says (issue 19).
    assert run_cli(["ingest", server.url("/p1"), "--db", str(db)]) == 1
    assert "private" in capsys.readouterr().err and server.hits("/p1") == 0
    assert run_cli(["ingest", server.url("/p1"), "--db", str(db), "--allow-private"]) == 0
    assert "1 added" in capsys.readouterr().err
    with Store.open(db, read_only=True) as store:
        (row,) = store.con.execute("SELECT title, url, published FROM articles").fetchall()
        assert row[0] == "Russia and China hold talks" and row[1] == server.url("/p1")


def test_watch_command_runs_cycles(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.routes["/p1"] = Route(body=page("Russia and China hold talks", TALKS))
    server.routes["/rss"] = Route(body=rss([("Russia and China hold talks", server.url("/p1"),
                                             "Talks.")]), content_type="application/rss+xml")
    db = tmp_path / "w.duckdb"
    assert run_cli(["watch", server.url("/rss"), "--db", str(db), "--every", "0.1",
                    "--cycles", "2", "--allow-private", "--quiet"]) == 0
    lines = [x for x in capsys.readouterr().err.splitlines() if x.startswith("watch: cycle")]
    assert len(lines) == 2
    assert "1 articles" in lines[0] and "0 new entries" in lines[1]
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 1
