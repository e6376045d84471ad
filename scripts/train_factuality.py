"""Train the factuality model (issue 16) on the sentences the project wrote and labelled.

    PYTHONPATH=src python scripts/train_factuality.py            # write the shipped weights
    PYTHONPATH=src python scripts/train_factuality.py --holdout  # figures on a held-out fifth

Reads ``benchmarks/labels/factuality-written.tsv`` and the even-id halves of
``benchmarks/labels/factuality-written-r4.tsv`` to ``-r9.tsv`` (our own sentences,
labelled with the factuality guide; never ``../shared/eval``; the odd halves of these
files stay out of training), reads each marked dyad's factuality with the
cue rules alone, and fits a multinomial logistic regression (L2, full-batch gradient
descent from zero: deterministic) over the reading's features. Writes
``src/geopol/data/events/factuality-model.json``. With ``--holdout`` it trains on the rows
whose id is not a multiple of 5 and prints rules-only and rules+model accuracy on the rest.
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from pathlib import Path

import numpy as np

from geopol.eval.factuality_score import FactScore, Half
from geopol.eval.plv import _span, classify_reading, read_plv
from geopol.events.factuality.model import Model, choose, rules_only
from geopol.nlp import load
from geopol.records import Factuality

logger = logging.getLogger("train_factuality")
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "labels" / "factuality-written.tsv"
#: The fourth round's sentences: the rules were tuned on the even ids, the odd ids are held out.
DATA_R4 = ROOT / "benchmarks" / "labels" / "factuality-written-r4.tsv"
#: The fifth round's wire-style probe sentences: the even ids train, the odd ids stay out.
DATA_R5 = ROOT / "benchmarks" / "labels" / "factuality-written-r5.tsv"
#: The sixth to ninth rounds' files: their even ids train too (the shipped weights since r9).
DATA_LATER = tuple(
    ROOT / "benchmarks" / "labels" / f"factuality-written-r{n}.tsv" for n in (6, 7, 8, 9)
)
OUT = ROOT / "src" / "geopol" / "data" / "events" / "factuality-model.json"
CLASSES = tuple(Factuality)
MIN_COUNT = 2
L2 = 0.5
STEPS = 20000
RATE = 0.5

Sample = tuple[int, dict[str, float], Factuality, Factuality, bool]  # id, feats, gold, rule, close


def samples(path: Path, half: Half | None = None) -> list[Sample]:
    rows = read_plv(path, half=half)
    nlp = load()
    out: list[Sample] = []
    with rules_only():
        for row, doc in zip(rows, nlp.pipe(r.text for r in rows), strict=True):
            s, t = _span(doc, row.source), _span(doc, row.target)
            if s is None or t is None or not row.factuality:
                logger.warning("row %d: actor span not on token boundaries, skipped", row.n)
                continue
            _, reading = classify_reading(doc, s, t)
            feats = getattr(reading, "features", {})
            rule, close = reading[0], bool(getattr(reading, "close", False))
            out.append((row.n, dict(feats), Factuality(row.factuality), rule, close))
    return out


def fit(train: list[Sample]) -> Model:
    counts = Counter(k for _, f, *_ in train for k in f)
    names = sorted(k for k, n in counts.items() if n >= MIN_COUNT)
    index = {k: i for i, k in enumerate(names)}
    x = np.zeros((len(train), len(names)))
    y = np.zeros((len(train), len(CLASSES)))
    for r, (_, feats, gold, _, _) in enumerate(train):
        for k, v in feats.items():
            if k in index:
                x[r, index[k]] = v
        y[r, CLASSES.index(gold)] = 1.0
    w = np.zeros((len(names), len(CLASSES)))
    b = np.zeros(len(CLASSES))
    n = len(train)
    for _ in range(STEPS):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) / n
        w -= RATE * (x.T @ g + L2 * w / n)
        b -= RATE * g.sum(axis=0)
    weights = {k: tuple(round(float(v), 4) for v in w[i]) for k, i in index.items()}
    return Model(CLASSES, weights, tuple(round(float(v), 4) for v in b))


def to_json(model: Model) -> str:
    names = sorted(model.weights)
    data = {
        "about": "factuality close-call model (issue 16); scripts/train_factuality.py",
        "classes": [c.value for c in model.classes],
        "features": names,
        "weights": [list(model.weights[k]) for k in names],
        "bias": list(model.bias),
    }
    return json.dumps(data, indent=0, sort_keys=False) + "\n"


def score(test: list[Sample], model: Model | None) -> FactScore:
    sc = FactScore()
    for _, feats, gold, rule, close in test:
        level = rule if model is None else choose(model, feats, rule, close=close)[0]
        sc.add(gold.value, level.value)
    return sc


def calibration(test: list[Sample], model: Model) -> tuple[float, float]:
    """(mean log-loss, expected calibration error over 5 bins) of the model's top class."""
    losses, bins = [], [[0, 0.0, 0.0] for _ in range(5)]
    for _, feats, gold, _, _ in test:
        probs = model.probabilities(feats)
        losses.append(-float(np.log(max(probs[gold], 1e-9))))
        top = max(probs, key=lambda f: probs[f])
        k = min(int(probs[top] * 5), 4)
        bins[k][0] += 1
        bins[k][1] += probs[top]
        bins[k][2] += top is gold
    n = len(test)
    ece = sum(abs(c - a) for m, c, a in bins if m) / n if n else 0.0
    return (sum(losses) / n if n else 0.0), ece


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--data-half",
        type=Path,
        action="append",
        help="a further file whose even-id rows only are read (the odd ids stay held out);"
        " repeatable; default: the fourth to ninth rounds' files",
    )
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--holdout", action="store_true", help="figures on ids divisible by 5")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    data = samples(args.data)
    for path in args.data_half or (DATA_R4, DATA_R5, *DATA_LATER):
        data += samples(path, Half.EVEN)
    if args.holdout:
        train = [s for s in data if s[0] % 5]
        test = [s for s in data if not s[0] % 5]
        model = fit(train)
        for name, m in (("rules alone", None), ("rules + model", model)):
            n, acc, f1, macro = score(test, m).figures(clear_only=False)
            per = " ".join(f"{c[:6]}={v:.3f}" for c, v in f1.items())
            logger.info(
                "held out (%d rows) %s: accuracy %.3f macro-F1 %.3f  %s", n, name, acc, macro, per
            )
        moved = [
            (gold, rule, choose(model, feats, rule, close=close)[0])
            for _, feats, gold, rule, close in test
        ]
        moved = [m for m in moved if m[1] is not m[2]]
        logger.info(
            "held out: the model changed %d readings, %d to the right level, %d from it",
            len(moved),
            sum(g is new for g, _, new in moved),
            sum(g is old for g, old, _ in moved),
        )
        loss, ece = calibration(test, model)
        logger.info("held out: model alone log-loss %.3f, ECE %.3f", loss, ece)
        return
    model = fit(data)
    args.out.write_text(to_json(model), encoding="utf-8")
    logger.info("%d rows, %d features -> %s", len(data), len(model.weights), args.out)


if __name__ == "__main__":
    main()
