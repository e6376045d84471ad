"""Latency of relation analysis over a large store: dyad series, one-year network, alerts.

Builds a synthetic store (default one million events over three years among 60 countries in
three blocs, about 10% of events with a compound target), then times each query several times
and prints the median and best wall-clock latency.

    .venv/bin/python benchmarks/bench_analysis.py --events 1000000 --repeat 5

With ``--scenario`` it instead codes the seeded scenario with the real coder, stores it and
prints what the analysis recovers (bloc ARI, turn date error, burst shifts raw and weighted).

    .venv/bin/python benchmarks/bench_analysis.py --scenario
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geopol.analysis.alerts import evaluate, load_rules
from geopol.analysis.network import alignment_network
from geopol.analysis.series import dyad_series
from geopol.analysis.shifts import find_shifts
from geopol.store import Store

COUNTRIES = ["USA", "CHN", "RUS", "PRK", "KOR", "JPN", "GBR", "FRA", "DEU", "IRN", "SYR", "BLR",
             "IND", "PAK", "TUR", "ISR", "EGY", "SAU", "UKR", "POL", "ITA", "ESP", "CAN", "MEX",
             "BRA", "ARG", "NGA", "ZAF", "KEN", "ETH", "AUS", "IDN", "PHL", "VNM", "THA", "MYS",
             "AFG", "IRQ", "JOR", "LBN", "YEM", "QAT", "ARE", "OMN", "AZE", "ARM", "GEO", "KAZ",
             "UZB", "SRB", "HUN", "ROU", "GRC", "NLD", "BEL", "SWE", "NOR", "FIN", "CUB", "VEN"]
TYPES = [("CONSULT", 1, 1.0, 2.5), ("AGREE", 1, 4.0, 2.5), ("SUPPORT", 1, 3.5, 5.0),
         ("COOPERATE", 2, 6.0, 9.5), ("AID", 2, 7.0, 10.0), ("ACCUSE", 3, -2.0, -2.0),
         ("THREATEN", 3, -6.0, -3.5), ("SANCTION", 3, -4.0, -6.0), ("MOBILIZE", 4, -7.2, -5.5),
         ("ASSAULT", 4, -9.0, -9.0)]
FACTS = ["asserted"] * 6 + ["reported"] * 2 + ["planned", "speculated", "hypothetical", "negated"]


def build(store: Store, n: int) -> None:
    con = store.con
    con.execute("CREATE TEMP TABLE c AS SELECT * FROM (SELECT unnest(?) AS code, "
                "generate_subscripts(?, 1) - 1 AS i)", [COUNTRIES, COUNTRIES])
    con.execute("CREATE TEMP TABLE t AS SELECT * FROM (VALUES " + ", ".join(
        f"({i}, '{t}', {q}, {g}, {s})" for i, (t, q, g, s) in enumerate(TYPES))
        + ") AS t(i, type, quad, goldstein, intensity)")
    k = len(COUNTRIES)
    # source/target skewed towards the first countries; same bloc (i % 3) -> cooperation
    con.execute(f"""
        CREATE TEMP TABLE raw AS
        SELECT r AS n,
               CAST(floor(pow(random(), 2) * {k}) AS INTEGER) AS si,
               CAST(floor(pow(random(), 2) * {k}) AS INTEGER) AS ti,
               random() AS u, random() AS v, random() AS x,
               DATE '2022-01-01' + CAST(floor(random() * 1095) AS INTEGER) AS day
        FROM range({n}) AS g(r)""")
    con.execute("UPDATE raw SET ti = (ti + 1) % " + str(k) + " WHERE ti = si")
    facts = "[" + ", ".join(f"'{f}'" for f in FACTS) + "]"
    con.execute(f"""
        INSERT INTO events (event_id, article_id, sentence_index, type, quad, goldstein,
                            intensity, factuality, confidence, event_date, published,
                            source_country, target_country, source_code, target_code,
                            source_countries, target_countries, evidence_text)
        SELECT printf('e%010d', n), printf('a%09d', n // 4), 0, t.type, t.quad, t.goldstein,
               t.intensity, {facts}[1 + CAST(floor(v * {len(FACTS)}) AS INTEGER)], 0.9, day, day,
               s.code, g.code, s.code || 'GOV', g.code || 'GOV', [s.code], [g.code],
               'Synthetic sentence.'
        FROM raw
        JOIN c AS s ON s.i = raw.si JOIN c AS g ON g.i = raw.ti
        JOIN t ON t.i = CASE WHEN (raw.si % 3 = raw.ti % 3) = (u < 0.8)
                             THEN CAST(floor(x * 5) AS INTEGER)
                             ELSE 5 + CAST(floor(x * 5) AS INTEGER) END""")
    con.execute(f"""
        INSERT INTO event_dyads (event_id, source_country, target_country, source_sector,
                                 target_sector)
        SELECT printf('e%010d', n), s.code, g.code, 'GOV', 'GOV'
        FROM raw JOIN c AS s ON s.i = raw.si JOIN c AS g ON g.i = raw.ti
        UNION ALL
        SELECT printf('e%010d', n), s.code, g.code, 'GOV', 'GOV'
        FROM raw JOIN c AS s ON s.i = raw.si JOIN c AS g ON g.i = (raw.ti + 7) % {k}
        WHERE raw.x < 0.1 AND (raw.ti + 7) % {k} <> raw.si""")
    con.execute("DROP TABLE raw")
    con.execute("CHECKPOINT")


RULES = """
rules:
  - {name: prk-rus-material, dyad: [PRK, RUS], types: [AID, COOPERATE],
     min_factuality: reported, window_days: 7, threshold: 2}
  - {name: usa-chn-any, dyad: [USA, CHN], window_days: 7, threshold: 5, weighted: false}
  - {name: japan-fighting, actor: JPN, types: [ASSAULT, COERCE, MOBILIZE], threshold: 1}
  - {name: any-assault, types: [ASSAULT], min_factuality: asserted, threshold: 50}
  - {name: shifts, shift: [large_increase, cooperation_to_conflict, new]}
  - {name: shifts-raw, shift: any, weighted: false}
"""


def timeit(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    fn()  # warm the cache once
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000, min(times) * 1000


def scenario(seed: int) -> None:
    import json

    from geopol.pipeline import code_articles
    from geopol.scenario import generate, recovery

    sc = generate(seed=seed)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "scenario.duckdb")
        t = time.perf_counter()
        added = store.add(code_articles(sc.articles))
        print(f"coded and stored {added.articles_added} articles, {added.events_added} events "
              f"in {time.perf_counter() - t:.1f} s")
        result = recovery(store.con, sc)
        print(f"blocs {result['blocs']}: ARI {result['ari']:.3f}, "
              f"stability {result['stability']:.2f}")
        print(f"turn {json.dumps(result['turn'])}")
        for kind in ("raw", "weighted"):
            hits = [f"{s['kind']} {s['band']} z={s['z']:+.1f} ({s['detail']})"
                    for s in result["burst"][kind]]
            print(f"burst {result['burst']['dyad']} {kind}: {hits or 'no shift'}")
        print(f"passed: {result['passed']}")
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--db", type=Path, default=None, help="Reuse or create this store file.")
    ap.add_argument("--scenario", action="store_true", help="Scenario recovery instead.")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all).")
    args = ap.parse_args()
    if args.scenario:
        scenario(args.seed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "bench.duckdb"
        fresh = not path.exists()
        store = Store.open(path)
        if fresh:
            t = time.perf_counter()
            build(store, args.events)
            print(f"built {args.events:,} events in {time.perf_counter() - t:.1f} s")
        con = store.con
        if args.threads:
            con.execute(f"SET threads = {int(args.threads)}")
        n_events = con.execute("SELECT count(*) FROM events").fetchone()
        n_dyads = con.execute("SELECT count(*) FROM event_dyads").fetchone()
        print(f"store: {n_events[0] if n_events else 0:,} events, "
              f"{n_dyads[0] if n_dyads else 0:,} dyad rows")
        rules_path = Path(tmp) / "rules.yaml"
        rules_path.write_text(RULES)
        rules = load_rules(rules_path)
        cases: list[tuple[str, Callable[[], Any], float]] = [
            ("dyad_series USA-CHN weekly, 3 years, raw",
             lambda: dyad_series(con, "USA", "CHN", freq="week"), 200),
            ("dyad_series USA-CHN weekly, 3 years, weighted",
             lambda: dyad_series(con, "USA", "CHN", freq="week", weighted=True), 200),
            ("dyad_series USA against all, monthly, weighted",
             lambda: dyad_series(con, "USA", None, freq="month", weighted=True), 200),
            ("alignment_network one year (2024), weighted",
             lambda: alignment_network(con, "2024-01-01", "2024-12-31"), 1000),
            ("find_shifts 30 d vs 180 d, weighted",
             lambda: find_shifts(con), 2000),
            ("evaluate all alerts (6 rules)", lambda: evaluate(con, rules), 2000),
        ]
        print(f"{'query':<50} {'median ms':>10} {'best ms':>9} {'aim ms':>7}")
        for name, fn, aim in cases:
            med, best = timeit(fn, args.repeat)
            print(f"{name:<50} {med:>10.0f} {best:>9.0f} {aim:>7.0f}")
        store.close()


if __name__ == "__main__":
    main()
