"""The word lists of ``data/events/local_notes.yaml``: words of local conflict and protest
reporting read by several stages (events/onsets.py, events/armed_names.py,
events/crowd_acts.py, events/passes/riots.py)."""

from __future__ import annotations

import functools

from geopol.events.datafile import read_data

#: The data file these lists are read from.
LOCAL_NOTES = "local_notes.yaml"


@functools.cache
def local_words(key: str) -> frozenset[str]:
    """A word list of ``data/events/local_notes.yaml``, lower-cased ("killings")."""
    return frozenset(str(w).lower() for w in read_data(LOCAL_NOTES).get(key) or ())


__all__ = ["LOCAL_NOTES", "local_words"]
