"""The factuality cue words: ``data/events/factuality.yaml``, schema-checked, extendable.

``load_factuality(paths)`` reads the built-in file and merges each user file over it: a word
a user file lists under a level takes that level; plain word lists are added to.
``set_factuality(paths)`` makes such a merge the cues the coder uses.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from geopol.errors import DictionaryError
from geopol.records import Factuality
from geopol.yamlio import load_yaml

#: Sections that map a level to a list of words.
LEVELED = ("modals", "adverbs", "adjectives", "nouns", "governing_verbs", "prepositions")
#: Sections that are a plain list of words.
LISTS = (
    "verbal_acts",
    "denials",
    "rejections",
    "precautions",
    "occurrence_verbs",
    "conditionals",
    "future_times",
    "schedule_dates",
    "attitudes",
    "verbal_nouns",
    "frameworks",
    "threats",
    "grants",
    "current_periods",
    "schedule_verbs",
    "singular_hedges",
    "spokespeople",
    "debts",
)
_LEVELS = {f.value for f in Factuality if f is not Factuality.ASSERTED}


@dataclasses.dataclass(frozen=True, slots=True)
class Cues:
    """Word -> level tables and word sets, all lower case."""

    modals: dict[str, Factuality]
    adverbs: dict[str, Factuality]
    adjectives: dict[str, Factuality]
    nouns: dict[str, Factuality]
    governing: dict[str, Factuality]
    prepositions: dict[str, Factuality]
    verbal_acts: frozenset[str]
    denials: frozenset[str]
    rejections: frozenset[str]
    precautions: frozenset[str]
    occurrence_verbs: frozenset[str]
    conditionals: frozenset[str]
    future_times: frozenset[str]
    schedule_dates: frozenset[str] = frozenset()
    attitudes: frozenset[str] = frozenset()
    verbal_nouns: frozenset[str] = frozenset()
    frameworks: frozenset[str] = frozenset()
    threats: frozenset[str] = frozenset()
    grants: frozenset[str] = frozenset()
    current_periods: frozenset[str] = frozenset()
    schedule_verbs: frozenset[str] = frozenset()
    singular_hedges: frozenset[str] = frozenset()
    spokespeople: frozenset[str] = frozenset()
    debts: frozenset[str] = frozenset()


def _words(value: Any, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DictionaryError(f"{where}: expected a list of words")
    return [" ".join(w.lower().split()) for w in value]


def _key_lines(text: str) -> dict[str, int]:
    """The line (1-based) of each top-level key of a YAML mapping, for error messages."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 1 for k, _ in node.value}


def check(data: Any, name: str, lines: dict[str, int] | None = None) -> dict[str, Any]:
    """The parsed YAML if it has the cue file's shape, else a ``DictionaryError`` naming the
    file, the line and the fault."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DictionaryError(f"{name}: a factuality file is a mapping of sections")
    for key, value in data.items():
        line = (lines or {}).get(str(key))
        where = f"{name} line {line}: {key}" if line else f"{name}: {key}"
        if key == "schema":
            if value != 1:
                raise DictionaryError(f"{where}: only schema 1 is known")
        elif key in LEVELED:
            if value is None:
                continue
            if not isinstance(value, dict):
                raise DictionaryError(f"{where}: expected a mapping of level -> words")
            for level, words in value.items():
                if level not in _LEVELS:
                    raise DictionaryError(
                        f"{where}: unknown level {level!r} (one of {', '.join(sorted(_LEVELS))})"
                    )
                _words(words, f"{where}.{level}")
        elif key in LISTS:
            _words(value, where)
        else:
            known = ("schema", *LEVELED, *LISTS)
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise DictionaryError(
                f"{where}: unknown key {key!r}{hint}; unknown section (known: {', '.join(known)})"
            )
    return data


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DictionaryError(f"{path}: cannot read ({exc})") from exc
    try:
        data = load_yaml(text)
    except Exception as exc:  # yaml.YAMLError and friends: a clear message, not a traceback
        raise DictionaryError(f"{path}: not valid YAML ({exc})") from exc
    return check(data, str(path), _key_lines(text))


def _builtin() -> dict[str, Any]:
    f = resources.files("geopol") / "data" / "events" / "factuality.yaml"
    return check(load_yaml(f.read_text(encoding="utf-8")), "factuality.yaml")


#: Strongest first: a word listed under two levels of one file keeps the first.
_ORDER = ("hypothetical", "negated", "speculated", "planned", "reported")


def merge(layers: Iterable[dict[str, Any]]) -> Cues:
    tables: dict[str, dict[str, Factuality]] = {k: {} for k in LEVELED}
    sets: dict[str, set[str]] = {k: set() for k in LISTS}
    for data in layers:
        for key in LEVELED:
            section = data.get(key) or {}
            layer: dict[str, Factuality] = {}
            for level in _ORDER:
                for w in _words(section.get(level), key):
                    layer.setdefault(w, Factuality(level))
            tables[key].update(layer)  # a later file moves a word to its own level
        for key in LISTS:
            sets[key].update(_words(data.get(key), key))
    return Cues(
        modals=tables["modals"],
        adverbs=tables["adverbs"],
        adjectives=tables["adjectives"],
        nouns=tables["nouns"],
        governing=tables["governing_verbs"],
        prepositions=tables["prepositions"],
        verbal_acts=frozenset(sets["verbal_acts"]),
        denials=frozenset(sets["denials"]),
        rejections=frozenset(sets["rejections"]),
        precautions=frozenset(sets["precautions"]),
        occurrence_verbs=frozenset(sets["occurrence_verbs"]),
        conditionals=frozenset(sets["conditionals"]),
        future_times=frozenset(sets["future_times"]),
        schedule_dates=frozenset(sets["schedule_dates"]),
        attitudes=frozenset(sets["attitudes"]),
        verbal_nouns=frozenset(sets["verbal_nouns"]),
        frameworks=frozenset(sets["frameworks"]),
        threats=frozenset(sets["threats"]),
        grants=frozenset(sets["grants"]),
        current_periods=frozenset(sets["current_periods"]),
        schedule_verbs=frozenset(sets["schedule_verbs"]),
        singular_hedges=frozenset(sets["singular_hedges"]),
        spokespeople=frozenset(sets["spokespeople"]),
        debts=frozenset(sets["debts"]),
    )


@functools.lru_cache(maxsize=1)
def builtin_cues() -> Cues:
    return merge([_builtin()])


def load_factuality(paths: Sequence[Path | str] = ()) -> Cues:
    """The built-in cues with each file in ``paths`` merged over them, in order."""
    if not paths:
        return builtin_cues()
    return merge([_builtin(), *(_read(Path(p)) for p in paths)])


_active: list[Cues] = []


def set_factuality(paths: Sequence[Path | str] = ()) -> Cues:
    """Use the built-in cues merged with ``paths`` from now on (``()`` restores the built-in)."""
    c = load_factuality(paths)
    _active[:] = [c] if paths else []
    return c


def cues() -> Cues:
    """The cues in use."""
    return _active[0] if _active else builtin_cues()
