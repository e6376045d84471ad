"""End-to-end recall on ACLED-format CSV: one analyst's note per row, coded as an article.

Each row's ``notes`` is coded as an article published on its ``event_date``. Per note:
- found: the coder produced at least one event;
- country: some event names the row's ``iso3``, either as the country of a source or
  target actor or as the country of the event's location (both are reported apart too);
- within 50 km: some event's location has coordinates within 50 km of the row's
  latitude/longitude (rows without coordinates are not scored);
- type: some event's PLOVER type is one that the row's ACLED ``event_type`` maps to
  (Strategic developments are not scored), overall and per ACLED type;
- casualties: over the rows with a fatality count above zero, the share where an event
  (of the matching type when there is one) has ``killed`` equal to the row's
  ``fatalities``;
- casualties where the note states a count (issue 19's figure), per half of the
  ``data_id``s: the same share over the rows with fatalities above zero whose note *states*
  a fatality count (``states_count``: a number or number word before a killing word, "two
  soldiers were killed", "2 fatalities", or after one, "killing 4"; notes with ACLED's own
  coding remarks, "fatalities coded as 10", "20 fatalities split between 3 events", do not
  state one), and over those of them where the coder found an event.
``--half`` keeps even or odd ``data_id``s (tune on one, report both).
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from geopol.errors import BadInput
from geopol.eval.geo import haversine
from geopol.records import Article, CodedArticle, Event

#: ACLED event type -> the PLOVER types that count as matching it.
TYPE_MAP: dict[str, frozenset[str]] = {
    "Battles": frozenset({"ASSAULT"}),
    "Explosions/Remote violence": frozenset({"ASSAULT"}),
    "Violence against civilians": frozenset({"ASSAULT", "COERCE"}),
    "Protests": frozenset({"PROTEST"}),
    "Riots": frozenset({"PROTEST", "ASSAULT"}),
}
KM = 50.0
_NUM = (r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
        r"twenty|thirty|forty|fifty|a|an)")
_KILL = r"(killed|dead|died|fatalities|fatality|bodies|body|deaths|lost their lives)"
#: A note that states a fatality count: "two soldiers were killed", "killing 4 people".
STATES = re.compile(
    rf"\b{_NUM}\b(\s+[\w-]+){{0,4}}?\s+(were|was|have been|had been)?\s*{_KILL}\b"
    rf"|\b(killing|killed|kills)\s+{_NUM}\b",
    re.I,
)
#: ACLED's own coding remarks: the row's figure is not the note's.
CODING_REMARK = re.compile(
    r"coded as|(split|divided|spread)( up| equally)? (between|among|across)|fatalities coded"
    r"|unknown fatalit|unclear fatalit", re.I)


def states_count(note: str) -> bool:
    """Whether an ACLED note states a fatality count itself (see the module's doc)."""
    return bool(STATES.search(note)) and not CODING_REMARK.search(note)


def parity(data_id: int) -> str:
    return "even" if data_id % 2 == 0 else "odd"
HALVES = ("all", "even", "odd")
_COLUMNS = ("data_id", "event_date", "event_type", "iso3", "notes")


@dataclasses.dataclass(frozen=True, slots=True)
class AcledRow:
    data_id: int
    date: dt.date | None
    event_type: str
    iso3: str
    lat: float | None
    lon: float | None
    fatalities: int | None
    notes: str


def _date(text: str) -> dt.date | None:
    text = text.strip()
    for fmt in ("%d-%b-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _float(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _int(text: str | None) -> int | None:
    try:
        return int(text) if text not in (None, "") else None
    except ValueError:
        return None


#: ACLED's own country codes that differ from ISO 3166 alpha-3 (ACLED writes Romania "ROM").
ACLED_CODES = {"ROM": "ROU"}


def _iso3(code: str) -> str:
    return ACLED_CODES.get(code, code)


def read_acled(path: Path, *, half: str = "all", limit: int | None = None) -> list[AcledRow]:
    """The rows of an ACLED CSV with a note, filtered by ``data_id`` parity."""
    if half not in HALVES:
        raise BadInput(f"--half must be one of {', '.join(HALVES)}, not {half!r}")
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc})") from exc
    rows: list[AcledRow] = []
    with fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise BadInput(f"{path}: not an ACLED CSV (missing columns: {', '.join(missing)})")
        for r in reader:
            data_id = _int(r.get("data_id"))
            notes = (r.get("notes") or "").strip()
            if data_id is None or not notes:
                continue
            if half != "all" and data_id % 2 != (0 if half == "even" else 1):
                continue
            rows.append(
                AcledRow(
                    data_id=data_id,
                    date=_date(r.get("event_date") or ""),
                    event_type=(r.get("event_type") or "").strip(),
                    iso3=_iso3((r.get("iso3") or "").strip().upper()),
                    lat=_float(r.get("latitude")),
                    lon=_float(r.get("longitude")),
                    fatalities=_int(r.get("fatalities")),
                    notes=notes,
                )
            )
            if limit is not None and len(rows) >= limit:
                break
    if not rows:
        raise BadInput(f"{path}: no rows with a note (after --half {half})")
    return rows


def _countries(e: Event) -> tuple[set[str], set[str]]:
    actors = {a.country for a in (*e.source, *e.target) if a.country}
    place = {e.location.country} if e.location is not None and e.location.country else set()
    return actors, place


def _km(e: Event, row: AcledRow) -> float | None:
    loc = e.location
    if loc is None or loc.lat is None or loc.lon is None or row.lat is None or row.lon is None:
        return None
    return haversine(loc.lat, loc.lon, row.lat, row.lon)


@dataclasses.dataclass(slots=True)
class AcledReport:
    half: str
    n: int = 0
    found: int = 0
    no_event: int = 0
    country: int = 0
    country_actor: int = 0
    country_place: int = 0
    located_rows: int = 0
    within: int = 0
    typed_rows: int = 0
    typed: int = 0
    per_type: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    fatal_rows: int = 0
    fatal_right: int = 0
    #: per half ("even"/"odd"): [stating notes, right, of them with an event, right there]
    stated: dict[str, list[int]] = dataclasses.field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 0.0

        return {
            "half": self.half,
            "notes": self.n,
            "event": ratio(self.found, self.n),
            "country": ratio(self.country, self.n),
            "country_actor": ratio(self.country_actor, self.n),
            "country_place": ratio(self.country_place, self.n),
            "within_50km": ratio(self.within, self.located_rows),
            "type": ratio(self.typed, self.typed_rows),
            "per_type": {k: ratio(v[1], v[0]) for k, v in sorted(self.per_type.items())},
            "casualties": ratio(self.fatal_right, self.fatal_rows),
            "casualties_stated": {h: ratio(c[1], c[0]) for h, c in sorted(self.stated.items())},
            "casualties_stated_with_event": {
                h: ratio(c[3], c[2]) for h, c in sorted(self.stated.items())
            },
        }

    def render(self) -> str:
        def line(label: str, a: int, b: int) -> str:
            share = a / b if b else 0.0
            return f"{label:48} {share:.3f} ({a}/{b})"

        lines = [
            f"notes: {self.n}   half: {self.half}",
            line("event found (>= 1 event):", self.found, self.n),
            line("right country (actor or event place):", self.country, self.n),
            line("  by an actor's country:", self.country_actor, self.n),
            line("  by the event place's country:", self.country_place, self.n),
            line(f"event place within {KM:.0f} km:", self.within, self.located_rows),
            line("right type (Strategic developments unscored):", self.typed, self.typed_rows),
        ]
        for name, (total, right) in sorted(self.per_type.items()):
            lines.append(line(f"  {name}:", right, total))
        lines.append(
            line(
                "casualties (killed = fatalities, rows with > 0):",
                self.fatal_right,
                self.fatal_rows,
            )
        )
        for h, (n, right, with_event, right_event) in sorted(self.stated.items()):
            lines.append(line(f"casualties, notes stating a count ({h} ids):", right, n))
            lines.append(line("  of them where an event was found:", right_event, with_event))
        return "\n".join(lines)


def score_row(row: AcledRow, coded: CodedArticle, rep: AcledReport) -> dict[str, Any]:
    """Add one coded note to the report; return its prediction line."""
    events = coded.events
    rep.n += 1
    rep.found += bool(events)
    by_actor = by_place = False
    for e in events:
        actors, place = _countries(e)
        by_actor = by_actor or row.iso3 in actors
        by_place = by_place or row.iso3 in place
    rep.country += by_actor or by_place
    rep.country_actor += by_actor
    rep.country_place += by_place
    kms = [k for k in (_km(e, row) for e in events) if k is not None]
    near: bool | None = None
    if row.lat is not None and row.lon is not None:
        rep.located_rows += 1
        near = any(k <= KM for k in kms)
        rep.within += near
    wanted = TYPE_MAP.get(row.event_type)
    typed: bool | None = None
    matched = [e for e in events if wanted is not None and e.type in wanted]
    if wanted is not None:
        typed = bool(matched)
        rep.typed_rows += 1
        rep.typed += typed
        counts = rep.per_type.setdefault(row.event_type, [0, 0])
        counts[0] += 1
        counts[1] += typed
    fatal: bool | None = None
    stated = bool(row.fatalities) and states_count(row.notes)
    if row.fatalities:
        rep.fatal_rows += 1
        pool = matched or events
        fatal = any(getattr(e, "killed", None) == row.fatalities for e in pool)
        rep.fatal_right += fatal
    if stated:
        counts = rep.stated.setdefault(parity(row.data_id), [0, 0, 0, 0])
        counts[0] += 1
        counts[1] += bool(fatal)
        if events:
            counts[2] += 1
            counts[3] += bool(fatal)
    return {
        "data_id": row.data_id,
        "event_type": row.event_type,
        "iso3": row.iso3,
        "fatalities": row.fatalities,
        "found": bool(events),
        "country": by_actor or by_place,
        "within_50km": near,
        "km": round(min(kms), 1) if kms else None,
        "type": typed,
        "casualties": fatal,
        "states_count": stated,
        "events": [
            {
                "type": e.type,
                "source": [a.code for a in e.source],
                "target": [a.code for a in e.target],
                "place": e.location.name if e.location else None,
                "place_country": e.location.country if e.location else None,
                "killed": getattr(e, "killed", None),
                "trigger": e.evidence.trigger.text,
            }
            for e in events
        ],
    }


def _articles(rows: list[AcledRow]) -> Iterator[Article]:
    for r in rows:
        yield Article(title="", body=r.notes, published=r.date, path=f"acled-{r.data_id}")


def evaluate_acled(
    path: Path,
    *,
    limit: int | None = None,
    predictions: Path | None = None,
    half: str = "all",
    model: str | None = None,
) -> AcledReport:
    from geopol.pipeline import code_articles

    rows = read_acled(Path(path), half=half, limit=limit)
    rep = AcledReport(half=half)
    lines = []
    for row, coded in zip(rows, code_articles(_articles(rows), model=model), strict=True):
        lines.append(score_row(row, coded, rep))
    if predictions is not None:
        predictions.write_text(
            "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8"
        )
    return rep
