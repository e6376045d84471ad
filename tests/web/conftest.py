"""Fixtures for the browser tests: Debian's chromium driven by Playwright against real servers.

Never a downloaded browser: the tests use ``chromium`` from PATH or /usr/bin/chromium and skip
(naming the path) when it is absent.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

import liveserver
import storedata

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


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


class Watched:
    """A page plus everything it logged: page errors, console errors, dialogs."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", self._console)
        page.on("dialog", self._dialog)

    def _console(self, msg: Any) -> None:
        if msg.type == "error":
            self.errors.append(f"console: {msg.text}")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


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
    with liveserver.serve(db, "--read-only") as base:
        yield base


def screenshot(page: Any, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
