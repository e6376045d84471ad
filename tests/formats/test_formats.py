"""Exporters: JSON lines, CSV, GDELT 2.0 and ICEWS, read back with the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geopol.formats import FORMATS, write_csv, write_gdelt, write_icews, write_jsonl
from geopol.formats.gdelt import GDELT_COLUMNS
from geopol.formats.icews import ICEWS_COLUMNS
from geopol.formats.rows import TABLE_COLUMNS
from geopol.formats.safe import safe_cell
from geopol.records import (
    Actor,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Place,
    PlacePrecision,
    Precision,
    Span,
)

SENTENCE = "Ministers of Ruritania and Freedonia visited Moscow on Tuesday."


def _actor(text: str, name: str, country: str | None, sector: str | None, start: int) -> Actor:
    return Actor(
        text=text, start=start, end=start + len(text), name=name, country=country, sector=sector
    )


def _event(
    *,
    type_: str = "CONSULT",
    cameo: str = "042",
    source: list[Actor] | None = None,
    target: list[Actor] | None = None,
    date: EventDate | None = None,
    location: Place | None = None,
    published: dt.date | None = dt.date(2023, 9, 13),
    url: str | None = "https://www.example.org/news/1",
    sentence_index: int = 1,
    trigger_start: int = 37,
) -> Event:
    if source is None:
        source = [
            _actor("Ruritania", "Ruritania", "PRK", "GOV", 13),
            _actor("Freedonia", "Freedonia", "CHN", "GOV", 27),
        ]
    if target is None:
        target = [_actor("Moscow", "Russia", "RUS", "GOV", 45)]
    return Event(
        type=type_,
        mode="visit" if type_ == "CONSULT" else None,
        contexts=["diplomatic", "military"],
        cameo=cameo,
        cameo_root=cameo[:2],
        quad=1,
        goldstein=1.9,
        intensity=2.5,
        factuality=Factuality.ASSERTED,
        source=source,
        target=target,
        date=date,
        location=location,
        evidence=Evidence(
            article_id="abcdef0123456789",
            sentence_index=sentence_index,
            sentence=Span(start=0, end=len(SENTENCE), text=SENTENCE),
            trigger=Span(start=trigger_start, end=trigger_start + 7, text="visited"),
        ),
        confidence=0.8,
        article_id="abcdef0123456789",
        article_title="Ministers visit",
        article_url=url,
        published=published,
        coder_version="geopol-test",
    )


VLADIVOSTOK = Place(
    text="Vladivostok",
    start=0,
    end=11,
    name="Vladivostok",
    country="RUS",
    admin1="Primorsky Krai",
    lat=43.1056,
    lon=131.8735,
    gazetteer_id="geonames:2013348",
    feature_class="P",
    precision=PlacePrecision.CITY,
)
TUESDAY = EventDate(
    value="2023-09-12", precision=Precision.DAY, text="on Tuesday", start=53, end=63
)


def _events() -> list[Event]:
    return [
        _event(date=TUESDAY, location=VLADIVOSTOK),
        _event(
            type_="REQUEST",
            cameo="023",
            source=[_actor("Kim", "Kim Jong Un", "PRK", "GOV", 0)],
            target=[_actor("the UN", "United Nations", "IGO-UN", "IGO", 20)],
            date=EventDate(value="2022", precision=Precision.YEAR, text="in 2022"),
            sentence_index=7,
            trigger_start=5,
        ),
        _event(
            type_="ASSAULT",
            cameo="190",
            source=[_actor("gunmen", "gunmen", None, "UAF", 0)],
            target=[],
            published=None,
            url=None,
            trigger_start=9,
        ),
    ]


def _tsv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def test_registry_names_every_writer() -> None:
    assert sorted(FORMATS) == ["acled", "csv", "gdelt", "icews", "jsonl"]
    assert FORMATS["jsonl"] is write_jsonl and FORMATS["csv"] is write_csv
    assert FORMATS["gdelt"] is write_gdelt and FORMATS["icews"] is write_icews


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_writers_take_dicts_or_events_alike(name: str) -> None:
    events = _events()
    as_dicts, as_events = io.StringIO(), io.StringIO()
    assert FORMATS[name]([e.to_dict() for e in events], as_dicts) == 3
    assert FORMATS[name](events, as_events) == 3
    assert as_dicts.getvalue() == as_events.getvalue()


def test_jsonl_is_one_event_dict_per_line() -> None:
    out = io.StringIO()
    write_jsonl(_events(), out)
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == [
        json.loads(json.dumps(e.to_dict())) for e in _events()
    ]


def test_csv_columns_and_values() -> None:
    out = io.StringIO()
    write_csv(_events(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(TABLE_COLUMNS)
    first, second, third = rows
    assert first["event_id"] == _events()[0].id
    assert first["type"] == "CONSULT" and first["mode"] == "visit" and first["cameo"] == "042"
    assert first["contexts"] == "diplomatic;military"
    assert first["source_countries"] == "CHN;PRK" and first["source_code"] == "PRKGOV"
    assert first["target_country"] == "RUS" and first["target_name"] == "Russia"
    assert first["event_date"] == "2023-09-12" and first["date_text"] == "on Tuesday"
    assert first["location_name"] == "Vladivostok" and float(first["location_lat"]) == 43.1056
    assert first["location_id"] == "geonames:2013348"
    assert first["trigger_text"] == "visited" and first["evidence_text"] == SENTENCE
    assert [a["name"] for a in json.loads(first["source_json"])] == ["Ruritania", "Freedonia"]
    assert first["factuality"] == "asserted" and first["article_url"].startswith("https://")
    assert second["event_date"] == "2022-01-01" and second["date_precision"] == "year"
    assert third["event_date"] == "" and third["target_code"] == ""
    assert third["source_code"] == "UAF"  # CAMEO: no country, the sector alone


def test_gdelt_has_61_columns_in_gdelt_order() -> None:
    out = io.StringIO()
    write_gdelt(_events(), out)
    rows = _tsv(out.getvalue())
    assert len(rows) == 3
    assert all(len(r) == 61 for r in rows)
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[0] == "GLOBALEVENTID" and GDELT_COLUMNS[26] == "EventCode"
    assert GDELT_COLUMNS[-1] == "SOURCEURL" and GDELT_COLUMNS[-2] == "DATEADDED"


def test_gdelt_values() -> None:
    events = _events()
    out = io.StringIO()
    write_gdelt(events, out, header=True)
    header, *rows = _tsv(out.getvalue())
    assert header == list(GDELT_COLUMNS)
    first, second, third = (dict(zip(header, r, strict=True)) for r in rows)
    assert first["GLOBALEVENTID"] == str(int(events[0].id[:15], 16))
    assert first["SQLDATE"] == "20230912" and first["MonthYear"] == "202309"
    assert first["Year"] == "2023" and first["FractionDate"].startswith("2023.")
    assert first["Actor1Code"] == "PRKGOV" and first["Actor1Name"] == "RURITANIA"
    assert first["Actor1CountryCode"] == "PRK" and first["Actor1Type1Code"] == "GOV"
    assert first["Actor2Code"] == "RUSGOV" and first["Actor2CountryCode"] == "RUS"
    assert first["IsRootEvent"] == "1"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "042", "042", "04",
    )  # fmt: skip
    assert first["QuadClass"] == "1" and first["GoldsteinScale"] == "1.9"
    assert first["NumMentions"] == first["NumSources"] == first["NumArticles"] == "1"
    assert first["AvgTone"] == ""
    assert first["ActionGeo_Type"] == "4" and first["ActionGeo_CountryCode"] == "RS"
    assert first["ActionGeo_FullName"] == "Vladivostok, Primorsky Krai, Russia"
    assert float(first["ActionGeo_Lat"]) == 43.1056 and float(first["ActionGeo_Long"]) == 131.8735
    assert first["ActionGeo_FeatureID"] == "2013348"
    assert first["DATEADDED"] == "20230913000000"
    assert first["SOURCEURL"] == "https://www.example.org/news/1"
    # An appeal: CAMEO's quad class of root 02 is verbal cooperation; year date -> 1 January.
    assert second["QuadClass"] == "1" and second["SQLDATE"] == "20220101"
    assert second["EventBaseCode"] == "023" and second["EventRootCode"] == "02"
    assert second["Actor2Code"] == "IGOUNO" and second["Actor2KnownGroupCode"] == "UNO"
    assert second["Actor2CountryCode"] == "" and second["IsRootEvent"] == "0"
    # No date, no publication date, no target, no location: empty cells, never "None".
    assert third["SQLDATE"] == "" and third["DATEADDED"] == "" and third["SOURCEURL"] == ""
    assert third["Actor1Code"] == "UAF" and third["Actor2Code"] == ""
    assert third["QuadClass"] == "4" and third["ActionGeo_Type"] == ""
    assert "None" not in out.getvalue()


def test_gdelt_and_icews_cells_never_hold_tabs_or_newlines() -> None:
    tricky = _event(source=[_actor("A\tB", "Name\twith\ntabs", "PRK", "GOV", 0)])
    for writer in (write_gdelt, write_icews):
        out = io.StringIO()
        writer([tricky], out)
        lines = out.getvalue().splitlines()
        expected = 61 if writer is write_gdelt else 20
        assert all(len(line.split("\t")) == expected for line in lines)


def test_icews_columns_and_values() -> None:
    events = _events()
    out = io.StringIO()
    write_icews(events, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert out.getvalue().splitlines()[0].split("\t") == list(ICEWS_COLUMNS)
    assert len(ICEWS_COLUMNS) == 20 and len(rows) == 3
    first, second, third = rows
    assert first["Event ID"] == str(int(events[0].id[:15], 16))
    assert first["Event Date"] == "2023-09-12"
    assert first["Source Name"] == "Ruritania" and first["Source Sectors"] == "Government"
    assert first["Source Country"] == "North Korea" and first["Target Country"] == "Russia"
    assert first["Event Text"] == "Make a visit" and first["CAMEO Code"] == "042"
    assert first["Intensity"] == "1.9"
    assert first["Story ID"] == str(int("abcdef012345678", 16)) and first["Sentence Number"] == "2"
    assert first["Publisher"] == "example.org"
    assert first["City"] == "Vladivostok" and first["Province"] == "Primorsky Krai"
    assert first["Country"] == "Russia" and first["Latitude"] == "43.1056"
    assert second["Target Country"] == "" and second["Target Name"] == "United Nations"
    assert second["Event Text"] == "Appeal for aid" and second["Event Date"] == "2022-01-01"
    assert third["Event Date"] == "" and third["Target Name"] == "" and third["Publisher"] == ""


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30), st.one_of(st.none(), st.text(max_size=30)))
def test_any_text_keeps_the_column_counts(name: str, title: str, url: str | None) -> None:
    event = _event(source=[_actor("x", name, "PRK", "GOV", 0)], url=url)
    d = {**event.to_dict(), "article_title": title}
    for writer, width in ((write_gdelt, 61), (write_icews, 20)):
        out = io.StringIO()
        writer([d], out, header=True)
        lines = out.getvalue().splitlines()
        assert len(lines) == 2 and all(len(line.split("\t")) == width for line in lines)
    out = io.StringIO()
    write_csv([d], out)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    # text a spreadsheet would run gets a leading ' (geopol.formats.safe); all else round-trips
    assert row["source_name"] == safe_cell(name) and row["article_title"] == safe_cell(title)
