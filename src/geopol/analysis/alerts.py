"""Alerts: rules in a YAML file, evaluated over the store on demand and after every ingest.

A rule watches a dyad, an actor or everything, optionally restricted to PLOVER types and a
minimum factuality, and fires on a threshold (weighted events in the last ``window_days``) or
on a shift (a band or kind from ``shifts.find_shifts``). Outputs: the terminal, JSON lines
appended to a file, and a webhook (HTTP POST of ``{"alerts": [...]}``). After an ingest only
alerts not seen before fire, so a watch loop does not repeat itself every cycle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import sys
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import duckdb
import yaml

from geopol.analysis.series import dyad_filter
from geopol.analysis.shifts import Shift, find_shifts, latest_date
from geopol.analysis.weights import weight_sql
from geopol.errors import BadInput
from geopol.records import FACTUALITY_STRENGTH, Factuality
from geopol.yamlio import load_yaml

RULE_KEYS = {"name", "dyad", "actor", "types", "min_factuality", "window_days", "threshold",
             "shift", "weighted", "recent_days", "baseline_days", "directed"}


class HasCon(Protocol):
    @property
    def con(self) -> duckdb.DuckDBPyConnection: ...


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    name: str
    dyad: tuple[str, str] | None = None
    actor: str | None = None
    types: tuple[str, ...] = ()
    min_factuality: Factuality | None = None
    window_days: int = 7
    threshold: float | None = None
    shift: tuple[str, ...] = ()  # bands or kinds; "any" for every shift
    weighted: bool = True
    recent_days: int = 30
    baseline_days: int = 180
    directed: bool = False


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    rule: str
    kind: str  # threshold | shift
    subject: str
    value: float
    threshold: float | None
    since: dt.date
    until: dt.date
    message: str
    events: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    shift: dict[str, Any] | None = None

    @property
    def key(self) -> str:
        """Identity for de-duplication: the same rule, subject and evidence fire once."""
        if self.kind == "threshold":
            basis = ",".join(sorted(str(e["event_id"]) for e in self.events))
        else:
            s = self.shift or {}
            basis = f"{s.get('kind')}|{s.get('band')}|{self.until.isocalendar()[:2]}"
        return hashlib.sha256(f"{self.rule}|{self.subject}|{basis}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["since"], d["until"] = self.since.isoformat(), self.until.isoformat()
        d["key"] = self.key
        return d

    def line(self) -> str:
        return f"[{self.until}] {self.rule}: {self.message}"


# --- rules ---------------------------------------------------------------------------------


def parse_rule(raw: Mapping[str, Any], where: str) -> Rule:
    if not isinstance(raw, Mapping) or "name" not in raw:
        raise BadInput(f"{where}: each rule needs a name")
    unknown = set(raw) - RULE_KEYS
    if unknown:
        raise BadInput(f"{where}: unknown key(s) {', '.join(sorted(unknown))} in rule "
                       f"{raw['name']!r} (known: {', '.join(sorted(RULE_KEYS))})")
    dyad = raw.get("dyad")
    if dyad is not None and (not isinstance(dyad, list | tuple) or len(dyad) != 2):
        raise BadInput(f"{where}: rule {raw['name']!r}: dyad must be two country codes")
    fact = raw.get("min_factuality")
    try:
        min_fact = Factuality(fact) if fact else None
    except ValueError as exc:
        raise BadInput(f"{where}: rule {raw['name']!r}: unknown factuality {fact!r}") from exc
    shift = raw.get("shift") or ()
    shift = (shift,) if isinstance(shift, str) else tuple(str(s) for s in shift)
    threshold = raw.get("threshold")
    if threshold is None and not shift:
        raise BadInput(f"{where}: rule {raw['name']!r} needs a threshold or a shift")
    types = raw.get("types") or ()
    types = (types,) if isinstance(types, str) else types
    try:
        return Rule(
            name=str(raw["name"]),
            dyad=(str(dyad[0]).upper(), str(dyad[1]).upper()) if dyad else None,
            actor=str(raw["actor"]).upper() if raw.get("actor") else None,
            types=tuple(str(t).upper() for t in types),
            min_factuality=min_fact,
            window_days=int(raw.get("window_days", 7)),
            threshold=float(threshold) if threshold is not None else None,
            shift=shift,
            weighted=bool(raw.get("weighted", True)),
            recent_days=int(raw.get("recent_days", 30)),
            baseline_days=int(raw.get("baseline_days", 180)),
            directed=bool(raw.get("directed", False)),
        )
    except (TypeError, ValueError) as exc:
        raise BadInput(f"{where}: rule {raw['name']!r}: {exc}") from exc


def _read(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    try:
        raw = load_yaml(p.read_text("utf-8")) or {}
    except OSError as exc:
        raise BadInput(f"{p}: cannot read alert rules ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise BadInput(f"{p}: not valid YAML ({exc})") from exc
    if isinstance(raw, list):
        raw = {"rules": raw}
    if not isinstance(raw, dict):
        raise BadInput(f"{p}: alert rules must be a mapping with a 'rules' list")
    return raw


def load_rules(path: str | Path) -> list[Rule]:
    raw = _read(path)
    rules = raw.get("rules") or []
    if not isinstance(rules, list):
        raise BadInput(f"{path}: 'rules' must be a list")
    return [parse_rule(r, f"{path}: rule {i + 1}") for i, r in enumerate(rules)]


def load_outputs(path: str | Path) -> list[tuple[str, str | None]]:
    """The ``outputs`` list of a rules file as (kind, target) pairs."""
    out: list[tuple[str, str | None]] = []
    base = Path(path).parent
    for item in _read(path).get("outputs") or ["terminal"]:
        if item == "terminal":
            out.append(("terminal", None))
        elif isinstance(item, Mapping) and len(item) == 1:
            kind, target = next(iter(item.items()))
            if kind not in ("jsonl", "webhook"):
                raise BadInput(f"{path}: unknown output {kind!r} (terminal, jsonl, webhook)")
            if kind == "jsonl" and not Path(str(target)).is_absolute():
                target = str(base / str(target))
            out.append((str(kind), str(target)))
        else:
            raise BadInput(f"{path}: bad output entry {item!r}")
    return out


# --- evaluation ----------------------------------------------------------------------------


def _threshold(con: duckdb.DuckDBPyConnection, rule: Rule, until: dt.date) -> Alert | None:
    since = until - dt.timedelta(days=rule.window_days - 1)
    conds: list[str] = ["e.event_date BETWEEN ? AND ?"]
    params: list[Any] = [since, until]
    subject = "all"
    if rule.dyad or rule.actor:
        a, b = rule.dyad if rule.dyad else (rule.actor or "", None)
        dcond, dparams = dyad_filter(a, b, directed=rule.directed)
        conds.append(dcond)
        params += dparams
        subject = f"{a}-{b}" if b else a
    if rule.types:
        conds.append(f"e.type IN ({', '.join('?' for _ in rule.types)})")
        params += list(rule.types)
    if rule.min_factuality is not None:
        ok = [f.value for f in Factuality
              if FACTUALITY_STRENGTH[f] <= FACTUALITY_STRENGTH[rule.min_factuality]]
        conds.append(f"e.factuality IN ({', '.join('?' for _ in ok)})")
        params += ok
    w = weight_sql(None, weighted=rule.weighted, column="e.factuality")
    sql = f"""
        SELECT e.event_id, e.event_date, e.type, e.factuality, e.source_code, e.target_code,
               e.evidence_text, e.article_id, {w} AS w
        FROM events e WHERE {' AND '.join(conds)}
        ORDER BY e.event_date DESC, e.event_id
    """
    rows = con.execute(sql, params).fetchall()
    value = sum(float(r[8]) for r in rows)
    if rule.threshold is None or value < rule.threshold or not rows:
        return None
    keys = ("event_id", "event_date", "type", "factuality", "source", "target", "evidence_text",
            "article_id")
    events = [{k: (v.isoformat() if isinstance(v, dt.date) else v)
               for k, v in zip(keys, r[:8], strict=True)} for r in rows[:20]]
    what = "/".join(rule.types) or "events"
    msg = (f"{value:.1f} {'weighted ' if rule.weighted else ''}{what} for {subject} "
           f"in {rule.window_days} days to {until} (threshold {rule.threshold:g})")
    return Alert(rule=rule.name, kind="threshold", subject=subject, value=round(value, 3),
                 threshold=rule.threshold, since=since, until=until, message=msg, events=events)


def _matches(rule: Rule, s: Shift) -> bool:
    if not ("any" in rule.shift or s.kind in rule.shift or s.band in rule.shift):
        return False
    if rule.dyad:
        return s.subject == "dyad" and {s.a, s.b} == set(rule.dyad)
    if rule.actor:
        return s.a == rule.actor or s.b == rule.actor
    return True


def evaluate(con: duckdb.DuckDBPyConnection, rules: Sequence[Rule], *,
             until: dt.date | str | None = None) -> list[Alert]:
    """Every alert the rules raise for the window ending ``until`` (default: latest event)."""
    end = dt.date.fromisoformat(until) if isinstance(until, str) else until
    end = end or latest_date(con)
    if end is None:
        return []
    alerts: list[Alert] = []
    cache: dict[tuple[int, int, bool], list[Shift]] = {}
    for rule in rules:
        if rule.threshold is not None:
            found = _threshold(con, rule, end)
            if found:
                alerts.append(found)
        if rule.shift:
            key = (rule.recent_days, rule.baseline_days, rule.weighted)
            if key not in cache:
                cache[key] = find_shifts(con, recent_days=rule.recent_days,
                                         baseline_days=rule.baseline_days, until=end,
                                         weighted=rule.weighted)
            for s in cache[key]:
                if _matches(rule, s):
                    alerts.append(Alert(
                        rule=rule.name, kind="shift", subject=s.label, value=s.recent,
                        threshold=None, since=end - dt.timedelta(days=rule.recent_days),
                        until=end, message=f"{s.label}: {s.kind} {s.band} ({s.detail})",
                        shift=s.to_dict()))
    return alerts


# --- outputs -------------------------------------------------------------------------------


def to_terminal(alerts: Iterable[Alert], stream: IO[str] | None = None) -> None:
    out = stream or sys.stdout
    for a in alerts:
        print(a.line(), file=out)


def to_jsonl(alerts: Iterable[Alert], path: str | Path) -> None:
    with Path(path).open("a", encoding="utf-8") as fh:
        for a in alerts:
            fh.write(json.dumps(a.to_dict(), ensure_ascii=False) + "\n")


def to_webhook(alerts: Sequence[Alert], url: str, *, timeout: float = 10.0) -> int:
    """POST the alerts as one JSON document; returns the HTTP status."""
    if not url.startswith(("http://", "https://")):
        raise BadInput(f"webhook URL must be http(s): {url!r}")
    body = json.dumps({"alerts": [a.to_dict() for a in alerts]}).encode("utf-8")
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # scheme checked above
        return int(resp.status)


def emit(alerts: Sequence[Alert], outputs: Sequence[tuple[str, str | None]], *,
         stream: IO[str] | None = None) -> list[str]:
    """Send alerts to every output; returns the problems met (a dead webhook must not stop
    an ingest)."""
    problems: list[str] = []
    if not alerts:
        return problems
    for kind, target in outputs:
        try:
            if kind == "terminal":
                to_terminal(alerts, stream)
            elif kind == "jsonl" and target:
                to_jsonl(alerts, target)
            elif kind == "webhook" and target:
                to_webhook(alerts, target)
        except (OSError, urllib.error.URLError, BadInput) as exc:
            problems.append(f"alerts: {kind} {target or ''}: {exc}")
    return problems


def default_rules_path() -> Path:
    env = os.environ.get("GEOPOL_ALERTS")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("geopol")) / "alerts.yaml"


def _seen_path(rules: Path) -> Path:
    return rules.with_name(rules.name + ".seen.json")


def run_after_ingest(store: HasCon, *, rules_path: str | Path | None = None,
                     stream: IO[str] | None = None) -> list[Alert]:
    """Evaluate the user's rules after an ingest/watch cycle and emit the alerts not seen
    before. No rules file, no alerts."""
    path = Path(rules_path) if rules_path else default_rules_path()
    if not path.exists():
        return []
    rules = load_rules(path)
    alerts = evaluate(store.con, rules)
    seen_file = _seen_path(path)
    try:
        seen = set(json.loads(seen_file.read_text("utf-8")))
    except (OSError, ValueError):
        seen = set()
    fresh = [a for a in alerts if a.key not in seen]
    for problem in emit(fresh, load_outputs(path), stream=stream or sys.stderr):
        print(problem, file=sys.stderr)
    if fresh:
        seen.update(a.key for a in fresh)
        try:
            seen_file.write_text(json.dumps(sorted(seen)), "utf-8")
        except OSError as exc:
            print(f"alerts: cannot record seen alerts in {seen_file}: {exc}", file=sys.stderr)
    return fresh
