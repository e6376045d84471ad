"""JSON lines: one event per line, exactly ``Event.to_dict()`` (the documented event shape)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO, TypeAlias

from geopol.records import Event

EventLike: TypeAlias = Mapping[str, Any] | Event


def event_dicts(events: Iterable[EventLike]) -> Iterator[Mapping[str, Any]]:
    """Event dicts, whether given as dicts (from ``to_dict()`` or JSON) or as Event records."""
    for event in events:
        yield event.to_dict() if isinstance(event, Event) else event


def write_jsonl(events: Iterable[EventLike], out: TextIO) -> int:
    """Write one JSON object per line; returns the number of events written.

    Example:
        >>> write_jsonl([event.to_dict()], sys.stdout)
        1
    """
    n = 0
    for d in event_dicts(events):
        out.write(json.dumps(d, ensure_ascii=False, default=str))
        out.write("\n")
        n += 1
    return n
