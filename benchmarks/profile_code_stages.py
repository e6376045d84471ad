"""Where ``geopol code`` spends its CPU time: start-up, each spaCy component, each geopol stage.

    python benchmarks/profile_code_stages.py FOLDER [--limit N] [--detail]

Counts CPU seconds of this process (``time.process_time``), so a machine shared with other
work distorts the figures less than wall time; no profiler hooks, so Python code is not
slowed more than C code. Start-up is split into imports, loading the spaCy model, and the
first article (which loads the actor dictionary, gazetteer, trigger lexicon and so on).
The articles are parsed component by component over the whole folder (same texts, same
order and the same headline/body split as ``geopol.pipeline.code_articles``), then each
geopol stage is timed per article. ``--detail`` also times each event pass and the main
steps of the actor, place and event-context stages (inclusive CPU seconds: a step that calls
another timed step counts it too), so the stages' cost can be laid at the door of the code
that spends it.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import importlib
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

_CLOCK = time.process_time

#: Steps timed with ``--detail``: module, then the names it calls its steps by.
STEPS = {
    "geopol.actors.find": ("match", "select_matches", "drop_stances", "_ner_actors",
                           "country_firms", "_join_agents", "attach_stances", "party_titled",
                           "shadow_titled", "resolve_coreference"),
    "geopol.places": ("find_mentions", "repeated", "resolve_mentions", "person_words",
                      "no_place", "_no_place", "at_article_city"),
    "geopol.events.context": ("event_places", "find_dates", "article_topic"),
}


def _timed(t: dict[str, float], label: str, fn: Any) -> Any:
    @functools.wraps(fn)
    def run(*a: Any, **k: Any) -> Any:
        t0 = _CLOCK()
        try:
            return fn(*a, **k)
        finally:
            t[label] += _CLOCK() - t0

    return run


def _detail(t: dict[str, float]) -> list[Any]:
    """Wrap the steps of ``STEPS`` with timers; the passes, each timed, in their order."""
    from geopol.events.passes import pipeline

    for module, names in STEPS.items():
        mod = importlib.import_module(module)
        short = module.removeprefix("geopol.")
        for name in names:
            setattr(mod, name, _timed(t, f"  {short}.{name}", getattr(mod, name)))
    return [dataclasses.replace(p, run=_timed(t, f"  pass {p.name}", p.run)) for p in pipeline()]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--detail", action="store_true", help="time each pass and stage step")
    args = ap.parse_args()
    t: dict[str, float] = defaultdict(float)
    steps: dict[str, float] = defaultdict(float)

    t0 = _CLOCK()
    from spacy.tokens import Doc

    from geopol.actors.context import attach_place_countries
    from geopol.actors.find import find_actors
    from geopol.events.casualties import attach as attach_casualties
    from geopol.events.extract import extract
    from geopol.inputs import InputLog, read_inputs
    from geopol.nlp import load
    from geopol.pipeline import code_article, prepare
    from geopol.places import find_places_for

    t["start: imports"] = _CLOCK() - t0
    t0 = _CLOCK()
    nlp = load()
    t["start: spacy.load"] = _CLOCK() - t0
    articles = list(read_inputs([str(args.folder)], published=None, log=InputLog()))
    if args.limit:
        articles = articles[: args.limit]
    t0 = _CLOCK()
    code_article(articles[0])
    t["start: first article (data files)"] = _CLOCK() - t0

    texts: list[str] = []
    owners: list[tuple[int, bool]] = []
    prepared: list[tuple[Any, Any]] = []
    for i, a in enumerate(articles):
        text, whole, place = prepare(a)
        prepared.append((whole, place))
        if a.title:
            texts.append(text[: a.body_offset])
            owners.append((i, False))
            texts.append(text[a.body_offset :])
            owners.append((i, True))
        else:
            texts.append(text)
            owners.append((i, True))
    t0 = _CLOCK()
    docs = list(nlp.tokenizer.pipe(texts))
    t["spacy: tokenizer"] = _CLOCK() - t0
    for name, proc in nlp.pipeline:
        t0 = _CLOCK()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(d) for d in docs]
        t[f"spacy: {name}"] = _CLOCK() - t0
    timed_passes = _detail(steps) if args.detail else None
    pending: list[Doc] = []
    n_events = 0
    for doc, (i, last) in zip(docs, owners, strict=True):
        pending.append(doc)
        if not last:
            continue
        full = pending[0] if len(pending) == 1 else Doc.from_docs(pending, ensure_whitespace=False)
        pending = []
        article, (_whole, place) = articles[i], prepared[i]
        t0 = _CLOCK()
        actors = find_actors(full, published=article.published)
        t1 = _CLOCK()
        places, dateline_place = find_places_for(full, actors, place)
        actors = attach_place_countries(full, actors, places)
        t2 = _CLOCK()
        events, _al = extract(full, article, actors, places, dateline_place,
                              passes=timed_passes)
        events = attach_casualties(full, events)
        t3 = _CLOCK()
        t["geopol: actors"] += t1 - t0
        t["geopol: places"] += t2 - t1
        t["geopol: events"] += t3 - t2
        n_events += len(events)
    width = max(len(k) for k in t)
    for k, v in t.items():
        print(f"{k:<{width}}  {v:7.2f} s")
    print(f"{'total':<{width}}  {sum(t.values()):7.2f} s   ({len(articles)} articles,"
          f" {n_events} events)")
    if steps:
        print("steps (inclusive, largest first):")
        width = max(len(k) for k in steps)
        for k, v in sorted(steps.items(), key=lambda kv: -kv[1]):
            print(f"{k:<{width}}  {v:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
