"""Evaluation on PETRARCH validation XML (the unit-test records and the PETR-2 gold standard).

For each record the sentence text is coded on its own (published on the record's date).
Reported: CAMEO root accuracy over gold events (a coded event with the gold source and
target countries and the gold root), source and target country accuracy, precision on
no-event records (actors are compared as ``_fits`` says: organisations by class, "---"
codes by sector), and, for dictionaries shipped beside the file (PETRARCH's unit tests),
the fraction of expected actor codes that geopol resolves from the sentence text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from geopol.errors import BadInput
from geopol.eval.factuality_score import Half
from geopol.records import Actor, Article, CodedArticle, Event


@dataclasses.dataclass(slots=True)
class Gold:
    source: str | None
    target: str | None
    code: str | None


@dataclasses.dataclass(slots=True)
class Record:
    id: str
    date: dt.date | None
    text: str
    events: list[Gold]
    no_event: bool


_SENT = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def parse_records(path: Path) -> list[Record]:
    try:
        raw = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc})") from exc
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.S)
    out: list[Record] = []
    for m in _SENT.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        text_m = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not text_m:
            continue
        golds, no_event = [], False
        for em in re.finditer(r"<EventCoding\b([^>]*)/?>", body):
            a = dict(_ATTR.findall(em.group(1)))
            if a.get("noevents", "").lower() == "true" or a.get("noevent", "").lower() == "true":
                no_event = True
                continue
            golds.append(Gold(a.get("sourcecode"), a.get("targetcode"), a.get("eventcode")))
        d = attrs.get("date", "")
        date = None
        if re.fullmatch(r"\d{8}", d):
            try:
                date = dt.date(int(d[:4]), int(d[4:6]), int(d[6:]))
            except ValueError:
                date = None
        text = " ".join(text_m.group(1).split())
        out.append(
            Record(attrs.get("id", str(len(out))), date, text, golds, no_event and not golds)
        )
    return out


def _country(code: str | None) -> str | None:
    if not code or code.startswith("---"):
        return None
    return code[:3].upper()


_GROUP_PREFIXES = ("IGO", "IMG", "NGO")


def _fits(code: str | None, actor: Actor) -> bool:
    """Whether one of our actors is the gold CAMEO actor, compared on what the gold states.

    CAMEO writes organisations as a class and a path (``IGOUNO``, ``IGOEUREEC``,
    ``IMGMUSISI``) where we write ``IGO-UN``, ``IGO-EU``, ``IMG-IS``: the class must agree.
    ``---REB`` states a sector and no country: an actor of that sector fits, whatever country
    we resolved for it, and so does an actor with no country.
    """
    if not code:
        return True
    code = code.upper()
    if code.startswith("---"):
        return actor.country is None or (len(code) > 3 and actor.sector == code[3:6])
    if code[:3] in _GROUP_PREFIXES:
        return (actor.country or "").startswith(code[:3] + "-")
    return actor.country == code[:3]


@dataclasses.dataclass(slots=True)
class PetrarchReport:
    records: int
    gold_events: int
    root_correct: int
    matched_dyads: int
    source_ok: int
    target_ok: int
    target_total: int
    no_event_records: int
    no_event_clean: int
    actor_codes: int
    actor_codes_found: int
    dictionaries: list[str]
    #: Gold events with a PLOVER type (root 03-20; 01 statements and 02 appeals have none
    #: unless addressed, see EVENT-MODEL.md) and how many of them were coded right.
    plover_events: int = 0
    plover_correct: int = 0

    def render(self) -> str:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "n/a"

        lines = [
            f"records: {self.records}   gold events: {self.gold_events}",
            f"CAMEO root accuracy (gold dyad coded with the gold root): {pct(self.root_correct, self.gold_events)}",
            f"  the same, gold events PLOVER has a type for (no 01x):    {pct(self.plover_correct, self.plover_events)}",
            f"CAMEO root accuracy on the dyads found:                   {pct(self.root_correct, self.matched_dyads)}",
            f"gold dyads found (source and target country):            {pct(self.matched_dyads, self.gold_events)}",
            f"source country accuracy:                                 {pct(self.source_ok, self.gold_events)}",
            f"target country accuracy:                                 {pct(self.target_ok, self.target_total)}",
            f"no-event records with no event coded (precision):        {pct(self.no_event_clean, self.no_event_records)}",
        ]
        if self.dictionaries:
            lines.append(f"dictionaries loaded: {', '.join(self.dictionaries)}")
        lines.append(
            f"expected actor codes resolved from the sentence text:    {pct(self.actor_codes_found, self.actor_codes)}"
        )
        return "\n".join(lines)


def _sibling_dictionaries(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    names: list[str] = []
    for tag in ("Actorfile", "Agentfile"):
        for m in re.finditer(rf"<{tag}>(.*?)</{tag}>", raw):
            names.extend(n.strip() for n in m.group(1).split(","))
    found = [str(path.parent / n) for n in names if (path.parent / n).is_file()]
    return found


def evaluate_petrarch(
    path: Path, *, limit: int | None = None, half: Half | None = None
) -> PetrarchReport:
    """Score the coder on a PETRARCH validation file (``half``: the records of even or odd
    0-based index in the file; ``limit``: the first N records, after ``half``)."""
    from geopol.actors import configure
    from geopol.pipeline import code_articles

    records = parse_records(Path(path))
    if half is not None:
        records = records[(half is Half.ODD) :: 2]
    records = records[:limit]
    if not records:
        raise BadInput(f"{path}: no <Sentence> records with <Text> found")
    dictionaries = _sibling_dictionaries(Path(path))
    if dictionaries:
        configure(tuple(dictionaries))
    try:
        articles = [Article(title="", body=r.text, published=r.date, path=r.id) for r in records]
        coded: list[CodedArticle] = list(code_articles(articles))
    finally:
        if dictionaries:
            configure(())
    rep = PetrarchReport(
        len(records), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, [Path(d).name for d in dictionaries]
    )
    for rec, c in zip(records, coded, strict=True):
        if rec.no_event:
            rep.no_event_records += 1
            rep.no_event_clean += not c.events
        resolved = {a.code for a in c.actors} | {a.country or "" for a in c.actors}
        for g in rec.events:
            rep.gold_events += 1
            tgt = _country(g.target)
            for code in (g.source, g.target):
                if code and not code.startswith("---"):
                    rep.actor_codes += 1
                    rep.actor_codes_found += (
                        code.upper() in resolved
                        or code[:3].upper() in resolved
                        or any(r.startswith(code[:3].upper() + "-") for r in resolved)
                    )

            def source_fits(e: Event, g: Gold = g) -> bool:
                return any(_fits(g.source, a) for a in e.source)

            def target_fits(e: Event, g: Gold = g, tgt: str | None = tgt) -> bool:
                # A gold target with no country ("---CVL") is not checked: we never code one.
                return not tgt or any(_fits(g.target, a) for a in e.target)

            if any(source_fits(e) for e in c.events):
                rep.source_ok += 1
            if tgt:
                rep.target_total += 1
                rep.target_ok += any(target_fits(e) for e in c.events)
            dyads = [e for e in c.events if source_fits(e) and target_fits(e)]
            root = (g.code or "")[:2]
            right = bool(dyads) and any(e.cameo_root == root for e in dyads)
            if dyads:
                rep.matched_dyads += 1
                rep.root_correct += right
            if root != "01":
                rep.plover_events += 1
                rep.plover_correct += right
    return rep
