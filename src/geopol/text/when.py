"""Publication dates as records carry them: ISO text, RFC 2822 (feeds, mail), or date objects."""

from __future__ import annotations

import datetime as dt
import email.utils
from typing import Any


def parse_date(value: Any) -> dt.date | None:
    """A date from ISO text, an RFC 2822 date, or a datetime; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
