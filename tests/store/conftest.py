"""Records for store tests, built directly (no spaCy): the store holds any valid coder output."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from geopol.records import (
    Actor,
    Article,
    CodedArticle,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Precision,
    Span,
    StatedAlignment,
)

COUNTRY_NAMES = {"PRK": "North Korea", "RUS": "Russia", "CHN": "China", "USA": "United States",
                 "UKR": "Ukraine", "DEU": "Germany", "YEM": "Yemen"}


def actor(country: str, start: int = 0, sector: str | None = None) -> Actor:
    name = COUNTRY_NAMES.get(country, country)
    return Actor(text=name, start=start, end=start + len(name), name=name, country=country,
                 sector=sector)


MakeCoded = Callable[..., CodedArticle]


@pytest.fixture
def make_coded() -> MakeCoded:
    def make(
        title: str,
        events: list[tuple[str, str, str | None]],  # (type, source, target)
        *,
        published: dt.date | None = dt.date(2024, 3, 18),
        source: str | None = "Example Wire",
        url: str | None = None,
        factuality: Factuality = Factuality.ASSERTED,
        place: str | None = None,
        place_country: str | None = None,
        event_date: str | None = None,
        body: str = "Officials met and talked about many things.",
        alignments: bool = False,
    ) -> CodedArticle:
        article = Article(title=title, body=body, published=published, url=url, source=source)
        loc = None
        if place:
            loc = Place(text=place, start=0, end=len(place), name=place, country=place_country,
                        gazetteer_id=f"test:{place.lower()}", precision=PlacePrecision.CITY)
        evs = []
        actors = []
        for i, (typ, src, tgt) in enumerate(events):
            s = actor(src, start=i * 10)
            t = actor(tgt, start=i * 10 + 5) if tgt else None
            actors += [s] + ([t] if t else [])
            sent = Span(start=0, end=len(article.text), text=article.text)
            evs.append(Event(
                type=typ, mode=None, contexts=["diplomatic"], cameo="040", cameo_root="04",
                quad=1, goldstein=1.0, intensity=2.5, factuality=factuality,
                source=[s], target=[t] if t else [],
                date=EventDate(value=event_date, precision=Precision.DAY, text="on Monday")
                if event_date else None,
                location=loc,
                evidence=Evidence(article_id=article.id, sentence_index=i, sentence=sent,
                                  trigger=Span(start=i * 10 + 2, end=i * 10 + 6, text="held")),
                confidence=0.9, article_id=article.id, article_title=title,
                article_url=url, published=published, coder_version="test",
            ))
        als = []
        if alignments and len(actors) >= 2:
            als.append(StatedAlignment(members=actors[:2], against=[actor("USA")],
                                       factuality=Factuality.SPECULATED,
                                       evidence=Span(start=0, end=5, text=title[:5]),
                                       article_id=article.id, sentence_index=0))
        return CodedArticle(article=article, actors=actors, places=[loc] if loc else [],
                            events=evs, alignments=als)

    return make
