"""The whole ``geopol code`` process against a bare spaCy process, in one run.

    python benchmarks/bench_code_process.py [BBC_DIR] [--limit 400] [--repeat 2]

The issue's measure of speed: ``geopol code`` run as a command (start-up, reading, coding,
writing JSON lines) on ``--limit`` BBC politics and business articles, next to a bare process
that loads the same spaCy model with only ``tok2vec``, ``parser`` and ``ner`` and runs
``nlp.pipe`` over the same texts. The two processes alternate ``--repeat`` times, so a busy
machine slows both alike; the median wall time of each is compared. Peak resident memory is
read per child process from ``wait4``, and so is its CPU time (user + system): on a machine
shared with other work the CPU ratio is the steadier of the two.

``--bytecode DIR`` runs both processes with Python's compiled-module cache in ``DIR`` (after
one untimed run of each, which fills it), as an installed package has it; without it the
environment decides (with ``PYTHONDONTWRITEBYTECODE`` set, an editable checkout's modules
are compiled again by every process, while spaCy's installed ones are not).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "bbc-news"

BARE = """
import sys
from pathlib import Path
import spacy
from geopol.nlp import model_name
nlp = spacy.load(model_name(), exclude=[p for p in ("tagger", "attribute_ruler", "lemmatizer",
                                                    "senter") ])
nlp.max_length = 2_000_000
texts = []
for f in sorted(Path(sys.argv[1]).glob("*.txt")):
    title, _, body = f.read_text(encoding="utf-8", errors="replace").strip().partition("\\n")
    texts.append(title.strip() + "\\n\\n" + body.strip())
n = sum(len(doc) for doc in nlp.pipe(texts, batch_size=16))
print(",".join(nlp.pipe_names), n)
"""


def pick(root: Path, limit: int) -> list[Path]:
    files = sorted((root / "politics").glob("*.txt")) + sorted((root / "business").glob("*.txt"))
    step = max(1, len(files) // limit)
    return files[::step][:limit]


def run(cmd: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS in MB, CPU seconds and stdout's last line of one child process."""
    with tempfile.TemporaryFile() as out:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t
        if status != 0:
            raise SystemExit(f"{cmd[:3]} failed with status {status}")
        out.seek(0)
        lines = out.read().decode().strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return wall, usage.ru_maxrss / 1024, cpu, (lines[-1] if lines else "")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--bytecode", type=Path, default=None,
                    help="keep compiled modules in this folder (one untimed run of each first)")
    args = ap.parse_args()
    env = None
    if args.bytecode is not None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(args.bytecode.resolve())
    if not (args.corpus / "politics").is_dir():
        print(f"skipped: {args.corpus} is not present", file=sys.stderr)
        return 0
    geopol = shutil.which("geopol", path=str(Path(sys.executable).parent)) or "geopol"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "articles"
        work.mkdir()
        files = pick(args.corpus, args.limit)
        for f in files:
            shutil.copy(f, work / f"{f.parent.name}-{f.name}")
        bare_s, ours_s, bare_mb, ours_mb = [], [], [], []
        bare_cpu, ours_cpu = [], []
        events = 0
        if env is not None:  # fill the bytecode cache
            run([sys.executable, "-c", BARE, str(work)], env)
            with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
                run([geopol, "-q", "code", str(work), "-o", out.name], env)
        for _ in range(args.repeat):
            w, mb, cpu, _line = run([sys.executable, "-c", BARE, str(work)], env)
            bare_s.append(w)
            bare_cpu.append(cpu)
            bare_mb.append(mb)
            with tempfile.NamedTemporaryFile(suffix=".jsonl") as out:
                w, mb, cpu, _line = run([geopol, "-q", "code", str(work), "-o", out.name], env)
                ours_cpu.append(cpu)
                events = len(Path(out.name).read_text(encoding="utf-8").splitlines())
            ours_s.append(w)
            ours_mb.append(mb)
    bare, ours = statistics.median(bare_s), statistics.median(ours_s)
    print(f"corpus: {args.corpus} politics+business, {len(files)} articles, repeat {args.repeat}"
          + (f", compiled modules kept in {args.bytecode}" if env is not None else ""))
    print(f"bare process (tok2vec, parser, ner): {bare:6.1f} s median {bare_s}  peak {max(bare_mb):.0f} MB")
    print(f"geopol code process:                 {ours:6.1f} s median {ours_s}  peak {max(ours_mb):.0f} MB")
    bc, oc = statistics.median(bare_cpu), statistics.median(ours_cpu)
    print(f"ratio geopol/bare speed: {bare / ours:.3f}   events written: {events}")
    print(f"CPU seconds (user+system), median: bare {bc:.1f} {bare_cpu}, geopol {oc:.1f}"
          f" {ours_cpu}; CPU ratio {bc / oc:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
