"""Helpers for tests in every folder: paths to ../shared evaluation data, skipped when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    return Path(os.environ.get("GEOPOL_SHARED", REPO.parent / "shared"))


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message naming it."""
    p = shared_path().joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not present (evaluation data lives beside the checkout in ../shared)")
    return p


def run_cli(args: list[str]) -> int:
    """Run the ``geopol`` command line in this process; its exit status."""
    from geopol.cli.app import main

    try:
        main(args)
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0
