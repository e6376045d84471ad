from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from analysis_fixtures import coded, open_store
from hypothesis import given
from hypothesis import strategies as st

from geopol.analysis.network import (
    adjusted_rand_index,
    alignment_network,
    signed_blocs,
    signed_modularity_matrix,
)
from geopol.scenario import Scenario
from geopol.store import Store


def test_adjusted_rand_index_known_values() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [5, 5, 9, 9]) == 1.0
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    # scikit-learn's documented example: [0, 0, 1, 1] vs [0, 0, 1, 2] -> 0.571...
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.5714, abs=1e-4)


def test_signed_blocs_split_friends_from_foes() -> None:
    nodes = ["A", "B", "C", "D", "E", "F"]
    edges = {("A", "B"): 3.0, ("B", "C"): 2.0, ("A", "C"): 1.0, ("D", "E"): 2.0,
             ("E", "F"): 2.0, ("D", "F"): 1.0, ("A", "D"): -2.0, ("C", "F"): -1.0,
             ("B", "E"): -1.5}
    labels, q = signed_blocs(signed_modularity_matrix(nodes, edges))
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4] == labels[5]
    assert q > 0
    # negative ties alone still separate: two enemies never share a bloc
    labels2, _ = signed_blocs(signed_modularity_matrix(["X", "Y"], {("X", "Y"): -1.0}))
    assert labels2[0] != labels2[1]
    assert signed_blocs(np.zeros((0, 0))) == ([], 0.0)


def test_network_edges_weights_and_stated(tmp_path: Path) -> None:
    store = open_store(tmp_path / "n.duckdb", [
        coded("2024-02-01", [("AID", "RUS", "PRK", "asserted"),
                             ("COOPERATE", "CHN", "RUS", "speculated"),
                             ("SANCTION", "USA", "RUS", "asserted")],
              alignments=[(["PRK", "RUS", "CHN"], ["KOR", "JPN", "USA"], "speculated")]),
        coded("2024-02-03", [("ASSAULT", "PRK", "KOR", "asserted"),
                             ("ACCUSE", "JPN", "PRK", "asserted")]),
    ])
    net = alignment_network(store.con, "2024-01-01", "2024-03-01")
    edges = {(e["source"], e["target"]): e for e in net.edges}
    assert edges[("PRK", "RUS")]["sign"] == 1 and edges[("PRK", "RUS")]["weight"] == 1.0
    assert edges[("CHN", "RUS")]["score"] == pytest.approx(0.3 * 0.95)
    assert edges[("RUS", "USA")]["sign"] == -1
    unweighted = alignment_network(store.con, "2024-01-01", "2024-03-01", weighted=False)
    assert {(e["source"], e["target"]): e["score"] for e in unweighted.edges}[
        ("CHN", "RUS")] == pytest.approx(0.95)
    bloc = net.bloc_of()
    assert bloc["PRK"] == bloc["RUS"] != bloc.get("KOR")
    assert net.stated and sorted(net.stated[0]["members"]) == ["CHN", "PRK", "RUS"]
    assert net.stated[0]["factuality"] == "speculated"
    assert net.graph().number_of_edges() == len(net.edges)
    store.close()


def test_scenario_blocs_recovered_from_gold_events(gold_store: Store,
                                                   scenario: Scenario) -> None:
    net = alignment_network(gold_store.con)
    truth = scenario.truth.blocs
    found = net.bloc_of()
    nodes = sorted(truth)
    assert adjusted_rand_index([truth[n] for n in nodes], [found[n] for n in nodes]) >= 0.9
    assert net.stability > 0.6
    # a window that ends before the burst and after the turn still shows two blocs
    one_year = alignment_network(gold_store.con, "2024-01-01", "2024-12-31")
    assert len(one_year.blocs) == 2


@given(st.lists(st.integers(0, 3), min_size=2, max_size=30), st.permutations(range(4)))
def test_ari_is_one_under_relabelling_and_symmetric(labels: list[int], perm: list[int]) -> None:
    relabelled = [perm[x] for x in labels]
    assert adjusted_rand_index(labels, relabelled) == pytest.approx(1.0)
    other = labels[::-1]
    assert adjusted_rand_index(labels, other) == pytest.approx(adjusted_rand_index(other, labels))


@given(st.dictionaries(
    st.tuples(st.sampled_from("ABCDEF"), st.sampled_from("ABCDEF")).filter(lambda p: p[0] < p[1]),
    st.floats(-5, 5).filter(lambda x: abs(x) > 0.01), min_size=1))
def test_signed_blocs_beat_the_trivial_partitions(edges: dict[tuple[str, str], float]) -> None:
    nodes = sorted({x for e in edges for x in e})
    b = signed_modularity_matrix(nodes, edges)
    labels, q = signed_blocs(b, restarts=2)
    singletons = float(np.trace(b))
    together = float(b.sum())
    assert q >= max(singletons, together) - 1e-9
    # two nodes tied only by conflict never share a bloc
    for (u, v), w in edges.items():
        only = all(u not in e and v not in e for e in edges if e != (u, v))
        if w < 0 and only:
            assert labels[nodes.index(u)] != labels[nodes.index(v)]


def test_empty_window(gold_store: Store) -> None:
    net = alignment_network(gold_store.con, "2030-01-01", "2030-12-31")
    assert net.nodes == [] and net.blocs == [] and net.edges == []
