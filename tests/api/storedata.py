"""Invented coded articles for the API and dashboard tests, stored through the real Store.

Two blocs that cooperate inside and clash across, events placed on the map, one stated
alignment, and one article whose text and actor names carry script and event-handler
payloads (the dashboard must show them as text and run nothing).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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

NAMES = {
    "USA": "United States", "GBR": "United Kingdom", "FRA": "France", "DEU": "Germany",
    "RUS": "Russia", "CHN": "China", "PRK": "North Korea", "IRN": "Iran",
}  # fmt: skip
CAPITALS = {
    "USA": ("Washington", 38.9, -77.04), "GBR": ("London", 51.51, -0.13),
    "FRA": ("Paris", 48.86, 2.35), "DEU": ("Berlin", 52.52, 13.4),
    "RUS": ("Moscow", 55.76, 37.62), "CHN": ("Beijing", 39.9, 116.4),
    "PRK": ("Pyongyang", 39.03, 125.75), "IRN": ("Tehran", 35.69, 51.39),
}  # fmt: skip
WEST = ("USA", "GBR", "FRA", "DEU")
EAST = ("RUS", "CHN", "PRK", "IRN")
# (type, quad, goldstein, intensity, cameo, verb)
COOP = ("COOPERATE", 2, 6.0, 9.5, "061", "signed a trade accord with")
TALKS = ("CONSULT", 1, 1.0, 2.5, "040", "held talks with")
ACCUSE = ("ACCUSE", 3, -2.0, -2.0, "111", "accused")
SANCTION = ("SANCTION", 3, -4.0, -6.0, "163", "imposed sanctions on")

XSS_TITLE = '<script>window.__pwned = 1</script>Summit <img src=x onerror="window.__pwned=2">'
XSS_ACTOR = '<svg onload="window.__pwned=3">Iran</svg>'


def _actor(code: str, text: str, start: int) -> Actor:
    return Actor(text=text, start=start, end=start + len(text), name=NAMES[code], country=code,
                 sector="GOV", kind="state", how="dictionary")


def _place(code: str, text: str, start: int) -> Place:
    name, lat, lon = CAPITALS[code]
    return Place(text=text, start=start, end=start + len(text), name=name, country=code,
                 lat=lat, lon=lon, gazetteer_id=f"test:{name.lower()}",
                 precision=PlacePrecision.CITY, how="test")


def _coded(
    n: int, day: dt.date, src: str, tgt: str, kind: tuple[str, int, float, float, str, str],
    factuality: Factuality = Factuality.ASSERTED,
    title: str | None = None,
    src_text: str | None = None,
) -> CodedArticle:
    etype, quad, goldstein, intensity, cameo, verb = kind
    where = CAPITALS[tgt][0]
    s_text = src_text or NAMES[src]
    sentence = f"{s_text} {verb} {NAMES[tgt]} in {where} on Tuesday."
    title = title or f"{NAMES[src]} and {NAMES[tgt]}: report {n}"
    body = sentence + " Officials gave no further details."
    article = Article(title=title, body=body, published=day, url=f"https://example.org/{n}",
                      source="Example Wire")
    text = article.text
    s0 = article.body_offset
    src_actor = _actor(src, s_text, s0)
    v0 = s0 + len(s_text) + 1
    verb_word = verb.split()[0]
    t0 = text.index(NAMES[tgt], v0)
    tgt_actor = _actor(tgt, NAMES[tgt], t0)
    p0 = text.index(where, t0)
    place = _place(tgt, where, p0)
    d0 = text.index("Tuesday", p0)
    event = Event(
        type=etype, mode=None, contexts=["diplomatic"], cameo=cameo, cameo_root=cameo[:2],
        quad=quad, goldstein=goldstein, intensity=intensity, factuality=factuality,
        source=[src_actor], target=[tgt_actor],
        date=EventDate(value=day.isoformat(), precision=Precision.DAY, text="Tuesday",
                       start=d0, end=d0 + 7),
        location=place,
        evidence=Evidence(
            article_id=article.id, sentence_index=0,
            sentence=Span(start=s0, end=s0 + len(sentence), text=sentence),
            trigger=Span(start=v0, end=v0 + len(verb_word), text=verb_word),
            source=[Span(start=src_actor.start, end=src_actor.end, text=s_text)],
            target=[Span(start=t0, end=t0 + len(NAMES[tgt]), text=NAMES[tgt])],
            location=Span(start=p0, end=p0 + len(where), text=where),
            date=Span(start=d0, end=d0 + 7, text="Tuesday"),
        ),
        confidence=0.9, article_id=article.id, article_title=article.title,
        article_url=article.url, published=day, coder="test", coder_version="0",
    )
    return CodedArticle(article=article, actors=[src_actor, tgt_actor], places=[place],
                        events=[event], alignments=[])


def coded_articles() -> list[CodedArticle]:
    """About a hundred invented articles over 2024 (deterministic)."""
    out: list[CodedArticle] = []
    start = dt.date(2024, 1, 2)
    n = 0
    for week in range(24):
        day = start + dt.timedelta(days=7 * week)
        for bloc in (WEST, EAST):
            a, b = bloc[week % 4], bloc[(week + 1) % 4]
            n += 1
            out.append(_coded(n, day, a, b, COOP if week % 2 else TALKS))
        a, b = WEST[week % 4], EAST[(week + 2) % 4]
        n += 1
        fact = Factuality.SPECULATED if week % 5 == 0 else Factuality.ASSERTED
        out.append(_coded(n, day, a, b, SANCTION if week % 3 else ACCUSE, fact))
        n += 1
        out.append(_coded(n, day, b, a, ACCUSE, Factuality.REPORTED))
    n += 1
    xss = _coded(n, dt.date(2024, 6, 20), "USA", "IRN", ACCUSE, title=XSS_TITLE,
                 src_text='<b onmouseover="window.__pwned=4">Washington</b>')
    ev = xss.events[0]
    hostile = Actor(text=ev.target[0].text, start=ev.target[0].start, end=ev.target[0].end,
                    name=XSS_ACTOR, country="IRN", sector="GOV")
    ev = Event(**{**{f: getattr(ev, f) for f in ev.__dataclass_fields__}, "target": [hostile]})
    xss = CodedArticle(article=xss.article, actors=xss.actors, places=xss.places, events=[ev],
                       alignments=[])
    out.append(xss)
    stated = out[0]
    al = StatedAlignment(
        members=[_actor("USA", "United States", 0), _actor("GBR", "United Kingdom", 0)],
        against=[_actor("RUS", "Russia", 0)], factuality=Factuality.ASSERTED,
        evidence=stated.events[0].evidence.sentence, article_id=stated.article.id,
        sentence_index=0,
    )
    out[0] = CodedArticle(article=stated.article, actors=stated.actors, places=stated.places,
                          events=stated.events, alignments=[al])
    return out


def build_store(path: Path) -> Path:
    """A store file at ``path`` filled with ``coded_articles()``."""
    from geopol.store import Store

    with Store.open(path) as store:
        store.add(coded_articles())
    return path


def xss_article_id() -> str:
    return coded_articles()[-1].article.id
