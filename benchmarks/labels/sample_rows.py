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


def arguments(doc: str | None) -> argparse.Namespace:
    """The command line of a row-drawing script: PLV_train's path and ``--show``."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("path", type=Path, help="PLV_train.tsv")
    ap.add_argument("--show", action="store_true", help="print the marked sentences too")
    return ap.parse_args()


def read_rows(path: Path) -> list[dict[str, str]]:
    """PLV_train's data rows, in file order."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def marks_both(row: dict[str, str]) -> bool:
    """Whether a row marks both a source and a target."""
    return all(m in (row.get("marked_sentence") or "") for m in ("<s>", "</s>", "<t>", "</t>"))


def main() -> None:
    args = arguments(__doc__)
    data = read_rows(args.path)
    rows = sample([marks_both(d) for d in data])
    if not args.show:
        sys.stdout.write("".join(f"{r}\n" for r in rows))
        return
    for r in rows:
        sys.stdout.write(f"{r}\t{data[r - 1]['marked_sentence']}\n")


if __name__ == "__main__":
    main()
