"""Casualty counts against ACLED's fatalities, per half of the development set.

The issue's figure: over the notes that *state* a fatality count (a number or number word
right before or after a killing word: "two soldiers were killed", "killing 4 people",
"2 fatalities"; ACLED's own coding remarks such as "fatalities coded as 10" or "split
between 2 events" do not state one), the share whose coded events include one with
``killed`` equal to ACLED's ``fatalities`` (events of a matching type when there are some,
as ``geopol eval acled`` matches them; ``geopol eval acled`` prints the same figure, with
``states_count`` from ``geopol.eval.acled``). Reported over all such notes and over those where
the coder found an event at all (the casualty reader cannot count without an event to
attach to). Also: over every note with a casualty word (fatalities 0 included), the first
event with a ``killed`` figure against ACLED's, a missing figure counting right when ACLED
says 0.

    PYTHONPATH=src python benchmarks/casualties_acled.py ../shared/eval/acled-dev/acled-dev.csv
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from pathlib import Path

from geopol.eval.acled import TYPE_MAP, states_count
from geopol.pipeline import code_articles
from geopol.records import Article

CUE = re.compile(r"\b(kill|dead|death|fatalit|died|casualt|wound|injur)", re.I)


def main(path: Path) -> None:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for parity in ("even", "odd"):
        part = [r for r in rows if (int(r["data_id"]) % 2 == 0) == (parity == "even")
                and CUE.search(r["notes"])]
        arts = [Article(title="", body=r["notes"], published=dt.date(2020, 5, 10)) for r in part]
        first_ok = with_event = 0
        stated = stated_ok = stated_event = stated_event_ok = 0
        for r, coded in zip(part, code_articles(arts), strict=True):
            want = int(r["fatalities"])
            events = coded.events
            if events:
                with_event += 1
                got = next((int(e.killed) for e in events if e.killed is not None), None)
                first_ok += got == want or (got is None and want == 0)
            if want > 0 and states_count(r["notes"]):
                stated += 1
                wanted = TYPE_MAP.get(r["event_type"])
                pool = [e for e in events if wanted and e.type in wanted] or events
                ok = any(e.killed is not None and int(e.killed) == want for e in pool)
                stated_ok += ok
                if events:
                    stated_event += 1
                    stated_event_ok += ok
        print(f"{parity}: notes stating a count (fatalities > 0): {stated_ok}/{stated} = "
              f"{stated_ok / max(stated, 1):.3f}; of those with an event: "
              f"{stated_event_ok}/{stated_event} = {stated_event_ok / max(stated_event, 1):.3f}; "
              f"first killed figure, notes with a casualty word and an event: "
              f"{first_ok}/{with_event} = {first_ok / max(with_event, 1):.3f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
