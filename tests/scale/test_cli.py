"""``geopol code-corpus`` as a user runs it: a real subprocess, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb

from geopol.scale.lake import glob

ARTICLES = [
    {
        "title": "Chile recalls envoy",
        "published": "2024-02-01",
        "body": "Chile recalled its ambassador to Peru on Thursday after a dispute over fishing.",
    },
    {
        "title": "Norway hosts talks",
        "published": "2024-02-02",
        "body": "Norway hosted talks between Colombia and rebel leaders in Oslo on Friday.",
    },
    {"text": "Canada sends aid\nCanada sent emergency aid to Haiti after the earthquake."},
]


def _geopol(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geopol", "code-corpus", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_code_corpus_writes_resumes_and_refuses_to_duplicate(tmp_path: Path) -> None:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    lake = tmp_path / "lake"
    args = [str(source), "--out", str(lake), "--engine", "single", "--batch-size", "2"]
    first = _geopol(*args, "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert (summary["batches"], summary["articles"], summary["failed"]) == (2, 3, {})
    paths = (
        duckdb.connect()
        .execute(
            f"SELECT path, published FROM read_parquet('{glob(str(lake), 'articles')}') ORDER BY path"
        )
        .fetchall()
    )
    assert [p for p, _ in paths] == [f"{source}:{i}" for i in range(3)]
    assert str(paths[0][1]) == "2024-02-01" and paths[2][1] is None

    again = _geopol(*args)
    assert again.returncode == 1
    assert again.stderr.startswith("Error:") and "--resume" in again.stderr

    resumed = _geopol(*args, "--resume", "--json")
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["resumed"] == 2


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    bad = _geopol(str(tmp_path), "--out", str(tmp_path / "lake"), "--workers", "0")
    assert bad.returncode == 2 and "--workers" in bad.stderr
    missing = _geopol(str(tmp_path / "nothing"), "--out", str(tmp_path / "lake"))
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr
