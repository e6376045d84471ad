"""Geoparsing evaluation on TR-News / GeoWebNews style XML: resolution and recognition.

With gold spans, each gold toponym is resolved in the context of the others (and the
dateline): accuracy is exact GeoNames id, within 161 km (100 miles; the same id counts as
0 km) and right country, over the gold toponyms that have a GeoNames entry. Without gold
spans, geopol finds the toponyms itself: a gold toponym is found when a predicted place
overlaps it, and its resolution is that place's (unfound counts as wrong). Recall and
precision of recognition use the same overlap rule, over all gold spans.
"""

from __future__ import annotations

import dataclasses
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from geopol.errors import BadInput
from geopol.records import Article, Place

#: Distance under which a resolution counts as right (161 km = 100 miles, the field's usual).
KM_THRESHOLD = 161.0


@dataclasses.dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: str | None
    lat: float | None
    lon: float | None
    country_geonameid: str | None
    kind: str = ""  # GeoWebNews' toponym type ("Literal", "Non_Lit_Expression"...)
    non_locational: bool = False  # no place meant: left out of the resolution scores


@dataclasses.dataclass(frozen=True, slots=True)
class GoldArticle:
    docid: str
    title: str
    text: str
    toponyms: list[GoldToponym]


@dataclasses.dataclass(slots=True)
class GeoScores:
    articles: int = 0
    gold: int = 0  # gold toponyms with a gazetteer entry
    gold_spans: int = 0  # all gold toponym spans
    predicted: int = 0
    found: int = 0  # gold spans overlapped by a prediction
    correct_spans: int = 0  # predictions overlapping a gold span
    exact: int = 0
    within: int = 0
    country_gold: int = 0
    country_right: int = 0
    non_locational: int = 0  # gold toponyms that name no place (GeoWebNews), not scored

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "articles": self.articles,
            "gold_toponyms": self.gold_spans,
            "gold_with_id": self.gold,
            "non_locational": self.non_locational,
            "exact_accuracy": ratio(self.exact, self.gold),
            "within_161km": ratio(self.within, self.gold),
            "country_accuracy": ratio(self.country_right, self.country_gold),
            "recall": ratio(self.found, self.gold_spans),
            "precision": ratio(self.correct_spans, self.predicted),
        }


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int_text(el: ET.Element | None, tag: str) -> int:
    value = el.findtext(tag) if el is not None else None
    if value is None:
        raise BadInput(f"toponym without <{tag}>")
    return int(value.strip())


#: GeoWebNews toponym types that name no place ("Non_Lit_Expression": "the Washington
#: consensus"); any type containing "Non_Lit" counts too.
NON_LOCATIONAL_TYPES = frozenset({"homonym", "language"})
_ID_TAGS = ("geonamesID", "geonameid", "geonameID", "geonamesId", "geonames_id")


def _first_text(el: ET.Element, *tags: str) -> str | None:
    for tag in tags:
        value = el.findtext(tag)
        if value is not None and value.strip():
            return value.strip()
    return None


def _non_locational(t: ET.Element, kind: str) -> bool:
    flag = (_first_text(t, "nonLocational", "non_locational") or "").casefold()
    if flag in ("yes", "true", "1"):
        return True
    k = kind.casefold()
    return "non_lit" in k or k in NON_LOCATIONAL_TYPES


def _toponym(t: ET.Element) -> GoldToponym:
    """One gold toponym, TR-News (``phrase``, ``gaztag`` with ``lat``/``lon``/``country``) or
    GeoWebNews (``extractedName``, ``geonamesID``, ``latitude``/``longitude``, ``type``,
    ``nonLocational``) layout."""
    gaz = t.find("gaztag")
    gid = gaz.get("geonameid") if gaz is not None else None
    src = gaz if gaz is not None else t
    gid = gid or _first_text(t, *_ID_TAGS) or (
        _first_text(gaz, *_ID_TAGS) if gaz is not None else None
    )
    country = src.find("country")
    kind = _first_text(t, "type", "toponymType") or ""
    return GoldToponym(
        start=_int_text(t, "start"),
        end=_int_text(t, "end"),
        phrase=_first_text(t, "phrase", "extractedName", "name") or "",
        geonameid=gid,
        lat=_num(_first_text(src, "lat", "latitude")),
        lon=_num(_first_text(src, "lon", "lng", "longitude")),
        country_geonameid=country.get("geonameid") if country is not None else None,
        kind=kind,
        non_locational=_non_locational(t, kind),
    )


def _align(text: str, g: GoldToponym, window: int = 20) -> GoldToponym:
    """Repair offsets that are off by a few characters (some files count line ends
    differently): the phrase's occurrence nearest to the stated start."""
    if not g.phrase or text[g.start : g.end] == g.phrase:
        return g
    best: int | None = None
    lo = max(0, g.start - window)
    pos = text.find(g.phrase, lo, g.end + window)
    while pos >= 0:
        if best is None or abs(pos - g.start) < abs(best - g.start):
            best = pos
        pos = text.find(g.phrase, pos + 1, g.end + window)
    if best is None:
        return g
    return dataclasses.replace(g, start=best, end=best + len(g.phrase))


def read_xml(path: str | Path) -> list[GoldArticle]:
    """TR-News or GeoWebNews XML: <article> with <text> and <toponyms><toponym>."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise BadInput(f"{path}: cannot read geoparsing XML ({exc})") from exc
    out: list[GoldArticle] = []
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        tops = art.find("toponyms")
        toponyms = [
            _align(text, _toponym(t)) for t in (tops if tops is not None else art).iter("toponym")
        ]
        out.append(
            GoldArticle(
                docid=art.get("docid") or art.get("id") or str(i),
                title=(art.findtext("title") or "").strip(),
                text=text,
                toponyms=toponyms,
            )
        )
    if not out:
        raise BadInput(f"{path}: no <article> elements")
    return out


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _overlaps(a: Place, g: GoldToponym) -> bool:
    return a.start < g.end and g.start < a.end


def _places(
    articles: list[GoldArticle], gold_spans: bool, model: str | None
) -> Iterator[tuple[GoldArticle, list[Place]]]:
    from geopol.nlp import load
    from geopol.places import find_places_for, resolve_mentions
    from geopol.places.gazetteer import get
    from geopol.places.recognise import link_inside, mention_for_span
    from geopol.text.dateline import find_dateline
    from geopol.text.linebreaks import join_broken_lines

    nlp = load(model)
    gaz = get()

    def prepared() -> Iterator[tuple[str, tuple[GoldArticle, Any]]]:
        for art in articles:
            # body only, so gold offsets (into <text>) are doc offsets
            article = Article(title="", body=art.text)
            found = find_dateline(article.body, offset=0)
            text = join_broken_lines(art.text)  # same length: gold offsets still hold
            place = None
            if found and not gold_spans:
                whole, place = found
                text = text[: whole.start] + " " * (whole.end - whole.start) + text[whole.end :]
            yield text, (art, place)

    for doc, (art, place) in nlp.pipe(prepared(), as_tuples=True, batch_size=8):
        if not gold_spans:
            places, _ = find_places_for(doc, [], place)
            yield art, places
            continue
        mentions = [mention_for_span(doc, gaz, g.start, g.end, "gold") for g in art.toponyms]
        link_inside(doc, mentions)
        yield art, resolve_mentions(gaz, mentions)


def _gold_country(g: GoldToponym, iso3: dict[str, str]) -> str | None:
    """The gold toponym's country (ISO3): its ``country`` element, else its GeoNames
    entry's country where the gazetteer has the entry."""
    if g.country_geonameid:
        return iso3.get(g.country_geonameid)
    if g.geonameid:
        from geopol.places.gazetteer import get

        gaz = get()
        e = gaz.by_gid(f"geonames:{g.geonameid}")
        if e is not None and e.cc:
            return gaz.iso3.get(e.cc)
    return None


def _country_iso3() -> dict[str, str]:
    """GeoNames country id -> ISO3, from the gazetteer."""
    from geopol.places.gazetteer import get

    gaz = get()
    out: dict[str, str] = {}
    for cc, pid in gaz.country_pid.items():
        out[gaz.by_pid(pid).gid.removeprefix("geonames:")] = gaz.iso3[cc]
    return out


def evaluate(
    articles: list[GoldArticle],
    *,
    gold_spans: bool,
    model: str | None = None,
    predictions: TextIO | None = None,
) -> GeoScores:
    scores = GeoScores()
    iso3 = _country_iso3()
    for art, places in _places(articles, gold_spans, model):
        scores.articles += 1
        scores.gold_spans += len(art.toponyms)
        if not gold_spans:
            scores.predicted += len(places)
            scores.correct_spans += sum(
                1 for p in places if any(_overlaps(p, g) for g in art.toponyms)
            )
        for i, g in enumerate(art.toponyms):
            if gold_spans:
                pred: Place | None = places[i]
                scores.found += 1
            else:
                pred = next((p for p in places if _overlaps(p, g)), None)
                scores.found += pred is not None
            if g.non_locational:
                scores.non_locational += 1
            else:
                _score_one(scores, g, pred, iso3)
            if predictions is not None:
                predictions.write(json.dumps(_prediction(art, g, pred)) + "\n")
    return scores


def _score_one(scores: GeoScores, g: GoldToponym, pred: Place | None, iso3: dict[str, str]) -> None:
    if g.geonameid is None:
        return
    scores.gold += 1
    resolved = pred is not None and pred.name is not None
    if resolved and pred is not None and pred.gazetteer_id == f"geonames:{g.geonameid}":
        scores.exact += 1
        scores.within += 1
    elif (
        resolved
        and pred is not None
        and pred.lat is not None
        and pred.lon is not None
        and g.lat is not None
        and g.lon is not None
        and haversine(pred.lat, pred.lon, g.lat, g.lon) <= KM_THRESHOLD
    ):
        scores.within += 1
    gold_country = _gold_country(g, iso3)
    if gold_country:
        scores.country_gold += 1
        if pred is not None and pred.country == gold_country:
            scores.country_right += 1


def _prediction(art: GoldArticle, g: GoldToponym, pred: Place | None) -> dict[str, Any]:
    ok = pred is not None and pred.name is not None
    return {
        "article": art.docid,
        "start": g.start,
        "end": g.end,
        "phrase": g.phrase,
        "lat": pred.lat if ok and pred is not None else None,
        "lon": pred.lon if ok and pred is not None else None,
        "country": pred.country if pred is not None else None,
        "gazetteer_id": pred.gazetteer_id if ok and pred is not None else None,
        "name": pred.name if ok and pred is not None else None,
        "non_locational": g.non_locational,
    }


def format_scores(scores: GeoScores, gold_spans: bool) -> Iterable[str]:
    d = scores.as_dict()
    mode = "gold spans" if gold_spans else "recognised spans"
    yield (
        f"articles: {d['articles']}  gold toponyms: {d['gold_toponyms']}"
        f" ({d['gold_with_id']} with id, {d['non_locational']} non-locational left out)"
    )
    yield f"mode: {mode}"
    yield f"exact id accuracy:     {d['exact_accuracy']:.1%}"
    yield f"within 161 km:         {d['within_161km']:.1%}"
    yield f"country accuracy:      {d['country_accuracy']:.1%}"
    if not gold_spans:
        yield f"toponym recall:        {d['recall']:.1%}"
        yield f"toponym precision:     {d['precision']:.1%}"
