from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geopol.records import CodedArticle, Factuality
from geopol.store import Store
from geopol.store.merge import ClusterKey, assign_clusters

MakeCoded = Callable[..., CodedArticle]


def ev(eid: str, day: int, *, typ: str = "CONSULT", src: str | None = "RUS",
       tgt: str | None = "CHN", place: str | None = None) -> dict[str, Any]:
    return {"event_id": eid, "type": typ, "source_country": src, "target_country": tgt,
            "event_date": dt.date(2024, 3, day), "location_id": None, "location_name": place}


def test_same_type_dyad_and_close_dates_merge() -> None:
    assert assign_clusters([ev("a", 10), ev("b", 11), ev("c", 12)]) == ["a", "a", "a"]


def test_far_dates_other_type_or_dyad_or_place_do_not_merge() -> None:
    events = [ev("a", 10), ev("b", 20), ev("c", 10, typ="AID"), ev("d", 10, src="CHN",
              tgt="RUS"), ev("e", 10, place="Beijing"), ev("f", 10, place="Moscow")]
    out = assign_clusters(events)
    # e joins a (a had no place), f has another place than the cluster now knows
    assert out == ["a", "b", "c", "d", "a", "f"]


def test_unattributed_events_stay_alone() -> None:
    assert assign_clusters([ev("a", 10, src=None), ev("b", 10, src=None)]) == ["a", "b"]


def test_existing_candidates_are_joined() -> None:
    old = ClusterKey("old", "CONSULT", "RUS", "CHN", dt.date(2024, 3, 9), None)
    assert assign_clusters([ev("a", 10)], [old]) == ["old"]


def test_store_merges_reports_across_articles(tmp_path: Path, make_coded: MakeCoded) -> None:
    first = make_coded("Russia and China hold talks in Beijing", [("CONSULT", "RUS", "CHN")],
                       source="Example Wire", place="Beijing", place_country="CHN",
                       factuality=Factuality.REPORTED, event_date="2024-03-18")
    second = make_coded("Moscow and Beijing meet", [("CONSULT", "RUS", "CHN")],
                        source="Example Daily", published=dt.date(2024, 3, 19),
                        event_date="2024-03-18")
    third = make_coded("Talks continue in Beijing", [("CONSULT", "RUS", "CHN")],
                       source="Example Wire", published=dt.date(2024, 3, 19),
                       event_date="2024-03-19", place="Beijing", place_country="CHN",
                       factuality=Factuality.SPECULATED)
    elsewhere = make_coded("Russia and China meet in Moscow", [("CONSULT", "RUS", "CHN")],
                           place="Moscow", place_country="RUS", event_date="2024-03-18")
    with Store.open(tmp_path / "s.duckdb") as store:
        store.add([first])
        store.add([second, third, elsewhere])  # later batches join earlier clusters
        rows = store.con.execute(
            "SELECT num_mentions, num_articles, num_sources, strongest_factuality, "
            "first_seen, last_seen, location_name FROM clusters ORDER BY num_articles DESC"
        ).fetchall()
        assert rows == [
            (3, 3, 2, "asserted", dt.date(2024, 3, 18), dt.date(2024, 3, 19), "Beijing"),
            (1, 1, 1, "asserted", dt.date(2024, 3, 18), dt.date(2024, 3, 18), "Moscow"),
        ]
        ev_df = store.events(with_clusters=True)
        merged = ev_df[ev_df["num_articles"] == 3]
        assert len(merged) == 3 and merged["cluster_id"].nunique() == 1
        # each report keeps its own factuality next to the cluster's strongest
        assert sorted(merged["factuality"]) == ["asserted", "reported", "speculated"]
