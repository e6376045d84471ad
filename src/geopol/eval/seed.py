"""Score the coder against an expected-reading file (the format of ``seed-expected.json``).

An expected event matches a coded event when the coded event's sentence overlaps the
expected evidence, and type, source and target countries and factuality agree; sector,
mode, location (within ``max_km``) and date are checked where given. A coded event of the
same type and dyad in that sentence with a factuality outside the expected set counts as
a forbidden reading. Users write the same kind of file for their own articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import re
from pathlib import Path
from typing import Any

from geopol.errors import BadInput
from geopol.records import Actor, CodedArticle, Event

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def shared_dir() -> Path | None:
    """``../shared`` beside the checkout (or ``$GEOPOL_SHARED``), if present."""
    env = os.environ.get("GEOPOL_SHARED")
    cands = [Path(env)] if env else []
    here = Path(__file__).resolve()
    cands += [p / "shared" for p in here.parents] + [
        Path.cwd().parent / "shared",
        Path.cwd() / "shared",
    ]
    for c in cands:
        if (c / "acceptance").is_dir() or (c / "eval").is_dir():
            return c
    return None


def default_expected() -> Path:
    d = shared_dir()
    if d is None:
        raise BadInput("no expected-reading file given and ../shared/acceptance is not present")
    return d / "acceptance" / "seed-expected.json"


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip().lower()


def _as_set(v: Any) -> set[str]:
    if v is None:
        return set()
    return {str(x) for x in v} if isinstance(v, list) else {str(v)}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


@dataclasses.dataclass(slots=True)
class Check:
    id: str
    passed: bool
    detail: str


@dataclasses.dataclass(slots=True)
class SeedResult:
    checks: list[Check]

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.checks)

    def render(self) -> str:
        lines = [f"{'PASS' if c.passed else 'FAIL'}  {c.id:28} {c.detail}" for c in self.checks]
        n = sum(c.passed for c in self.checks)
        lines.append(f"{n}/{len(self.checks)} checks passed")
        return "\n".join(lines)


def _sector_ok(actors: list[Actor], countries: set[str], sector: str | None) -> bool:
    if not sector:
        return True
    return any(a.sector == sector for a in actors if a.country in countries)


def _dyad_ok(e: Event, spec: dict[str, Any]) -> bool:
    src, tgt = _as_set(spec.get("source")), _as_set(spec.get("target"))
    if e.type != spec["type"]:
        return False
    if src and not any(a.country in src for a in e.source):
        return False
    return not (tgt and not any(a.country in tgt for a in e.target))


def _event_ok(e: Event, spec: dict[str, Any]) -> tuple[bool, str]:
    if spec.get("mode") and e.mode != spec["mode"]:
        return False, f"mode {e.mode} != {spec['mode']}"
    if not _sector_ok(e.source, _as_set(spec.get("source")), spec.get("source_sector")):
        return False, "source sector"
    if not _sector_ok(e.target, _as_set(spec.get("target")), spec.get("target_sector")):
        return False, "target sector"
    if spec.get("date") and (e.date is None or e.date.value != spec["date"]):
        return False, f"date {e.date.value if e.date else None} != {spec['date']}"
    loc = spec.get("location")
    if loc:
        p = e.location
        if p is None or p.lat is None or p.lon is None:
            return False, "no location"
        km = _km(p.lat, p.lon, float(loc["lat"]), float(loc["lon"]))
        if km > float(loc.get("max_km", 50)) or (
            loc.get("country") and p.country != loc["country"]
        ):
            return False, f"location {p.name} ({km:.0f} km away)"
    return True, ""


def score(coded: CodedArticle, expected: dict[str, Any]) -> SeedResult:
    text = _norm(coded.article.text)
    checks: list[Check] = []
    for spec in expected.get("required_events", []):
        ev = _norm(spec.get("evidence", ""))
        pos = text.find(ev) if ev else -1
        if ev and pos < 0:
            checks.append(Check(f"event:{spec['id']}", False, "evidence text not in the article"))
            continue
        lo, hi = pos, pos + len(ev)
        near = [
            e
            for e in coded.events
            if not ev or (e.evidence.sentence.start < hi and lo < e.evidence.sentence.end)
        ]
        cands = [e for e in near if _dyad_ok(e, spec)]
        allowed = _as_set(spec.get("factuality"))
        good = [e for e in cands if not allowed or e.factuality.value in allowed]
        detail = "no event of that type and dyad in the evidence sentence"
        ok = False
        for e in good:
            ok, why = _event_ok(e, spec)
            if ok:
                detail = f"{e.type} {'+'.join(a.code for a in e.source)}->{'+'.join(a.code for a in e.target)} {e.factuality.value}"
                break
            detail = why
        if not good and cands:
            detail = (
                f"factuality {sorted({e.factuality.value for e in cands})} not in {sorted(allowed)}"
            )
        checks.append(Check(f"event:{spec['id']}", ok, detail))
        wrong = [e for e in cands if allowed and e.factuality.value not in allowed]
        if wrong:
            checks.append(
                Check(
                    f"forbidden:{spec['id']}",
                    False,
                    f"also coded {wrong[0].type} with factuality {wrong[0].factuality.value}",
                )
            )
    for spec in expected.get("required_actors", []):
        want = _norm(spec["text"])
        hits = [a for a in coded.actors if want in _norm(a.text) or _norm(a.text) == want]
        ok = any(
            a.country == spec.get("code") and (not spec.get("sector") or a.sector == spec["sector"])
            for a in hits
        )
        got = ", ".join(sorted({a.code for a in hits})) or "not found"
        checks.append(Check(f"actor:{spec['text']}", ok, got))
    # No mention of a person's name resolves to an organisation ("Kim Jong UN" is not the UN).
    igo_in_names = [
        a
        for a in coded.actors
        if a.country
        and a.country.startswith("IGO")
        and a.kind != "person"
        and any(
            p.kind == "person" and p.start <= a.start and a.end <= p.end and p is not a
            for p in coded.actors
        )
    ]
    un = [a for a in coded.actors if a.country == "IGO-UN"]
    checks.append(
        Check(
            "forbidden:un-from-name",
            not igo_in_names and not un,
            "no United Nations actor" if not un else f"UN from {un[0].text!r}",
        )
    )
    blocs = expected.get("alignment", {}).get("blocs", [])
    if blocs:
        stated = [frozenset(a.country for a in al.members if a.country) for al in coded.alignments]
        for bloc in blocs:
            ok = frozenset(bloc) in stated
            checks.append(
                Check(
                    f"alignment:{'+'.join(bloc)}",
                    ok,
                    "stated" if ok else f"stated: {[sorted(s) for s in stated]}",
                )
            )
    return SeedResult(checks)


def evaluate_expected(expected_path: Path, *, article: Path | None = None) -> SeedResult:
    from geopol.pipeline import code_article
    from geopol.text.reader import read_text_file

    expected = json.loads(Path(expected_path).read_text(encoding="utf-8"))
    meta = expected.get("article", {})
    if article is None:
        base = Path(expected_path).resolve().parent.parent
        article = base / meta["file"]
    published = dt.date.fromisoformat(meta["published"]) if meta.get("published") else None
    coded = code_article(read_text_file(article, published=published))
    return score(coded, expected)
