"""A few seconds of each atheris harness in fuzz/: no crash, no hang, inputs were tried.

The long run is ``scripts/fuzz.sh``; its figures are in docs/reliability.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FUZZ = ROOT / "fuzz"
HARNESSES = sorted(p.stem.removeprefix("fuzz_") for p in FUZZ.glob("fuzz_*.py"))
SECONDS = {"code": 8}  # the coder's harness loads spaCy first


def test_every_target_has_a_harness() -> None:
    assert {"text", "html", "feed", "opml", "dates", "dictionary", "code", "rows",
            "links"} <= set(HARNESSES)


@pytest.mark.parametrize("target", HARNESSES)
def test_harness_runs_clean(target: str, tmp_path: Path) -> None:
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    seeds = [str(FUZZ / "corpus" / target)] if (FUZZ / "corpus" / target).is_dir() else []
    seconds = SECONDS.get(target, 2)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    done = subprocess.run(
        [sys.executable, str(FUZZ / f"fuzz_{target}.py"), f"-max_total_time={seconds}",
         "-timeout=30", f"-artifact_prefix={tmp_path}/", str(corpus), *seeds],
        capture_output=True, text=True, timeout=seconds + 120, cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    runs = re.search(r"Done (\d+) runs", done.stderr)
    assert runs and int(runs.group(1)) > 0, done.stderr[-3000:]
