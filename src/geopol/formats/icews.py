"""ICEWS event file (.tab): tab-separated with ICEWS's header, one row per event.

ICEWS names countries in words and sectors in words, so geopol's ISO3 codes and sector
codes are spelled out; an organisation's country column is empty, as in ICEWS (its sector
says "International Government Organization"). Story IDs are numbers, as in ICEWS: the
article's content hash read as a 60-bit integer (the same for every event of an article). As in GDELT, the first source and target actor fill the one
actor column per side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TextIO
from urllib.parse import urlparse

from geopol.events.cameo import cameo_table
from geopol.formats.csv import event_date
from geopol.formats.gdelt import _clean, country_name, global_event_id
from geopol.formats.jsonl import EventLike, event_dicts
from geopol.records import is_organisation_code

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
)  # fmt: skip

#: geopol sector codes in ICEWS's words.
SECTOR_WORDS: dict[str, str] = {
    "GOV": "Government",
    "MIL": "Military",
    "COP": "Police",
    "JUD": "Judicial",
    "LEG": "Legislative / Parliamentary",
    "PRM": "Paramilitary",
    "REB": "Rebel",
    "PTY": "Parties",
    "SPY": "Intelligence",
    "UAF": "Unidentified Forces",
    "BUS": "Business",
    "CVL": "Civilian",
    "JRN": "Media",
    "OPP": "Dissident",
    "REF": "Refugees / Displaced",
    "IGO": "International Government Organization",
    "NGO": "Nongovernmental Organization",
    "UNK": "",
}


def _actor(actors: Any) -> tuple[str, str, str]:
    """Name, Sectors, Country of the first actor."""
    actor: Mapping[str, Any] = actors[0] if isinstance(actors, list) and actors else {}
    if not actor:
        return "", "", ""
    sector = str(actor.get("sector") or "")
    country = str(actor.get("country") or "")
    return (
        str(actor.get("name") or actor.get("text") or ""),
        SECTOR_WORDS.get(sector, sector),
        country_name(country) or ("" if is_organisation_code(country) else country),
    )


def _place(loc: Any) -> list[str]:
    """City, District, Province, Country, Latitude, Longitude."""
    if not isinstance(loc, Mapping) or not loc:
        return [""] * 6
    precision = str(loc.get("precision") or "")
    name = str(loc.get("name") or loc.get("text") or "")
    admin1 = str(loc.get("admin1") or "")
    city = name if precision in ("city", "facility") else ""
    province = name if precision == "admin1" and not admin1 else admin1
    country = country_name(str(loc.get("country") or ""))
    return [city, "", province, country, _clean(loc.get("lat")), _clean(loc.get("lon"))]


def _publisher(url: Any) -> str:
    if not isinstance(url, str) or "://" not in url:
        return ""
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.")


def icews_row(d: Mapping[str, Any]) -> list[str]:
    """The 20 ICEWS cells of one event dict."""
    code = str(d.get("cameo") or "")
    info = cameo_table().get(code)
    evidence = d.get("evidence") if isinstance(d.get("evidence"), Mapping) else {}
    sentence = evidence.get("sentence_index") if evidence else None
    src_name, src_sectors, src_country = _actor(d.get("source"))
    tgt_name, tgt_sectors, tgt_country = _actor(d.get("target"))
    cells = [
        global_event_id(d.get("id")),
        event_date(d) or "",
        src_name, src_sectors, src_country,
        info.name if info else "",
        code,
        _clean(d.get("goldstein")),
        tgt_name, tgt_sectors, tgt_country,
        global_event_id(str(d.get("article_id") or "")),  # numeric, as ICEWS's story ids
        str(sentence + 1) if isinstance(sentence, int) else "",
        _publisher(d.get("article_url")),
        *_place(d.get("location")),
    ]  # fmt: skip
    return [_clean(c) for c in cells]


def write_icews(events: Iterable[EventLike], out: TextIO, *, header: bool = True) -> int:
    """Write ICEWS rows (tab-separated, no quoting) after ICEWS's header line.

    Example:
        >>> write_icews([event.to_dict()], sys.stdout)
        1
    """
    if header:
        out.write("\t".join(ICEWS_COLUMNS) + "\n")
    n = 0
    for d in event_dicts(events):
        out.write("\t".join(icews_row(d)) + "\n")
        n += 1
    return n
