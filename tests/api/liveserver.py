"""Runs ``geopol serve`` as a real uvicorn process on 127.0.0.1 for the API and browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

TOKEN = "test-token-5f1c"
ORIGIN = "http://dashboard.example.test"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve(db: Path, *args: str, wait: float = 90.0) -> Iterator[str]:
    """Start the server on a free loopback port, yield its base URL, stop it afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "geopol", "serve", "--db", str(db), "--host", "127.0.0.1",
           "--port", str(port), *args]
    if "--rules" not in args:
        cmd += ["--rules", str(db.with_suffix(".alerts.yaml"))]
    env = {k: v for k, v in os.environ.items() if k != "GEOPOL_TOKEN"}
    log = db.with_suffix(f".{port}.log")
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited ({proc.returncode}): {log.read_text()}")
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start in {wait}s: {log.read_text()}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
