"""Fallback verb triggers from the PETRARCH-2 CAMEO verb dictionary (issue 15).

``data/events/cameo_verbs.yaml`` is made by ``scripts/convert_cameo_verbs.py`` from the MIT
CAMEO.2.0 dictionary (notice in the file's header and in ``data/events/NOTICE``): thousands of
verbs, largely WordNet synonym sets, each with the CAMEO code whose PLOVER type and mode the
CAMEO bridge (``data/events/cameo.tsv``) gives. It is a lower-priority fallback: a verb lemma
with any hand-written entry in ``triggers.yaml`` keeps only those, so the fallback only codes
verbs nobody here wrote an entry for ("besiege", "gun down", "lambast").
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Protocol, TypeVar

from geopol.events.datafile import read_data
from geopol.events.lexicon import Lexicon, Rule, parse


class _HasRule(Protocol):
    @property
    def rule(self) -> Rule: ...


T = TypeVar("T", bound=_HasRule)

#: Rule order of the fallback entries: after every hand-written one.
FALLBACK_ORDER = 1_000_000


def _entries(name: str, start: int) -> Lexicon:
    """A trigger file of ``data/events/`` (the schema of triggers.yaml) as a lexicon."""
    return parse(read_data(name), f"geopol:data/events/{name}", start=start)


@functools.cache
def fallback() -> Lexicon:
    """The converted CAMEO verb dictionary as a lexicon of its own."""
    return _entries("cameo_verbs.yaml", FALLBACK_ORDER)


@functools.cache
def recall_entries() -> Lexicon:
    """Hand-written triggers added for recall (``data/events/recall_triggers.yaml``)."""
    return _entries("recall_triggers.yaml", FALLBACK_ORDER // 2)


def with_fallback(lex: Lexicon) -> Lexicon:
    """``lex`` plus the recall entries (after its own for the same word) and the fallback
    verbs whose lemma neither has an entry for."""
    add = recall_entries()
    verbs = {k: list(v) for k, v in lex.verbs.items()}
    nouns = {k: list(v) for k, v in lex.nouns.items()}
    for k, v in add.verbs.items():
        verbs[k] = verbs.get(k, []) + v
    for k, v in add.nouns.items():
        nouns[k] = nouns.get(k, []) + v
    for k, v in fallback().verbs.items():
        verbs.setdefault(k, list(v))
    return dataclasses.replace(lex, verbs=verbs, nouns=nouns)


def is_fallback(rule: Rule) -> bool:
    return rule.order >= FALLBACK_ORDER


def alone(triggers: list[T]) -> list[T]:
    """Fallback triggers count only in a sentence no hand-written trigger codes: they fill
    silence, they never compete with (or get folded into) the rules written for the case."""
    if all(is_fallback(t.rule) for t in triggers):
        return triggers
    return [t for t in triggers if not is_fallback(t.rule)]
