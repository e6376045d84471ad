"""The sample store through the real coder (spaCy), as ``make demo`` builds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from geopol.fixtures import build_sample_store, sample_articles, samples_dir
from geopol.store import Store


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("samples") / "samples.duckdb"
    build_sample_store(path)
    return path


def test_samples_have_metadata() -> None:
    articles = sample_articles()
    assert len(articles) == len(list(samples_dir().glob("*.txt"))) >= 15
    assert all(a.published and a.url and a.source for a in articles)
    assert len({a.id for a in articles}) == len(articles)


def test_sample_store_is_complete_and_rebuild_adds_nothing(sample_db: Path) -> None:
    with Store.open(sample_db) as store:
        counts = store.counts()
        assert counts["articles"] == len(sample_articles())
        n_events = store.con.execute("SELECT sum(n_events) FROM articles").fetchall()[0][0]
        assert counts["events"] == n_events
        assert counts["clusters"] <= counts["events"]
    stats = build_sample_store(sample_db, fresh=False)
    assert stats.added == 0 and stats.known == len(sample_articles())


def test_sample_store_has_events_once_coder_works(sample_db: Path) -> None:
    """Needs a coder that finds events; the summit sample must give PRK-RUS events."""
    with Store.open(sample_db, read_only=True) as store:
        assert store.counts()["events"] > 0
        assert len(store.events(dyad=("PRK", "RUS"))) > 0
