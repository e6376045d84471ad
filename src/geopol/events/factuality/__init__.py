"""Factuality of an event: asserted, reported, planned, speculated, hypothetical or negated.

``assess(trigger, noun=...)`` reads the cues that scope over the event's trigger on the
dependency tree (``scope``); the cue words are data (``data/events/factuality.yaml``,
``cues``), extendable with ``load_factuality(paths)`` / ``set_factuality(paths)``.
"""

from __future__ import annotations

from geopol.events.factuality.conditions import condition_clause, scheduled
from geopol.events.factuality.cues import Cues, cues, load_factuality, set_factuality
from geopol.events.factuality.scope import assess
from geopol.events.factuality.verdict import ORDER, Reading, close_call_penalty

__all__ = [
    "ORDER",
    "Cues",
    "Reading",
    "assess",
    "close_call_penalty",
    "condition_clause",
    "cues",
    "load_factuality",
    "scheduled",
    "set_factuality",
]
