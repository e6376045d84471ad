"""Resolve one date phrase against the article's publication date.

News dates are mostly relative ("on Tuesday", "last month"), so the publication date is the
anchor. The rules for phrases that leave the year or the direction open are documented in
``docs/stages/dates.md``; in short:

* a bare weekday is the most recent such day on or before publication ("on Tuesday" in a
  Tuesday article is that day); with ``future=True`` it is the next one on or after it;
  "last"/"next" make it strictly before/after;
* a day and month without a year ("Oct. 4") is the latest such date no later than a week
  after publication (articles announce events a few days ahead); with ``future=True`` it
  is the first such date on or after publication;
* a month without a year ("in September") is the latest such month not after the
  publication month, or with ``future=True`` the first one not before it;
* decades ("the 1990s"), durations ("three years") and ages are not event dates: ``None``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from geopol.errors import DictionaryError
from geopol.records import EventDate, Precision
from geopol.yamlio import load_yaml

NO_PUBLISHED = "relative date with no publication date"
NO_YEAR = "day or month with no year and no publication date"
#: Days after publication that a yearless day-month may still fall on when read as past.
GRACE_DAYS = 7


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of ``data/dates.yaml``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    today: frozenset[str]
    relative_days: dict[str, int]
    prepositions: tuple[str, ...]
    qualifiers: tuple[str, ...]
    times_of_day: frozenset[str]
    future_auxiliaries: frozenset[str]
    modals: frozenset[str]
    occurrence_verbs: frozenset[str]
    scheduling: frozenset[str]


def _words(raw: Any, key: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DictionaryError(f"dates.yaml: {key!r} must be a list of strings")
    return [v.lower() for v in value]


def _table(raw: Any, key: str) -> dict[str, int]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, int) for v in value.values()):
        raise DictionaryError(f"dates.yaml: {key!r} must map words to integers")
    return {str(k).lower(): int(v) for k, v in value.items()}


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped date words, read once per process."""
    text = resources.files("geopol.data").joinpath("dates.yaml").read_text(encoding="utf-8")
    raw = load_yaml(text)
    if not isinstance(raw, dict):
        raise DictionaryError("dates.yaml: top level must be a mapping")
    by_length = functools.partial(sorted, key=len, reverse=True)
    return Vocabulary(
        months=_table(raw, "months"),
        weekdays=_table(raw, "weekdays"),
        numbers=_table(raw, "numbers"),
        today=frozenset(_words(raw, "today")),
        relative_days=_table(raw, "relative_days"),
        prepositions=tuple(by_length(_words(raw, "prepositions"))),
        qualifiers=tuple(by_length(_words(raw, "qualifiers"))),
        times_of_day=frozenset(_words(raw, "times_of_day")),
        future_auxiliaries=frozenset(_words(raw, "future_auxiliaries")),
        modals=frozenset(_words(raw, "modals")),
        occurrence_verbs=frozenset(_words(raw, "occurrence_verbs")),
        scheduling=frozenset(_words(raw, "scheduling")),
    )


def alternation(words: Any) -> str:
    """A regex alternation of ``words``, longest first so "sept" wins over "sep"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    iso_day: re.Pattern[str]
    iso_month: re.Pattern[str]
    dmy: re.Pattern[str]
    mdy: re.Pattern[str]
    dm: re.Pattern[str]
    md: re.Pattern[str]
    my: re.Pattern[str]
    month: re.Pattern[str]
    year: re.Pattern[str]
    decade: re.Pattern[str]
    weekday: re.Pattern[str]
    period: re.Pattern[str]
    ago: re.Pattern[str]
    prefix: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    v = vocabulary()
    mon = rf"(?P<mon>{alternation(v.months)})\.?"
    wd = rf"(?:{alternation(v.weekdays)})\.?,? "
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>[12]\d{3})"
    tod = alternation(v.times_of_day)
    num = rf"(?P<n>\d+|{alternation(v.numbers)})"
    lead = rf"(?:{alternation(v.prepositions)}|{alternation(v.qualifiers)})"
    return _Patterns(
        iso_day=re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})$"),
        iso_month=re.compile(r"^(?P<year>\d{4})-(?P<m>\d{1,2})$"),
        dmy=re.compile(rf"^(?:{wd})?(?:the )?{day}(?: of)? {mon},? {year}$"),
        mdy=re.compile(rf"^(?:{wd})?{mon} {day},? {year}$"),
        dm=re.compile(rf"^(?:{wd})?(?:the )?{day}(?: of)? {mon}$"),
        md=re.compile(rf"^(?:{wd})?{mon} {day}$"),
        my=re.compile(rf"^{mon},? (?:of )?{year}$"),
        month=re.compile(rf"^(?:(?P<rel>this|last|next|this past|this coming) )?{mon}$"),
        year=re.compile(rf"^(?:the year )?{year}$"),
        decade=re.compile(r"^(?:the )?(?:\d{2,4}|'\d{2})s$"),
        weekday=re.compile(
            rf"^(?:(?P<rel>last|next|this|this coming|this past|coming|past) )?"
            rf"(?P<wd>{alternation(v.weekdays)})\.?(?: (?:{tod}))?$"
        ),
        period=re.compile(r"^(?P<rel>this|last|next) (?P<unit>week|weekend|month|year)$"),
        ago=re.compile(rf"^{num} (?P<unit>day|week|month|year)s? ago$"),
        prefix=re.compile(rf"^{lead}(?:-| |$)"),
    )


def _normalise(phrase: str) -> str:
    s = phrase.replace("\u2019", "'").replace("\u2018", "'").lower()
    s = re.sub(r"\s+", " ", s).strip(' ,;:()"')
    s = re.sub(r"'s?$", "", s)
    s = s.rstrip(".").strip()
    # Drop leading prepositions and qualifiers, repeatedly ("in early 2022", "since mid-2019").
    pattern = _patterns().prefix
    while True:
        m = pattern.match(s)
        if not m or m.end() == 0 or m.end() >= len(s):
            break
        s = s[m.end() :].lstrip(" -")
    return s


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + k
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _check_year(year: int) -> None:
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise ValueError(f"year {year} outside the calendar")


def _day(d: dt.date) -> tuple[str, Precision]:
    return d.isoformat(), Precision.DAY


def _week(d: dt.date) -> tuple[str, Precision]:
    return _monday(d).isoformat(), Precision.WEEK


def _month(year: int, month: int) -> tuple[str, Precision]:
    _check_year(year)
    return f"{year:04d}-{month:02d}", Precision.MONTH


def _year(year: int) -> tuple[str, Precision]:
    _check_year(year)
    return f"{year:04d}", Precision.YEAR


def _infer_day(month: int, day: int, published: dt.date, future: bool) -> dt.date | None:
    candidates = [
        d
        for y in range(published.year - 4, published.year + 5)  # 29 February: leap years
        if (d := _safe_date(y, month, day)) is not None
    ]
    if future:
        after = [d for d in candidates if d >= published]
        return min(after) if after else None
    limit = published + dt.timedelta(days=GRACE_DAYS)
    before = [d for d in candidates if d <= limit]
    return max(before) if before else None


def _infer_month(month: int, published: dt.date, future: bool, rel: str | None) -> tuple[int, int]:
    y, m = published.year, published.month
    if rel == "this":
        return y, month
    if rel in ("next", "this coming") or (future and rel is None):
        strict = rel is not None
        if month > m or (month == m and not strict):
            return y, month
        return y + 1, month
    strict = rel is not None  # "last September" / "this past September"
    if month < m or (month == m and not strict):
        return y, month
    return y - 1, month


def _weekday(target: int, published: dt.date, future: bool, rel: str | None) -> dt.date:
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if rel in ("next", "this coming", "coming"):
        return published + dt.timedelta(days=ahead or 7)
    if rel in ("last", "this past", "past"):
        return published - dt.timedelta(days=back or 7)
    if future:
        return published + dt.timedelta(days=ahead)
    return published - dt.timedelta(days=back)


def _weekend(rel: str, published: dt.date, future: bool) -> dt.date:
    """The Saturday of the weekend meant ("the weekend" is the coming one only looking ahead)."""
    saturday = _monday(published) + dt.timedelta(days=5)
    if rel == "next":
        return saturday + dt.timedelta(days=7)
    if rel == "last":
        return saturday - dt.timedelta(days=7)
    if rel == "this" or future or published.weekday() >= 5:
        return saturday
    return saturday - dt.timedelta(days=7)


def _period(rel: str, unit: str, published: dt.date, future: bool) -> tuple[str, Precision]:
    step = {"this": 0, "last": -1, "next": 1}[rel]
    if unit == "week":
        return _week(published + dt.timedelta(days=7 * step))
    if unit == "weekend":
        return _week(_weekend(rel, published, future))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, step))
    return _year(published.year + step)


def _ago(n: int, unit: str, published: dt.date) -> tuple[str, Precision]:
    if unit == "day":
        return _day(published - dt.timedelta(days=n))
    if unit == "week":
        return _week(published - dt.timedelta(days=7 * n))
    if unit == "month":
        return _month(*_add_months(published.year, published.month, -n))
    return _year(published.year - n)


class _Unresolved(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _absolute(s: str) -> tuple[str, Precision] | None:
    p, v = _patterns(), vocabulary()
    if m := p.iso_day.match(s):
        d = _safe_date(int(m["year"]), int(m["m"]), int(m["day"]))
        return _day(d) if d else None
    if m := p.iso_month.match(s):
        month = int(m["m"])
        return _month(int(m["year"]), month) if 1 <= month <= 12 else None
    if (m := p.dmy.match(s)) or (m := p.mdy.match(s)):
        d = _safe_date(int(m["year"]), v.months[m["mon"]], int(m["day"]))
        return _day(d) if d else None
    if m := p.my.match(s):
        return _month(int(m["year"]), v.months[m["mon"]])
    if m := p.year.match(s):
        return _year(int(m["year"]))
    return None


def _relative(s: str, published: dt.date | None, future: bool) -> tuple[str, Precision] | None:
    """Phrases that need the publication date; raises _Unresolved when it is missing."""
    p, v = _patterns(), vocabulary()

    def anchor(reason: str = NO_PUBLISHED) -> dt.date:
        if published is None:
            raise _Unresolved(reason)
        return published

    if s in v.today:
        return _day(anchor())
    if s in v.relative_days:
        return _day(anchor() + dt.timedelta(days=v.relative_days[s]))
    if (m := p.dm.match(s)) or (m := p.md.match(s)):
        month, day = v.months[m["mon"]], int(m["day"])
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: 29 February is valid
            return None
        d = _infer_day(month, day, anchor(NO_YEAR), future)
        return _day(d) if d else None
    if m := p.month.match(s):
        return _month(*_infer_month(v.months[m["mon"]], anchor(NO_YEAR), future, m["rel"]))
    if m := p.weekday.match(s):
        return _day(_weekday(v.weekdays[m["wd"]], anchor(), future, m["rel"]))
    if s in ("the weekend", "weekend"):
        return _week(_weekend("the", anchor(), future))
    if m := p.period.match(s):
        return _period(m["rel"], m["unit"], anchor(), future)
    if m := p.ago.match(s):
        raw = m["n"]
        n = int(raw) if raw.isdigit() else v.numbers[raw]
        return _ago(n, m["unit"], anchor())
    return None


def resolve(phrase: str, published: dt.date | None, future: bool = False) -> EventDate | None:
    """The date a phrase names, or None when it names no point or period we can date.

    ``future`` says the phrase's clause looks forward ("will meet on Tuesday"), which turns
    bare weekdays and yearless dates forward. Relative phrases with no publication date give
    an EventDate whose value is None and whose ``unresolved_reason`` says why.

    Example:
        >>> resolve("on Tuesday", dt.date(2023, 9, 13)).value
        '2023-09-12'
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    text = phrase.strip()
    s = _normalise(text)
    if not s or _patterns().decade.match(s):
        return None
    try:
        found = _absolute(s) or _relative(s, published, future)
    except _Unresolved as why:
        return EventDate(value=None, precision=None, text=text, unresolved_reason=why.reason)
    except (OverflowError, ValueError):
        return None  # the date would fall outside years 1-9999
    if found is None:
        return None
    value, precision = found
    return EventDate(value=value, precision=precision, text=text)
