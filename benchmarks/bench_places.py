"""Geolocation overhead: ``nlp.pipe`` alone vs ``nlp.pipe`` + place finding, one process.

Usage:
    python benchmarks/bench_places.py [BBC_DIR] [--limit N]

Prints articles, seconds for each run, the ratio, toponyms found, the gazetteer's open time
and the process's peak memory, and the CPU seconds of parsing and of place finding (on a
shared machine their ratio is steadier than the wall-clock one). The gazetteer index is
built (if needed) before timing.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    default = Path(os.environ.get("GEOPOL_SHARED", "/work/shared")) / "eval" / "bbc-news"
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("bbc", nargs="?", type=Path, default=default)
    ap.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)
    if not args.bbc.is_dir():
        print(f"BBC news folder not found: {args.bbc}", file=sys.stderr)
        return 2

    from geopol.nlp import load
    from geopol.pipeline import prepare
    from geopol.places import find_places_for
    from geopol.places.build import ensure_index
    from geopol.places.gazetteer import Gazetteer
    from geopol.text.reader import read_text_file

    ensure_index()
    t = time.perf_counter()
    Gazetteer(ensure_index())
    open_s = time.perf_counter() - t

    files = sorted(p for p in args.bbc.rglob("*.txt"))
    if args.limit:
        files = files[: args.limit]
    prepared = []
    for f in files:
        try:
            article = read_text_file(f)
        except Exception:  # the benchmark skips what the coder would skip
            continue
        prepared.append(prepare(article))
    nlp = load()
    list(nlp.pipe(["Warm-up text in Paris."]))

    t, c = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe((p[0] for p in prepared), batch_size=args.batch_size):
        pass
    parse_s = time.perf_counter() - t
    parse_cpu = time.process_time() - c

    toponyms = 0
    places_s = 0.0
    places_cpu = 0.0
    t = time.perf_counter()
    docs = nlp.pipe((p[0] for p in prepared), batch_size=args.batch_size)
    for doc, (_text, _whole, place) in zip(docs, prepared, strict=True):
        t0, c0 = time.perf_counter(), time.process_time()
        found, _ = find_places_for(doc, [], place)
        places_s += time.perf_counter() - t0
        places_cpu += time.process_time() - c0
        toponyms += len(found)
    both_s = time.perf_counter() - t

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles:                  {len(prepared)}")
    print(f"nlp.pipe alone:            {parse_s:.1f} s")
    print(f"nlp.pipe + places:         {both_s:.1f} s  (ratio {both_s / parse_s:.3f})")
    share = 100 * places_s / parse_s
    print(f"place finding alone:       {places_s:.2f} s  ({share:.1f}% of parsing)")
    print(f"CPU seconds: parsing {parse_cpu:.2f}, place finding {places_cpu:.2f}"
          f" ({100 * places_cpu / parse_cpu:.1f}% of parsing; steadier on a shared machine)")
    print(f"toponyms:                  {toponyms}")
    print(f"gazetteer open:            {1000 * open_s:.0f} ms")
    print(f"peak RSS:                  {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
