"""Publication dates as records carry them: ISO text, RFC 2822 (feeds, mail), written dates
("18 March 2024", "March 18, 2024", "03/18/2024": month first, as in US usage), or date
objects. Parsed with python-dateutil; an unreadable date is logged with where it came from.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from typing import Any

from dateutil import parser as dateparser

logger = logging.getLogger(__name__)

#: A written date needs a day, a month and a four-digit year (no "5 pm", no bare "2024").
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
_DEFAULT = dt.datetime(1900, 1, 1)


def parse_date(value: Any, *, where: str | None = None) -> dt.date | None:
    """A date from ISO text, an RFC 2822 date, a written date or a datetime; None if
    unreadable (logged as a warning naming ``where`` when given).

    Example:
        >>> parse_date("18 March 2024"), parse_date("03/18/2024")
        (datetime.date(2024, 3, 18), datetime.date(2024, 3, 18))
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if _YEAR.search(text):
        try:
            got = dateparser.parse(text, default=_DEFAULT, dayfirst=False)
        except (ValueError, ArithmeticError, TypeError):
            got = None  # ArithmeticError: overflow, and decimal's on a long run of digits
        if got is not None and got.year == int(_YEAR.search(text).group(1)):  # type: ignore[union-attr]
            return dt.date(got.year, got.month, got.day)
    if where:
        logger.warning("%s: unreadable date %r (no publication date used)", where, text)
    return None
