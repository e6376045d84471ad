"""Each export against its published codebook, column by column: names, order, types, codes.

The expected columns are written out in ``tests/geopol_codebooks.py`` from the codebooks.
"""

from __future__ import annotations

import csv
import io
import re

from test_formats import _event, _events

from geopol.formats.acled import ACLED_COLUMNS, ACLED_TYPES, write_acled
from geopol.formats.gdelt import GDELT_COLUMNS, MENTION_COLUMNS, write_gdelt, write_mentions
from geopol.formats.icews import write_icews
from geopol.records import Casualties
from geopol_codebooks import (
    ACLED,
    ACLED_EVENT_TYPES,
    GDELT_EVENT,
    GDELT_MENTIONS,
    ICEWS,
    conforms,
)


def _rows(text: str, delimiter: str) -> list[list[str]]:
    quoting = csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL
    return list(csv.reader(io.StringIO(text), delimiter=delimiter, quoting=quoting))


def _check(columns: tuple[str, ...], book: list[tuple[str, str]], rows: list[list[str]]) -> None:
    assert list(columns) == [name for name, _ in book]
    for row in rows:
        assert len(row) == len(book)
        for (name, kind), value in zip(book, row, strict=True):
            assert conforms(value, kind), f"{name}={value!r} is not {kind}"


def test_gdelt_event_and_mentions_tables_follow_the_codebook() -> None:
    out, mentions = io.StringIO(), io.StringIO()
    assert write_gdelt(_events(), out) == 3
    assert write_mentions(_events(), mentions) == 3
    _check(GDELT_COLUMNS, GDELT_EVENT, _rows(out.getvalue(), "\t"))
    _check(MENTION_COLUMNS, GDELT_MENTIONS, _rows(mentions.getvalue(), "\t"))


def test_gdelt_one_row_per_cluster_counted_over_its_reports() -> None:
    first = _event(url="https://a.example.org/1").to_dict()
    again = {**_event(url="https://b.example.org/2", trigger_start=40).to_dict(),
             "published": "2023-09-14", "article_id": "other"}
    first["cluster_id"] = again["cluster_id"] = first["id"]
    out, mentions = io.StringIO(), io.StringIO()
    assert write_gdelt([again, first], out, header=True) == 1
    header, row = _rows(out.getvalue(), "\t")
    cells = dict(zip(header, row, strict=True))
    assert (cells["NumMentions"], cells["NumSources"], cells["NumArticles"]) == ("2", "2", "2")
    assert cells["SOURCEURL"] == "https://a.example.org/1"  # the first report's
    assert cells["GLOBALEVENTID"] == str(int(first["id"][:15], 16))
    assert write_mentions([again, first], mentions) == 2
    assert {r[0] for r in _rows(mentions.getvalue(), "\t")} == {cells["GLOBALEVENTID"]}


def test_gdelt_event_code_carries_the_mode_and_adm1_the_division() -> None:
    shooting = _event(type_="ASSAULT", cameo="190").to_dict()
    shooting["mode"] = "firearms"
    out = io.StringIO()
    write_gdelt([shooting], out, header=True)
    header, row = _rows(out.getvalue(), "\t")
    cells = dict(zip(header, row, strict=True))
    assert (cells["EventCode"], cells["EventBaseCode"], cells["EventRootCode"]) == (
        "193", "193", "19")
    beijing = {"text": "Beijing", "name": "Beijing", "country": "CHN", "admin1": "Beijing Shi",
               "lat": 39.9, "lon": 116.4, "precision": "city",
               "gazetteer_id": "geonames:1816670"}
    talks = {**_event().to_dict(), "location": beijing}
    out = io.StringIO()
    write_gdelt([talks], out, header=True)
    header, row = _rows(out.getvalue(), "\t")
    cells = dict(zip(header, row, strict=True))
    assert cells["ActionGeo_ADM1Code"] == "CH22" and cells["ActionGeo_CountryCode"] == "CH"
    # Actor geography: the actor's own country when the action is elsewhere.
    assert cells["Actor1Geo_CountryCode"] == "KN" and cells["Actor1Geo_Type"] == "1"
    assert re.fullmatch(r"-?\d+(\.\d+)?", cells["Actor1Geo_Lat"])


def test_icews_follows_the_codebook_with_numeric_ids() -> None:
    out = io.StringIO()
    write_icews(_events(), out)
    header, *rows = _rows(out.getvalue(), "\t")
    _check(tuple(header), ICEWS, rows)
    assert all(r[11].isdigit() for r in rows)  # Story ID
    un = dict(zip(header, rows[1], strict=True))
    assert un["Target Sectors"] == "International Government Organization"
    assert un["Target Country"] == ""


def test_acled_follows_the_codebook() -> None:
    import dataclasses

    raid = dataclasses.replace(
        _event(type_="ASSAULT", cameo="195"), mode="aerial",
        killed=Casualties(count=12, low=12, high=12, text="killed", start=0, end=6),
    )
    out = io.StringIO()
    assert write_acled([*_events(), raid], out) == 4
    header, *rows = _rows(out.getvalue(), ",")
    assert tuple(header) == ACLED_COLUMNS
    _check(ACLED_COLUMNS, ACLED, rows)
    last = dict(zip(header, rows[-1], strict=True))
    assert (last["event_type"], last["sub_event_type"]) == (
        "Explosions/Remote violence", "Air/drone strike")
    assert last["fatalities"] == "12" and last["notes"].startswith("Ministers")
    for event_type, sub in ACLED_TYPES.values():
        assert sub in ACLED_EVENT_TYPES[event_type], (event_type, sub)


def test_the_event_carries_the_modes_cameo_code_in_every_format() -> None:
    """An attack coded ASSAULT/firearms is CAMEO 193 on the event itself, so JSON, CSV,
    ICEWS and GDELT all give the same code (the trigger rule's code is the root-level 190)."""
    import geopol
    from geopol.events.cameo import cameo_info, with_mode
    from geopol.formats.csv import write_csv

    events = geopol.code("Russian troops attacked Ukrainian positions near Bakhmut on Monday.",
                         published="2024-05-06")
    shooting = next(e for e in events if e.type == "ASSAULT")
    assert (shooting.mode, shooting.cameo, shooting.cameo_root) == ("firearms", "193", "19")
    assert shooting.goldstein == cameo_info("193").goldstein
    assert shooting.to_dict()["cameo"] == "193"
    out = io.StringIO()
    write_csv([shooting], out)
    header, row = _rows(out.getvalue(), ",")
    assert dict(zip(header, row, strict=True))["cameo"] == "193"
    out = io.StringIO()
    write_gdelt([shooting], out, header=True)
    header, row = _rows(out.getvalue(), "\t")
    assert dict(zip(header, row, strict=True))["EventCode"] == "193"
    out = io.StringIO()
    write_icews([shooting], out)
    assert "193" in out.getvalue().splitlines()[-1].split("\t")
    # a mode no code of the root names keeps the rule's code; detailed codes stay
    assert with_mode("160", "SANCTION", "relations") == "160"
    assert with_mode("195", "ASSAULT", "aerial") == "195"
    assert with_mode("190", "ASSAULT", None) == "190"
