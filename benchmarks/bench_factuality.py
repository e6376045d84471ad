"""Share of ``geopol code``'s time spent reading factuality, in one run.

    python benchmarks/bench_factuality.py [DIR ...] [--limit 400]

Reads the BBC politics and business sections by default (any folders of ``.txt`` articles
may be named instead) and takes ``--limit`` articles spread evenly over them. Codes the
articles with ``geopol.pipeline.code_articles`` while timing every call of the
factuality reading (``geopol.events.factuality.assess``, as the coder, the derived-event
pass and the alignment pass call it). Prints the total time, the time inside the reading,
and their ratio: what factuality adds to coding.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_code import DEFAULT, read_corpus

from geopol.pipeline import code_articles

#: Modules that call the factuality reading (whichever of them exist in this tree).
CALLERS = (
    "geopol.events.record",
    "geopol.events.extract",
    "geopol.events.derived",
    "geopol.events.passes.derived",
    "geopol.events.alignment",
)

#: The BBC sections the issue names (politics and business).
SECTIONS = ("politics", "business")

_spent = [0.0, 0]


def _timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _spent[0] += time.perf_counter() - t0
            _spent[1] += 1

    return wrapper


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("roots", nargs="*", type=Path, default=[DEFAULT / s for s in SECTIONS])
    ap.add_argument("--limit", type=int, default=400)
    args = ap.parse_args()
    missing = [r for r in args.roots if not r.is_dir()]
    if missing:
        sys.stderr.write(f"skipped: no corpus at {missing[0]}\n")
        return 0
    articles = [a for r in args.roots for a in read_corpus(r, None)]
    step = max(1, len(articles) // args.limit)
    articles = articles[::step][: args.limit]
    for name in CALLERS:
        try:
            mod = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(mod, "assess"):
            mod.assess = _timed(mod.assess)
    list(code_articles(articles[:5]))  # warm the pipeline
    _spent[:] = [0.0, 0]
    t0 = time.perf_counter()
    events = sum(len(c.events) for c in code_articles(articles))
    total = time.perf_counter() - t0
    sys.stdout.write(
        f"articles: {len(articles)}  events: {events}  factuality readings: {_spent[1]}\n"
        f"coding: {total:.1f} s   factuality: {_spent[0]:.2f} s   "
        f"share: {100 * _spent[0] / total:.2f}%\n"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
