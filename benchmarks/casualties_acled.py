"""Casualty counts against ACLED's fatalities, per half of the development set.

A note "states a count" when it has a casualty word (killed, dead, died, fatalities, wounded,
injured, casualties). For each such note the coded article's conflict events are looked at:
the note scores when the first event with a ``killed`` figure has ACLED's fatalities, or,
with no such event, when ACLED's fatalities is 0 and the note says nothing is known to have
been killed. Measurement only: ``geopol eval acled`` gives the figure matched event by event.

    PYTHONPATH=src python benchmarks/casualties_acled.py ../shared/eval/acled-dev/acled-dev.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

from geopol.pipeline import code_articles
from geopol.records import Article

CUE = re.compile(r"\b(kill|dead|death|fatalit|died|casualt|wound|injur)", re.I)


def main(path: Path, show: int = 0) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for parity in ("even", "odd"):
        part = [r for r in rows if (int(r["data_id"]) % 2 == 0) == (parity == "even")
                and CUE.search(r["notes"])]
        arts = [Article(title="", body=r["notes"], published=dt.date(2020, 5, 10)) for r in part]
        good = n = 0
        bad: list[str] = []
        for r, coded in zip(part, code_articles(arts), strict=True):
            if not coded.events:
                continue  # no event to compare (the coder needs a named or placed actor)
            n += 1
            want = int(r["fatalities"])
            got = next((int(e.killed) for e in coded.events if e.killed is not None), None)
            ok = got == want or (got is None and want == 0)
            good += ok
            if not ok:
                bad.append(f"{want} got {got} | {r['notes'][:300]}")
        print(f"{parity}: {good}/{n} = {good / max(n, 1):.3f} "
              f"({len(part)} notes with a casualty word, {n} with an event)")
        for line in bad[:show] if parity == "even" else []:
            print("  ", line)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 0)
