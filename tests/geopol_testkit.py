"""Helpers for tests in every folder: paths to ../shared evaluation data, skipped when absent;
actor mentions of a sentence."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from geopol.records import Actor

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


def actors_in(nlp: Language, text: str, published: str | None) -> list[Actor]:
    """The actor mentions of ``text`` as the actors stage finds them on ``published``."""
    import datetime as dt

    from geopol.actors.find import find_actors

    day = dt.date.fromisoformat(published) if published else None
    return find_actors(nlp(text), published=day)


def mention(found: list[Actor], text: str) -> Actor:
    """The first mention covering ``text``; fails, listing what was found, when none does."""
    hits = [a for a in found if text in a.text]
    assert hits, f"no mention covering {text!r} in {[a.text for a in found]}"
    return hits[0]
