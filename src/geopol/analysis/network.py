"""Alignment: a signed, weighted network of actors over a time window, and the blocs in it.

Each edge sums the PLOVER intensity (-10..+10, scaled to -1..+1) of the events between two
countries (or bloc/IGO codes), weighted by factuality: positive edges are cooperation, negative
ones conflict. Blocs are the partition maximising signed modularity (Gómez, Jensen & Arenas
2009): members cooperate more and fight less than chance would have them. networkx builds the
graph (for callers who want it); the optimiser is a small Louvain-style search over the signed
modularity matrix, because the maintained Louvain implementations accept positive weights only.
Stability is the mean adjusted Rand index between the blocs of the whole window and those of
each quarter of it: 1 when the same blocs show in every quarter.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb
import networkx as nx
import numpy as np

from geopol.analysis.series import DateLike, as_date, window_sql
from geopol.analysis.weights import weight_sql


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    blocs: list[list[str]]
    stability: float
    stated: list[dict[str, Any]]
    since: dt.date | None = None
    until: dt.date | None = None
    modularity: float = 0.0

    def bloc_of(self) -> dict[str, int]:
        """Node -> bloc index (-1 for nodes in no bloc of two or more)."""
        out = {str(n["id"]): -1 for n in self.nodes}
        for i, bloc in enumerate(self.blocs):
            for m in bloc:
                out[m] = i
        return out

    def graph(self) -> nx.Graph:
        g = nx.Graph()
        for n in self.nodes:
            g.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
        for e in self.edges:
            g.add_edge(e["source"], e["target"], **{k: v for k, v in e.items()
                                                    if k not in ("source", "target")})
        return g

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": self.nodes,
            "edges": self.edges,
            "blocs": self.blocs,
            "stability": self.stability,
            "modularity": self.modularity,
            "stated": self.stated,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


def edge_rows(
    con: duckdb.DuckDBPyConnection,
    since: dt.date | None,
    until: dt.date | None,
    *,
    weighted: bool,
    weights: Mapping[str, float] | None,
    slices: int = 1,
) -> list[tuple[int, str, str, float, int]]:
    """(slice, a, b, signed score, events) per unordered country pair, a < b."""
    w = weight_sql(weights, weighted=weighted, column="e.factuality")
    win, params = window_sql(since, until, "e.event_date")
    if slices > 1 and since is not None and until is not None:
        span = max((until - since).days + 1, 1)
        sl = f"least(CAST(floor(datediff('day', DATE '{since}', e.event_date) * {slices} / {span}) AS INTEGER), {slices - 1})"
    else:
        sl = "0"
    sql = f"""
        SELECT {sl} AS sl, least(d.source_country, d.target_country) AS a,
               greatest(d.source_country, d.target_country) AS b,
               sum({w} * e.intensity) / 10.0 AS score, count(*) AS n
        FROM event_dyads d JOIN events e ON e.event_id = d.event_id
        WHERE d.target_country IS NOT NULL AND d.source_country <> d.target_country
          AND e.intensity IS NOT NULL AND {win}
        GROUP BY ALL
    """
    return [(int(r[0]), str(r[1]), str(r[2]), float(r[3] or 0.0), int(r[4]))
            for r in con.execute(sql, params).fetchall()]


def signed_modularity_matrix(nodes: Sequence[str], edges: Mapping[tuple[str, str], float]
                             ) -> np.ndarray:
    idx = {n: i for i, n in enumerate(nodes)}
    a = np.zeros((len(nodes), len(nodes)))
    for (u, v), s in edges.items():
        a[idx[u], idx[v]] += s
        a[idx[v], idx[u]] += s
    ap, an = np.clip(a, 0, None), np.clip(-a, 0, None)
    kp, kn = ap.sum(1), an.sum(1)
    b = a.copy()
    if kp.sum() > 0:
        b -= np.outer(kp, kp) / kp.sum()
    if kn.sum() > 0:
        b += np.outer(kn, kn) / kn.sum()
    total = kp.sum() + kn.sum()
    return b / total if total > 0 else b


def _one_level(b: np.ndarray, order: list[int]) -> tuple[list[int], bool]:
    """Move single nodes between communities while signed modularity rises."""
    n = b.shape[0]
    comm = list(range(n))
    sums = b.copy()  # sums[i, c] = sum of b[i, j] for j in community c
    improved, moved = True, False
    while improved:
        improved = False
        for i in order:
            c = comm[i]
            own = sums[i, c] - b[i, i]
            gains = sums[i] - own
            gains[c] = 0.0
            target = int(np.argmax(gains))
            if gains[target] > 1e-12 and target != c:
                # move i from c to target, updating community sums
                sums[:, c] -= b[:, i]
                sums[:, target] += b[:, i]
                comm[i] = target
                improved = moved = True
    return comm, moved


def signed_blocs(b: np.ndarray, *, restarts: int = 8, seed: int = 0) -> tuple[list[int], float]:
    """Community labels maximising ``sum(b[i, j] for i, j in the same community)``."""
    n = b.shape[0]
    if n == 0:
        return [], 0.0
    # the trivial partitions are candidates too, so the search never does worse than them
    best: tuple[list[int], float] | None = max(
        ((list(range(n)), _quality(b, list(range(n)))), ([0] * n, _quality(b, [0] * n))),
        key=lambda t: t[1])
    rng = random.Random(seed)
    for r in range(restarts):
        labels = list(range(n))
        mat = b
        while True:
            order = list(range(mat.shape[0]))
            if r:
                rng.shuffle(order)
            comm, moved = _one_level(mat, order)
            ids = {c: k for k, c in enumerate(dict.fromkeys(comm))}
            comm = [ids[c] for c in comm]
            labels = [comm[x] for x in labels]
            if not moved:
                break
            k = len(ids)
            onehot = np.zeros((mat.shape[0], k))
            onehot[np.arange(mat.shape[0]), comm] = 1.0
            mat = onehot.T @ mat @ onehot
        q = _quality(b, labels)
        if best is None or q > best[1] + 1e-12:
            best = (labels, q)
    assert best is not None
    return best


def _quality(b: np.ndarray, labels: Sequence[int]) -> float:
    lab = np.asarray(labels)
    return float(b[lab[:, None] == lab[None, :]].sum())


def adjusted_rand_index(a: Sequence[Any], b: Sequence[Any]) -> float:
    """Adjusted Rand index of two labelings of the same items (1 = same partition)."""
    if len(a) != len(b):
        raise ValueError("labelings differ in length")
    n = len(a)
    if n < 2:
        return 1.0
    ua, ia = np.unique(np.asarray([str(x) for x in a]), return_inverse=True)
    ub, ib = np.unique(np.asarray([str(x) for x in b]), return_inverse=True)
    table = np.zeros((len(ua), len(ub)))
    np.add.at(table, (ia, ib), 1)

    def comb(x: np.ndarray) -> float:
        return float((x * (x - 1) / 2).sum())

    index = comb(table)
    sa, sb = comb(table.sum(1)), comb(table.sum(0))
    expected = sa * sb / (n * (n - 1) / 2)
    top = (sa + sb) / 2
    if top == expected:
        return 1.0
    return (index - expected) / (top - expected)


def _partition(rows: list[tuple[str, str, float]], restarts: int = 8
               ) -> tuple[list[str], list[int], float]:
    edges: dict[tuple[str, str], float] = {}
    for a, b, s in rows:
        edges[(a, b)] = edges.get((a, b), 0.0) + s
    nodes = sorted({x for e in edges for x in e})
    mat = signed_modularity_matrix(nodes, edges)
    labels, q = signed_blocs(mat, restarts=restarts)
    return nodes, labels, q


def alignment_network(
    con: duckdb.DuckDBPyConnection,
    since: DateLike = None,
    until: DateLike = None,
    *,
    weighted: bool = True,
    weights: Mapping[str, float] | None = None,
    min_events: int = 1,
    slices: int = 4,
) -> Network:
    """The signed network of the window, its blocs, their stability and stated alignments."""
    start, end = as_date(since), as_date(until)
    if slices > 1 and (start is None or end is None):
        lo, hi = con.execute("SELECT min(event_date), max(event_date) FROM events").fetchone() or (
            None, None)
        start, end = start or lo, end or hi
    rows = edge_rows(con, start, end, weighted=weighted, weights=weights, slices=slices)
    whole: dict[tuple[str, str], list[float]] = {}
    for _, a, b, s, n in rows:
        acc = whole.setdefault((a, b), [0.0, 0.0])
        acc[0] += s
        acc[1] += n
    kept = {k: v for k, v in whole.items() if v[1] >= min_events and v[0] != 0.0}
    nodes, labels, q = _partition([(a, b, v[0]) for (a, b), v in kept.items()])
    label_of = dict(zip(nodes, labels, strict=True))
    groups: dict[int, list[str]] = {}
    for node, lab in label_of.items():
        groups.setdefault(lab, []).append(node)
    blocs = sorted((sorted(g) for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), g))
    bloc_index = {m: i for i, g in enumerate(blocs) for m in g}
    stability = _stability(rows, label_of, slices) if slices > 1 else 1.0
    degree: dict[str, list[float]] = {}
    for (a, b), (s, cnt) in kept.items():
        for x in (a, b):
            d = degree.setdefault(x, [0.0, 0.0, 0.0])
            d[0] += cnt
            d[1] += max(s, 0.0)
            d[2] += max(-s, 0.0)
    node_dicts = [
        {"id": x, "events": int(degree[x][0]), "cooperation": round(degree[x][1], 3),
         "conflict": round(degree[x][2], 3), "bloc": bloc_index.get(x)}
        for x in nodes
    ]
    edge_dicts = [
        {"source": a, "target": b, "weight": round(abs(v[0]), 4), "sign": 1 if v[0] > 0 else -1,
         "events": int(v[1]), "score": round(v[0], 4)}
        for (a, b), v in sorted(kept.items())
    ]
    return Network(nodes=node_dicts, edges=edge_dicts, blocs=blocs, stability=stability,
                   stated=stated_alignments(con, start, end), since=start, until=end,
                   modularity=round(q, 4))


def _stability(rows: list[tuple[int, str, str, float, int]], whole: Mapping[str, int],
               slices: int) -> float:
    scores = []
    for k in range(slices):
        part = [(a, b, s) for sl, a, b, s, _ in rows if sl == k and s != 0.0]
        if not part:
            continue
        nodes, labels, _ = _partition(part, restarts=3)
        shared = [i for i, x in enumerate(nodes) if x in whole]
        if len(shared) < 2:
            continue
        scores.append(adjusted_rand_index([labels[i] for i in shared],
                                          [whole[nodes[i]] for i in shared]))
    return round(float(np.mean(scores)), 4) if scores else 0.0


def stated_alignments(con: duckdb.DuckDBPyConnection, since: dt.date | None,
                      until: dt.date | None) -> list[dict[str, Any]]:
    """Alignments articles state outright, from the ``alignments`` table."""
    win, params = window_sql(since, until, "published")
    try:
        rows = con.execute(
            f"""SELECT alignment_id, article_id, sentence_index, members, against, factuality,
                       evidence_text, published
                FROM alignments WHERE {win} ORDER BY published, alignment_id""",
            params,
        ).fetchall()
    except duckdb.CatalogException:
        return []
    keys = ("alignment_id", "article_id", "sentence_index", "members", "against", "factuality",
            "evidence_text", "published")
    out = []
    for r in rows:
        d = dict(zip(keys, r, strict=True))
        d["members"] = list(d["members"] or [])
        d["against"] = list(d["against"] or [])
        if isinstance(d["published"], dt.date):
            d["published"] = d["published"].isoformat()
        out.append(d)
    return out
