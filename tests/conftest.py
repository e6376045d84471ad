"""Session fixtures shared by every test package: the real spaCy pipeline and ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

from geopol.nlp import load

REPO = Path(__file__).resolve().parents[1]


def shared_path() -> Path:
    return Path(os.environ.get("GEOPOL_SHARED", REPO.parent / "shared"))


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a message naming it."""
    p = shared_path().joinpath(*parts)
    if not p.exists():
        pytest.skip(f"{p} is not present (evaluation data lives beside the checkout in ../shared)")
    return p


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load()
