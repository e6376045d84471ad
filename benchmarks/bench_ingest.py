"""What storing costs: ``geopol ingest`` throughput next to coding alone, on the same files.

Reads BBC News articles (../shared/eval/bbc-news, or --corpus), codes them once without
storing (what ``geopol code`` does) and once through the ingest loop into a fresh store,
alternating so both see the same machine load, and prints articles/s for each, the share
of ingest time spent outside the coder, and the database size per 1,000 events.

    .venv/bin/python benchmarks/bench_ingest.py [--limit 400] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from geopol.ingest.run import ingest
from geopol.ingest.sources import iter_inputs
from geopol.pipeline import code_articles
from geopol.records import Article, CodedArticle
from geopol.store import Store

DEFAULT = Path(os.environ.get("GEOPOL_SHARED", Path(__file__).resolve().parents[1] / ".." /
                              "shared")) / "eval" / "bbc-news"


class TimedCoder:
    """The real coder, with the seconds spent inside it counted."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        began = time.perf_counter()
        out = list(code_articles(articles))
        self.seconds += time.perf_counter() - began
        return iter(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=400)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: corpus not found (set GEOPOL_SHARED or --corpus)")
    articles = [a for a in iter_inputs([args.corpus]) if isinstance(a, Article)][: args.limit]
    list(code_articles(articles[:8]))  # load the model and dictionaries before timing
    print(f"{len(articles)} articles from {args.corpus}")
    code_s: list[float] = []
    ingest_s: list[float] = []
    inside_s: list[float] = []
    events = 0
    size = 0
    for r in range(args.rounds):
        began = time.perf_counter()
        n_code = sum(len(c.events) for c in code_articles(articles))
        code_s.append(time.perf_counter() - began)
        with tempfile.TemporaryDirectory() as tmp:
            db = Path(tmp) / "bench.duckdb"
            coder = TimedCoder()
            began = time.perf_counter()
            with Store.open(db) as store:
                stats = ingest(articles, store, coder=coder)
            ingest_s.append(time.perf_counter() - began)
            inside_s.append(coder.seconds)
            events, size = stats.events, db.stat().st_size
        print(f"round {r + 1}: code {len(articles) / code_s[-1]:.1f} articles/s "
              f"({n_code} events); ingest {len(articles) / ingest_s[-1]:.1f} articles/s "
              f"({events} events stored)")
    code_rate = len(articles) / min(code_s)
    ingest_rate = len(articles) / min(ingest_s)
    overhead = 1 - sum(inside_s) / sum(ingest_s)
    print(f"best of {args.rounds}: code {code_rate:.1f} articles/s, ingest {ingest_rate:.1f} "
          f"articles/s ({(code_rate / ingest_rate - 1) * 100:+.1f}% time vs coding alone)")
    print(f"share of ingest time outside the coder (reading, hashing, storing): "
          f"{overhead * 100:.1f}%")
    if events:
        print(f"database: {size / 1e6:.2f} MB for {len(articles)} articles (with text) and "
              f"{events} events = {size / 1e6 / (events / 1000):.2f} MB per 1,000 events")


if __name__ == "__main__":
    main()
