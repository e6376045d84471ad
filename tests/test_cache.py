"""geopol.cache: a value is built once per content, read back after, rebuilt when unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from geopol.cache import cache_dir, cached, key_of
from geopol.yamlio import CACHE_FROM, load_yaml


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEOPOL_CACHE_DIR", str(tmp_path / "c"))
    monkeypatch.delenv("GEOPOL_CACHE", raising=False)
    return tmp_path / "c"


def test_built_once_then_read(folder: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, list[int]]:
        calls.append(1)
        return {"a": [1, 2]}

    assert cached("t", "same text", build) == {"a": [1, 2]}
    assert cached("t", "same text", build) == {"a": [1, 2]}
    assert len(calls) == 1
    assert cached("t", "other text", build) == {"a": [1, 2]}
    assert len(calls) == 2
    assert (folder / f"{key_of('t', 'same text')}.pickle").is_file()


def test_a_damaged_copy_is_rebuilt(folder: Path) -> None:
    cached("t", "x", lambda: 1)
    path = folder / f"{key_of('t', 'x')}.pickle"
    path.write_bytes(b"not a pickle")
    assert cached("t", "x", lambda: 2) == 2
    assert cached("t", "x", lambda: 3) == 2


def test_off_and_unwritable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOPOL_CACHE", "off")
    assert cache_dir() is None
    assert cached("t", "x", lambda: 5) == 5
    monkeypatch.delenv("GEOPOL_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("GEOPOL_CACHE_DIR", str(blocker / "sub"))
    assert cached("t", "x", lambda: 6) == 6


def test_big_yaml_reads_the_same_from_the_cache(folder: Path) -> None:
    text = "".join(f"k{i}: [a, {i}, 2024-01-0{i % 9 + 1}, null, yes]\n" for i in range(CACHE_FROM // 20))
    first = load_yaml(text)
    assert any(folder.glob("yaml-*.pickle"))
    assert load_yaml(text) == first
    assert str(first["k3"][2]) == "2024-01-04" and first["k3"][3] is None and first["k3"][4] is True
