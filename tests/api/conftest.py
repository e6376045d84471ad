"""Fixtures for the API tests: a store of invented articles served by real uvicorn processes."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import liveserver
import storedata
from liveserver import ORIGIN, TOKEN


@pytest.fixture(scope="session")
def api_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return storedata.build_store(tmp_path_factory.mktemp("api-store") / "events.duckdb")


@pytest.fixture(scope="session")
def api_read(api_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server without a token (read-only store), CORS allowed for one origin."""
    copy = tmp_path_factory.mktemp("api-read") / "events.duckdb"
    shutil.copy(api_store, copy)
    with liveserver.serve(copy, "--cors", ORIGIN) as base:
        yield base


@pytest.fixture(scope="session")
def api_write(api_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with a token: write endpoints enabled."""
    copy = tmp_path_factory.mktemp("api-write") / "events.duckdb"
    shutil.copy(api_store, copy)
    with liveserver.serve(copy, "--token", TOKEN) as base:
        yield base
