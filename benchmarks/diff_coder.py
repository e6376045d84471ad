"""Does a change to the coder change its output?  Code two corpora to JSONL, then diff.

    python benchmarks/diff_coder.py code OUTDIR [--bbc DIR] [--plv FILE] [--limit N]
    python benchmarks/diff_coder.py diff OLDDIR NEWDIR [--show N] [--common]

``code`` writes, in a stable order, one JSON line per BBC article (``bbc.jsonl``: every
actor, place, event and stated alignment ``CodedArticle.to_dict()`` gives, without the
article's text) and one per PLV_train sentence (``plv.jsonl``: the events the coder finds in
the sentence by itself, and the type ``geopol eval plv`` gives the gold dyad). Run it once
with the old code (``PYTHONPATH=/path/to/old/src``) and once with the new, then ``diff``
the two folders: it prints each line that differs, field by field, and the counts.
Exit status 0 when the outputs are identical, 1 when they differ.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
BBC = SHARED / "bbc-news"
PLV = SHARED / "plv-train" / "PLV_train.tsv"
#: A fixed publication date, so relative dates resolve the same way in both runs.
PUBLISHED = dt.date(2005, 6, 1)


def _bbc(root: Path, limit: int | None) -> Iterator[tuple[str, Any]]:
    from geopol.records import Article

    files = sorted(root.rglob("*.txt"))[: limit or None]
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        key = str(f.relative_to(root))
        yield key, Article(title=title.strip(), body=body.strip(), path=key, published=PUBLISHED)


def _coded(coded: Any) -> dict[str, Any]:
    d: dict[str, Any] = coded.to_dict()
    d["article"] = {"id": d["article"]["id"], "path": d["article"]["path"]}
    return d


def code(out: Path, bbc: Path, plv: Path, limit: int | None) -> None:
    from geopol.eval.plv import _span, classify, read_plv
    from geopol.nlp import load
    from geopol.pipeline import code_articles
    from geopol.records import Article

    out.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    if bbc.is_dir():
        pairs = list(_bbc(bbc, limit))
        with (out / "bbc.jsonl").open("w", encoding="utf-8") as fh:
            for (key, _), coded in zip(pairs, code_articles(a for _, a in pairs), strict=True):
                fh.write(json.dumps({"key": key, **_coded(coded)}, sort_keys=True) + "\n")
        print(f"bbc: {len(pairs)} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    else:
        print(f"skipped: {bbc} is not present", file=sys.stderr)
    t0 = time.perf_counter()
    if plv.is_file():
        rows = read_plv(plv)[: limit or None]
        nlp = load()
        arts = [Article(title="", body=r.text, path=f"plv:{r.n}", published=PUBLISHED) for r in rows]
        docs = nlp.pipe((r.text for r in rows), batch_size=32)
        with (out / "plv.jsonl").open("w", encoding="utf-8") as fh:
            for r, coded, doc in zip(rows, code_articles(arts), docs, strict=True):
                s, t = _span(doc, r.source), _span(doc, r.target)
                gold_dyad = list(classify(doc, s, t)) if s is not None and t is not None else None
                line = {"key": f"plv:{r.n}", "gold_dyad_type": gold_dyad, **_coded(coded)}
                fh.write(json.dumps(line, sort_keys=True) + "\n")
        print(f"plv: {len(rows)} sentences in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    else:
        print(f"skipped: {plv} is not present", file=sys.stderr)


def _read(path: Path) -> dict[str, dict[str, Any]]:
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            d = json.loads(line)
        except json.JSONDecodeError:  # a run still writing its last line
            continue
        out[d["key"]] = d
    return out


def _walk(a: Any, b: Any, where: str, found: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            _walk(a.get(k, "<absent>"), b.get(k, "<absent>"), f"{where}.{k}", found)
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _walk(x, y, f"{where}[{i}]", found)
    elif a != b:
        found.append(f"  {where}: {json.dumps(a)[:300]} -> {json.dumps(b)[:300]}")


def diff(old: Path, new: Path, show: int, *, common: bool = False) -> int:
    total = 0
    for name in ("bbc.jsonl", "plv.jsonl"):
        a, b = _read(old / name), _read(new / name)
        keys = set(a) & set(b) if common else set(a) | set(b)
        differ = [k for k in sorted(keys) if a.get(k) != b.get(k)]
        total += len(differ)
        print(f"{name}: {len(a)} vs {len(b)} lines, {len(differ)} differ")
        for k in differ[:show]:
            found: list[str] = []
            _walk(a.get(k, {}), b.get(k, {}), "", found)
            print(f"- {k} ({len(found)} fields)")
            for f in found[:20]:
                print(f)
    print(f"total differing lines: {total}")
    return 0 if total == 0 else 1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("code")
    c.add_argument("out", type=Path)
    c.add_argument("--bbc", type=Path, default=BBC)
    c.add_argument("--plv", type=Path, default=PLV)
    c.add_argument("--limit", type=int, default=None)
    d = sub.add_parser("diff")
    d.add_argument("old", type=Path)
    d.add_argument("new", type=Path)
    d.add_argument("--show", type=int, default=50)
    d.add_argument("--common", action="store_true", help="compare only lines in both (a --limit run)")
    args = ap.parse_args()
    if args.cmd == "code":
        code(args.out, args.bbc, args.plv, args.limit)
        return 0
    return diff(args.old, args.new, args.show, common=args.common)


if __name__ == "__main__":
    raise SystemExit(main())
