"""The event's own date: find date phrases, resolve them against the publication date, and
attach each to the event it belongs to. See ``docs/stages/dates.md``."""

from __future__ import annotations

from geopol.dates.attach import date_for_event
from geopol.dates.find import find_dates, looks_forward
from geopol.dates.resolve import NO_PUBLISHED, NO_YEAR, resolve

__all__ = ["NO_PUBLISHED", "NO_YEAR", "date_for_event", "find_dates", "looks_forward", "resolve"]
