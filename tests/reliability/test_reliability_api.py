"""The API under hostile requests: schemathesis from the OpenAPI schema against a real
``geopol serve`` (no 500s, no schema violations) and oversized request bodies refused.

The long run is ``python benchmarks/api_fuzz.py --examples 200``.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("geopol_api_fuzz", ROOT / "benchmarks" / "api_fuzz.py")
assert _spec is not None and _spec.loader is not None
api_fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(api_fuzz)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("api")
    with api_fuzz.served(work) as url:
        yield url
    log = (work / "serve.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]


def test_schemathesis_finds_no_server_errors(base: str) -> None:
    if shutil.which("schemathesis", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("schemathesis is not installed in this environment (pip install schemathesis)")
    result = api_fuzz.schemathesis(base, examples=4, seed=1)
    assert result["rc"] == 0, result["summary"]
    assert result["test_cases"], result["summary"]


def test_declared_oversized_body_refused(base: str) -> None:
    big = b"x" * (api_fuzz_limit() + 1)
    r = httpx.post(f"{base}/api/articles", content=big, timeout=60,
                   headers={"Content-Type": "application/json",
                            "Authorization": f"Bearer {api_fuzz.TOKEN}"})
    assert r.status_code == 413 and "limit" in r.json()["error"]


def test_streamed_oversized_body_refused(base: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(api_fuzz_limit() // 65536 + 2):
            yield b" " * 65536

    r = httpx.post(f"{base}/api/articles", content=chunks(), timeout=60,
                   headers={"Content-Type": "application/json"})
    assert r.status_code in (400, 413), r.text
    assert httpx.get(f"{base}/api/health", timeout=10).status_code == 200


def test_body_within_limit_still_accepted(base: str) -> None:
    r = httpx.post(f"{base}/api/articles", timeout=120,
                   json={"title": "Talks", "body": "Russia and China held talks in Beijing."},
                   headers={"Authorization": f"Bearer {api_fuzz.TOKEN}"})
    assert r.status_code == 201, r.text


def api_fuzz_limit() -> int:
    from geopol.api.cache import MAX_REQUEST

    return int(MAX_REQUEST)


@pytest.mark.issue(9)
@pytest.mark.parametrize("path", ["/api/articles", "/api/events"])
def test_huge_offset_is_a_422_not_a_500(base: str, path: str) -> None:
    """schemathesis found offset=961945902602127147008 gave 500 (DuckDB ConversionException)."""
    r = httpx.get(f"{base}{path}", params={"offset": "961945902602127147008"}, timeout=30)
    assert r.status_code == 422, r.text


@pytest.mark.issue(9)
def test_shift_windows_before_year_one_are_a_422(base: str) -> None:
    """schemathesis found until=0048-05-18 with baseline_days=25585 gave 500 (OverflowError)."""
    r = httpx.get(f"{base}/api/shifts", timeout=30, params={
        "baseline_days": 25585, "until": "0048-05-18", "weighted": "false", "recent_days": 1574})
    assert r.status_code == 422, r.text
