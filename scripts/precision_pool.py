"""Score `geopol code` output against every hand judgement in docs/precision/ (the judged pool).

    python scripts/precision_pool.py coded.jsonl [--wrong] [--before old.jsonl]

An event id hashes the article, the trigger, the type and the coded parties, so a judgement
applies to an event only while the coder still produces exactly that event. Where several
judgement files mark one id, the newest file (by its last commit) wins. Prints the number of
currently coded events that a judgement marks and the share right in type, dyad and both; with
``--wrong`` it also lists the judged-wrong events still coded (id, type, dyad, note, sentence).
With ``--before`` it lists the judged events that ``coded.jsonl`` no longer holds and their
marks (good removals are the wrong ones).
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

JUDGED = Path(__file__).resolve().parent.parent / "docs" / "precision"


def _age(path: Path) -> int:
    out = subprocess.run(
        ["git", "log", "-1", "--format=%ct", "--", str(path)],
        capture_output=True, text=True, cwd=path.parent, check=False,
    ).stdout.strip()
    return int(out) if out else 1 << 40


def judgements() -> dict[str, dict[str, str]]:
    marks: dict[str, dict[str, str]] = {}
    for path in sorted(JUDGED.glob("*.tsv"), key=lambda p: (_age(p), p.name)):
        with path.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("type_ok") in ("0", "1") and row.get("dyad_ok") in ("0", "1"):
                    marks[row["event_id"]] = dict(row, file=path.name)
    return marks


def _events(path: Path) -> dict[str, dict[str, Any]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {e["id"]: e for e in (json.loads(x) for x in lines if x.strip())}


def _score(ids: list[str], marks: dict[str, dict[str, str]]) -> str:
    n = len(ids)
    t = sum(marks[i]["type_ok"] == "1" for i in ids)
    d = sum(marks[i]["dyad_ok"] == "1" for i in ids)
    b = sum(marks[i]["type_ok"] == "1" and marks[i]["dyad_ok"] == "1" for i in ids)
    if not n:
        return "0 judged"
    return f"{n} judged: type {t / n:.3f}, dyad {d / n:.3f}, both {b / n:.3f} ({b} right)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("events", type=Path)
    ap.add_argument("--wrong", action="store_true")
    ap.add_argument("--before", type=Path)
    a = ap.parse_args()
    marks = judgements()
    now = _events(a.events)
    ids = [i for i in now if i in marks]
    print(f"{len(now)} events; pool {_score(ids, marks)}")
    if a.wrong:
        for i in ids:
            m = marks[i]
            if m["type_ok"] == "1" and m["dyad_ok"] == "1":
                continue
            e = now[i]
            src = ",".join(s["code"] for s in e["source"])
            tgt = ",".join(t["code"] for t in e["target"])
            sent = e["evidence"]["sentence"]["text"].replace("\n", " ")
            print(f"{i}\t{e['type']}\t{src}\t{tgt}\t{m['type_ok']}{m['dyad_ok']}\t"
                  f"{m.get('note', '')}\t[{e['evidence']['trigger']['text']}] {sent}")
    if a.before:
        old = _events(a.before)
        gone = [i for i in old if i in marks and i not in now]
        good = sum(not (marks[i]["type_ok"] == "1" and marks[i]["dyad_ok"] == "1") for i in gone)
        print(f"judged events gone: {len(gone)}, of them wrong (good removals) {good}, "
              f"right (losses) {len(gone) - good}", file=sys.stderr)
        for i in gone:
            m = marks[i]
            print(f"GONE\t{i}\t{m['type']}\t{m['source']}\t{m['target']}\t"
                  f"{m['type_ok']}{m['dyad_ok']}\t{m.get('note', '')}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
