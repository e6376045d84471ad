"""Briefs: for one article, who did what to whom (with factuality and evidence), the
alignments it states, and what it changes: which dyads it touches and how its events compare
with the last 90 days of those dyads in the store.

The article may be stored already (by id), or be a file or an Article coded on the spot; its
own stored events are left out of the comparison window so it is not compared with itself.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Protocol

import duckdb

from geopol.analysis.series import dyad_filter
from geopol.analysis.shifts import band
from geopol.analysis.weights import resolve, weight_sql
from geopol.errors import BadInput
from geopol.formats.rows import dyad_rows, event_row
from geopol.records import Article, CodedArticle

#: Fewer weighted events a month than this in the window, and no trend band is given.
LOW_BASELINE = 3.0


class HasCon(Protocol):
    @property
    def con(self) -> duckdb.DuckDBPyConnection: ...


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class DyadChange:
    a: str
    b: str
    events: int
    weighted: float
    net: float  # sum of weighted PLOVER intensity of the article's events
    past_events: int
    past_weighted: float
    past_net: float
    last30: float  # weighted events in the 30 days before publication
    prev60: float  # weighted events in the 60 days before those

    @property
    def past_mean(self) -> float | None:
        return self.past_net / self.past_weighted if self.past_weighted else None

    @property
    def mean(self) -> float | None:
        return self.net / self.weighted if self.weighted else None

    def reading(self) -> str:
        """One sentence an analyst can read."""
        if not self.past_events:
            return "new dyad: no events in the comparison window"
        mean, past = self.mean, self.past_mean or 0.0
        if mean is None:
            tone = "adds nothing once factuality is weighed"
        elif (mean > 0) != (past > 0) and abs(mean - past) >= 1:
            tone = ("cuts against the trend: " +
                    ("cooperative" if mean > 0 else "conflictual") + " where the window was " +
                    ("cooperative" if past > 0 else "conflictual"))
        elif mean > past + 1:
            tone = "more cooperative than the window's average"
        elif mean < past - 1:
            tone = "more conflictual than the window's average"
        else:
            tone = "in line with the window"
        trend = ""
        if self.prev60 / 2 >= LOW_BASELINE:
            change = (self.last30 - self.prev60 / 2) / (self.prev60 / 2)
            trend = f"; activity {band(change).replace('_', ' ')} ({change:+.0%} last 30 days)"
        share = self.weighted / (self.past_weighted + self.weighted) if self.weighted else 0.0
        return f"{tone}{trend}; this article is {share:.0%} of the dyad's weighted events"

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.update(past_mean=self.past_mean, mean=self.mean, reading=self.reading())
        return d


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    article: dict[str, Any]
    events: list[dict[str, Any]]
    alignments: list[dict[str, Any]]
    dyads: list[DyadChange]
    days: int
    weights: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "events": self.events, "alignments": self.alignments,
                "dyads": [d.to_dict() for d in self.dyads], "days": self.days,
                "weights": self.weights}

    def to_markdown(self) -> str:
        art = self.article
        lines = [f"# Brief: {art.get('title') or art['article_id']}", ""]
        meta = [f"published {art['published']}" if art.get("published") else "undated",
                f"article `{art['article_id']}`"]
        if art.get("url"):
            meta.append(str(art["url"]))
        lines += [" · ".join(meta), "", "## Who did what to whom", ""]
        if not self.events:
            lines.append("No events coded.")
        for e in self.events:
            date = f", {e['date_value']}" if e.get("date_value") else ""
            where = f", at {e['location_name']}" if e.get("location_name") else ""
            mode = f"/{e['mode']}" if e.get("mode") else ""
            lines.append(
                f"- **{_actors(e['source_json'])}** → {e['type']}{mode} → "
                f"**{_actors(e['target_json']) or '—'}** *({e['factuality']}{date}{where})*  \n"
                f"  > {e['evidence_text'].strip()}"
            )
        lines += ["", "## Stated alignments", ""]
        if not self.alignments:
            lines.append("None stated.")
        for al in self.alignments:
            against = f" against {', '.join(al['against'])}" if al.get("against") else ""
            lines.append(f"- {', '.join(al['members'])}{against} *({al['factuality']})*  \n"
                         f"  > {str(al.get('evidence_text') or '').strip()}")
        lines += ["", f"## What it changes (against the previous {self.days} days)", ""]
        if not self.dyads:
            lines.append("No dyad between two known countries.")
        else:
            lines += ["| dyad | this article: events (weighted), mean intensity | "
                      f"{self.days} days: events (weighted), mean intensity | reading |",
                      "|---|---|---|---|"]
            for d in self.dyads:
                lines.append(
                    f"| {d.a}–{d.b} | {d.events} ({d.weighted:.1f}), {_fmt(d.mean)} | "
                    f"{d.past_events} ({d.past_weighted:.1f}), {_fmt(d.past_mean)} | "
                    f"{d.reading()} |")
        w = ", ".join(f"{k} {v:g}" for k, v in self.weights.items())
        lines += ["", f"*Weights by factuality: {w}.*", ""]
        return "\n".join(lines)


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:+.1f}"


def _actors(js: str | None) -> str:
    try:
        items = json.loads(js or "[]")
    except ValueError:
        return ""
    names = []
    for a in items:
        name = a.get("name") or a.get("text") or "?"
        code = a.get("code") or a.get("country") or ""
        names.append(f"{name} ({code})" if code and code != name else str(name))
    return ", ".join(names)


def _stored(con: duckdb.DuckDBPyConnection, article_id: str
            ) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]],
                       list[tuple[str, str, str]]] | None:
    cur = con.execute("SELECT article_id, title, published, url, path FROM articles "
                      "WHERE article_id = ?", [article_id])
    row = cur.fetchone()
    if row is None:
        return None
    article = dict(zip(("article_id", "title", "published", "url", "path"), row, strict=True))
    cur = con.execute("SELECT * FROM events WHERE article_id = ? "
                      "ORDER BY sentence_index, trigger_start", [article_id])
    names = [d[0] for d in cur.description]
    events = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    cur = con.execute("SELECT * FROM alignments WHERE article_id = ? ORDER BY sentence_index",
                      [article_id])
    names = [d[0] for d in cur.description]
    aligns = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    dyads = [(str(r[0]), str(r[1]), str(r[2])) for r in con.execute(
        "SELECT d.event_id, d.source_country, d.target_country FROM event_dyads d "
        "JOIN events e ON e.event_id = d.event_id WHERE e.article_id = ? "
        "AND d.target_country IS NOT NULL", [article_id]).fetchall()]
    return article, events, aligns, dyads


def _coded(coded: CodedArticle) -> tuple[dict[str, Any], list[dict[str, Any]],
                                         list[dict[str, Any]], list[tuple[str, str, str]]]:
    from geopol.store.writer import alignment_rows

    a = coded.article
    article = {"article_id": a.id, "title": a.title, "published": a.published, "url": a.url,
               "path": a.path}
    events = [event_row(e) for e in coded.events]
    dyads = [(str(r["event_id"]), str(r["source_country"]), str(r["target_country"]))
             for e in coded.events for r in dyad_rows(e) if r["target_country"]]
    return article, events, alignment_rows(coded), dyads


def brief(
    store: HasCon,
    article_or_id: str | Path | Article | CodedArticle,
    *,
    days: int = 90,
    weights: Mapping[str, float] | None = None,
    published: dt.date | None = None,
    model: str | None = None,
) -> Brief:
    """The brief of a stored article (by id), a text file, or an Article (coded here)."""
    con = store.con
    found = None
    if isinstance(article_or_id, CodedArticle):
        found = _coded(article_or_id)
    elif isinstance(article_or_id, Article):
        found = _stored(con, article_or_id.id) or _coded(_code(article_or_id, model))
    else:
        text = str(article_or_id)
        found = _stored(con, text)
        if found is None:
            path = Path(text)
            if not path.is_file():
                raise BadInput(f"{text}: neither a stored article id nor a readable file")
            from geopol.text.reader import read_text_file

            from_file = read_text_file(path, published=published)
            found = _stored(con, from_file.id) or _coded(_code(from_file, model))
    article, events, aligns, dyads = found
    if published and not article.get("published"):
        article["published"] = published
    w = resolve(weights)
    changes = _changes(con, article, events, dyads, days, w)
    art = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in article.items()}
    evs = [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in e.items()}
           for e in events]
    als = [{k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in a.items()}
           for a in aligns]
    return Brief(article=art, events=evs, alignments=als, dyads=changes, days=days, weights=w)


def _code(article: Article, model: str | None) -> CodedArticle:
    from geopol.pipeline import code_article

    return code_article(article, model=model)


def _changes(con: duckdb.DuckDBPyConnection, article: Mapping[str, Any],
             events: list[dict[str, Any]], dyads: list[tuple[str, str, str]], days: int,
             weights: Mapping[str, float]) -> list[DyadChange]:
    by_id = {str(e["event_id"]): e for e in events}
    pairs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for event_id, s, t in dyads:
        key = (min(s, t), max(s, t))
        group = pairs.setdefault(key, [])
        if event_id in by_id and by_id[event_id] not in group:
            group.append(by_id[event_id])
    end = article.get("published")
    if isinstance(end, str):
        end = dt.date.fromisoformat(end)
    if end is None:
        dates = [e["event_date"] for e in events if e.get("event_date")]
        end = max(dates) if dates else None
    w = weight_sql(weights, column="e.factuality")
    out = []
    for (a, b), evs in sorted(pairs.items()):
        weighted = sum(weights.get(str(e["factuality"]), 1.0) for e in evs)
        net = sum(weights.get(str(e["factuality"]), 1.0) * float(e["intensity"] or 0.0)
                  for e in evs)
        past = (0, 0.0, 0.0, 0.0, 0.0)
        if end is not None:
            start, mid = end - dt.timedelta(days=days), end - dt.timedelta(days=30)
            cond, cparams = dyad_filter(a, b)
            row = con.execute(f"""
                SELECT count(*), coalesce(sum({w}), 0), coalesce(sum({w} * e.intensity), 0),
                       coalesce(sum({w}) FILTER (WHERE e.event_date >= ?), 0),
                       coalesce(sum({w}) FILTER (WHERE e.event_date < ?), 0)
                FROM events e
                WHERE e.event_date >= ? AND e.event_date < ? AND e.article_id <> ? AND {cond}
            """, [mid, mid, start, end, article["article_id"], *cparams]).fetchone()
            if row:
                past = (int(row[0]), float(row[1]), float(row[2]), float(row[3]), float(row[4]))
        out.append(DyadChange(a=a, b=b, events=len(evs), weighted=round(weighted, 3),
                              net=round(net, 3), past_events=past[0],
                              past_weighted=round(past[1], 3), past_net=round(past[2], 3),
                              last30=round(past[3], 3), prev60=round(past[4], 3)))
    out.sort(key=lambda d: -d.weighted)
    return out
