"""What issue 6 must show, through the real coder: generate -> code -> store -> analyse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geopol.analysis.network import adjusted_rand_index, alignment_network
from geopol.analysis.shifts import change_points_for, find_shifts
from geopol.scenario import Scenario, generate, recovery, write_jsonl
from geopol.store import Store


def test_generator_is_seeded_and_plants_the_structure() -> None:
    a, b = generate(seed=3), generate(seed=3)
    assert [x.text for x in a.articles] == [x.text for x in b.articles]
    assert [x.text for x in generate(seed=4).articles] != [x.text for x in a.articles]
    assert len(a.truth.blocs) == 12 and set(a.truth.blocs.values()) == {0, 1}
    span = (a.truth.end - a.truth.start).days
    assert 720 <= span <= 731
    spec = [p for ps in a.plans for p in ps if p.factuality == "speculated"]
    assert spec and all(a.truth.burst[2] <= p.day <= a.truth.burst[3] for p in spec)


@pytest.mark.slow
def test_blocs_recovered(coded_store: Store, scenario: Scenario) -> None:
    net = alignment_network(coded_store.con)
    truth, found = scenario.truth.blocs, net.bloc_of()
    nodes = sorted(truth)
    assert adjusted_rand_index([truth[n] for n in nodes], [found.get(n, -1) for n in nodes]) >= 0.9


@pytest.mark.slow
def test_turn_dated_within_14_days(coded_store: Store, scenario: Scenario) -> None:
    a, b, day = scenario.truth.turn
    turns = change_points_for(coded_store.con, a, b, max_points=1)
    assert turns, "no change point on the turning dyad"
    assert abs((turns[0]["date"] - day).days) <= 14
    assert turns[0]["before"] > 0 > turns[0]["after"]


@pytest.mark.slow
def test_speculative_burst_is_a_shift_raw_only(coded_store: Store, scenario: Scenario) -> None:
    a, b, _, end = scenario.truth.burst

    def hits(weighted: bool) -> list[str]:
        return [f"{s.kind}:{s.band}" for s in find_shifts(coded_store.con, until=end,
                                                          weighted=weighted)
                if s.subject == "dyad" and {s.a, s.b} == {a, b}]

    assert any(h.endswith("increase") or h.startswith("spike") for h in hits(False))
    assert hits(True) == []


def test_recovery_summary_and_jsonl(gold_store: Store, scenario: Scenario,
                                    tmp_path: Path) -> None:
    result = recovery(gold_store.con, scenario)
    assert result["passed"] and result["ari"] == 1.0
    assert abs(result["turn"]["error_days"]) <= 14
    assert result["burst"]["raw"] and result["burst"]["weighted"] == []
    path = write_jsonl(scenario, tmp_path / "scenario.jsonl")
    lines = path.read_text().splitlines()
    assert len(lines) == len(scenario.articles)
    first = json.loads(lines[0])
    assert first["published"] == scenario.articles[0].published.isoformat()  # type: ignore[union-attr]
    assert first["title"] == scenario.articles[0].title
