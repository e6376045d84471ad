"""Fixtures for the scale-out tests: the small corpus and one Dask LocalCluster per module."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import distributed
import pytest

CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of the test corpus (12 articles, one empty file, one README)."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    """A real two-worker LocalCluster (separate processes, one thread each)."""
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    dist: Any = distributed  # untyped library
    cluster = dist.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = dist.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()
