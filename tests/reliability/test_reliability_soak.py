"""A short soak of ``geopol watch`` (benchmarks/soak.py; scripts/soak.sh is the 30-minute one):
open files and threads stay flat, every published article is stored exactly once, SIGTERM
stops it with a message."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_short_soak(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "soak.py"), "--seconds", "30",
         "--publish-every", "2", "--every", "2s", "--db", str(tmp_path / "soak.duckdb")],
        capture_output=True, text=True, timeout=600,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["cycles"] >= 3, result
    assert result["published"] == result["stored"] == result["distinct"], result
    assert result["stopped_message"] and result["tracebacks"] == 0, result
    assert result["fds_last"] <= result["fds_warm"] + 4, result
    assert result["threads_last"] <= result["threads_warm"] + 2, result
    assert result["rss_kb_last"] < 1.5 * result["rss_kb_warm"], result
    assert result["ok"] and done.returncode == 0, result
