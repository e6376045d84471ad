from __future__ import annotations

import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from analysis_fixtures import coded, open_store

from geopol.analysis.alerts import emit, evaluate, load_outputs, load_rules, run_after_ingest
from geopol.errors import BadInput
from geopol.store import Store

RULES = """
outputs:
  - terminal
  - jsonl: fired.jsonl
rules:
  - name: prk-rus-arms
    dyad: [PRK, RUS]
    types: [AID]
    min_factuality: reported
    window_days: 7
    threshold: 2
  - name: prk-rus-arms-any
    dyad: [RUS, PRK]
    types: AID
    window_days: 7
    threshold: 2
    weighted: false
  - name: fighting
    actor: KOR
    types: [ASSAULT]
    threshold: 1
  - name: new-ties
    shift: new
    recent_days: 10
    baseline_days: 60
"""


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "a.duckdb", [
        coded("2024-03-01", [("CONSULT", "FRA", "DEU", "asserted")] * 3),
        coded("2024-05-02", [("AID", "RUS", "PRK", "speculated")] * 3),
        coded("2024-05-03", [("AID", "RUS", "PRK", "asserted"),
                             ("ASSAULT", "JPN", "KOR", "asserted")]),
        coded("2024-05-04", [("ACCUSE", "BRA", "ARG", "asserted")] * 6),
    ])
    yield s
    s.close()


def test_threshold_rules_respect_factuality(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    fired = {a.rule: a for a in evaluate(store.con, load_rules(path))}
    # only one asserted delivery: the factuality floor keeps the speculation out
    assert "prk-rus-arms" not in fired
    assert fired["prk-rus-arms-any"].value == 4
    assert fired["fighting"].subject == "KOR" and fired["fighting"].events[0]["type"] == "ASSAULT"
    assert fired["new-ties"].shift and fired["new-ties"].shift["label"] == "ARG-BRA"
    # the window ends at the latest event unless given
    assert evaluate(store.con, load_rules(path), until="2024-06-30") == []


def test_bad_rules_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("rules:\n  - name: x\n    dyad: [PRK]\n    threshold: 1\n")
    with pytest.raises(BadInput, match="two country codes"):
        load_rules(path)
    path.write_text("rules:\n  - name: x\n    actor: PRK\n")
    with pytest.raises(BadInput, match="threshold or a shift"):
        load_rules(path)
    path.write_text("rules:\n  - name: x\n    actor: PRK\n    threshold: 1\n    colour: red\n")
    with pytest.raises(BadInput, match="colour"):
        load_rules(path)
    path.write_text("rules:\n  - name: x\n    min_factuality: rumoured\n    threshold: 1\n")
    with pytest.raises(BadInput, match="rumoured"):
        load_rules(path)


class _Hook(http.server.BaseHTTPRequestHandler):
    received: ClassVar[list[Any]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        _Hook.received.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def webhook() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Hook.received = []
    yield f"http://127.0.0.1:{server.server_address[1]}/hook"
    server.shutdown()
    server.server_close()


def test_after_ingest_emits_to_every_output_once(store: Store, tmp_path: Path,
                                                 webhook: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES.replace("  - jsonl: fired.jsonl",
                                  f"  - jsonl: fired.jsonl\n  - webhook: {webhook}"))
    assert [k for k, _ in load_outputs(path)] == ["terminal", "jsonl", "webhook"]
    out = io.StringIO()
    fired = run_after_ingest(store, rules_path=path, stream=out)
    assert {a.rule for a in fired} == {"prk-rus-arms-any", "fighting", "new-ties"}
    assert out.getvalue().count("\n") == 3 and "fighting" in out.getvalue()
    lines = (tmp_path / "fired.jsonl").read_text().splitlines()
    assert {json.loads(x)["rule"] for x in lines} == {a.rule for a in fired}
    assert len(_Hook.received) == 1 and len(_Hook.received[0]["alerts"]) == 3
    # the next cycle with nothing new fires nothing
    assert run_after_ingest(store, rules_path=path, stream=out) == []
    assert len(_Hook.received) == 1
    # a second asserted delivery: the strict rule fires now, the other fires again
    store.add([coded("2024-05-04", [("AID", "PRK", "RUS", "asserted")])])
    again = run_after_ingest(store, rules_path=path, stream=out)
    assert sorted(a.rule for a in again) == ["prk-rus-arms", "prk-rus-arms-any"]


def test_dead_webhook_does_not_raise(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    alerts = evaluate(store.con, load_rules(path))
    problems = emit(alerts, [("webhook", "http://127.0.0.1:9/none")])
    assert problems and "webhook" in problems[0]
    assert run_after_ingest(store, rules_path=tmp_path / "missing.yaml") == []
