"""Factuality scores for ``geopol eval plv``: accuracy, per-class F1 and macro-F1.

Rows come from a PLV-format file with a ``factuality`` column (and ``ambiguous``,
``reuters_newid``), or from a label file of row numbers and labels (``--factuality-labels``):

    row<TAB>factuality
    12<TAB>reported
"""

from __future__ import annotations

import csv
import dataclasses
from enum import StrEnum
from pathlib import Path

from geopol.errors import BadInput
from geopol.records import Factuality

CLASSES = tuple(f.value for f in Factuality)


class Half(StrEnum):
    """Rows by the parity of their document id: tune on one, measure on the other."""

    EVEN = "even"
    ODD = "odd"


def read_labels(path: Path) -> dict[int, str]:
    """Row number -> factuality label, from a TSV with columns ``row`` and ``factuality``."""
    try:
        fh = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc})") from exc
    out: dict[int, str] = {}
    with fh:
        for k, r in enumerate(csv.DictReader(fh, delimiter="\t"), 2):
            row, lab = (r.get("row") or "").strip(), (r.get("factuality") or "").strip().lower()
            if not row.isdigit() or lab not in CLASSES:
                raise BadInput(f"{path}:{k}: need a row number and one of {', '.join(CLASSES)}")
            out[int(row)] = lab
    if not out:
        raise BadInput(f"{path}: no labels (columns: row, factuality)")
    return out


@dataclasses.dataclass(slots=True)
class FactScore:
    """Gold and predicted factuality pairs, with the gold row's ambiguity flag."""

    pairs: list[tuple[str, str, bool]] = dataclasses.field(default_factory=list)

    def add(self, gold: str, pred: str, *, ambiguous: bool = False) -> None:
        if gold in CLASSES:
            self.pairs.append((gold, pred, ambiguous))

    def figures(self, *, clear_only: bool) -> tuple[int, float, dict[str, float], float]:
        """(rows, accuracy, F1 by class, macro-F1 over the classes present in gold)."""
        pairs = [(g, p) for g, p, amb in self.pairs if not (clear_only and amb)]
        n = len(pairs)
        acc = sum(g == p for g, p in pairs) / n if n else 0.0
        f1: dict[str, float] = {}
        for c in CLASSES:
            tp = sum(g == c and p == c for g, p in pairs)
            fp = sum(g != c and p == c for g, p in pairs)
            fn = sum(g == c and p != c for g, p in pairs)
            if tp + fn == 0:
                continue
            f1[c] = 2 * tp / (2 * tp + fp + fn)
        macro = sum(f1.values()) / len(f1) if f1 else 0.0
        return n, acc, f1, macro

    def render(self) -> list[str]:
        if not self.pairs:
            return []
        lines = ["", "factuality of the gold dyad's event:"]
        head = "  rows            n  accuracy  macro-F1  " + " ".join(
            f"{c[:6]:>6}" for c in CLASSES
        )
        lines.append(head)
        for name, clear in (("ambiguous=0", True), ("all", False)):
            n, acc, f1, macro = self.figures(clear_only=clear)
            per = " ".join(f"{f1[c]:6.3f}" if c in f1 else "     -" for c in CLASSES)
            lines.append(f"  {name:12} {n:4d}  {acc:8.3f}  {macro:8.3f}  {per}")
        lines.append("  confusion (ambiguous=0; rows gold, columns predicted):")
        lines.append("            " + " ".join(f"{c[:6]:>6}" for c in CLASSES))
        for g in CLASSES:
            counts = [
                sum(1 for gg, p, amb in self.pairs if not amb and gg == g and p == c)
                for c in CLASSES
            ]
            if any(counts):
                lines.append(f"  {g[:9]:9} " + " ".join(f"{k:6d}" for k in counts))
        return lines
