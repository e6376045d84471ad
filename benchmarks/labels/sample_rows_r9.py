"""The PLV_train rows of benchmarks/labels/plv-factuality-r9-even.tsv (ninth round, second part).

The house's even half of PLV_train (``--half even``: the 0-based data row is even, so the 1-based
row number is odd), rows that mark both actors, none of the rows of plv-factuality-150.tsv or
plv-factuality-r8-even.tsv, first every row whose sentence holds a cue word (a modal, a negation, a
condition, an attribution or a future; 89 rows), so that the sample is informative, then rows
without one in the shuffled order (seed 9) up to ``SIZE``. Prints row numbers, or with ``--show`` the marked
sentences, for labelling by hand.

    python benchmarks/labels/sample_rows_r9.py ../shared/eval/plv-train/PLV_train.tsv --show
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from sample_rows import arguments, marks_both, read_rows

SEED = 9
SIZE = 120
HERE = Path(__file__).parent
CUE = re.compile(
    r"\b(will|would|could|may|might|should|must|can|not|n't|never|no|if|unless|"
    r"said|says|according|reportedly|told|claimed|alleged|plans?|planned|expected|likely|"
    r"to be|set to|due to|next|refused|denied|threatened|warned)\b",
    re.IGNORECASE,
)


def _held(name: str) -> set[int]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return {int(line.split("\t")[0]) for line in fh if line[:1].isdigit()}


def main() -> None:
    args = arguments(__doc__)
    data = read_rows(args.path)
    held = _held("plv-factuality-150.tsv") | _held("plv-factuality-r8-even.tsv")
    order = random.Random(SEED).sample(range(1, len(data) + 1), len(data))
    free = [r for r in order if r % 2 == 1 and r not in held and marks_both(data[r - 1])]
    cued = [r for r in free if CUE.search(data[r - 1].get("sentence") or "")]
    rows = (cued + [r for r in free if r not in cued])[:SIZE]
    for r in sorted(rows):
        extra = (
            f"\t{data[r - 1]['gold_root']}\t{data[r - 1]['marked_sentence']}" if args.show else ""
        )
        sys.stdout.write(f"{r}{extra}\n")


if __name__ == "__main__":
    main()
