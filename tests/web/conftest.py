"""Fixtures for the browser tests: Debian's chromium driven by Playwright against real servers.

Never a downloaded browser: the tests use ``chromium`` from PATH or /usr/bin/chromium and skip
(naming the path) when it is absent.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

import liveserver
import storedata
from browserkit import CHROMIUM_FLAGS, Watched, chromium_path


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    exe = chromium_path()
    if exe is None:
        pytest.skip("no chromium on PATH or at /usr/bin/chromium (apt-get install chromium)")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=exe, args=CHROMIUM_FLAGS)
        yield b
        b.close()


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    """A fresh page; the test fails if the page threw, logged an error or opened a dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    w = Watched(context.new_page())
    yield w
    context.close()
    assert not w.errors, w.errors
    assert not w.dialogs, w.dialogs


@pytest.fixture(scope="session")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The invented store served with a token (the paste box can write)."""
    db = storedata.build_store(tmp_path_factory.mktemp("web-store") / "events.duckdb")
    with liveserver.serve(db, "--token", liveserver.TOKEN) as base:
        yield base


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo store (``samples/articles`` coded by geopol), served read-only."""
    fixtures = pytest.importorskip("geopol.fixtures")
    try:
        samples = fixtures.samples_dir()
    except Exception as exc:
        pytest.skip(f"sample articles not found: {exc}")
    db = tmp_path_factory.mktemp("demo-store") / "demo.duckdb"
    fixtures.build_sample_store(db)
    assert samples.is_dir()
    rules = db.with_name("alerts.yaml")
    rules.write_text(DEMO_RULES, encoding="utf-8")
    with liveserver.serve(db, "--read-only", "--rules", str(rules)) as base:
        yield base


#: Rules the demo data sets off: the summer's military posture around Taiwan and Kashmir.
DEMO_RULES = """\
rules:
  - name: force-posture-watch
    types: [MOBILIZE, ASSAULT, COERCE]
    window_days: 120
    threshold: 1
  - name: china-activity
    actor: CHN
    window_days: 180
    threshold: 2
"""
