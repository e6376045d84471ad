"""The lake's layout, types and commit protocol, on events built by hand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from geopol.errors import StoreError
from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS
from geopol.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Precision,
    Span,
)
from geopol.scale.lake import ARTICLE_COLUMNS, HIVE_NULL, Lake, glob


def _actor(country: str, sector: str | None = "GOV") -> Actor:
    return Actor(text=country, start=0, end=3, name=country, country=country, sector=sector)


def _event(
    article: Article, start: int, date: str | None, source: list[Actor], target: list[Actor]
) -> Event:
    span = Span(start=start, end=start + 4, text=article.text[start : start + 4])
    return Event(
        type="CONSULT",
        mode="visit",
        contexts=["diplomatic"],
        cameo="042",
        cameo_root="04",
        quad=1,
        goldstein=1.9,
        intensity=1.0,
        factuality=Factuality.ASSERTED,
        source=source,
        target=target,
        date=EventDate(value=date, precision=Precision.DAY, text="Monday") if date else None,
        location=None,
        evidence=Evidence(article_id=article.id, sentence_index=0, sentence=span, trigger=span),
        confidence=0.8,
        article_id=article.id,
        article_title=article.title,
        published=article.published,
        coder_version="test",
    )


def _coded() -> list[CodedArticle]:
    dated = Article(
        title="Talks", body="Russia and China held talks.", published=dt.date(2024, 5, 2)
    )
    undated = Article(title="Visit", body="Kenya hosted Ethiopia and Somalia.")
    return [
        CodedArticle(
            article=dated,
            actors=[],
            places=[],
            alignments=[],
            events=[
                _event(dated, 6, "2024-05-01", [_actor("RUS")], [_actor("CHN")]),
                _event(dated, 12, None, [_actor("CHN")], [_actor("RUS")]),  # -> published date
            ],
        ),
        CodedArticle(
            article=undated,
            actors=[],
            places=[],
            alignments=[],
            events=[
                _event(undated, 6, None, [_actor("KEN")], [_actor("ETH"), _actor("SOM")]),
            ],
        ),
        CodedArticle(
            article=Article(title="Sport", body="A quiet match."),
            actors=[],
            places=[],
            alignments=[],
            events=[],
        ),
    ]


def test_layout_and_types_are_the_store_s(tmp_path: Path) -> None:
    lake = Lake(str(tmp_path / "lake"))
    entry = lake.write_batch("b1", _coded(), {"coder": "test"})
    assert (entry["articles"], entry["events"], entry["dyads"]) == (3, 3, 4)
    assert sorted(lake.parts()) == sorted(
        [
            "articles/part-b1.parquet",
            "dyads/event_date=2024-05-01/part-b1.parquet",
            "dyads/event_date=2024-05-02/part-b1.parquet",
            f"dyads/event_date={HIVE_NULL}/part-b1.parquet",
            "events/event_date=2024-05-01/part-b1.parquet",
            "events/event_date=2024-05-02/part-b1.parquet",
            f"events/event_date={HIVE_NULL}/part-b1.parquet",
        ]
    )
    assert lake.done() == {"b1"} and lake.orphans() == []
    con = duckdb.connect()
    root = str(tmp_path / "lake")
    events = con.sql(
        f"SELECT * FROM read_parquet('{glob(root)}', hive_partitioning = true, "
        "hive_types = {'event_date': DATE})"
    )
    assert set(events.columns) == set(EVENT_COLUMNS)
    types = dict(zip(events.columns, (str(t) for t in events.types), strict=True))
    assert {k: types[k] for k in EVENT_COLUMNS} == EVENT_COLUMNS
    dates = con.sql(
        f"SELECT source_country, event_date FROM read_parquet('{glob(root)}', "
        "hive_partitioning = true, hive_types = {'event_date': DATE}) ORDER BY 1"
    ).fetchall()
    assert dates == [("CHN", dt.date(2024, 5, 2)), ("KEN", None), ("RUS", dt.date(2024, 5, 1))]
    dyads = con.sql(
        f"SELECT * FROM read_parquet('{glob(root, 'dyads')}', hive_partitioning = true)"
    )
    assert set(dyads.columns) == {*DYAD_COLUMNS, "event_date"}
    assert sorted(r[0] for r in dyads.select("target_country").fetchall()) == [
        "CHN",
        "ETH",
        "RUS",
        "SOM",
    ]
    articles = con.sql(f"SELECT * FROM read_parquet('{glob(root, 'articles')}')")
    assert articles.columns == list(ARTICLE_COLUMNS)
    assert sorted(r[0] for r in articles.select("n_events").fetchall()) == [0, 1, 2]


def test_an_uncommitted_batch_is_redone_without_duplicates(tmp_path: Path) -> None:
    lake = Lake(str(tmp_path / "lake"))
    lake.write_batch("b1", _coded(), {})
    (tmp_path / "lake" / "_manifest" / "b1.json").unlink()  # died before its commit
    assert lake.done() == set() and len(lake.orphans()) == 7
    lake.write_batch("b1", _coded(), {})
    assert lake.orphans() == []
    query = f"SELECT count(*) FROM read_parquet('{glob(str(tmp_path / 'lake'))}')"
    assert duckdb.connect().execute(query).fetchall() == [(3,)]
    assert not [p for p in (tmp_path / "lake").rglob("*") if p.name.endswith(".tmp")]


def test_runs_with_other_settings_are_refused(tmp_path: Path) -> None:
    lake = Lake(str(tmp_path / "lake"))
    lake.check_run({"batch_size": 10}, resume=False)
    lake.write_batch("b1", _coded(), {})
    with pytest.raises(StoreError, match="--resume"):
        lake.check_run({"batch_size": 10}, resume=False)
    with pytest.raises(StoreError, match="batch_size"):
        lake.check_run({"batch_size": 20}, resume=True)
    lake.check_run({"batch_size": 10}, resume=True)


def test_object_store_lake(tmp_path: Path) -> None:
    lake = Lake("memory://lake-test")
    lake.write_batch("b9", _coded(), {})
    assert lake.done() == {"b9"} and len(lake.parts()) == 7
    lake.fs.rm("/lake-test", recursive=True)
