"""Helpers for tests in every folder: paths to ../shared evaluation data, skipped when absent;
the events of a test text; actor mentions and places of a sentence; the factuality of a marked
dyad."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

    from geopol.records import Actor, Event, Place

REPO = Path(__file__).resolve().parents[1]


def coded(text: str, published: str | None) -> list[Event]:
    """The events of ``text`` coded as the body of an article titled "Test article"."""
    from geopol.pipeline import code

    return code("Test article\n" + text, published=published)


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


def places_of(nlp: Language, text: str) -> list[Place]:
    """The places the places stage finds in ``text`` (no actors, no dateline)."""
    from geopol.places import find_places_for

    places, _ = find_places_for(nlp(text), [], None)
    return places


def place_named(places: list[Place], text: str) -> Place:
    """The first place whose text is ``text``."""
    return next(p for p in places if p.text == text)


def place_texts(places: list[Place]) -> set[str]:
    """The texts of the places found."""
    return {p.text for p in places}


def dyad_factuality(nlp: Language, marked: str) -> str:
    """The factuality ``geopol eval plv`` reads for a PLV-marked sentence
    (``<s>source</s> ... <t>target</t>``)."""
    from geopol.eval.plv import _span, _strip, classify

    text, spans = _strip(marked)
    doc = nlp(text)
    source, target = _span(doc, spans["s"]), _span(doc, spans["t"])
    assert source is not None and target is not None
    return classify(doc, source, target)[1] or "asserted"


def check_written_labels(
    path: Path, least: int, after: int, ambiguous: tuple[str, ...], per_class: int = 10
) -> None:
    """A file of our own labelled factuality sentences (``benchmarks/labels/factuality-written-*``)
    is well formed: at least ``least`` rows, unique ids all above the round before's (``after``),
    every class among the unambiguous rows at least ``per_class`` times, one source and one target
    mark each, the plain sentence the marked one without its marks."""
    import csv
    from collections import Counter

    from geopol.records import Factuality

    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert len(rows) >= least
    ids = [int(r["sentence_id"]) for r in rows]
    assert len(set(ids)) == len(ids) and min(ids) > after
    counts = Counter(r["factuality"] for r in rows if r["ambiguous"] == "0")
    assert set(counts) == {f.value for f in Factuality}
    assert min(counts.values()) >= per_class
    for r in rows:
        plain = r["marked_sentence"]
        for tag in ("<s>", "</s>", "<t>", "</t>"):
            assert plain.count(tag) == 1, r["sentence_id"]
            plain = plain.replace(tag, "")
        assert plain == r["sentence"] and r["ambiguous"] in ambiguous
