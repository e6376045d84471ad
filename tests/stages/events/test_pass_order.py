"""The pass list itself: every pass registered and placed, documented, printed by ``geopol
pipeline``, and the worked example of docs/stages/events.md runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from events_passkit import before, parse, readings

from geopol.events.context import SentenceContext
from geopol.events.extract import extract
from geopol.events.factuality import assess
from geopol.events.passes import ORDER, REGISTRY, Level, PassError, pipeline, register
from geopol.pipeline import describe
from geopol.records import Factuality, PloverType

DOC = Path(__file__).resolve().parents[3] / "docs" / "stages" / "events.md"


def test_every_builtin_pass_runs_once_in_order() -> None:
    builtin = {n for n, p in REGISTRY.items() if p.module.startswith("geopol.events.passes.")}
    assert sorted(ORDER) == sorted(builtin)
    assert len(set(ORDER)) == len(ORDER)
    levels = [REGISTRY[n].level for n in ORDER]
    first = levels.index(Level.ARTICLE)  # the article passes run last, after every other
    assert all(lv is Level.ARTICLE for lv in levels[first:])


def test_each_pass_has_its_own_test_file() -> None:
    tests = {p.name for p in Path(__file__).parent.glob("test_pass_*.py")}
    for name in ORDER:
        module = REGISTRY[name].module.rsplit(".", 1)[1]
        assert f"test_pass_{module}.py" in tests, name
        assert REGISTRY[name].about, f"{name} has no docstring"


def test_the_docs_and_geopol_pipeline_list_the_passes_in_order() -> None:
    rows = re.findall(r"^\| \d+ \| `([a-z-]+)` \|", DOC.read_text(encoding="utf-8"), re.M)
    assert rows == list(ORDER)
    printed = [line.split()[1] for line in describe() if re.match(r"\s+\d+\. ", line)]
    assert printed == list(ORDER)


def test_an_unknown_pass_name_is_an_error() -> None:
    with pytest.raises(PassError, match="no pass named 'nope'"):
        pipeline(["triggers", "nope"])


def no_hypothetical_attacks(ctx: SentenceContext) -> None:
    """"If Egypt were to attack Israel, ...": no attack is coded."""
    r = ctx.current
    if r.type is PloverType.ASSAULT:
        level, _ = assess(r.trigger.token, noun=r.trigger.noun)
        if level is Factuality.HYPOTHETICAL:
            r.dropped = True


def test_the_worked_example_of_the_docs() -> None:
    if "no-hypothetical-attacks" not in REGISTRY:
        register("no-hypothetical-attacks", Level.TRIGGER)(no_hypothetical_attacks)
    # the built-in unreal-events and stance-gate drop such events too: the example runs
    # without them
    base = [n for n in ORDER if n not in ("unreal-events", "stance-gate")]
    names = list(base)
    names.insert(names.index("arguments"), "no-hypothetical-attacks")
    text = "If Egypt were to attack Israel, the region would suffer."
    got = parse(text)
    plain, _ = extract(
        got.doc, got.article, got.actors, got.places, got.dateline, passes=pipeline(base)
    )
    assert [(e.type.value, e.factuality.value) for e in plain] == [("ASSAULT", "hypothetical")]
    events, _ = extract(
        got.doc, got.article, got.actors, got.places, got.dateline, passes=pipeline(names)
    )
    assert events == []
    ctx = before("Egypt attacked Israel.", "arguments", "attacked")
    no_hypothetical_attacks(ctx)
    assert not ctx.current.dropped
    assert readings(plain) == {("ASSAULT", "EGY", "ISR")}
