"""Throughput of ``geopol code-corpus`` engines on a folder of articles, in one run.

Codes the same articles with the single-process engine, a local pool of N processes and Dask
with N workers (a LocalCluster), each into a fresh lake; prints articles/s, the scaling
efficiency (rate / (N x single rate)) and the capacity plan those rates imply. Startup (pool
or cluster start, pipeline and data loading) is timed apart from coding.

On a machine shared with other work, wall-clock rates measure the neighbours as much as the
engines, so CPU time is measured too: CPU seconds per article (worker tasks plus the driver,
which hosts a LocalCluster's scheduler) and the CPU efficiency, single's CPU s/article over the
engine's. The CPU-time capacity plan is what dedicated cores would deliver.

Usage:
    .venv/bin/python benchmarks/bench_scale.py                      # all of bbc-news
    .venv/bin/python benchmarks/bench_scale.py --limit 400          # a spread-out subset
    .venv/bin/python benchmarks/bench_scale.py --corpus DIR --workers 4 --engines single,dask

The corpus defaults to $GEOPOL_SHARED/eval/bbc-news (GEOPOL_SHARED defaults to /work/shared).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_name, "1")

from geopol.scale.engines import RunSummary, run_corpus  # noqa: E402

GDELT_PER_DAY = 730_000
BACKFILL = 250_000_000
NODES, CORES = 100, 32


def corpus_files(folder: Path, limit: int | None) -> list[str]:
    """The corpus's .txt files, sorted; with ``limit``, every k-th one so all topics appear."""
    files = sorted(str(p) for p in folder.rglob("*.txt"))
    if limit and limit < len(files):
        step = len(files) / limit
        files = [files[int(i * step)] for i in range(limit)]
    return files


def capacity(rate_per_core: float, efficiency: float) -> dict[str, float]:
    """Cores to keep up with GDELT and hours to backfill, at a measured per-core rate."""
    effective = rate_per_core * efficiency
    return {
        "rate_per_core": round(rate_per_core, 3),
        "efficiency_assumed": round(efficiency, 3),
        "gdelt_cores": round(GDELT_PER_DAY / 86_400 / effective, 1),
        "backfill_hours_100x32": round(BACKFILL / (NODES * CORES * effective) / 3600, 1),
    }


def main(argv: list[str] | None = None) -> int:
    shared = Path(os.environ.get("GEOPOL_SHARED", "/work/shared"))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=shared / "eval" / "bbc-news")
    parser.add_argument("--limit", type=int, default=None, help="code only this many articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--engines", default="single,local,dask")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(
            f"corpus not found: {args.corpus} (set GEOPOL_SHARED or pass --corpus)", file=sys.stderr
        )
        return 2
    files = corpus_files(args.corpus, args.limit)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    load_before = os.getloadavg()
    print(
        f"{len(files)} files from {args.corpus}; {args.workers} workers; batch size "
        f"{args.batch_size}; {os.cpu_count()} CPUs; load average {load_before[0]:.2f}",
        file=sys.stderr,
    )
    results: dict[str, RunSummary] = {}
    with tempfile.TemporaryDirectory(prefix="geopol-bench-scale-") as tmp:
        for engine in engines:
            summary = run_corpus(
                files,
                f"{tmp}/{engine}",
                engine=engine,
                workers=args.workers,
                batch_size=args.batch_size,
            )
            results[engine] = summary
            print(
                f"  {engine}: {summary.articles} articles in {summary.coding_s:.1f} s "
                f"(+{summary.startup_s:.1f} s startup), load {os.getloadavg()[0]:.2f}",
                file=sys.stderr,
            )
    base = results.get("single")
    rows: list[dict[str, Any]] = []
    for engine, s in results.items():
        eff = cpu_eff = None
        if base and base.articles_per_s:
            eff = s.articles_per_s / (s.workers * base.articles_per_s)
        if base and s.cpu_s_per_article:
            cpu_eff = base.cpu_s_per_article / s.cpu_s_per_article
        rows.append(
            {
                "engine": engine,
                "workers": s.workers,
                "articles": s.articles,
                "events": s.events,
                "skipped": s.skipped,
                "startup_s": round(s.startup_s, 2),
                "coding_s": round(s.coding_s, 2),
                "articles_per_s": round(s.articles_per_s, 2),
                "efficiency": round(eff, 3) if eff is not None else None,
                "cpu_s_per_article": round(s.cpu_s_per_article, 4),
                "cpu_efficiency": round(cpu_eff, 3) if cpu_eff is not None else None,
            }
        )
    plans = {}
    dask = next((r for r in rows if r["engine"] == "dask"), None)
    if base and base.articles_per_s:
        wall_eff = dask["efficiency"] if dask and dask["efficiency"] else 1.0
        plans["wall"] = capacity(base.articles_per_s, min(1.0, wall_eff))
    if base and base.cpu_s_per_article:
        cpu_eff = dask["cpu_efficiency"] if dask and dask["cpu_efficiency"] else 1.0
        plans["cpu"] = capacity(1 / base.cpu_s_per_article, min(1.0, cpu_eff))
    out = {
        "files": len(files),
        "corpus": str(args.corpus),
        "cpus": os.cpu_count(),
        "load_average_before": round(load_before[0], 2),
        "load_average_after": round(os.getloadavg()[0], 2),
        "engines": rows,
        "capacity": plans,
    }
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(
        f"{'engine':8} {'workers':>7} {'articles':>8} {'events':>7} {'startup s':>9} "
        f"{'coding s':>9} {'art/s':>7} {'efficiency':>10} {'cpu s/art':>9} {'cpu eff':>7}"
    )
    for r in rows:
        shown = f"{r['efficiency']:.2f}" if r["efficiency"] is not None else "-"
        cpu_shown = f"{r['cpu_efficiency']:.2f}" if r["cpu_efficiency"] is not None else "-"
        print(
            f"{r['engine']:8} {r['workers']:>7} {r['articles']:>8} {r['events']:>7} "
            f"{r['startup_s']:>9.1f} {r['coding_s']:>9.1f} {r['articles_per_s']:>7.2f} "
            f"{shown:>10} {r['cpu_s_per_article']:>9.3f} {cpu_shown:>7}"
        )
    for kind, plan in plans.items():
        what = "wall-clock" if kind == "wall" else "CPU-time (a dedicated core)"
        print(
            f"{what}: per-core rate {plan['rate_per_core']} articles/s, efficiency "
            f"{plan['efficiency_assumed']}: {plan['gdelt_cores']} cores keep up with "
            f"{GDELT_PER_DAY:,} articles/day; {BACKFILL:,} articles take "
            f"{plan['backfill_hours_100x32']} h on {NODES} nodes x {CORES} cores"
        )
    print(
        f"load average before {out['load_average_before']}, after "
        f"{out['load_average_after']} (on {os.cpu_count()} CPUs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
