"""The trained part of the factuality reading: a small multinomial logistic regression over
the cue features the walk already computes, which decides the close calls.

The rules decide whenever one cue level scopes over the event; where several levels meet
(a modal under a condition, "would" with no condition, attribution over a modal, ...) the
model weighs them, choosing only among the levels the walk found (or the rules' own level).
Its probability of the rules' level also marks a close call (the event's confidence falls).

Weights: ``data/events/factuality-model.json``, written by ``scripts/train_factuality.py``
from sentences the project wrote and labelled itself
(``benchmarks/labels/factuality-written.tsv``); never from ``../shared/eval``.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import functools
import json
import logging
import math
from collections.abc import Iterator, Mapping
from importlib import resources

from spacy.tokens import Token

from geopol.records import Factuality

logger = logging.getLogger(__name__)

MODEL_FILE = "factuality-model.json"
#: The model overrules the rules only when it is at least this sure.
OVERRULE_AT = 0.6
#: Below this probability for the rules' own level, the reading counts as a close call.
DOUBT_BELOW = 0.5

_ENABLED: contextvars.ContextVar[bool] = contextvars.ContextVar("factuality_model", default=True)


@dataclasses.dataclass(frozen=True, slots=True)
class Model:
    classes: tuple[Factuality, ...]
    weights: Mapping[str, tuple[float, ...]]  # feature -> one weight per class
    bias: tuple[float, ...]

    def probabilities(self, features: Mapping[str, float]) -> dict[Factuality, float]:
        scores = list(self.bias)
        for name, value in features.items():
            row = self.weights.get(name)
            if row is None:
                continue
            for k, w in enumerate(row):
                scores[k] += w * value
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp, strict=True)}


def parse_model(data: object) -> Model:
    """A model from its JSON form ({"classes", "features", "weights", "bias"})."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    classes = tuple(Factuality(c) for c in data["classes"])
    names = [str(n) for n in data["features"]]
    rows = data["weights"]
    bias = tuple(float(b) for b in data["bias"])
    if len(rows) != len(names) or len(bias) != len(classes):
        raise ValueError("weights do not match features and classes")
    weights = {}
    for name, row in zip(names, rows, strict=True):
        if len(row) != len(classes):
            raise ValueError(f"feature {name!r}: {len(row)} weights for {len(classes)} classes")
        weights[name] = tuple(float(w) for w in row)
    return Model(classes, weights, bias)


@functools.cache
def shipped_model() -> Model | None:
    """The shipped weights, or None (rules alone) when the file is missing or unreadable."""
    try:
        text = (resources.files("geopol") / "data" / "events" / MODEL_FILE).read_text("utf-8")
        return parse_model(json.loads(text))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        logger.warning("factuality model not loaded (%s): the cue rules decide alone", exc)
        return None


def current_model() -> Model | None:
    return shipped_model() if _ENABLED.get() else None


@contextlib.contextmanager
def rules_only() -> Iterator[None]:
    """Read factuality with the cue rules alone (what the training script learns from)."""
    token = _ENABLED.set(False)
    try:
        yield
    finally:
        _ENABLED.reset(token)


def features(
    found: list[tuple[Factuality, Token, int]], trigger: Token, rule: Factuality, *, close: bool
) -> dict[str, float]:
    """The features of one reading: the rules' level, the cue levels in scope and how near
    they hang, the cue words, each pair of levels that meet, the event word's tense."""
    out: dict[str, float] = {f"rule={rule.value}": 1.0}
    if close:
        out["close"] = 1.0
    levels = sorted({lv.value for lv, _, _ in found})
    for lv in levels:
        out[f"has={lv}"] = 1.0
    for i, a in enumerate(levels):
        for b in levels[i + 1 :]:
            out[f"pair={a}+{b}"] = 1.0
    if found:
        near = min(d for _, _, d in found)
        for lv, tok, d in found:
            if d == near:
                out[f"near={lv.value}"] = 1.0
            if d == 0:
                out[f"own={lv.value}"] = 1.0
            out[f"cue={tok.lemma_.lower()}"] = 1.0
            out[f"cue={tok.lemma_.lower()}@{lv.value}"] = 1.0
    out[f"tag={trigger.tag_}"] = 1.0
    auxes = [ch.lemma_.lower() for ch in trigger.children if ch.dep_ in ("aux", "auxpass")]
    if "have" in auxes:
        out["perfect"] = 1.0
    if trigger.tag_ == "VBD" or any(
        ch.lower_ in ("was", "were", "had", "did") for ch in trigger.children
    ):
        out["past"] = 1.0
    return out


def choose(
    model: Model, feats: Mapping[str, float], rule: Factuality, *, close: bool
) -> tuple[Factuality, bool]:
    """(level, close call) from the rules' level and the model: on a close call the model may
    pick another level the walk found, when it is at least ``OVERRULE_AT`` sure; a low
    probability for the rules' level makes the reading a close call."""
    probs = model.probabilities(feats)
    best = max(probs, key=lambda f: probs[f])
    found = {Factuality(k.split("=", 1)[1]) for k in feats if k.startswith("has=")}
    if close and best is not rule and best in found | {rule} and probs[best] >= OVERRULE_AT:
        return best, True
    return rule, close or probs.get(rule, 0.0) < DOUBT_BELOW
