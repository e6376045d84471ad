"""Coding large corpora: inputs cut into batches, run on a pool or Dask, written to a Parquet lake.

See docs/scale.md. The command is ``geopol code-corpus``; the library call is ``run_corpus``.
"""

from __future__ import annotations

from geopol.scale.engines import RunSummary, run_corpus
from geopol.scale.lake import Lake, glob

__all__ = ["Lake", "RunSummary", "glob", "run_corpus"]
