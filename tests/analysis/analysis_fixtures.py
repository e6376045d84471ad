"""Helpers for the relation analysis tests: coded articles built by hand, real stores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from geopol.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Precision,
    Span,
    StatedAlignment,
)
from geopol.store import Store

SCORES = {"CONSULT": (1, 2.5, 1.0), "AID": (2, 10.0, 7.0), "ACCUSE": (3, -2.0, -2.0),
          "ASSAULT": (4, -9.0, -9.0), "COOPERATE": (2, 9.5, 6.0), "SANCTION": (3, -6.0, -4.0)}


def actor(code: str, start: int = 0) -> Actor:
    return Actor(text=code, start=start, end=start + len(code), name=code, country=code,
                 sector="GOV")


def coded(day: str, specs: Sequence[tuple[str, str | list[str], str | list[str], str]],
          alignments: Sequence[tuple[list[str], list[str], str]] = ()) -> CodedArticle:
    """An article published on ``day`` holding events (type, source(s), target(s), factuality).

    Each event gets its own sentence so that event ids differ.
    """
    sentences = [f"Sentence {i} about {t} by {s} towards {g}." for i, (t, s, g, _) in
                 enumerate(specs)]
    art = Article(title=f"Test article {day} {len(specs)}", body=" ".join(sentences),
                  published=dt.date.fromisoformat(day))
    events, pos = [], art.body_offset
    for i, (etype, src, tgt, fact) in enumerate(specs):
        text = sentences[i]
        begin = art.text.index(text, pos)
        pos = begin + len(text)
        quad, intensity, goldstein = SCORES[etype]
        srcs = [src] if isinstance(src, str) else src
        tgts = [tgt] if isinstance(tgt, str) else tgt
        events.append(Event(
            type=etype, mode=None, contexts=[], cameo="000", cameo_root="00", quad=quad,
            goldstein=goldstein, intensity=intensity, factuality=Factuality(fact),
            source=[actor(c, begin) for c in srcs], target=[actor(c, begin) for c in tgts],
            date=EventDate(value=day, precision=Precision.DAY, text="today"), location=None,
            evidence=Evidence(article_id=art.id, sentence_index=i,
                              sentence=Span(start=begin, end=pos, text=text),
                              trigger=Span(start=begin, end=begin + 8, text=text[:8])),
            confidence=1.0, article_id=art.id, article_title=art.title, published=art.published,
        ))
    aligns = [StatedAlignment(members=[actor(c) for c in m], against=[actor(c) for c in ag],
                              factuality=Factuality(f), evidence=Span(start=0, end=4, text="Test"),
                              article_id=art.id, sentence_index=0)
              for m, ag, f in alignments]
    return CodedArticle(article=art, actors=[], places=[], events=events, alignments=aligns)


def open_store(path: Path, articles: Sequence[CodedArticle]) -> Store:
    store = Store.open(path)
    store.add(articles)
    return store
