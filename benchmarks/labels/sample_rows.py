"""The 150 PLV_train rows labelled for factuality (benchmarks/labels/plv-factuality-150.tsv).

Rows are drawn with a fixed seed (16): the data rows of PLV_train.tsv in a shuffled order,
the first 150 that mark both a source and a target (row numbers as ``geopol eval plv``
counts them: the first data row after the header is 1). Prints the row
numbers, one a line; with ``--show FILE`` also the marked sentence, for labelling by hand.

    python benchmarks/labels/sample_rows.py ../shared/eval/plv-train/PLV_train.tsv --show
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from pathlib import Path

SEED = 16
SIZE = 150


def sample(marked: list[bool], *, seed: int = SEED, size: int = SIZE) -> list[int]:
    """Row numbers (1-based) of ``size`` rows whose flag in ``marked`` is set."""
    order = random.Random(seed).sample(range(1, len(marked) + 1), len(marked))
    return sorted([r for r in order if marked[r - 1]][:size])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", type=Path, help="PLV_train.tsv")
    ap.add_argument("--show", action="store_true", help="print the marked sentences too")
    args = ap.parse_args()
    with args.path.open(encoding="utf-8", newline="") as fh:
        data = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    marks = [
        all(m in (d.get("marked_sentence") or "") for m in ("<s>", "</s>", "<t>", "</t>"))
        for d in data
    ]
    rows = sample(marks)
    if not args.show:
        sys.stdout.write("".join(f"{r}\n" for r in rows))
        return
    for r in rows:
        sys.stdout.write(f"{r}\t{data[r - 1]['marked_sentence']}\n")


if __name__ == "__main__":
    main()
