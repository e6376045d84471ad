from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from analysis_fixtures import coded, open_store

from geopol.analysis.shifts import band, change_points, change_points_for, find_shifts
from geopol.scenario import Scenario
from geopol.store import Store


def test_trendfinder_bands() -> None:
    assert band(0.30) == "large_increase"
    assert band(0.15) == "moderate_increase"
    assert band(0.05) == band(-0.05) == "stable"
    assert band(-0.2) == "moderate_decrease"
    assert band(-0.5) == "large_decrease"


def test_change_points_find_a_step_and_ignore_noise() -> None:
    rng = np.random.default_rng(3)
    step = np.concatenate([rng.normal(2, 1, 200), rng.normal(-2, 1, 150)])
    found = change_points(step)
    assert found and abs(found[0] - 200) <= 3
    assert change_points(rng.normal(0, 1, 300)) == []


def test_turn_dated_within_14_days(gold_store: Store, scenario: Scenario) -> None:
    a, b, day = scenario.truth.turn
    turns = change_points_for(gold_store.con, a, b, max_points=1)
    assert turns and abs((turns[0]["date"] - day).days) <= 14
    assert turns[0]["before"] > 0 > turns[0]["after"]
    flips = [s for s in find_shifts(gold_store.con, until=day + dt.timedelta(days=30))
             if s.kind == "sign_flip" and {s.a, s.b} == {a, b}]
    assert flips and flips[0].band == "cooperation_to_conflict"
    assert flips[0].date is not None and abs((flips[0].date - day).days) <= 14


def test_speculative_burst_shifts_raw_not_weighted(gold_store: Store,
                                                   scenario: Scenario) -> None:
    a, b, _, end = scenario.truth.burst
    def hits(weighted: bool) -> list[str]:
        return [f"{s.kind}:{s.band}" for s in find_shifts(gold_store.con, until=end,
                                                          weighted=weighted)
                if s.subject == "dyad" and {s.a, s.b} == {a, b}]
    assert "change:large_increase" in hits(False)
    assert hits(True) == []


def test_new_dyad_low_baseline_and_decrease(tmp_path: Path) -> None:
    base = [coded(f"2024-0{m}-{d:02d}", [("CONSULT", "FRA", "DEU", "asserted")] * 1)
            for m in (1, 2, 3, 4, 5) for d in range(1, 28, 3)]
    recent = [coded(f"2024-06-{d:02d}", [("ACCUSE", "BRA", "ARG", "asserted"),
                                         ("SANCTION", "ARG", "BRA", "asserted")])
              for d in range(1, 29, 4)]
    store = open_store(tmp_path / "s.duckdb", base + recent)
    shifts = find_shifts(store.con, until="2024-06-30", recent_days=30, baseline_days=150)
    kinds = {(s.kind, s.label, s.band) for s in shifts}
    assert ("new_dyad", "ARG-BRA", "new") in kinds
    assert ("change", "DEU-FRA", "large_decrease") in kinds
    assert all(s.to_dict()["label"] for s in shifts)
    store.close()
