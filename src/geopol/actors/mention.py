"""The actor mention under construction, shared by the steps that find and resolve actors."""

from __future__ import annotations

import dataclasses

from geopol.records import Origin, StandsFor


@dataclasses.dataclass(slots=True)
class Mention:
    """A mention under construction: token span plus the resolution so far."""

    start: int
    end: int
    name: str
    country: str | None
    sector: str | None
    role: str | None
    kind: str
    how: str
    adjective: bool = False
    origin: Origin = Origin.DICTIONARY
    stands_for: StandsFor = StandsFor.NOTHING

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end
