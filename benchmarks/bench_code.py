"""Throughput of the coder next to bare spaCy, on the same articles, in one run.

    python benchmarks/bench_code.py [BBC_DIR] [--limit N] [--stage actors|code]

``--stage actors`` measures actor resolution alone (nlp.pipe + geopol.actors); ``code``
measures the whole coder (``geopol.pipeline.code_articles``). Articles are processed in
chunks, alternating bare and geopol runs, so a busy machine slows both alike. Prints
articles/s of each, their ratio, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from geopol.actors.find import find_actors
from geopol.nlp import load
from geopol.pipeline import code_articles
from geopol.records import Article

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "bbc-news"


def read_corpus(root: Path, limit: int | None) -> list[Article]:
    files = sorted(root.rglob("*.txt"))
    if limit:
        step = max(1, len(files) // limit)
        files = files[::step][:limit]
    out = []
    for f in files:
        text = f.read_bytes().decode("utf-8", errors="replace")
        title, _, body = text.strip().partition("\n")
        out.append(Article(title=title.strip(), body=body.strip(), path=str(f)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--chunk", type=int, default=100)
    ap.add_argument("--stage", choices=("actors", "code"), default="code")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: {args.corpus} is not present", file=sys.stderr)
        return 0
    articles = read_corpus(args.corpus, args.limit)
    nlp = load()
    # Warm up both paths (model, dictionaries, gazetteer) outside the timed region.
    list(nlp.pipe(a.text for a in articles[:5]))
    list(code_articles(articles[:5]))
    bare = ours = 0.0
    events = mentions = 0
    for i in range(0, len(articles), args.chunk):
        chunk = articles[i : i + args.chunk]
        t = time.perf_counter()
        for _ in nlp.pipe((a.text for a in chunk), batch_size=16):
            pass
        bare += time.perf_counter() - t
        t = time.perf_counter()
        if args.stage == "actors":
            for doc in nlp.pipe((a.text for a in chunk), batch_size=16):
                mentions += len(find_actors(doc))
        else:
            for coded in code_articles(chunk):
                events += len(coded.events)
                mentions += len(coded.actors)
        ours += time.perf_counter() - t
    n = len(articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"corpus: {args.corpus} ({n} articles), stage: {args.stage}, pipeline: {nlp.meta['name']} "
        f"{nlp.meta['version']}, components: {', '.join(nlp.pipe_names)}"
    )
    print(f"bare nlp.pipe:   {n / bare:7.2f} articles/s ({bare:.1f} s)")
    print(f"geopol {args.stage:7}:  {n / ours:7.2f} articles/s ({ours:.1f} s)")
    print(f"ratio geopol/bare speed: {bare / ours:.3f}   (overhead {ours / bare - 1:+.1%})")
    print(f"actor mentions: {mentions}   events: {events}   peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
