from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from analysis_fixtures import coded, open_store

from geopol.analysis.series import dyad_series, periods
from geopol.analysis.weights import load_weights, resolve, weight_sql
from geopol.errors import BadInput


@pytest.fixture()
def con(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "s.duckdb", [
        coded("2024-01-02", [("AID", "RUS", "PRK", "asserted"),
                             ("AID", "RUS", "PRK", "speculated")]),
        coded("2024-01-03", [("ACCUSE", "PRK", "RUS", "reported"),
                             ("CONSULT", "RUS", "CHN", "asserted")]),
        coded("2024-01-17", [("ASSAULT", ["PRK", "CHN"], "KOR", "negated")]),
    ])
    yield store.con
    store.close()


def test_pair_counts_both_directions_raw(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, "PRK", "RUS", freq="week", since="2024-01-01", until="2024-01-21")
    assert list(frame["period"].dt.date) == [dt.date(2024, 1, 1), dt.date(2024, 1, 8),
                                             dt.date(2024, 1, 15)]
    first = frame.iloc[0]
    assert first["events"] == 3
    assert first["material_coop"] == 2 and first["verbal_conflict"] == 1
    assert first["aid"] == 2 and first["accuse"] == 1
    assert first["coop_minus_conflict"] == 1
    assert first["goldstein_mean"] == pytest.approx((7 + 7 - 2) / 3)
    assert frame.iloc[1]["events"] == 0 and frame["intensity_mean"].isna().iloc[1]


def test_weighted_counts_use_factuality(con) -> None:  # type: ignore[no-untyped-def]
    frame = dyad_series(con, "RUS", "PRK", weighted=True, since="2024-01-01", until="2024-01-07")
    row = frame.iloc[0]
    assert row["aid"] == pytest.approx(1.0 + 0.3)
    assert row["accuse"] == pytest.approx(0.8)
    assert row["intensity_mean"] == pytest.approx((10 + 3 - 1.6) / 2.1)
    custom = dyad_series(con, "RUS", "PRK", weighted=True, weights={"speculated": 0.0},
                         since="2024-01-01", until="2024-01-07")
    assert custom.iloc[0]["aid"] == pytest.approx(1.0)


def test_directed_and_one_actor_against_all(con) -> None:  # type: ignore[no-untyped-def]
    directed = dyad_series(con, "RUS", "PRK", directed=True, freq="month")
    assert directed["events"].sum() == 2
    everyone = dyad_series(con, "RUS", None, freq="month")
    assert everyone["events"].sum() == 4  # two aid, the accusation, the consultation
    compound = dyad_series(con, "CHN", "KOR", freq="day")
    assert compound["assault"].sum() == 1
    weighted = dyad_series(con, "CHN", "KOR", freq="day", weighted=True)
    assert weighted["assault"].sum() == 0  # negated events weigh nothing


def test_empty_and_bad_input(con) -> None:  # type: ignore[no-untyped-def]
    assert dyad_series(con, "USA", "FRA").empty
    with pytest.raises(BadInput):
        dyad_series(con, "RUS", "PRK", freq="fortnight")
    with pytest.raises(BadInput):
        dyad_series(con, "RUS", "PRK", since="last year")


def test_periods_month_and_quarter() -> None:
    assert periods(dt.date(2023, 11, 5), dt.date(2024, 2, 1), "month") == [
        dt.date(2023, 11, 1), dt.date(2023, 12, 1), dt.date(2024, 1, 1), dt.date(2024, 2, 1)]
    assert periods(dt.date(2023, 11, 5), dt.date(2024, 4, 1), "quarter") == [
        dt.date(2023, 10, 1), dt.date(2024, 1, 1), dt.date(2024, 4, 1)]


def test_weights_file_and_validation(tmp_path: Path) -> None:
    assert resolve()["speculated"] == 0.3 and resolve()["negated"] == 0.0
    path = tmp_path / "w.yaml"
    path.write_text("speculated: 0.5\n")
    assert load_weights(path)["speculated"] == 0.5 and load_weights(path)["asserted"] == 1.0
    path.write_text("rumoured: 0.5\n")
    with pytest.raises(BadInput, match="rumoured"):
        load_weights(path)
    with pytest.raises(BadInput):
        resolve({"asserted": 2})
    assert weight_sql(weighted=False) == "CAST(1.0 AS DOUBLE)"
