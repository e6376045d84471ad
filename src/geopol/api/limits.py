"""Bounds on what one API request may ask for: dates, series lengths, article input.

Why: an answer is built in memory before it is sent, so a request must not be able to ask for
an unbounded one (``/api/dyads/A/B?freq=day&since=1500-01-01`` was 191,700 rows), and a
date at the edge of the calendar must be refused with a 422 (as every parameter that does
not validate), not fail with a 500 when a period is added to it; a series range that is too
long is a 400. Lists are paged (at most ``MAX_PAGE`` rows, see ``routes``); series
are capped by their number of periods.
"""

from __future__ import annotations

import datetime as dt

import duckdb

from geopol.api.errors import ApiError
from geopol.errors import BadInput, FetchError

#: Dates outside these bounds are refused (no event is dated there, and a period added to
#: 9999-12-01 overflows).
DATE_MIN = dt.date(1000, 1, 1)
DATE_MAX = dt.date(2999, 12, 31)
#: Most periods in one series (ten years of days, 180 years of months).
MAX_PERIODS = 3_660
PERIOD_DAYS = {"day": 1.0, "week": 7.0, "month": 30.436875, "quarter": 91.310625,
               "year": 365.2425}


def check_dates(since: dt.date | None, until: dt.date | None) -> None:
    """422 (like any parameter that does not validate) unless both dates are within bounds
    and ``since`` is not after ``until``."""
    for name, value in (("since", since), ("until", until)):
        if value is not None and not DATE_MIN <= value <= DATE_MAX:
            raise ApiError(422, f"{name}: give a date from {DATE_MIN} to {DATE_MAX}")
    if since is not None and until is not None and since > until:
        raise ApiError(422, "since: after until")


def check_periods(con: duckdb.DuckDBPyConnection, since: dt.date | None,
                  until: dt.date | None, freq: str) -> None:
    """400 if a series from ``since`` to ``until`` (open ends: the stored events' first and
    last dates) would have more than ``MAX_PERIODS`` periods of ``freq``."""
    check_dates(since, until)
    if since is None or until is None:
        row = con.execute(
            "SELECT min(event_date), max(event_date) FROM events WHERE event_date IS NOT NULL"
        ).fetchone()
        first, last = (row or (None, None))
        since = since or _as_date(first)
        until = until or _as_date(last)
    if since is None or until is None or since > until:
        return
    periods = (until - since).days / PERIOD_DAYS[freq] + 1
    if periods > MAX_PERIODS:
        raise ApiError(
            400,
            f"range too long: {periods:.0f} {freq} periods from {since} to {until}; at most "
            f"{MAX_PERIODS} (narrow since/until or use a coarser freq)",
        )


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def check_article(title: str, body: str, url: str | None) -> None:
    """The input checks ``geopol code`` applies, as a 422 with the reason.

    Empty text, NUL characters, text without words (digits only) and non-English text are
    refused; ``url`` must be an http(s) URL that parses.
    """
    from geopol.ingest.fetch import check_url
    from geopol.text.reader import article_from_text

    if not body.strip():
        raise ApiError(422, "body: empty, nothing to code")
    if url is not None:
        try:
            check_url(url, allow_private=True)  # its shape only: nothing is fetched
        except FetchError as exc:
            raise ApiError(422, f"url: {exc}") from exc
    try:
        article_from_text(body.strip(), title=title.strip(), path="body")
    except BadInput as exc:
        raise ApiError(422, str(exc)) from exc
