"""Documentation keeps up with the code: every command documented with an example."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main

from geopol.cli.app import app

REPO = Path(__file__).resolve().parents[1]


def _commands() -> list[tuple[str, object]]:
    root = typer.main.get_command(app)
    out = []
    for name, cmd in root.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            out.extend((f"{name} {sub}", c) for sub, c in cmd.commands.items())
        else:
            out.append((name, cmd))
    return out


def test_every_command_has_an_example() -> None:
    missing = [name for name, cmd in _commands() if "Example:" not in (getattr(cmd, "help", "") or "")]
    assert not missing, f"commands without an Example: {missing}"


def test_cli_reference_is_current() -> None:
    r = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert r.returncode == 0, r.stderr


def test_readme_shows_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


# --- every example in docs/cli.md and docs/python-api.md runs --------------------------------

#: Examples not run here, each with why (and where they are exercised instead).
NOT_RUN: dict[str, str] = {
    "geopol watch": "polls feeds over the network until stopped (tests/ingest runs it on a "
    "local server)",
    "geopol serve": "a server that runs until stopped (tests/api and tests/web run it)",
    "geopol eval plv": "codes 1,000s of labelled sentences from ../shared: minutes",
    "geopol eval petrarch": "codes the PETRARCH validation set from ../shared: minutes",
    "geopol eval geo": "resolves TR-News from ../shared: minutes",
    "geopol eval acled": "codes 200 ACLED notes from ../shared: minutes",
    "geopol eval scenario": "codes the whole scenario corpus (30 s); tests/analysis/"
    "test_analysis_cli.py runs the same command",
}


def _cli_examples() -> list[str]:
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    return re.findall(r"^    (geopol .+)$", text, re.M)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with what the examples name: samples/, news/, corpus.jsonl, archive.jsonl,
    article.txt, alerts.yaml, my-triggers.yaml, my-cues.yaml, a store as events.duckdb, geopol.duckdb and $GEOPOL_DB, and
    ../shared beside it."""
    root = tmp_path_factory.mktemp("docs")
    work = root / "work"
    shutil.copytree(REPO / "samples", work / "samples")
    shutil.copytree(REPO / "samples" / "articles", work / "news")
    record = {"title": "Talks in Beijing", "body": "Russia and China held talks in Beijing.",
              "published": "2024-03-18"}
    for name in ("corpus.jsonl", "archive.jsonl"):
        (work / name).write_text(json.dumps(record) + "\n", encoding="utf-8")
    shutil.copy(REPO / "samples" / "articles" / "01-prk-rus-summit.txt", work / "article.txt")
    shutil.copy(REPO / "src" / "geopol" / "data" / "analysis" / "alerts-example.yaml",
                work / "alerts.yaml")
    # the user data files of `--triggers FILE` and `--factuality FILE` (docs/stages/events.md)
    (work / "my-triggers.yaml").write_text(
        "entries:\n  - type: COERCE\n    mode: restrict\n    verbs: [snub]\n", encoding="utf-8"
    )
    (work / "my-cues.yaml").write_text("adverbs:\n  speculated: [arguably]\n", encoding="utf-8")
    shared = REPO.parent / "shared"
    if shared.exists():
        (root / "shared").symlink_to(shared)
    assert _run(work, ["ingest", "samples/articles", "--db", "events.duckdb", "-q"]) == 0
    shutil.copy(work / "events.duckdb", work / "geopol.duckdb")
    return work


def _run(cwd: Path, args: list[str]) -> int:
    from geopol.cli.app import main

    before = os.getcwd()
    os.chdir(cwd)
    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        os.chdir(before)
    return 0


def test_not_run_examples_exist() -> None:
    examples = _cli_examples()
    for prefix in NOT_RUN:
        assert any(e.startswith(prefix + " ") for e in examples), prefix


@pytest.mark.parametrize("example", [e for e in _cli_examples()
                                     if not any(e.startswith(p + " ") or e == p for p in NOT_RUN)])
def test_cli_example_runs(example: str, sandbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOPOL_DB", str(sandbox / "events.duckdb"))
    args = shlex.split(example)[1:]
    if "../shared/" in example and not (sandbox.parent / "shared").exists():
        pytest.skip("needs ../shared")
    assert _run(sandbox, args) == 0, example


def test_python_api_examples_run(sandbox: Path, tmp_path: Path) -> None:
    text = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, re.S)
    assert len(blocks) >= 4
    work = tmp_path / "api"
    shutil.copytree(sandbox / "samples", work / "samples")
    before = os.getcwd()
    os.chdir(work)
    try:
        for i, block in enumerate(blocks):
            exec(compile(block, f"docs/python-api.md block {i + 1}", "exec"), {})
    finally:
        os.chdir(before)
