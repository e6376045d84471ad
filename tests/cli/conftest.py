"""The demo store (the bundled samples ingested once per session), shared by the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from geopol_testkit import run_cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "articles"



@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Read only: tests must not write to it."""
    db = tmp_path_factory.mktemp("cli") / "s.duckdb"
    assert run_cli(["ingest", str(SAMPLES), "--db", str(db), "--quiet"]) == 0
    return db
