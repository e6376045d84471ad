"""Factuality weights: how much one event counts in weighted series, networks and shifts.

Defaults live in ``data/analysis/weights.yaml``; users pass their own mapping or file.
Weights are turned into one SQL ``CASE`` expression so every query weighs events the same way.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import yaml

from geopol.errors import BadInput
from geopol.records import Factuality
from geopol.yamlio import load_yaml


@functools.lru_cache(maxsize=1)
def default_weights() -> dict[str, float]:
    text = resources.files("geopol.data").joinpath("analysis/weights.yaml").read_text("utf-8")
    return _check(load_yaml(text), "data/analysis/weights.yaml")


def _check(raw: object, name: str) -> dict[str, float]:
    if not isinstance(raw, Mapping):
        raise BadInput(f"{name}: factuality weights must be a mapping of factuality to number")
    known = {f.value for f in Factuality}
    out: dict[str, float] = {}
    for key, value in raw.items():
        if key not in known:
            names = ", ".join(sorted(known))
            raise BadInput(f"{name}: unknown factuality {key!r} (known: {names})")
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise BadInput(f"{name}: weight for {key!r} must be a number in [0, 1], not {value!r}")
        out[str(key)] = float(value)
    return out


def resolve(weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """Defaults overlaid with ``weights`` (a partial mapping is fine)."""
    merged = dict(default_weights())
    if weights:
        merged.update(_check(weights, "weights"))
    return merged


def load_weights(path: str | Path) -> dict[str, float]:
    p = Path(path)
    try:
        raw = load_yaml(p.read_text("utf-8"))
    except OSError as exc:
        raise BadInput(f"{p}: cannot read weights ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise BadInput(f"{p}: not valid YAML ({exc})") from exc
    return resolve(_check(raw, str(p)))


def weight_sql(
    weights: Mapping[str, float] | None = None, *, weighted: bool = True, column: str = "factuality"
) -> str:
    """A SQL expression giving each event's weight (1 for every event when not weighted)."""
    if not weighted:
        return "CAST(1.0 AS DOUBLE)"
    w = resolve(weights)
    arms = " ".join(f"WHEN '{k}' THEN CAST({v!r} AS DOUBLE)" for k, v in sorted(w.items()))
    return f"(CASE {column} {arms} ELSE CAST(1.0 AS DOUBLE) END)"
