"""API fuzzing from the OpenAPI schema: schemathesis against a real ``geopol serve``.

Builds a small store of invented articles, starts ``geopol serve`` on 127.0.0.1 (with a
token, so the write endpoints are exercised too), runs schemathesis with the checks
``not_a_server_error`` and ``response_schema_conformance``, and prints one JSON object.

    python benchmarks/api_fuzz.py --examples 200
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

TOKEN = "fuzz-token-7d2e"
_PAIRS = [("Russia", "Ukraine"), ("China", "Japan"), ("France", "Germany"), ("Iran", "Israel")]


def build_store(db: Path, n: int = 12) -> None:
    from geopol.pipeline import code_articles
    from geopol.records import Article
    from geopol.store import Store

    articles = []
    for i in range(n):
        a, b = _PAIRS[i % len(_PAIRS)]
        articles.append(Article(
            title=f"{a} and {b}, report {i}",
            body=f"{a} accused {b} of attacking its border posts on Monday, officials said. "
                 f"Later {a} and {b} held talks in Geneva, report {i} said.",
            published=dt.date(2024, 5, 1) + dt.timedelta(days=i),
            url=f"http://news.test/{i}", source="news.test",
        ))
    with Store.open(db) as store:
        store.add(list(code_articles(articles)))


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def served(workdir: Path) -> Iterator[str]:
    """A real ``geopol serve`` (token set) over a small store; yields its base URL."""
    db = workdir / "api.duckdb"
    build_store(db)
    port = _port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "GEOPOL_TOKEN": TOKEN}
    with (workdir / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "geopol", "serve", "--db", str(db), "--host", "127.0.0.1",
             "--port", str(port), "--rules", str(workdir / "alerts.yaml")],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((workdir / "serve.log").read_text())
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def schemathesis(base: str, examples: int, seed: int | None = None) -> dict[str, Any]:
    """Run schemathesis against a served API; the figures and the tail of its report."""
    cmd = [str(Path(sys.executable).with_name("schemathesis")), "run",
           f"{base}/api/openapi.json", "--checks",
           "not_a_server_error,response_schema_conformance",
           "--max-examples", str(examples), "--workers", "1", "--request-timeout", "60",
           "-H", f"Authorization: Bearer {TOKEN}", "--no-color"]
    if seed is not None:
        cmd += ["--seed", str(seed)]
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as scratch:  # its cache (.schemathesis/) goes here
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=3600, cwd=scratch)
    out = done.stdout + done.stderr
    cases = re.search(r"(\d+) generated", out)
    return {
        "examples_per_operation": examples,
        "rc": done.returncode,
        "test_cases": int(cases.group(1)) if cases else None,
        "seconds": round(time.monotonic() - started, 1),
        "summary": out[out.find("FAILURES"):] if "FAILURES" in out
        else "\n".join(out.strip().splitlines()[-25:]),
    }


def run(examples: int, workdir: Path, seed: int | None) -> dict[str, Any]:
    with served(workdir) as base:
        result = schemathesis(base, examples, seed)
    result["server_errors_logged"] = (workdir / "serve.log").read_text(
        errors="replace").count("Traceback")
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=200, help="schemathesis --max-examples")
    ap.add_argument("--seed", type=int, default=None)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = run(args.examples, Path(tmp), args.seed)
    print(json.dumps(result))
    return 0 if result["rc"] == 0 and result["server_errors_logged"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
