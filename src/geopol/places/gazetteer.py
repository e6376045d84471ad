"""Read access to the gazetteer index: candidates for a name, countries, first-level divisions.

One read-only SQLite connection per process; lookups are cached, so an article naming
"Kabul" ten times queries it once.
"""

from __future__ import annotations

import dataclasses
import functools
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from geopol.places.build import (
    ALIAS,
    ALTERNATE,
    ARABIC_ARTICLES,
    DEMONYM,
    PRIMARY,
    ensure_index,
    fold,
    normalise,
)

__all__ = ["ALIAS", "ALTERNATE", "ARABIC_ARTICLES", "DEMONYM", "PRIMARY", "Entry", "Gazetteer", "get", "normalise"]


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place, with how the looked-up name matched it (``kind``)."""

    pid: int
    gid: str
    name: str
    cc: str | None  # ISO2
    admin1: str | None  # GeoNames admin1 code
    admin2: str | None  # GeoNames admin2 code
    lat: float
    lon: float
    pop: int
    fclass: str
    fcode: str
    precision: str
    kind: int = PRIMARY


_COLS = (
    "p.id, p.gid, p.name, p.cc, p.admin1, p.admin2, p.lat, p.lon, p.pop, p.fclass, p.fcode,"
    " p.precision"
)


#: The shortest name (without spaces) looked up space-insensitively.
_SQUASH_MIN = 6


class Gazetteer:
    """The index opened read-only; thread-safe (one lock around the connection)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(
            f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        rows = self._con.execute("SELECT cc, iso3, name, place FROM country").fetchall()
        self.iso3: dict[str, str] = {r[0]: r[1] for r in rows}
        self.country_name: dict[str, str] = {r[0]: r[2] for r in rows}
        self.country_pid: dict[str, int] = {r[0]: r[3] for r in rows}
        rows = self._con.execute("SELECT cc, code, name, place FROM admin1").fetchall()
        self.admin1_name: dict[tuple[str, str], str] = {(r[0], r[1]): r[2] for r in rows}
        self.admin1_pid: dict[tuple[str, str], int] = {(r[0], r[1]): r[3] for r in rows}
        self._lookup = functools.lru_cache(maxsize=65536)(self._lookup_uncached)
        self._squashed = functools.lru_cache(maxsize=16384)(self._squashed_uncached)
        self._folded = functools.lru_cache(maxsize=16384)(self._folded_uncached)

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def _lookup_uncached(self, key: str) -> tuple[Entry, ...]:
        rows = self._query(
            f"SELECT {_COLS}, MIN(n.kind) FROM name n JOIN place p ON p.id = n.place "
            "WHERE n.key = ? GROUP BY p.id",
            (key,),
        )
        return tuple(Entry(*r) for r in rows)  # type: ignore[arg-type]

    def _squashed_uncached(self, key: str) -> tuple[Entry, ...]:
        rows = self._query(
            f"SELECT {_COLS}, {ALTERNATE} FROM place p WHERE p.id IN "
            "(SELECT place FROM squash WHERE key = ? UNION SELECT place FROM name "
            f"WHERE key = ? AND kind != {DEMONYM})",
            (key, key),
        )
        return tuple(Entry(*r) for r in rows)  # type: ignore[arg-type]

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Every place that ``name`` can denote (primary names, aliases, demonyms)."""
        key = normalise(name)
        if not key:
            return ()
        found = self._lookup(key)
        head, _, rest = key.partition(" ")
        if not found and rest and head in ARABIC_ARTICLES:
            # "Ar-Raqqa", "Al-Hasakeh": Arabic names are written with and without the article
            found = self._lookup(rest)
        if not found:
            found = self.squashed(key)
        if not found:
            found = self.folded(key)
        return found

    def folded(self, key: str) -> tuple[Entry, ...]:
        """Places whose name folds onto the same letters as the key ``key`` (``fold``:
        "Tell Abiad" for Tall Abyad), as another spelling (kind ALTERNATE)."""
        flat = fold(key)
        return self._folded(flat) if flat else ()

    def _folded_uncached(self, flat: str) -> tuple[Entry, ...]:
        rows = self._query(
            f"SELECT {_COLS}, {ALTERNATE} FROM place p WHERE p.id IN "
            "(SELECT place FROM folded WHERE key = ?)",
            (flat,),
        )
        return tuple(Entry(*r) for r in rows)  # type: ignore[arg-type]

    def squashed(self, key: str) -> tuple[Entry, ...]:
        """Places whose name differs from the key ``key`` only in its spaces or hyphens
        ("mirpurkhas" for "Mirpur Khas", "tarin kot" for "Tarinkot"), as another spelling
        (kind ALTERNATE). Short keys are not tried: "isis" is no "I Sis"."""
        flat = key.replace(" ", "")
        if len(flat) < _SQUASH_MIN:
            return ()
        return self._squashed(flat)

    def abbreviation(self, text: str) -> Entry | None:
        """The division a written abbreviation ("Ark.", "B.C.", "KY") stands for; a code
        without periods only in capitals ("De Zeeuw" is no Delaware)."""
        if "." not in text and not text.isupper():
            return None
        key = text.casefold().replace(" ", "")
        rows = self._query(
            f"SELECT {_COLS}, {ALIAS} FROM abbrev a JOIN place p ON p.id = a.place WHERE a.key = ?",
            (key,),
        )
        return Entry(*rows[0]) if rows else None  # type: ignore[arg-type]

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one process-wide instance
    def admin2_name(self, cc: str, admin1: str, code: str) -> str | None:
        """The name of a second-level division from its codes."""
        rows = self._query(
            "SELECT name FROM admin2 WHERE cc = ? AND admin1 = ? AND code = ?", (cc, admin1, code)
        )
        return str(rows[0][0]) if rows else None

    def by_gid(self, gid: str) -> Entry | None:
        """The entry with a gazetteer id ("geonames:2017370"), if the index has it."""
        rows = self._query(f"SELECT {_COLS}, {PRIMARY} FROM place p WHERE p.gid = ?", (gid,))
        return Entry(*rows[0]) if rows else None  # type: ignore[arg-type]

    def by_pid(self, pid: int) -> Entry:
        rows = self._query(f"SELECT {_COLS}, {PRIMARY} FROM place p WHERE p.id = ?", (pid,))
        return Entry(*rows[0])  # type: ignore[arg-type]

    def country(self, cc: str) -> Entry | None:
        pid = self.country_pid.get(cc)
        return self.by_pid(pid) if pid is not None else None


def names_a_country(readings: Iterable[Entry]) -> bool:
    """Whether one of a name's readings is a country by its own name or an alias (not by a
    demonym: "Turkish Airlines" names a firm)."""
    return any(c.precision == "country" and c.kind in (PRIMARY, ALIAS) for c in readings)


@functools.lru_cache(maxsize=1)
def get() -> Gazetteer:
    """The process-wide gazetteer, building the index on first use."""
    return Gazetteer(ensure_index())
