"""Attacks on a real ``geopol serve`` on 127.0.0.1 (issue 20): unbounded series, calendar
edges, cache poisoning across origins, cache growth from junk parameters, unchecked posted
articles, LIKE wildcards, CSV formulas, the 413 reply's headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import liveserver
import pytest
import storedata
from liveserver import TOKEN

from geopol.store import Store

A = "http://a.example.test"
B = "http://b.example.test"
FORMULA_TITLE = "=cmd|'/C calc'!A0"
FORMULA_ACTOR = '=HYPERLINK("http://evil.test","Russia")'


def hostile_articles() -> list[Any]:
    day = dt.date(2024, 7, 2)
    return [
        storedata._coded(900, day, "RUS", "CHN", storedata.TALKS, title=FORMULA_TITLE),
        storedata._coded(901, day, "RUS", "CHN", storedata.TALKS, src_text=FORMULA_ACTOR),
        storedata._coded(902, day, "CHN", "RUS", storedata.TALKS,
                         title="Talks on 100% tariffs with al_Assad's envoy"),
    ]


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("api-hostile") / "events.duckdb"
    with Store.open(db) as store:
        store.add([*storedata.coded_articles(), *hostile_articles()])
    with liveserver.serve(db, "--token", TOKEN, "--cors", A, "--cors", B) as base:
        yield base


def get(base: str, path: str, headers: dict[str, str] | None = None,
        **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params, headers=headers, timeout=60)


def post(base: str, body: dict[str, Any]) -> httpx.Response:
    return httpx.post(base + "/api/articles", json=body, timeout=120,
                      headers={"Authorization": f"Bearer {TOKEN}"})


def test_long_series_refused_with_400(api: str) -> None:
    from geopol.api.limits import MAX_PERIODS

    r = get(api, "/api/dyads/RUS/CHN", freq="day", since="1500-01-01", until="2024-12-31")
    assert r.status_code == 400 and "range too long" in r.json()["error"], r.text[:300]
    assert get(api, "/api/dyads/RUS/CHN", freq="month", since="1500-01-01").status_code == 400
    ok = get(api, "/api/dyads/RUS/CHN", freq="year", since="1500-01-01", until="2024-12-31")
    assert ok.status_code == 200 and len(ok.json()["series"]) <= MAX_PERIODS
    ok = get(api, "/api/dyads/RUS/CHN", freq="day")  # open range: the stored events' span
    assert ok.status_code == 200 and 0 < len(ok.json()["series"]) <= MAX_PERIODS


@pytest.mark.parametrize(("path", "params"), [
    ("/api/dyads/RUS/CHN", {"since": "9999-12-01"}),
    ("/api/dyads/RUS/CHN", {"until": "0001-01-01", "freq": "year"}),
    ("/api/events", {"since": "9999-12-31"}),
    ("/api/map", {"until": "0001-01-01"}),
    ("/api/network", {"since": "9999-12-01"}),
    ("/api/shifts", {"until": "0001-01-02"}),
    ("/api/alerts", {"until": "9999-12-31"}),
    ("/api/events", {"since": "2024-05-01", "until": "2024-01-01"}),
])
def test_calendar_edges_are_4xx_not_500(api: str, path: str, params: dict[str, str]) -> None:
    r = get(api, path, **params)
    assert r.status_code == 422 and ("since" in r.text or "until" in r.text), r.text[:300]


def test_json_pages_capped_at_1000_rows(api: str) -> None:
    for path in ("/api/events", "/api/articles", "/api/actors", "/api/dyads"):
        assert get(api, path, limit=1001).status_code == 422, path
        assert get(api, path, limit=1000).status_code == 200, path


def test_cache_keeps_cors_per_origin(api: str) -> None:
    path = "/api/dyads/RUS/CHN"
    bare = get(api, path, freq="quarter")
    assert "access-control-allow-origin" not in bare.headers
    for origin in (A, B, A):
        r = get(api, path, headers={"Origin": origin}, freq="quarter")
        assert r.headers.get("access-control-allow-origin") == origin
    evil = get(api, path, headers={"Origin": "http://evil.test"}, freq="quarter")
    assert "access-control-allow-origin" not in evil.headers


def test_unknown_parameters_make_no_cache_entries(api: str) -> None:
    get(api, "/api/events", limit=3)
    before = get(api, "/api/health").json()["cache"]["entries"]
    for i in range(40):
        assert get(api, "/api/events", limit=3, **{f"junk{i}": "x" * 50}).status_code == 200
    assert get(api, "/api/health").json()["cache"]["entries"] == before


@pytest.mark.parametrize(("body", "why"), [
    ({"title": "Empty", "body": "   \n  "}, "empty"),
    ({"title": "Nul", "body": "Officials met in Paris on Monday.\u0000 They talked."}, "NUL"),
    ({"title": "Chiffres", "body": "Les ministres se sont réunis lundi à Paris pour discuter "
      "du commerce et de la sécurité régionale, a indiqué le ministère."}, "English"),
    ({"title": "123", "body": "4815 162342 0000 1234"}, "no words"),
    ({"title": "Bad url", "body": "Officials met in Paris on Monday.", "url": "http://[oops"},
     "url"),
])
def test_posted_articles_get_the_input_checks(api: str, body: dict[str, Any], why: str) -> None:
    r = post(api, body)
    assert r.status_code == 422 and why in r.json()["error"], (r.status_code, r.text[:300])


def test_search_matches_wildcards_literally(api: str) -> None:
    hits = get(api, "/api/articles", q="al_Assad").json()
    assert hits["total"] == 1
    assert get(api, "/api/articles", q="100% tariffs").json()["total"] == 1
    assert get(api, "/api/articles", q="%").json()["total"] == 1
    assert get(api, "/api/articles", q="al%Assad").json()["total"] == 0
    assert get(api, "/api/articles", q="\\").status_code == 200
    assert get(api, "/api/events", q="al_Assad").json()["total"] == 1


def test_csv_answer_neutralises_formulas(api: str) -> None:
    r = get(api, "/api/events", format="csv", limit=5000)
    assert r.status_code == 200
    cells = [c for row in csv.reader(io.StringIO(r.text)) for c in row]
    assert f"'{FORMULA_TITLE}" in cells
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    for c in cells:
        if c[:1] in ("=", "+", "-", "@"):  # only numbers and CAMEO codes (---UAF) may
            assert re.fullmatch(r"[-+]?\d+(\.\d+)?|-+[A-Z0-9]+", c), c


def test_413_reply_has_the_security_headers(api: str) -> None:
    r = httpx.post(api + "/api/articles", content=b"x" * (5 * 1024 * 1024), timeout=60,
                   headers={"Authorization": f"Bearer {TOKEN}",
                            "Content-Type": "application/json"})
    assert r.status_code == 413
    assert "default-src 'none'" in r.headers.get("content-security-policy", "")
    assert r.headers.get("x-content-type-options") == "nosniff"


def test_cli_export_csv_neutralises_formulas(tmp_path: Path) -> None:
    from geopol.cli.app import main

    db = tmp_path / "e.duckdb"
    with Store.open(db) as store:
        store.add(hostile_articles())
    out = tmp_path / "e.csv"
    with pytest.raises(SystemExit) as done:
        main(["export", "--format", "csv", "--db", str(db), "-o", str(out)])
    assert not done.value.code
    cells = [c for row in csv.reader(io.StringIO(out.read_text())) for c in row]
    assert cells and not [c for c in cells if c[:1] in "=+@" and c]
    assert f"'{FORMULA_TITLE}" in cells
