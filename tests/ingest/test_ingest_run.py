"""The ingest loop with the real coder: counts, skipping known articles, a failing article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from geopol.ingest.run import IngestStats, ingest
from geopol.ingest.sources import Skipped, iter_inputs
from geopol.pipeline import code_articles
from geopol.records import Article, CodedArticle
from geopol.store import Store

TEXTS = [
    "Russia and China hold talks\nRussian and Chinese officials held talks in Beijing on "
    "Monday on energy trade, the two governments said.",
    "Germany pledges aid\nGermany will send two more air defence systems to Ukraine, the "
    "chancellor said on Thursday.",
    "Yemen appeals for food aid\nYemen's government appealed on Sunday to Saudi Arabia for "
    "emergency food aid after wheat prices doubled.",
]


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i, text in enumerate(TEXTS):
        (folder / f"{i}.txt").write_text(text)
    (folder / "bad.txt").write_bytes(b"\x00\x01" * 50)
    return folder


def test_ingest_counts_and_skips_known(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    skips: list[Skipped] = []
    progress: list[int] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest(iter_inputs([folder]), store, chunk=2, on_skip=skips.append,
                       on_progress=lambda s: progress.append(s.read))
        assert (first.read, first.added, first.known, first.skipped) == (3, 3, 0, 1)
        assert [Path(s.where).name for s in skips] == ["bad.txt"]
        assert progress == [2, 3]
        assert first.events == store.counts()["events"]
        second = ingest(iter_inputs([folder, folder]), store)
        assert (second.read, second.added, second.known) == (6, 0, 6)


def test_an_article_the_coder_fails_on_is_skipped(tmp_path: Path) -> None:
    folder = corpus(tmp_path)

    def fragile(articles: Iterable[Article]) -> Iterator[CodedArticle]:
        batch = list(articles)
        if any("Yemen" in a.title for a in batch):
            raise RuntimeError("coder bug")
        return code_articles(batch)

    skips: list[Skipped] = []
    with Store.open(tmp_path / "s.duckdb") as store:
        stats: IngestStats = ingest(iter_inputs([folder]), store, coder=fragile,
                                    on_skip=skips.append)
        assert (stats.added, stats.skipped) == (2, 2)
        assert "coder failed" in skips[-1].reason
        titles = {r[0] for r in store.con.execute("SELECT title FROM articles").fetchall()}
        assert titles == {"Russia and China hold talks", "Germany pledges aid"}
