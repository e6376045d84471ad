from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd

from geopol.formats.rows import DYAD_COLUMNS, EVENT_COLUMNS
from geopol.records import CodedArticle
from geopol.store import Store, lake_events
from geopol.store.schema import ARTICLE_COLUMNS, column_list

MakeCoded = Callable[..., CodedArticle]


def write_lake(src: Path, lake: Path) -> None:
    """A lake in the layout code-corpus writes, made from a store's tables."""
    con = duckdb.connect(str(src), read_only=True)
    ev = column_list(EVENT_COLUMNS)
    con.execute(f"COPY (SELECT {ev} FROM events) TO '{lake / 'events'}' "
                "(FORMAT parquet, PARTITION_BY (event_date))")
    con.execute(f"COPY (SELECT {column_list(DYAD_COLUMNS)} FROM event_dyads) TO "
                f"'{lake / 'dyads'}' (FORMAT parquet, PARTITION_BY (source_country))")
    art = column_list({k: v for k, v in ARTICLE_COLUMNS.items() if k != "body"})
    (lake / "articles").mkdir()
    con.execute(f"COPY (SELECT {art} FROM articles) TO '{lake / 'articles' / 'part-0.parquet'}'"
                " (FORMAT parquet)")
    con.close()


def groups(df: pd.DataFrame) -> set[frozenset[str]]:
    return {frozenset(g["event_id"]) for _, g in df.groupby("cluster_id")}


def test_lake_read_and_import(tmp_path: Path, make_coded: MakeCoded) -> None:
    src = tmp_path / "src.duckdb"
    coded = [make_coded("A", [("CONSULT", "RUS", "CHN")], event_date="2024-03-18"),
             make_coded("B", [("AID", "PRK", "RUS"), ("REQUEST", "RUS", "PRK")]),
             make_coded("C", [("CONSULT", "RUS", "CHN")], event_date="2024-03-19")]
    with Store.open(src) as store:
        store.add(coded)
        expected = store.events().sort_values("event_id")
    lake = tmp_path / "lake"
    lake.mkdir()
    write_lake(src, lake)
    from_lake = lake_events(lake, dyad=("PRK", "RUS"))
    assert sorted(from_lake["type"]) == ["AID", "REQUEST"]

    with Store.open(tmp_path / "dst.duckdb") as dst:
        res = dst.import_lake(lake)
        assert (res.articles_added, res.events_added) == (3, 4)
        got = dst.events().sort_values("event_id")
        assert list(got["event_id"]) == list(expected["event_id"])
        assert groups(got) == groups(expected)  # same merging (ids may name another report)
        assert len(groups(got)) == 3
        assert dst.con.execute("SELECT count(*) FROM clusters").fetchall() == [(3,)]
        again = dst.import_lake(lake)
        assert (again.articles_added, again.articles_skipped, again.events_added) == (0, 3, 0)
        assert dst.counts()["events"] == 4 and dst.counts()["event_dyads"] == 4
