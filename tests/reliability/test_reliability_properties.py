"""Property tests: every parser of untrusted input either returns a value or raises a geopol
error with a message; nothing else escapes, nothing hangs.

Bounded with ``max_examples`` so the whole file stays well under a minute; the long runs are
``scripts/fuzz.sh`` (atheris) and ``HYPOTHESIS_PROFILE=long``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geopol.errors import BadInput, DictionaryError, GeopolError
from geopol.ingest.feeds import check_safe_xml, html_fragment_text, parse_feed, parse_opml
from geopol.ingest.fetch import decode_body, sniff_charset
from geopol.ingest.sources import FieldMap, csv_rows, jsonl_rows, markdown_to_text
from geopol.ingest.watch import parse_interval
from geopol.text.reader import MAX_BYTES, article_from_text, decode
from geopol.text.when import parse_date

settings.register_profile("ci", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=3_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Fragments hostile documents are built from: markup, entities, odd characters.
_XMLISH = st.sampled_from([
    "<?xml version='1.0'?>", "<rss version='2.0'>", "</rss>", "<channel>", "</channel>",
    "<item>", "</item>", "<title>", "</title>", "<link>", "</link>", "<description>",
    "</description>", "<feed xmlns='http://www.w3.org/2005/Atom'>", "</feed>", "<entry>",
    "</entry>", "<content type='html'>", "</content>", "<pubDate>", "</pubDate>",
    "Mon, 06 May 2024 10:00:00 GMT", "&amp;", "&lt;p&gt;", "<![CDATA[", "]]>", "<!DOCTYPE x>",
    "<!ENTITY a 'b'>", "&a;", "<opml>", "<body>", "<outline xmlUrl='http://e.test/f'/>",
    "</body>", "</opml>", "<p>", "</p>", "<br/>", "<script>", "\x00", "\ufeff", "é", "\u202e",
])
_XML_DOCS = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(_XMLISH, st.text(max_size=20)), max_size=40).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    ),
)


def _utf8(parts: list[str]) -> bytes:
    return "".join(parts).encode("utf-8", "replace")


@given(st.binary(max_size=2000))
def test_decode_bytes_returns_text_or_bad_input(data: bytes) -> None:
    try:
        text = decode(data)
    except BadInput as exc:
        assert str(exc)
        return
    assert "\r" not in text


@given(st.text(max_size=500), st.booleans())
def test_article_from_text_returns_article_or_bad_input(text: str, check: bool) -> None:
    try:
        art = article_from_text(text, check_language=check)
    except BadInput as exc:
        assert str(exc)
        return
    assert art.text.startswith(art.title)


def test_decode_refuses_over_limit_without_decoding() -> None:
    with pytest.raises(BadInput, match="too large"):
        decode(b"a" * (MAX_BYTES + 1))


@given(_XML_DOCS)
def test_parse_feed_returns_feed_or_bad_input(data: bytes) -> None:
    try:
        feed = parse_feed(data)
    except BadInput as exc:
        assert str(exc)
        return
    for e in feed.entries:
        assert e.key


@given(_XML_DOCS)
def test_parse_opml_returns_urls_or_bad_input(data: bytes) -> None:
    try:
        urls = parse_opml(data)
    except BadInput as exc:
        assert str(exc)
        return
    assert len(urls) == len(set(urls))


@given(st.lists(st.one_of(_XMLISH, st.text(max_size=30)), max_size=40))
def test_html_fragment_text_never_raises(parts: list[str]) -> None:
    out = html_fragment_text("".join(parts))
    assert isinstance(out, str)
    assert "<script>" not in out or "<script>" in "".join(parts)


@given(st.binary(max_size=600), st.one_of(st.none(), st.sampled_from(
    ["utf-8", "latin-1", "no-such-charset", "utf-16", "x-\x00", "cp1252", ""])))
def test_decode_body_always_text(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_body(data, charset), str)
    found = sniff_charset(data)
    assert found is None or isinstance(found, str)


@given(st.binary(max_size=300))
def test_check_safe_xml_only_bad_input(data: bytes) -> None:
    with contextlib.suppress(BadInput):
        check_safe_xml(data)


@given(st.one_of(st.none(), st.text(max_size=60), st.integers(), st.datetimes(), st.dates()))
def test_parse_date_never_raises(value: object) -> None:
    got = parse_date(value)
    assert got is None or isinstance(got, dt.date)


def test_parse_date_survives_a_long_run_of_digits() -> None:
    # dateutil raises decimal.InvalidOperation on a long number read as seconds (found by fuzz)
    assert parse_date("3" * 30 + "m 2000") is None


@given(st.text(max_size=40))
def test_parse_interval_number_or_bad_input(text: str) -> None:
    try:
        seconds = parse_interval(text)
    except BadInput:
        return
    assert seconds >= 0


@given(st.text(max_size=600))
def test_markdown_to_text_never_raises(text: str) -> None:
    body, meta = markdown_to_text(text)
    assert isinstance(body, str) and isinstance(meta, dict)


@given(st.lists(st.one_of(st.text(max_size=40), st.sampled_from(
    ['{"title": "T", "body": "Russia and China held talks."}', "{", "[]", "null", '{"body": 5}',
     '{"date": "2024-99-99", "body": "x y"}', '{"body": ["a"]}'])), max_size=8))
def test_jsonl_rows_yield_items_never_raise(lines: list[str]) -> None:
    for item in jsonl_rows("\n".join(lines), FieldMap(), "corpus.jsonl"):
        assert item is not None


@given(st.text(max_size=400))
def test_csv_rows_yield_items_never_raise(text: str) -> None:
    for item in csv_rows("title,body,date\n" + text, FieldMap(), "corpus.csv"):
        assert item is not None


# --- dates --------------------------------------------------------------------------------

_DATE_WORDS = st.sampled_from([
    "on", "last", "next", "this", "Monday", "Tuesday", "weekend", "week", "month", "year",
    "ago", "days", "2", "31", "99999", "0", "May", "February", "29", "2024", "9999", "10000",
    "early", "late", "mid", "the", "1990s", "yesterday", "tomorrow", "-", "/", "of", "in",
    "January 32", "12/31/9999", "2024-02-30", "since", "decades", "hundred",
])


@given(st.lists(st.one_of(_DATE_WORDS, st.text(max_size=8)), max_size=8),
       st.one_of(st.none(), st.dates()), st.booleans())
def test_resolve_returns_date_or_none(words: list[str], published: dt.date | None,
                                      future: bool) -> None:
    from geopol.dates import resolve

    got = resolve(" ".join(words), published, future)
    if got is not None and got.value is not None:
        assert got.value[:1].isdigit()


# --- dictionaries -------------------------------------------------------------------------

_YAML_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=12),
              st.sampled_from(["RUS", "GOV", "2024-01-01", "not-a-date", "names", "code"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(
                                ["name", "names", "code", "country", "sector", "roles", "words",
                                 "abbreviations", "adjectives", "ambiguous", "start", "end",
                                 "role", "short", "members"]), inner, max_size=6)),
    max_leaves=20,
)


@given(_YAML_VALUES)
def test_actor_dictionary_yaml_only_dictionary_error(data: object) -> None:
    from geopol.actors.dictionary import parse_yaml

    try:
        parse_yaml(data, "user.yaml")
    except DictionaryError as exc:
        assert "user.yaml" in str(exc)


_PETRARCH = st.sampled_from([
    "RUSSIA [RUS]", "+MOSCOW", "\t[RUSGOV >080508]", "\t[RUSGOV <081399]", "\t[RUS 080508-090101]",
    "PUTIN_ [RUSELI]", "SOLDIER {SOLDIERS} [~MIL]", "[GOV~] MINISTER", "!PERSON! = MAN, WOMAN",
    "# comment", "<!--", "-->", "[", "]", "[---GOV]", "\t[XYZ 999999]", "\t[XYZ >000000]", "~", "+",
])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.one_of(_PETRARCH, st.text(max_size=15)), max_size=20))
def test_petrarch_dictionary_only_dictionary_error(tmp_path: Path, lines: list[str]) -> None:
    from geopol.actors.petrarch import load_petrarch

    p = tmp_path / "user.txt"
    p.write_text("\n".join(lines), encoding="utf-8", errors="replace")
    try:
        load_petrarch(p)
    except DictionaryError as exc:
        assert "user.txt" in str(exc)


# --- the coder ----------------------------------------------------------------------------

_NEWS_WORDS = st.sampled_from([
    "Russia", "China", "Iran", "the", "United", "States", "Putin", "met", "attacked", "said",
    "will", "not", "sanctions", "on", "Monday", "last", "week", "in", "Beijing", "Kyiv",
    "troops", "fired", "talks", "agreed", "to", "aid", ".", ",", "\n", "\n\n", "(AP)", "--",
    "MOSCOW", "\u2014", "'", '"', "NATO", "condemned", "Ukraine", "president", "2024",
])


@settings(max_examples=int(os.environ.get("GEOPOL_CODE_EXAMPLES", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_NEWS_WORDS, st.text(max_size=6)), min_size=1, max_size=60),
       st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 8), max_value=dt.date(9999, 12, 24))))
def test_pipeline_code_events_or_geopol_error(words: list[str], published: dt.date | None) -> None:
    from geopol.pipeline import code

    text = " ".join(words)
    try:
        events = code(text, published=published)
    except GeopolError:
        return
    for e in events:
        assert 0 <= e.evidence.trigger.start <= e.evidence.trigger.end <= len(text) + 1
