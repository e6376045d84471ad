"""The REST API against real uvicorn processes on 127.0.0.1, including the token rules."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import storedata
from liveserver import ORIGIN, TOKEN

from geopol.cli.serve import check_bind, is_loopback
from geopol.errors import GeopolError


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + path, params=params, timeout=30)


def ok(resp: httpx.Response) -> dict[str, Any]:
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    assert body["ok"] is True
    return body


def error(resp: httpx.Response, status: int) -> str:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return str(body["error"])


EXPECTED = storedata.coded_articles()
ALL_EVENTS = [e for c in EXPECTED for e in c.events]


def test_health_counts_the_store(api_read: str) -> None:
    body = ok(get(api_read, "/api/health"))
    assert body["events"] == len(ALL_EVENTS)
    assert body["first"] == min(e.published for e in ALL_EVENTS if e.published).isoformat()


def test_events_page_and_total(api_read: str) -> None:
    body = ok(get(api_read, "/api/events", limit=10, offset=5))
    assert body["total"] == len(ALL_EVENTS)
    assert len(body["items"]) == 10
    dates = [e["event_date"] for e in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert body["items"][0]["source"][0]["country"] in storedata.NAMES
    tail = ok(get(api_read, "/api/events", limit=50, offset=len(ALL_EVENTS) - 3))
    assert len(tail["items"]) == 3
    ids = set()
    for offset in range(0, len(ALL_EVENTS), 40):
        ids |= {e["event_id"] for e in ok(get(api_read, "/api/events", limit=40,
                                               offset=offset))["items"]}
    assert ids == {e.id for e in ALL_EVENTS}


def test_events_sort_ascending(api_read: str) -> None:
    items = ok(get(api_read, "/api/events", sort="goldstein", order="asc", limit=200))["items"]
    values = [e["goldstein"] for e in items]
    assert values == sorted(values) and values[0] < values[-1]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "IRN"}, lambda e: "IRN" in e["source_countries"] + e["target_countries"]),
        ({"factuality": "reported"}, lambda e: e["factuality"] == "reported"),
        ({"type": "SANCTION"}, lambda e: e["type"] == "SANCTION"),
        ({"country": "DEU"}, lambda e: e["location_country"] == "DEU"),
        ({"since": "2024-03-01", "until": "2024-03-31"},
         lambda e: "2024-03-01" <= e["event_date"] <= "2024-03-31"),
        ({"dyad": "USA,GBR"}, lambda e: {e["source_country"], e["target_country"]}
         == {"USA", "GBR"}),
        ({"quad": 3}, lambda e: e["quad"] == 3),
    ],
)
def test_event_filters(api_read: str, params: dict[str, Any], check: Any) -> None:
    body = ok(get(api_read, "/api/events", limit=1000, **params))
    assert 0 < body["total"] < len(ALL_EVENTS)
    assert len(body["items"]) == body["total"]
    assert all(check(e) for e in body["items"])


def test_factuality_filter_takes_several_values(api_read: str) -> None:
    resp = httpx.get(api_read + "/api/events",
                     params=[("factuality", "reported"), ("factuality", "speculated"),
                             ("limit", "1000")], timeout=30)
    facts = {e["factuality"] for e in ok(resp)["items"]}
    assert facts == {"reported", "speculated"}
    want = sum(1 for e in ALL_EVENTS if e.factuality.value in ("reported", "speculated"))
    assert ok(resp)["total"] == want


def test_events_csv(api_read: str) -> None:
    resp = get(api_read, "/api/events", format="csv", limit=7, factuality="reported")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert len(rows) == 7
    assert {r["factuality"] for r in rows} == {"reported"}
    assert rows[0]["event_id"] and rows[0]["source_country"] in storedata.NAMES


def test_one_event_with_evidence_and_article(api_read: str) -> None:
    target = ALL_EVENTS[3]
    event = ok(get(api_read, f"/api/events/{target.id}"))["event"]
    assert event["type"] == target.type
    assert event["article"]["article_id"] == target.article_id
    kinds = {s["kind"] for s in event["evidence"]}
    assert {"trigger", "source", "target"} <= kinds
    assert isinstance(event["reports"], list)


def test_missing_event_and_article_are_404(api_read: str) -> None:
    assert "no event" in error(get(api_read, "/api/events/doesnotexist"), 404)
    assert "no article" in error(get(api_read, "/api/articles/doesnotexist"), 404)
    error(get(api_read, "/api/nothing-here"), 404)


def test_article_spans_point_into_text(api_read: str) -> None:
    coded = EXPECTED[5]
    art = ok(get(api_read, f"/api/articles/{coded.article.id}"))["article"]
    assert art["text"] == coded.article.text
    text = art["text"]
    by_kind = {s["kind"]: text[s["start"]:s["end"]] for s in art["spans"]}
    ev = coded.events[0]
    assert by_kind["trigger"] == ev.evidence.trigger.text
    assert by_kind["source"] == ev.source[0].text
    assert by_kind["target"] == ev.target[0].text
    assert by_kind["place"] == coded.places[0].text
    assert by_kind["date"] == "Tuesday"
    assert [e["event_id"] for e in art["events"]] == [ev.id]
    listing = ok(get(api_read, "/api/articles", limit=500))
    assert listing["total"] == len(EXPECTED)


def test_actors_with_counts(api_read: str) -> None:
    items = {a["code"]: a for a in ok(get(api_read, "/api/actors"))["items"]}
    assert set(items) == set(storedata.NAMES)
    usa = items["USA"]
    assert usa["name"] == "United States"
    assert usa["as_source"] == sum(1 for e in ALL_EVENTS if e.source[0].country == "USA")
    assert usa["as_target"] == sum(1 for e in ALL_EVENTS if e.target[0].country == "USA")
    assert usa["events"] == usa["as_source"] + usa["as_target"]


def test_dyad_series_matches_the_events(api_read: str) -> None:
    body = ok(get(api_read, "/api/dyads/usa/gbr", freq="month"))
    total = sum(r["events"] for r in body["series"])
    listed = ok(get(api_read, "/api/events", dyad="USA,GBR", limit=1000))["total"]
    assert total == listed > 0
    assert body["series"][0]["period"].endswith("-01")
    spec = next(e for e in ALL_EVENTS if e.factuality.value == "speculated")
    pair = f"/api/dyads/{spec.source[0].country}/{spec.target[0].country}"
    weighted = ok(get(api_read, pair, weighted="true"))
    raw = ok(get(api_read, pair, weighted="false"))
    # speculated sanctions weigh less than asserted ones
    assert sum(r["events"] for r in weighted["series"]) < sum(r["events"] for r in raw["series"])
    top = ok(get(api_read, "/api/dyads", limit=3))["items"]
    assert len(top) == 3 and top[0]["events"] >= top[-1]["events"]


def test_network_finds_the_two_blocs(api_read: str) -> None:
    net = ok(get(api_read, "/api/network"))["network"]
    blocs = {frozenset(b) for b in net["blocs"]}
    assert blocs == {frozenset(storedata.WEST), frozenset(storedata.EAST)}
    signs = {(e["source"], e["target"]): e["sign"] for e in net["edges"]}
    assert signs[("FRA", "GBR")] == 1
    assert any(s["members"] == ["GBR", "USA"] or set(s["members"]) == {"GBR", "USA"}
               for s in net["stated"])


def test_map_points_and_choropleth(api_read: str) -> None:
    body = ok(get(api_read, "/api/map", measure="events"))
    assert sum(p["count"] for p in body["points"]) == len(ALL_EVENTS)
    assert {p["name"] for p in body["points"]} == {c[0] for c in storedata.CAPITALS.values()}
    assert sum(body["countries"].values()) == len(ALL_EVENTS)
    share = ok(get(api_read, "/api/map", measure="conflict_share"))["countries"]
    assert all(0.0 <= v <= 1.0 for v in share.values())
    error(get(api_read, "/api/map", measure="bogus"), 422)
    codes = ok(get(api_read, "/api/countries"))["items"]
    assert {"iso3": "DEU", "numeric": "276", "name": "Germany"} in codes


def test_shifts_answer(api_read: str) -> None:
    assert isinstance(ok(get(api_read, "/api/shifts"))["items"], list)


def test_bad_parameters_get_the_error_shape(api_read: str) -> None:
    assert "limit" in error(get(api_read, "/api/events", limit=0), 422)
    assert "sort" in error(get(api_read, "/api/events", sort="evidence_text; drop"), 422)
    error(get(api_read, "/api/events", since="yesterday"), 422)
    error(get(api_read, "/api/events", limit=5000), 422)  # JSON pages are bounded


def test_sql_metacharacters_are_only_data(api_read: str) -> None:
    body = ok(get(api_read, "/api/events", actor="x' OR 1=1 --", q="%_'\""))
    assert body["total"] == 0
    assert ok(get(api_read, "/api/health"))["events"] == len(ALL_EVENTS)


def test_security_headers_everywhere(api_read: str) -> None:
    for path in ("/", "/events", "/api/events", "/static/js/common.js", "/api/nothing"):
        resp = get(api_read, path)
        csp = resp.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert resp.headers["x-content-type-options"] == "nosniff"


def test_openapi_documents_the_routes(api_read: str) -> None:
    spec = ok_json(get(api_read, "/api/openapi.json"))
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/actors", "/api/dyads/{a}/{b}", "/api/network", "/api/shifts",
                 "/api/alerts", "/api/alerts/rules"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]


def ok_json(resp: httpx.Response) -> dict[str, Any]:
    assert resp.status_code == 200
    data: dict[str, Any] = resp.json()
    return data


def test_cors_only_for_the_configured_origin(api_read: str, api_write: str) -> None:
    allowed = httpx.get(api_read + "/api/health", headers={"Origin": ORIGIN}, timeout=30)
    assert allowed.headers.get("access-control-allow-origin") == ORIGIN
    other = httpx.get(api_read + "/api/health", headers={"Origin": "http://evil.test"},
                      timeout=30)
    assert "access-control-allow-origin" not in other.headers
    off = httpx.get(api_write + "/api/health", headers={"Origin": ORIGIN}, timeout=30)
    assert "access-control-allow-origin" not in off.headers  # CORS is off by default


ARTICLE = {
    "title": "Envoys meet",
    "body": "Russia and China held talks in Beijing on Tuesday, officials said.",
    "published": "2024-07-02",
}


def test_writes_are_disabled_without_a_token(api_read: str) -> None:
    resp = httpx.post(api_read + "/api/articles", json=ARTICLE, timeout=30)
    assert "disabled" in error(resp, 403)
    resp = httpx.post(api_read + "/api/articles", json=ARTICLE, timeout=30,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    error(resp, 403)
    error(httpx.post(api_read + "/api/alerts/rules", json={"name": "x"}, timeout=30), 403)
    error(httpx.delete(api_read + "/api/alerts/rules/x", timeout=30), 403)


def test_writes_need_the_right_token(api_write: str) -> None:
    assert "token" in error(httpx.post(api_write + "/api/articles", json=ARTICLE, timeout=30),
                            401)
    wrong = httpx.post(api_write + "/api/articles", json=ARTICLE, timeout=30,
                       headers={"Authorization": "Bearer not-the-token"})
    assert "wrong token" in error(wrong, 401)
    error(httpx.post(api_write + "/api/alerts/rules", json={"name": "x"}, timeout=30), 401)
    error(httpx.delete(api_write + "/api/alerts/rules/x", timeout=30,
                       headers={"X-Geopol-Token": "nope"}), 401)


def test_post_article_codes_and_stores_it(api_write: str) -> None:
    before = ok(get(api_write, "/api/health"))["events"]
    listed_before = ok(get(api_write, "/api/events", limit=1))["total"]  # now cached
    resp = httpx.post(api_write + "/api/articles", json=ARTICLE, timeout=120,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["ok"] is True and len(body["article_id"]) == 16
    art = ok(get(api_write, f"/api/articles/{body['article_id']}"))["article"]
    assert art["title"] == ARTICLE["title"] and art["published"] == ARTICLE["published"]
    assert len(art["events"]) == len(body["events"])
    after = ok(get(api_write, "/api/health"))["events"]
    assert after == before + len(body["events"])
    # the write cleared the read cache: the same listing now counts the new events
    assert ok(get(api_write, "/api/events", limit=1))["total"] == listed_before + len(
        body["events"])
    assert len(body["events"]) >= 1  # "Russia and China held talks" is a CONSULT


def test_post_article_validates_the_body(api_write: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    error(httpx.post(api_write + "/api/articles", json={"title": "x"}, headers=auth,
                     timeout=30), 422)
    error(httpx.post(api_write + "/api/articles", json={"body": "x", "evil": 1}, headers=auth,
                     timeout=30), 422)
    error(httpx.post(api_write + "/api/articles", json={"body": "x" * 200_001}, headers=auth,
                      timeout=30), 422)


def test_alert_rules_are_managed_with_the_token(api_write: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    rule = {"name": "iran-watch", "actor": "IRN", "window_days": 30, "threshold": 1}
    resp = httpx.post(api_write + "/api/alerts/rules", json=rule, headers=auth, timeout=30)
    assert resp.status_code == 201, resp.text
    assert ok(get(api_write, "/api/alerts/rules"))["items"] == [rule]
    fired = ok(get(api_write, "/api/alerts", until="2024-06-20"))
    assert fired["rules"] == 1
    mine = [a for a in fired["items"] if a["rule"] == "iran-watch"]
    assert mine and mine[0]["kind"] == "threshold"
    assert mine[0]["subject"] == "IRN" and mine[0]["value"] > 1
    assert {e["event_id"] for e in mine[0]["events"]} <= {e.id for e in ALL_EVENTS}
    bad = httpx.post(api_write + "/api/alerts/rules", headers=auth, timeout=30,
                     json={"name": "broken", "actor": "IRN", "bogus": 1, "threshold": 1})
    assert "unknown key" in error(bad, 422)
    assert ok(get(api_write, "/api/alerts/rules"))["items"] == [rule]  # file left intact
    resp = httpx.delete(api_write + "/api/alerts/rules/iran-watch", headers=auth, timeout=30)
    assert ok(resp)["items"] == []
    assert ok(get(api_write, "/api/alerts"))["items"] == []


def test_rule_names_are_checked(api_write: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = httpx.post(api_write + "/api/alerts/rules", json={"name": "../../etc"},
                      headers=auth, timeout=30)
    error(resp, 422)
    assert "no rule" in error(httpx.delete(api_write + "/api/alerts/rules/absent",
                                           headers=auth, timeout=30), 404)


def test_loopback_detection() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert is_loopback("127.8.9.10")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7")
    assert not is_loopback("example.org")
    check_bind("127.0.0.1", None, False)
    check_bind("0.0.0.0", "t", False)
    check_bind("0.0.0.0", None, True)
    with pytest.raises(GeopolError, match="no token"):
        check_bind("0.0.0.0", None, False)


def test_serve_refuses_public_bind_without_token(api_store: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "geopol", "serve", "--db", str(api_store), "--host", "0.0.0.0",
         "--port", "1"],
        capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": str(api_store.parent)},
    )
    assert proc.returncode == 1
    assert "refusing to serve on 0.0.0.0" in proc.stderr
