from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from geopol.cli.app import app
from geopol.scenario import Scenario
from geopol.store import Store

runner = CliRunner()


def _db(store: Store) -> str:
    return str(store.path)


def test_series_blocs_shifts(gold_store: Store, scenario: Scenario) -> None:
    db = _db(gold_store)
    gold_store.release()  # let the command open the file
    res = runner.invoke(app, ["series", "PRK", "RUS", "--freq", "month", "--format", "json",
                              "--db", db, "--since", "2024-10-01", "--until", "2024-10-31"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert len(rows) == 1 and rows[0]["aid"] > 0
    res = runner.invoke(app, ["blocs", "--db", db, "--json"])
    assert res.exit_code == 0, res.output
    blocs = json.loads(res.stdout)["blocs"]
    assert sorted(map(sorted, blocs)) == sorted(
        sorted(c for c, b in scenario.truth.blocs.items() if b == k) for k in (0, 1))
    end = scenario.truth.burst[3].isoformat()
    raw = runner.invoke(app, ["shifts", "--db", db, "--until", end, "--raw"])
    weighted = runner.invoke(app, ["shifts", "--db", db, "--until", end])
    assert "PRK-RUS" in raw.stdout and "PRK-RUS" not in weighted.stdout
    turn = runner.invoke(app, ["series", "JPN", "KOR", "--freq", "month", "--change-points",
                               "--db", db])
    assert turn.exit_code == 0, turn.output
    assert "change point 2024-03-" in turn.stdout
    bad = runner.invoke(app, ["series", "PRK", "RUS", "--freq", "fortnight", "--db", db])
    assert bad.exit_code != 0


def test_alerts_report_brief(gold_store: Store, tmp_path: Path, scenario: Scenario) -> None:
    db = _db(gold_store)
    gold_store.release()
    rules = tmp_path / "rules.yaml"
    rules.write_text("rules:\n  - name: fighting\n    dyad: [JPN, KOR]\n    types: [ASSAULT]\n"
                     "    threshold: 1\n    window_days: 30\n")
    res = runner.invoke(app, ["alerts", "--rules", str(rules), "--db", db, "--json",
                              "--until", "2024-06-30", "--jsonl", str(tmp_path / "a.jsonl")])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)[0]["rule"] == "fighting"
    assert (tmp_path / "a.jsonl").read_text().count("\n") == 1
    missing = runner.invoke(app, ["alerts", "--rules", str(tmp_path / "none.yaml"), "--db", db])
    assert missing.exit_code != 0
    out = tmp_path / "rep"
    res = runner.invoke(app, ["report", "--since", "2024-03-01", "--until", "2024-03-31",
                              "--out", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    assert (out / "report.md").is_file() and (out / "report.html").is_file()
    article = scenario.articles[0]
    res = runner.invoke(app, ["brief", article.id, "--db", db])
    assert res.exit_code == 0, res.output
    assert "## Who did what to whom" in res.stdout and "## What it changes" in res.stdout


def test_eval_scenario_writes_jsonl(tmp_path: Path, scenario: Scenario) -> None:
    out = tmp_path / "s.jsonl"
    res = runner.invoke(app, ["eval", "scenario", "--write-jsonl", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text().count("\n") == len(scenario.articles)
