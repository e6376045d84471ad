"""How many English texts the language check refuses: ACLED notes, BBC News, the samples.

    PYTHONPATH=src python benchmarks/language_skips.py ../shared/eval

Prints, per set, the texts read and those ``detect`` does not call English (with the first
words of each), and the same for a few non-English texts (which should all be refused).
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from geopol.text.language import detect

NOT_ENGLISH = [
    "Die Regierung hat am Dienstag mit den Nachbarstaaten über die Zukunft gesprochen.",
    "El gobierno anunció el martes un acuerdo con los países vecinos para reforzar la energía.",
    "Le gouvernement a annoncé mardi un accord avec les pays voisins sur la sécurité.",
    "Il governo ha annunciato martedì un accordo con i paesi vicini sulla sicurezza.",
    "O governo anunciou na terça-feira um acordo com os países vizinhos sobre energia.",
    "De regering heeft dinsdag een akkoord gesloten met de buurlanden over energie.",
    "Правительство во вторник объявило о соглашении с соседними странами.",
]


def main(shared: Path) -> None:
    sets: dict[str, list[tuple[str, str]]] = {}
    acled = shared / "acled-dev" / "acled-dev.csv"
    if acled.exists():
        rows = list(csv.DictReader(acled.open(encoding="utf-8")))
        sets["acled-dev notes"] = [(r["data_id"], r["notes"]) for r in rows]
    bbc = shared / "bbc-news"
    if bbc.exists():
        sets["bbc-news"] = [(str(p.relative_to(bbc)), p.read_text(encoding="latin-1"))
                            for p in sorted(bbc.rglob("*.txt"))]
    samples = Path("samples/articles")
    sets["samples"] = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(samples.glob("*.txt"))]
    sets["non-English (should be refused)"] = [(t[:20], t) for t in NOT_ENGLISH]
    for name, texts in sets.items():
        t0 = time.perf_counter()
        refused = [(k, t) for k, t in texts if detect(t) != "en"]
        ms = (time.perf_counter() - t0) * 1000 / max(len(texts), 1)
        print(f"{name}: {len(texts)} texts, {len(refused)} not English ({ms:.2f} ms/text)")
        for k, t in refused[:10]:
            print(f"   {k}: {t[:90]!r}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval"))
