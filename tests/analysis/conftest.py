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


@pytest.fixture(scope="session")
def coded_store(tmp_path_factory: pytest.TempPathFactory, scenario: Scenario) -> Iterator[Store]:
    """The scenario's articles through the real coder, stored: the end-to-end path."""
    from geopol.pipeline import code, code_articles

    probe = "World news\nJapanese forces shelled South Korean positions on Monday."
    if not code(probe, published="2024-03-05"):
        pytest.skip("the coder finds no event in a plain scenario sentence yet")
    store = Store.open(tmp_path_factory.mktemp("coded") / "coded.duckdb")
    store.add(code_articles(scenario.articles))
    yield store
    store.close()
