"""The date stage: resolving phrases, finding them in parsed text, attaching them to events."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc, Token

import geopol.nlp
from geopol.dates import NO_PUBLISHED, NO_YEAR, date_for_event, find_dates, resolve
from geopol.records import EventDate, Precision

WEDNESDAY = dt.date(2023, 9, 13)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return geopol.nlp.load()


def _token(doc: Doc, word: str, nth: int = 0) -> Token:
    matches = [t for t in doc if t.text == word]
    assert len(matches) > nth, f"{word!r} not in {doc.text!r}"
    return matches[nth]


# --- resolve -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "value", "precision"),
    [
        ("today", "2023-09-13", "day"),
        ("tonight", "2023-09-13", "day"),
        ("this morning", "2023-09-13", "day"),
        ("yesterday", "2023-09-12", "day"),
        ("last night", "2023-09-12", "day"),
        ("tomorrow", "2023-09-14", "day"),
        ("on Tuesday", "2023-09-12", "day"),
        ("on Wednesday", "2023-09-13", "day"),  # same weekday as publication: that day
        ("on Thursday", "2023-09-07", "day"),
        ("Tuesday night", "2023-09-12", "day"),
        ("next Tuesday", "2023-09-19", "day"),
        ("this coming Friday", "2023-09-15", "day"),
        ("last Wednesday", "2023-09-06", "day"),
        ("last week", "2023-09-04", "week"),
        ("this week", "2023-09-11", "week"),
        ("next week", "2023-09-18", "week"),
        ("last month", "2023-08", "month"),
        ("this month", "2023-09", "month"),
        ("earlier this month", "2023-09", "month"),
        ("earlier this year", "2023", "year"),
        ("last year", "2022", "year"),
        ("two days ago", "2023-09-11", "day"),
        ("three weeks ago", "2023-08-21", "week"),
        ("6 months ago", "2023-03", "month"),
        ("4 October 2007", "2007-10-04", "day"),
        ("October 4, 2007", "2007-10-04", "day"),
        ("on 4th October 2007", "2007-10-04", "day"),
        ("Tuesday, Sept. 12, 2023", "2023-09-12", "day"),
        ("Oct. 4", "2022-10-04", "day"),  # more than a week after publication: last year's
        ("on March 28", "2023-03-28", "day"),
        ("on September 18", "2023-09-18", "day"),  # within the week after publication
        ("in September", "2023-09", "month"),
        ("in October", "2022-10", "month"),
        ("in December 2022", "2022-12", "month"),
        ("in 2022", "2022", "year"),
        ("since 2019", "2019", "year"),
        ("in early 2021", "2021", "year"),
        ("mid-2019", "2019", "year"),
        ("the end of last year", "2022", "year"),
        ("2023-09-12", "2023-09-12", "day"),
        ("2023-07", "2023-07", "month"),
        ("Monday\u2019s", "2023-09-11", "day"),
    ],
)
def test_resolve_against_a_wednesday(phrase: str, value: str, precision: str) -> None:
    date = resolve(phrase, WEDNESDAY)
    assert date is not None
    assert (date.value, date.precision) == (value, Precision(precision))
    assert date.text == phrase
    assert date.unresolved_reason is None


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("on Tuesday", "2023-09-19"),
        ("on Wednesday", "2023-09-13"),
        ("Oct. 4", "2023-10-04"),
        ("on March 28", "2024-03-28"),
        ("in March", "2024-03"),
        ("in September", "2023-09"),
        ("yesterday", "2023-09-12"),  # explicit direction wins over the clause's tense
    ],
)
def test_future_clauses_resolve_forward(phrase: str, value: str) -> None:
    date = resolve(phrase, WEDNESDAY, future=True)
    assert date is not None and date.value == value


@pytest.mark.parametrize(
    "phrase",
    ["for three years", "three years", "two-day", "56 years old", "in the 1990s", "the '90s",
     "recent weeks", "annual", "", "Tuesday and Wednesday", "on 31 September"],
)  # fmt: skip
def test_durations_ages_decades_are_not_event_dates(phrase: str) -> None:
    assert resolve(phrase, WEDNESDAY) is None


def test_dates_outside_the_calendar_are_dropped() -> None:
    assert resolve("yesterday", dt.date.min) is None
    assert resolve("next week", dt.date.max) is None
    assert resolve("on 29 February", dt.date(2, 1, 1)) is None
    assert resolve("5000 years ago", dt.date(2023, 9, 13)) is None
    assert resolve("99999 months ago", dt.date(2023, 9, 13)) is None
    assert resolve("0000-05", None) is None and resolve("0000-01-01", None) is None


def test_29_february_goes_back_to_the_last_leap_year() -> None:
    date = resolve("on 29 February", WEDNESDAY)
    assert date is not None and date.value == "2020-02-29"


@pytest.mark.parametrize("phrase", ["yesterday", "on Tuesday", "last week", "two days ago"])
def test_relative_phrases_without_publication_date_stay_unresolved(phrase: str) -> None:
    date = resolve(phrase, None)
    assert date is not None
    assert date.value is None and date.precision is None
    assert date.unresolved_reason == NO_PUBLISHED
    assert date.text == phrase


def test_yearless_dates_without_publication_date_say_why() -> None:
    date = resolve("Oct. 4", None)
    assert date is not None and date.value is None and date.unresolved_reason == NO_YEAR


@pytest.mark.parametrize(
    ("phrase", "value"), [("4 October 2007", "2007-10-04"), ("in 2022", "2022")]
)
def test_absolute_phrases_resolve_without_publication_date(phrase: str, value: str) -> None:
    date = resolve(phrase, None)
    assert date is not None and date.value == value


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.dates(), st.booleans())
def test_resolve_never_raises_and_values_match_precision(
    phrase: str, published: dt.date, future: bool
) -> None:
    date = resolve(phrase, published, future)
    if date is None or date.value is None:
        return
    shape = {Precision.DAY: 10, Precision.WEEK: 10, Precision.MONTH: 7, Precision.YEAR: 4}
    assert date.precision is not None and len(date.value) == shape[date.precision]
    if date.precision in (Precision.DAY, Precision.WEEK):
        day = dt.date.fromisoformat(date.value)
        assert date.precision is Precision.DAY or day.weekday() == 0


@given(
    st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_bare_weekday_is_the_latest_such_day_on_or_before_publication(
    published: dt.date, weekday: str
) -> None:
    past = resolve(f"on {weekday}", published)
    ahead = resolve(f"on {weekday}", published, future=True)
    assert past is not None and past.value is not None
    assert ahead is not None and ahead.value is not None
    back = (published - dt.date.fromisoformat(past.value)).days
    forward = (dt.date.fromisoformat(ahead.value) - published).days
    assert 0 <= back <= 6 and 0 <= forward <= 6
    assert dt.date.fromisoformat(past.value).strftime("%A") == weekday


# --- find_dates ----------------------------------------------------------------------------


def test_find_dates_offsets_cover_the_phrase_with_its_preposition(nlp: Language) -> None:
    doc = nlp(
        "Ministers met in Oslo on Tuesday. Sanctions were imposed in 2022 and "
        "talks have stalled since 2019. A convoy arrived yesterday, two days ago by some accounts."
    )
    dates = find_dates(doc, WEDNESDAY)
    assert [d.text for d in dates] == [
        "on Tuesday", "in 2022", "since 2019", "yesterday", "two days ago",
    ]  # fmt: skip
    for d in dates:
        assert d.start is not None and d.end is not None
        assert doc.text[d.start : d.end] == d.text
    assert [d.value for d in dates] == ["2023-09-12", "2022", "2019", "2023-09-12", "2023-09-11"]


def test_find_dates_skips_durations_and_ages(nlp: Language) -> None:
    doc = nlp(
        "The 56-year-old envoy negotiated for three years and led a two-day visit. "
        "Officials counted 2000 cases in 2000 villages."
    )
    assert find_dates(doc, WEDNESDAY) == []


def test_find_dates_reads_the_clause_tense(nlp: Language) -> None:
    doc = nlp("The ministers will meet in Geneva on Tuesday.")
    (date,) = find_dates(doc, WEDNESDAY)
    assert date.value == "2023-09-19"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The rebels set fire to the depot on Tuesday.", "2023-09-12"),
        ("Russia plans to hold drills on Tuesday.", "2023-09-19"),
        ("The summit is planned for Friday.", "2023-09-15"),
        ("The minister is due to arrive in Paris on Monday.", "2023-09-18"),
        ("Kim may visit Moscow on Friday.", "2023-09-15"),
        ("Kim could have visited Moscow on Friday.", "2023-09-08"),
        ("He said he would visit Moscow on Friday.", "2023-09-15"),
    ],
)
def test_weekday_direction_follows_the_clause(nlp: Language, text: str, value: str) -> None:
    (date,) = find_dates(nlp(text), WEDNESDAY)
    assert date.value == value


def test_a_phrase_that_does_not_resolve_whole_falls_back_to_its_parts(nlp: Language) -> None:
    doc = nlp("Talks were held on Tuesday and Wednesday in Doha.")
    assert [(d.text, d.value) for d in find_dates(doc, WEDNESDAY)] == [
        ("on Tuesday", "2023-09-12"),
        ("Wednesday", "2023-09-13"),
    ]


def test_find_dates_without_publication_date(nlp: Language) -> None:
    doc = nlp("Troops crossed the border on Tuesday, a year after the 4 October 2007 accord.")
    by_text = {d.text: d for d in find_dates(doc, None)}
    assert by_text["on Tuesday"].value is None
    assert by_text["on Tuesday"].unresolved_reason == NO_PUBLISHED
    assert any(d.value == "2007-10-04" for d in by_text.values())


# --- date_for_event ------------------------------------------------------------------------


def _date_of(nlp: Language, text: str, trigger: str, nth: int = 0) -> EventDate | None:
    doc = nlp(text)
    return date_for_event(_token(doc, trigger, nth), find_dates(doc, WEDNESDAY))


def test_noun_trigger_owns_its_date(nlp: Language) -> None:
    date = _date_of(nlp, "Lee's arrival in Vietnam on Tuesday was marked by a parade.", "arrival")
    assert date is not None and date.value == "2023-09-12" and date.text == "on Tuesday"


def test_noun_object_takes_the_date_of_its_light_verb(nlp: Language) -> None:
    text = "The presidents of Chile and Peru are set to hold a summit at Lima today."
    for trigger in ("summit", "hold"):
        date = _date_of(nlp, text, trigger)
        assert date is not None and date.value == "2023-09-13", trigger


def test_relative_clause_on_a_date_takes_that_date(nlp: Language) -> None:
    text = "It was his first journey abroad since 2017 when he held talks with Abe in Osaka."
    date = _date_of(nlp, text, "held")
    assert date is not None and date.value == "2017" and date.text == "since 2017"
    # "first journey since 2017" compares with 2017; the journey itself is not dated by it.
    assert _date_of(nlp, text, "journey") is None


def test_reported_event_takes_its_own_year(nlp: Language) -> None:
    text = "Reports suggest that it sold drones to the militia in 2021."
    date = _date_of(nlp, text, "sold")
    assert date is not None and date.value == "2021"
    assert _date_of(nlp, text, "suggest") is None


def test_two_clauses_two_dates(nlp: Language) -> None:
    text = "Chad attacked the rebels on Monday and the rebels retaliated on 4 October 2007."
    first = _date_of(nlp, text, "attacked")
    second = _date_of(nlp, text, "retaliated")
    assert first is not None and first.value == "2023-09-11"
    assert second is not None and second.value == "2007-10-04"


def test_statement_date_is_not_the_reported_event_date(nlp: Language) -> None:
    text = "Ankara said on Friday that Syrian forces shelled the town last week."
    said = _date_of(nlp, text, "said")
    shelled = _date_of(nlp, text, "shelled")
    assert said is not None and said.value == "2023-09-08"
    assert shelled is not None and shelled.text == "last week"


def test_no_date_is_borrowed_from_another_clause(nlp: Language) -> None:
    text = "The leaders met on Monday after the two sides had signed a truce."
    assert _date_of(nlp, text, "signed") is None
    met = _date_of(nlp, text, "met")
    assert met is not None and met.value == "2023-09-11"


def test_unparsed_doc_attaches_nothing(nlp: Language) -> None:
    doc = nlp.make_doc("Troops crossed the border on Tuesday.")
    dates = [EventDate(value="2023-09-12", precision=Precision.DAY, text="on Tuesday",
                       start=26, end=36)]  # fmt: skip
    assert date_for_event(doc[1], dates) is None


def test_date_on_a_subject_is_not_the_verb_date(nlp: Language) -> None:
    text = "Chad's attack on Tuesday was condemned by its neighbours."
    assert _date_of(nlp, text, "condemned") is None
    text = "The 2022 invasion was condemned by the assembly yesterday."
    invasion = _date_of(nlp, text, "invasion")
    condemned = _date_of(nlp, text, "condemned")
    assert invasion is not None and invasion.value == "2022"
    assert condemned is not None and condemned.value == "2023-09-12"
    text = "The invasion was condemned by the assembly yesterday."
    assert _date_of(nlp, text, "invasion") is None


def test_subject_of_an_occurrence_verb_shares_its_date(nlp: Language) -> None:
    for text, trigger in (
        ("Talks were held in Doha on Tuesday.", "Talks"),
        ("The summit begins in Hanoi today.", "summit"),
    ):
        date = _date_of(nlp, text, trigger)
        assert date is not None and date.value in ("2023-09-12", "2023-09-13"), text


# --- the seed article, read by path ----------------------------------------------------------


def _shared() -> Path:
    return Path(os.environ.get("GEOPOL_SHARED", "/work/shared"))


def test_seed_article_event_dates(nlp: Language) -> None:
    path = _shared() / "seed" / "000_7982e40d6416ed20.txt"
    if not path.exists():
        pytest.skip(f"seed article not found at {path}")
    doc = nlp(path.read_text(encoding="utf-8"))
    dates = find_dates(doc, WEDNESDAY)

    def date_at(phrase: str, trigger: str) -> str | None:
        start = doc.text.index(phrase)
        token = next(t for t in doc if t.idx >= start and t.text == trigger)
        found = date_for_event(token, dates)
        return found.value if found else None

    assert date_at("are set to hold a summit", "summit") == "2023-09-13"
    assert date_at("when he held a summit", "held") == "2019"
    assert date_at("it provided infantry rockets", "provided") == "2022"
    assert date_at("arrival in Russia", "arrival") == "2023-09-12"
    assert date_at("potentially providing artillery", "providing") is None


_WORDS = st.sampled_from(
    ["on", "in", "since", "Tuesday", "May", "2022", "last", "week", "ago", "two", "days", "Oct.",
     "4", "today", "the", "1990s", "will", "meet", ",", ".", "-", "'s", "Sept", "12", "early",
     "mid-2019", "yesterday", "met", "Russia", "and", "when", "held"]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, max_size=25), st.one_of(st.none(), st.dates()))
def test_find_and_attach_never_raise_and_offsets_point_into_the_text(
    nlp: Language, words: list[str], published: dt.date | None
) -> None:
    doc = nlp(" ".join(words))
    dates = find_dates(doc, published)
    for d in dates:
        assert d.start is not None and d.end is not None
        assert 0 <= d.start < d.end <= len(doc.text)
        assert doc.text[d.start : d.end] == d.text
        assert (d.value is None) == (d.unresolved_reason is not None)
    for token in doc:
        found = date_for_event(token, dates)
        assert found is None or found in dates


def test_pattern_windows_slice_the_doc_text_across_spaces_and_breaks(nlp: Language) -> None:
    """Pattern hits are searched in windows cut from the Doc's text (geopol.docarrays): with
    doubled spaces and a paragraph break inside a window, each hit still points at the
    phrase's characters, exactly as when the window's text came from its tokens."""
    from geopol.dates.find import _pattern_hits

    text = (
        "Ministers  met  again\n\nlast week,  and the envoys  will return on  Friday.\n"
        "Talks first opened on 4 May 2021  in  Oslo."
    )
    doc = nlp(text)
    found = [doc.text[s:e] for s, e in _pattern_hits(doc)]
    assert found == ["last week", "Friday", "4 May 2021"]
    for lo in range(len(doc)):
        for hi in range(lo + 1, min(len(doc), lo + 6) + 1):
            assert doc.text[doc[lo].idx : doc[hi - 1].idx + len(doc[hi - 1])] == doc[lo:hi].text
