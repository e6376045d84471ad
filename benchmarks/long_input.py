"""Coding time of one long invented article, and of one very long sentence.

Shows that coding stays linear in the length of the input (the limits in docs/security.md
rely on it). Prints one line per size.

    python benchmarks/long_input.py --chars 20000 40000 --sentence-words 2000 8000
"""

from __future__ import annotations

import argparse
import resource
import time

from geopol.nlp import load
from geopol.pipeline import code

PARA = ("Russian troops attacked the Ukrainian town of Bakhmut on Monday, officials in Kyiv "
        "said. China called for talks.\n\n")
WORDS = ["Russia", "and", "China", "held", "talks", "with", "officials", "of", "Iran", "and", "France", "while", "troops", "of", "Ukraine", "fought"]


def timed(text: str) -> tuple[int, float]:
    start = time.perf_counter()
    events = code(text, published="2024-05-01")
    return len(events), time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--chars", type=int, nargs="*", default=[20_000, 40_000])
    ap.add_argument("--sentence-words", type=int, nargs="*", default=[2_000, 8_000])
    args = ap.parse_args()
    load()
    for n in args.chars:
        text = "Long article\n" + PARA * max(1, n // len(PARA))
        events, seconds = timed(text)
        print(f"article  {len(text):>9,} chars: {events:>5} events in {seconds:6.1f} s")
    for n in args.sentence_words:
        text = "One sentence\n" + " ".join(WORDS[i % len(WORDS)] for i in range(n)) + "."
        events, seconds = timed(text)
        print(f"sentence {n:>9,} words: {events:>5} events in {seconds:6.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"peak memory {peak} MB")


if __name__ == "__main__":
    main()
