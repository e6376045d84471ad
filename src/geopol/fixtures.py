"""The sample store: ``samples/articles/`` coded into a DuckDB file, for demos and tests.

Run ``python -m geopol.fixtures PATH`` (``make demo`` does) to (re)build it. The samples live
in the source checkout, not in the installed package; ``GEOPOL_SAMPLES`` points elsewhere.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from geopol.errors import GeopolError
from geopol.ingest.run import IngestStats, default_coder, ingest
from geopol.ingest.sources import iter_inputs
from geopol.records import Article
from geopol.store import Store


def samples_dir() -> Path:
    env = os.environ.get("GEOPOL_SAMPLES")
    path = Path(env) if env else Path(__file__).resolve().parents[2] / "samples" / "articles"
    if not path.is_dir():
        raise GeopolError(f"{path}: sample articles not found (set GEOPOL_SAMPLES)")
    return path


def sample_articles() -> list[Article]:
    """The sample articles with their dates, URLs and sources from ``index.csv``."""
    return [a for a in iter_inputs([samples_dir()]) if isinstance(a, Article)]


def build_sample_store(
    path: str | Path, *, model: str | None = None, fresh: bool = True
) -> IngestStats:
    """Code the samples into the store at ``path`` (replacing it when ``fresh``)."""
    p = Path(path)
    if fresh:
        for f in (p, p.with_name(p.name + ".wal")):
            f.unlink(missing_ok=True)
    with Store.open(p) as store:
        return ingest(sample_articles(), store, coder=default_coder(model))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", help="database file to (re)build")
    parser.add_argument("--model", default=None)
    parser.add_argument("--keep", action="store_true", help="add to an existing file")
    args = parser.parse_args(argv)
    try:
        stats = build_sample_store(args.path, model=args.model, fresh=not args.keep)
    except GeopolError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"{args.path}: {stats.added} articles, {stats.events} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
