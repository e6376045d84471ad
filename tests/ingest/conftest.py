"""The ``server`` fixture: a real HTTP server on 127.0.0.1 (see ingest_http)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from ingest_http import Server


@pytest.fixture
def server() -> Iterator[Server]:
    s = Server()
    try:
        yield s
    finally:
        s.close()
