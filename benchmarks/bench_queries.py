"""Query latency over a large store: dyad time series and a filtered event page.

Generates N synthetic events straight into the tables (vectorised SQL, no coder), then times
the two queries the dashboard and CLI run most. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_queries.py --events 1000000 [--db PATH] [--repeat 7]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from geopol.store import Store

COUNTRIES = ["PRK", "RUS", "CHN", "USA", "UKR", "DEU", "FRA", "GBR", "IND", "PAK", "IRN", "ISR",
             "TUR", "JPN", "KOR", "BRA", "EGY", "SAU", "YEM", "SYR", "AFG", "NGA", "ZAF", "MEX",
             "CAN", "AUS", "POL", "TWN", "VNM", "PHL"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"]
FACTS = ["asserted", "reported", "planned", "speculated", "hypothetical", "negated"]


def sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(store: Store, n: int) -> None:
    """N events over 10 years among 30 countries, skewed so some dyads are busy."""
    con = store.con
    c, t, f = sql_list(COUNTRIES), sql_list(TYPES), sql_list(FACTS)
    nc = len(COUNTRIES)
    con.execute("SELECT setseed(0.42)").fetchall()
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""
        CREATE TEMP TABLE gen AS
        SELECT i,
               {c}[1 + floor(pow(random(), 2) * {nc})::INT] AS src,
               {c}[1 + floor(pow(random(), 1.5) * {nc})::INT] AS tgt,
               {t}[1 + floor(random() * {len(TYPES)})::INT] AS typ,
               {f}[1 + floor(pow(random(), 3) * {len(FACTS)})::INT] AS fac,
               DATE '2015-01-01' + floor(random() * 3650)::INT AS day
        FROM range({n}) r(i)
    """)
    con.execute("""
        INSERT INTO articles (article_id, title, body, published, url, source, language,
                              ingested_at, n_events)
        SELECT printf('a%015d', i // 4), 'Synthetic article ' || (i // 4),
               'Body of a synthetic article used for benchmarks.', min(day), NULL,
               'Source ' || (i // 4 % 50), 'en', now()::TIMESTAMP, count(*)
        FROM gen GROUP BY i // 4
    """)
    con.execute("""
        INSERT INTO events (event_id, article_id, sentence_index, type, mode, contexts, cameo,
            cameo_root, quad, goldstein, intensity, factuality, confidence, event_date,
            date_value, date_precision, date_text, published, source_country, source_sector,
            source_code, source_name, source_countries, target_country, target_sector,
            target_code, target_name, target_countries, source_json, target_json,
            location_name, location_country, trigger_text, trigger_start, trigger_end,
            evidence_text, article_title, article_url, coder_version, cluster_id)
        SELECT printf('e%015d', i), printf('a%015d', i // 4), (i % 4)::INT, typ, NULL,
               ['diplomatic'], '040', '04', 1, 1.0, 2.5, fac, 0.9, day, day::VARCHAR, 'day',
               'on Monday', day, src, 'GOV', src || 'GOV', src, [src],
               CASE WHEN src = tgt THEN NULL ELSE tgt END, NULL,
               CASE WHEN src = tgt THEN NULL ELSE tgt END, tgt,
               CASE WHEN src = tgt THEN [] ELSE [tgt] END, '[]', '[]',
               NULL, src, 'met', 10, 13,
               'Officials of the two countries met on Monday.',
               'Synthetic article ' || (i // 4), NULL, 'bench', printf('e%015d', i)
        FROM gen ORDER BY day
    """)
    con.execute("""
        INSERT INTO event_dyads SELECT printf('e%015d', i), src, tgt, 'GOV', NULL
        FROM gen WHERE src <> tgt
    """)
    con.execute("""
        INSERT INTO clusters SELECT event_id, type, source_country, target_country, event_date,
            location_name, location_id, 1, 1, 1, factuality, published, published
        FROM events
    """)
    con.execute("COMMIT")
    con.execute("CHECKPOINT")


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        runs.append((time.perf_counter() - began) * 1000)
    return statistics.median(runs), max(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "bench.duckdb"
    if db.exists():
        db.unlink()
    began = time.perf_counter()
    with Store.open(db) as store:
        generate(store, args.events)
    gen_s = time.perf_counter() - began
    size = db.stat().st_size
    print(f"generated {args.events:,} events in {gen_s:.1f} s; file {size / 1e6:.1f} MB "
          f"({size / 1e6 / (args.events / 1000):.3f} MB per 1,000 events, synthetic rows)")
    with Store.open(db, read_only=True) as store:
        n = store.counts()["events"]
        hits = len(store.dyad_counts("PRK", "RUS"))
        med, worst = timed(lambda: store.dyad_counts("PRK", "RUS", freq="month"), args.repeat)
        print(f"dyad time series PRK-RUS by month ({hits} months, {n:,} events): "
              f"median {med:.1f} ms, max {worst:.1f} ms")
        page: dict[str, Any] = {
            "actor": "RUS", "type": ["AID", "CONSULT"], "factuality": ["asserted", "reported"],
            "since": "2020-01-01", "until": "2023-12-31", "limit": 50, "offset": 100,
        }
        rows = len(store.events(**page))
        med, worst = timed(lambda: store.events(**page), args.repeat)
        print(f"filtered event page (actor+type+factuality+dates, 50 rows at offset 100, "
              f"{rows} returned): median {med:.1f} ms, max {worst:.1f} ms")
        dy: dict[str, Any] = {"dyad": ("CHN", "USA"), "limit": 50}
        med, worst = timed(lambda: store.events(**dy), args.repeat)
        print(f"dyad event page CHN-USA (50 rows): median {med:.1f} ms, max {worst:.1f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
