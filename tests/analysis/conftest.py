"""Fixtures for the relation analysis tests: real DuckDB stores filled through ``Store.add``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from analysis_fixtures import open_store

from geopol.scenario import Scenario, generate, gold_coded
from geopol.store import Store


@pytest.fixture(scope="session")
def scenario() -> Scenario:
    return generate(seed=7)


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory: pytest.TempPathFactory, scenario: Scenario) -> Iterator[Store]:
    """The scenario's gold events (what a perfect coder returns), stored."""
    store = open_store(tmp_path_factory.mktemp("gold") / "gold.duckdb", gold_coded(scenario))
    yield store
    store.close()
