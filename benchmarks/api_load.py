"""Bounded load test of the REST API: 50 concurrent clients, 10,000 requests, 1 million events.

Builds (once) a store of synthetic events, starts ``geopol serve`` on 127.0.0.1 in a child
process, then drives it from this process with keep-alive HTTP/1.1 connections: half the
requests ask for a page of events (50 rows, with the total count; random page and filter), half
for a dyad series (random pair among the most active). Prints p50/p95/p99 latency, throughput
and errors. Traffic goes only to 127.0.0.1 and stops after the fixed number of requests.

    .venv/bin/python benchmarks/api_load.py [--events 1000000] [--requests 10000] [--clients 50]
        [--mix varied|fixed] [--cache-size 2048]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

COUNTRIES = [
    "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "PRK", "KOR", "JPN", "IND", "PAK", "TUR",
    "ISR", "UKR", "SAU", "EGY", "BRA", "ZAF", "NGA", "SYR", "IRQ", "AFG", "VEN", "CUB", "MEX",
    "CAN", "AUS", "IDN", "VNM", "PHL", "TWN", "POL", "SWE", "ITA", "ESP", "ARM", "AZE", "ETH",
    "KEN",
]  # fmt: skip
TYPES = [
    ("AGREE", 1, 4.0, 2.5), ("CONSULT", 1, 1.0, 2.5), ("SUPPORT", 1, 3.5, 5.0),
    ("CONCEDE", 1, 5.0, 4.5), ("COOPERATE", 2, 6.0, 9.5), ("AID", 2, 7.0, 10.0),
    ("RETREAT", 2, 5.0, 6.5), ("REQUEST", 3, -5.0, 0.0), ("ACCUSE", 3, -2.0, -2.0),
    ("REJECT", 3, -4.0, -2.0), ("THREATEN", 3, -6.0, -3.5), ("SANCTION", 3, -4.0, -6.0),
    ("PROTEST", 4, -6.5, -5.0), ("MOBILIZE", 4, -7.2, -5.5), ("COERCE", 4, -7.0, -7.0),
    ("ASSAULT", 4, -9.0, -9.0),
]  # fmt: skip
FACTS = ["asserted", "asserted", "asserted", "reported", "reported", "planned", "speculated",
         "hypothetical", "negated"]  # fmt: skip


def sql_list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def build(path: Path, n: int) -> None:
    """Synthetic events written straight into a store created by ``Store.open``."""
    from geopol.store import Store

    store = Store.open(path)
    con = store.con
    con.execute("SET enable_progress_bar = false")
    c, k = sql_list(COUNTRIES), len(COUNTRIES)
    types = sql_list([t[0] for t in TYPES])
    quads = "[" + ", ".join(str(t[1]) for t in TYPES) + "]"
    gold = "[" + ", ".join(str(t[2]) for t in TYPES) + "]"
    inten = "[" + ", ".join(str(t[3]) for t in TYPES) + "]"
    facts = sql_list(FACTS)
    con.execute(f"""
        INSERT INTO events (event_id, article_id, sentence_index, type, contexts, cameo,
            cameo_root, quad, goldstein, intensity, factuality, confidence, event_date,
            date_value, date_precision, published, source_country, source_sector, source_code,
            source_name, source_countries, target_country, target_sector, target_code,
            target_name, target_countries, source_json, target_json, location_name,
            location_country, location_lat, location_lon, location_precision, trigger_text,
            trigger_start, trigger_end, evidence_text, article_title, coder_version, cluster_id)
        SELECT printf('%016x', i), printf('a%015x', i // 3), (i % 3)::INT, t, ['diplomatic'],
            '040', '04', q, g, it, f, 0.8, d, strftime(d, '%Y-%m-%d'), 'day', d, s, 'GOV',
            s || 'GOV', s, [s], tc, 'GOV', tc || 'GOV', tc, [tc],
            '[{{"text": "' || s || '", "start": 0, "end": 3, "country": "' || s || '"}}]',
            '[{{"text": "' || tc || '", "start": 10, "end": 13, "country": "' || tc || '"}}]',
            'Capital of ' || tc, tc, (i % 140) - 70.0 + 0.5, (i % 340) - 170.0 + 0.5, 'city',
            'met', 4, 7, s || ' met ' || tc || ' in the capital on Tuesday.', 'Report ' || i,
            'bench', printf('%016x', i)
        FROM (
            SELECT i, {c}[1 + (i * 7) % {k}] AS s, {c}[1 + (i * 13 + 5) % {k}] AS tc0,
                   {types}[1 + (i * 5) % 16] AS t, {quads}[1 + (i * 5) % 16] AS q,
                   {gold}[1 + (i * 5) % 16] AS g, {inten}[1 + (i * 5) % 16] AS it,
                   {facts}[1 + (i * 11) % {len(FACTS)}] AS f,
                   DATE '2019-01-01' + CAST(i % 2190 AS INTEGER) AS d
            FROM range({n}) r(i)
        ) x, LATERAL (SELECT CASE WHEN tc0 = s THEN 'USA' ELSE tc0 END AS tc)
    """)
    con.execute("""
        INSERT INTO event_dyads SELECT event_id, source_country, target_country, source_sector,
            target_sector FROM events WHERE source_country <> target_country
    """)
    con.execute("CHECKPOINT")
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


Result = tuple[float, int, str]


async def client(host: str, port: int, paths: list[str], results: list[Result]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        for path in paths:
            t0 = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            await writer.drain()
            status_line = await reader.readline()
            status = int(status_line.split()[1]) if status_line else 0
            length = 0
            while True:
                line = await reader.readline()
                if line in (b"\r\n", b""):
                    break
                name, _, value = line.decode("latin-1").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            await reader.readexactly(length)
            kind = "events" if path.startswith("/api/events") else "dyad"
            results.append((time.perf_counter() - t0, status, kind))
    finally:
        writer.close()


def request_paths(n: int, dyads: list[tuple[str, str]], mix: str = "varied", seed: int = 1
                  ) -> list[str]:
    """``fixed``: one event page and one dyad series; ``varied``: about 1,000 distinct URLs."""
    rng = random.Random(seed)
    paths = []
    if mix == "fixed":
        a, b = dyads[0]
        return [("/api/events?limit=50" if i % 2 == 0 else f"/api/dyads/{a}/{b}?freq=month")
                for i in range(n)]
    for i in range(n):
        if i % 2 == 0:
            params = f"limit=50&offset={50 * rng.randrange(20)}"
            pick = rng.randrange(3)
            if pick == 1:
                params += f"&actor={rng.choice(COUNTRIES)}"
            elif pick == 2:
                params += f"&factuality={rng.choice(FACTS)}"
            paths.append(f"/api/events?{params}")
        else:
            a, b = rng.choice(dyads)
            paths.append(f"/api/dyads/{a}/{b}?freq=month")
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this store")
    parser.add_argument("--mix", choices=("fixed", "varied"), default="varied",
                        help="one event page and one dyad series, or ~1,000 distinct URLs")
    parser.add_argument("--cache-size", type=int, default=2048,
                        help="server response cache (0: every request hits DuckDB)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"geopol-bench-{args.events}.duckdb"
    if not db.exists():
        t0 = time.perf_counter()
        build(db, args.events)
        print(f"built {db} with {args.events:,} events in {time.perf_counter() - t0:.1f}s")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "GEOPOL_TOKEN"}
    server = subprocess.Popen(
        [sys.executable, "-m", "geopol", "serve", "--db", str(db), "--port", str(port),
         "--host", "127.0.0.1", "--read-only", "--cache-size", str(args.cache_size)], env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                with urllib.request.urlopen(base + "/api/dyads?limit=20", timeout=30) as r:
                    dyads = [(d["a"], d["b"]) for d in json.load(r)["items"]]
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise SystemExit("server did not start")
        paths = request_paths(args.requests, dyads, args.mix)
        per = [paths[i:: args.clients] for i in range(args.clients)]
        results: list[Result] = []

        async def run_all() -> None:
            await asyncio.gather(*(client("127.0.0.1", port, p, results) for p in per))

        t0 = time.perf_counter()
        asyncio.run(run_all())
        wall = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"events: {args.events:,}  clients: {args.clients}  mix: {args.mix}  "
          f"cache: {args.cache_size}")
    report(results, wall, paths)
    return 0


def report(results: list[Result], wall: float, paths: list[str]) -> None:
    errors = sum(1 for r in results if r[1] != 200)
    print(f"requests: {len(results)} (of {len(paths)}), errors: {errors}, wall: {wall:.1f}s, "
          f"throughput: {len(results) / wall:.0f} req/s")
    for label, kinds in (("all", {"events", "dyad"}), ("event page", {"events"}),
                         ("dyad series", {"dyad"})):
        lat = sorted(r[0] * 1000 for r in results if r[2] in kinds)
        if not lat:
            continue

        def pct(p: float, lat: list[float] = lat) -> float:
            return lat[min(len(lat) - 1, int(p / 100 * len(lat)))]

        print(f"{label:>11} latency ms: p50 {pct(50):.1f}  p95 {pct(95):.1f}  "
              f"p99 {pct(99):.1f}  max {lat[-1]:.1f}  mean {statistics.fmean(lat):.1f}")


if __name__ == "__main__":
    sys.exit(main())
