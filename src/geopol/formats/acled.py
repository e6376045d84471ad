"""ACLED-style event file: ACLED's export columns, in ACLED's order (CSV with a header).

Event type and sub-event type come from geopol's PLOVER type and mode (``ACLED_TYPES``);
actor1/actor2 are the first source and target actor (every other actor of a side goes to
assoc_actor_1/2, joined with "; "); inter1/inter2 ACLED's actor-type digits from the sector;
admin1 is the place's first-level division, location the place's name; geo_precision 1 (the
town), 2 (a part of a region) or 3 (a region or country); fatalities the coded ``killed``
count (0 when the text states none, empty when it says nothing); notes the evidence sentence.
Columns geopol has no value for (region, source_scale, tags, timestamp...) are empty.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from geopol.formats.csv import event_date
from geopol.formats.gdelt import country_name
from geopol.formats.jsonl import EventLike, event_dicts

#: ACLED's export columns (ACLED Codebook 2023, "Data columns"), in order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

#: (PLOVER type, mode) -> (ACLED event type, sub-event type); (type, None) is the default.
ACLED_TYPES: dict[tuple[str, str | None], tuple[str, str]] = {
    ("PROTEST", None): ("Protests", "Peaceful protest"),
    ("PROTEST", "riot"): ("Riots", "Violent demonstration"),
    ("PROTEST", "vandalize"): ("Riots", "Violent demonstration"),
    ("ASSAULT", None): ("Battles", "Armed clash"),
    ("ASSAULT", "firearms"): ("Battles", "Armed clash"),
    ("ASSAULT", "aerial"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "drone"): ("Explosions/Remote violence", "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): ("Explosions/Remote violence",
                                   "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosives"): ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("ASSAULT", "suicide-attack"): ("Explosions/Remote violence", "Suicide bomb"),
    ("ASSAULT", "unconventional"): ("Explosions/Remote violence", "Chemical weapon"),
    ("ASSAULT", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "sexual"): ("Violence against civilians", "Sexual violence"),
    ("ASSAULT", "beat"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "torture"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "targeted"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "crowd-control"): ("Protests", "Excessive force against protesters"),
    ("ASSAULT", "destroy"): ("Strategic developments", "Looting/property destruction"),
    ("COERCE", None): ("Strategic developments", "Other"),
    ("COERCE", "arrest"): ("Strategic developments", "Arrests"),
    ("COERCE", "seize"): ("Strategic developments", "Looting/property destruction"),
    ("MOBILIZE", None): ("Strategic developments", "Other"),
    ("AGREE", None): ("Strategic developments", "Agreement"),
    ("RETREAT", "ceasefire"): ("Strategic developments", "Agreement"),
    ("RETREAT", "withdraw"): ("Strategic developments", "Non-violent transfer of territory"),
}
_DISORDER = {
    "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Strategic developments": "Strategic developments",
}
#: ACLED's inter codes by geopol sector: 1 state forces, 2 rebels, 3 political militias,
#: 5 rioters, 6 protesters, 7 civilians, 8 external/other forces.
INTER: dict[str, str] = {
    "GOV": "1", "MIL": "1", "COP": "1", "SPY": "1", "JUD": "1", "LEG": "1",
    "REB": "2", "INS": "2", "PRM": "3", "UAF": "3", "OPP": "6", "CVL": "7", "REF": "7",
    "JRN": "7", "BUS": "7", "EDU": "7", "IGO": "8", "NGO": "8", "IMG": "2",
}
_PRECISION = {"facility": "1", "city": "1", "admin1": "2", "country": "3", "region": "3"}


def acled_type(type_: str, mode: str | None) -> tuple[str, str]:
    return ACLED_TYPES.get((type_, mode)) or ACLED_TYPES.get((type_, None)) or (
        "Strategic developments", "Other")


def _actors(actors: Any) -> tuple[str, str, str]:
    """Name, associated actors, inter code of one side."""
    if not isinstance(actors, list) or not actors:
        return "", "", ""
    names = []
    for a in actors:
        if isinstance(a, Mapping):
            country = country_name(str(a.get("country") or ""))
            name = str(a.get("name") or a.get("text") or "")
            names.append(f"{name} ({country})" if country and country != name else name)
    first = actors[0] if isinstance(actors[0], Mapping) else {}
    sector = str(first.get("sector") or "")
    inter = INTER.get(sector, "1" if sector == "" and first.get("country") else "")
    return names[0] if names else "", "; ".join(names[1:]), inter


def acled_row(d: Mapping[str, Any]) -> list[str]:
    event_type, sub = acled_type(str(d.get("type") or ""), d.get("mode"))
    a1, assoc1, inter1 = _actors(d.get("source"))
    a2, assoc2, inter2 = _actors(d.get("target"))
    loc = d.get("location") if isinstance(d.get("location"), Mapping) else {}
    day = event_date(d) or ""
    date = d.get("date") if isinstance(d.get("date"), Mapping) else {}
    precision = {"day": "1", "week": "2", "month": "3", "year": "3"}.get(
        str(date.get("precision") if date else "day") or "day", "1")
    killed = d.get("killed")
    fatalities = killed.get("count") if isinstance(killed, Mapping) else killed
    ev = d.get("evidence") if isinstance(d.get("evidence"), Mapping) else {}
    sentence = ev.get("sentence") if ev and isinstance(ev.get("sentence"), Mapping) else {}
    interaction = "".join(sorted(x for x in (inter1, inter2) if x))
    country = str(loc.get("country") or "") if loc else ""
    cells = [
        str(d.get("id") or ""), day, day[:4], precision if day else "",
        _DISORDER.get(event_type, ""), event_type, sub,
        a1, assoc1, inter1, a2, assoc2, inter2, interaction if inter1 else "",
        "Civilian targeting" if inter2 == "7" and event_type in (
            "Violence against civilians", "Explosions/Remote violence") else "",
        country, "", country_name(country), str(loc.get("admin1") or "") if loc else "",
        "", "", str(loc.get("name") or "") if loc else "",
        "" if not loc or loc.get("lat") is None else str(loc.get("lat")),
        "" if not loc or loc.get("lon") is None else str(loc.get("lon")),
        _PRECISION.get(str(loc.get("precision") or ""), "") if loc else "",
        str(d.get("article_url") or d.get("source_name") or ""), "",
        str(sentence.get("text") or "") if sentence else "",
        "" if fatalities is None else str(fatalities), "", "",
    ]  # fmt: skip
    return cells


def write_acled(events: Iterable[EventLike], out: TextIO, *, header: bool = True) -> int:
    """Write ACLED-style rows (CSV, ACLED's header); returns the number of events.

    Example:
        >>> write_acled([event.to_dict()], sys.stdout)
        1
    """
    writer = csv.writer(out, lineterminator="\r\n")
    if header:
        writer.writerow(ACLED_COLUMNS)
    n = 0
    for d in event_dicts(events):
        writer.writerow(acled_row(d))
        n += 1
    return n
