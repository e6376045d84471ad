"""Draw events at random from `geopol code` output on the BBC politics and business folders,
for the hand-read precision check (docs/precision-guide.md).

    python scripts/precision_sample.py ../shared/eval/bbc-news --seed 15 --n 100 > sample.tsv
    python scripts/precision_sample.py ../shared/eval/bbc-news --events coded.jsonl ...

Prints one tab-separated line per drawn event: id, article (folder/file), type, mode,
factuality, source codes, target codes, trigger, source and target text, sentence. With
``--events`` it reads JSON lines already written by ``geopol code`` instead of coding.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

FOLDERS = ("politics", "business")


def _coded(root: Path) -> list[dict[str, Any]]:
    from geopol.pipeline import code_articles
    from geopol.text.reader import read_text_file

    paths = sorted(p for f in FOLDERS for p in (root / f).glob("*.txt"))
    arts = [read_text_file(p) for p in paths]
    return [e.to_dict() for c in code_articles(arts) for e in c.events]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", type=Path, help="the bbc-news folder")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--events", type=Path, help="JSON lines from geopol code (both folders)")
    a = ap.parse_args()
    if a.events:
        events = [json.loads(x) for x in a.events.read_text(encoding="utf-8").splitlines() if x]
    else:
        events = _coded(a.root)
    events.sort(
        key=lambda e: (e.get("article_path") or "", e["evidence"]["trigger"]["start"], e["id"])
    )
    sample = random.Random(a.seed).sample(events, min(a.n, len(events)))
    out = sys.stdout
    for e in sample:
        path = e.get("article_path") or ""
        art = "/".join(Path(path).parts[-2:])
        row = [
            e["id"],
            art,
            e["type"],
            e.get("mode") or "",
            e["factuality"],
            ",".join(s["code"] for s in e["source"]),
            ",".join(t["code"] for t in e["target"]),
            e["evidence"]["trigger"]["text"],
            " | ".join(s["text"] for s in e["source"]),
            " | ".join(t["text"] for t in e["target"]),
            e["evidence"]["sentence"]["text"].replace("\t", " ").replace("\n", " "),
        ]
        out.write("\t".join(row) + "\n")
    print(f"{len(sample)} of {len(events)} events drawn (seed {a.seed})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
