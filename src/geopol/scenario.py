"""A seeded synthetic world for testing relation analysis end to end.

Two years of short news articles among a dozen real countries with planted structure:
two blocs (cooperation inside, conflict across), one dyad turning from cooperation to
conflict on a known date, and a burst of speculation (arms that "could" be supplied) that
never materialises. The generator keeps the truth beside the text, so tests can check what
geopol recovers after coding and storing the articles; ``gold_coded`` builds the coded
records the articles describe, for testing the analysis apart from the coder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import random
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from geopol.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Origin,
    PloverType,
    Precision,
    Span,
)
from geopol.yamlio import load_yaml

START = dt.date(2023, 1, 2)
WEEKS = 104
TURN = ("JPN", "KOR", dt.date(2024, 3, 11))
BURST = ("RUS", "PRK", dt.date(2024, 10, 7), dt.date(2024, 10, 27))
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@functools.lru_cache(maxsize=1)
def world() -> dict[str, Any]:
    text = resources.files("geopol.data").joinpath("analysis/scenario.yaml").read_text("utf-8")
    data: dict[str, Any] = load_yaml(text)
    return data


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Planned:
    """One event the scenario puts in an article."""

    day: dt.date
    type: str
    source: str
    target: str
    factuality: Factuality
    sentence: str


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Truth:
    blocs: dict[str, int]
    turn: tuple[str, str, dt.date]
    burst: tuple[str, str, dt.date, dt.date]
    start: dt.date
    end: dt.date


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Scenario:
    articles: list[Article]
    plans: list[list[Planned]]  # plans[i]: the events of articles[i]
    truth: Truth


def _sentence(template: str, s: str, t: str, day: dt.date) -> str:
    c = world()["countries"]
    text = template.format(S=c[s]["name"], T=c[t]["name"], Sa=c[s]["adj"], Ta=c[t]["adj"],
                           day=DAYS[day.weekday()])
    return text[0].upper() + text[1:]


def _plan(rng: random.Random, day: dt.date, etype: str, s: str, t: str,
          reported: float = 0.15) -> Planned:
    w = world()
    sentence = _sentence(rng.choice(w["templates"][etype]), s, t, day)
    factuality = Factuality.ASSERTED
    if rng.random() < reported:
        sentence = sentence[:-1] + rng.choice(w["reported_suffixes"])
        factuality = Factuality.REPORTED
    return Planned(day=day, type=etype, source=s, target=t, factuality=factuality,
                   sentence=sentence)


def generate(seed: int = 7, *, weeks: int = WEEKS, start: dt.date = START,
             pair_rate: float = 1 / 3, cross_rate: float = 1 / 6, per_article: int = 2
             ) -> Scenario:
    """The scenario's articles and truth; the same seed gives the same articles."""
    rng = random.Random(seed)
    w = world()
    codes = list(w["countries"])
    blocs = {c: int(w["countries"][c]["bloc"]) for c in codes}
    turn_a, turn_b, turn_day = TURN
    burst_a, burst_b, burst_from, burst_to = BURST
    end = start + dt.timedelta(days=7 * weeks - 1)
    plans: list[Planned] = []
    for week in range(weeks):
        monday = start + dt.timedelta(days=7 * week)
        for i, a in enumerate(codes):
            for b in codes[i + 1:]:
                pair = {a, b}
                if pair in ({turn_a, turn_b}, {burst_a, burst_b}):
                    continue
                same = blocs[a] == blocs[b]
                if rng.random() >= (pair_rate if same else cross_rate):
                    continue
                day = monday + dt.timedelta(days=rng.randrange(7))
                s, t = (a, b) if rng.random() < 0.5 else (b, a)
                etype = rng.choice(w["cooperation"] if same else w["conflict"])
                plans.append(_plan(rng, day, etype, s, t))
        # the turning dyad: two events a week, cooperation before the turn, fighting after
        for off in sorted(rng.sample(range(7), 2)):
            day = monday + dt.timedelta(days=off)
            kind = "cooperation" if day < turn_day else "fighting"
            s, t = (turn_a, turn_b) if rng.random() < 0.5 else (turn_b, turn_a)
            plans.append(_plan(rng, day, rng.choice(w[kind]), s, t))
        # the burst dyad: steady asserted cooperation, four events a week
        for off in sorted(rng.sample(range(7), 4)):
            day = monday + dt.timedelta(days=off)
            s, t = (burst_a, burst_b) if rng.random() < 0.5 else (burst_b, burst_a)
            plans.append(_plan(rng, day, rng.choice(w["cooperation"]), s, t, reported=0.0))
    day = burst_from
    while day <= burst_to:
        sentence = _sentence(rng.choice(w["speculation"]), burst_a, burst_b, day)
        plans.append(Planned(day=day, type="AID", source=burst_a, target=burst_b,
                             factuality=Factuality.SPECULATED, sentence=sentence))
        day += dt.timedelta(days=1)
    plans.sort(key=lambda p: (p.day, p.source, p.target, p.sentence))
    articles, grouped = _articles(rng, plans, per_article)
    truth = Truth(blocs=blocs, turn=TURN, burst=BURST, start=start, end=end)
    return Scenario(articles=articles, plans=grouped, truth=truth)


def _articles(rng: random.Random, plans: list[Planned], per_article: int
              ) -> tuple[list[Article], list[list[Planned]]]:
    """Group same-day events into short articles published the next day."""
    by_day: dict[dt.date, list[Planned]] = {}
    for p in plans:
        by_day.setdefault(p.day, []).append(p)
    articles: list[Article] = []
    grouped: list[list[Planned]] = []
    for day, items in sorted(by_day.items()):
        published = day + dt.timedelta(days=1)
        for k in range(0, len(items), per_article):
            chunk = items[k:k + per_article]
            head = rng.choice(world()["headlines"]).format(
                date=f"{published.day} {published:%B %Y}") + f" ({k // per_article + 1})"
            body = " ".join(p.sentence for p in chunk)
            articles.append(Article(title=head, body=body, published=published,
                                    source="scenario", url=None))
            grouped.append(chunk)
    return articles, grouped


def _actor(code: str, text: str, start: int) -> Actor:
    c = world()["countries"][code]
    return Actor(text=text, start=start, end=start + len(text), name=str(c["name"]),
                 country=code, sector="GOV", kind="state", how="scenario", origin=Origin.OTHER)


def gold_coded(scenario: Scenario) -> list[CodedArticle]:
    """The coded records the scenario's articles describe (what a perfect coder returns)."""
    types = world()["types"]
    out = []
    for article, plans in zip(scenario.articles, scenario.plans, strict=True):
        text = article.text
        events = []
        pos = article.body_offset
        for i, p in enumerate(plans):
            begin = text.index(p.sentence, pos)
            pos = begin + len(p.sentence)
            sentence = Span(start=begin, end=pos, text=p.sentence)
            quad, intensity, goldstein, cameo = types[p.type]
            src, tgt = _actor(p.source, p.source, begin), _actor(p.target, p.target, begin)
            date = EventDate(value=p.day.isoformat(), precision=Precision.DAY,
                             text=DAYS[p.day.weekday()])
            events.append(Event(
                type=PloverType(p.type), mode=None, contexts=[], cameo=str(cameo), cameo_root=str(cameo)[:2],
                quad=int(quad), goldstein=float(goldstein), intensity=float(intensity),
                factuality=p.factuality, source=[src], target=[tgt], date=date, location=None,
                evidence=Evidence(article_id=article.id, sentence_index=i, sentence=sentence,
                                  trigger=Span(start=begin, end=begin + 1, text=p.sentence[0])),
                confidence=1.0, article_id=article.id, article_title=article.title,
                published=article.published, coder="scenario-gold",
            ))
        out.append(CodedArticle(article=article, actors=[], places=[], events=events,
                                alignments=[]))
    return out


def write_jsonl(scenario: Scenario, path: str | Path) -> Path:
    """The articles as JSON lines (title, body, published, source) for ``geopol ingest``."""
    p = Path(path)
    with p.open("w", encoding="utf-8") as fh:
        for a in scenario.articles:
            fh.write(json.dumps({"title": a.title, "body": a.body,
                                 "published": a.published.isoformat() if a.published else None,
                                 "source": a.source}) + "\n")
    return p


def recovery(con: duckdb.DuckDBPyConnection, scenario: Scenario) -> dict[str, Any]:
    """What the analysis recovers from a store holding the scenario: bloc ARI, turn date
    error, and the burst's shifts raw and weighted."""
    from geopol.analysis.network import adjusted_rand_index, alignment_network
    from geopol.analysis.shifts import change_points_for, find_shifts

    truth = scenario.truth
    net = alignment_network(con)
    found = net.bloc_of()
    nodes = sorted(truth.blocs)
    ari = adjusted_rand_index([truth.blocs[n] for n in nodes], [found.get(n, -1) for n in nodes])
    a, b, day = truth.turn
    turns = change_points_for(con, a, b, max_points=1)
    turn_found = turns[0]["date"] if turns else None
    ba, bb, _, end = truth.burst
    burst: dict[str, list[dict[str, Any]]] = {}
    for weighted in (False, True):
        burst["weighted" if weighted else "raw"] = [
            s.to_dict() for s in find_shifts(con, until=end, weighted=weighted)
            if s.subject == "dyad" and {s.a, s.b} == {ba, bb}]
    return {
        "blocs": net.blocs, "ari": round(ari, 4), "stability": net.stability,
        "turn": {"dyad": f"{a}-{b}", "planted": day.isoformat(),
                 "found": turn_found.isoformat() if turn_found else None,
                 "error_days": (turn_found - day).days if turn_found else None},
        "burst": {"dyad": f"{ba}-{bb}", "until": end.isoformat(), **burst},
        "passed": bool(ari >= 0.9 and turn_found and abs((turn_found - day).days) <= 14
                       and burst["raw"] and not burst["weighted"]),
    }
