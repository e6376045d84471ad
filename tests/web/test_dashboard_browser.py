"""The dashboard in Debian's chromium: each view renders, filters change the table, and hostile
article text is shown as text and runs nothing. Every test also fails on any page error,
console error (CSP violations included) or dialog, through the ``watched`` fixture.
Screenshots of the views with the demo data go to docs/screenshots/.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

import httpx
import liveserver
import pytest
import storedata
from browserkit import Watched, screenshot

pytestmark = pytest.mark.slow

TIMEOUT = 60_000  # ms; the box is shared, and a cold coder can take a while


def api(base: str, path: str, **params: Any) -> dict[str, Any]:
    resp = httpx.get(base + path, params=params, timeout=30)
    assert resp.status_code == 200, resp.text
    body: dict[str, Any] = resp.json()
    return body


# --- the demo data ----------------------------------------------------------------------


def test_map_shows_event_points_and_countries(demo_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(demo_server + "/map")
    page.wait_for_selector("#map circle.point", timeout=TIMEOUT)
    points = api(demo_server, "/api/map")["points"]
    assert page.locator("#map circle.point").count() == len(points) > 0
    assert page.locator("#map path.country").count() > 150  # Natural Earth 1:110m countries
    shaded = page.locator("#map path.country[data-iso3='PRK']").get_attribute("fill")
    assert shaded and shaded != "#f4f5f7"
    biggest = max(points, key=lambda p: p["count"])
    radius = float(page.locator(f"#map circle.point[data-count='{biggest['count']}']")
                   .first.get_attribute("r") or 0)
    smallest = float(page.locator("#map circle.point").last.get_attribute("r") or 0)
    assert radius >= smallest
    screenshot(page, "map")
    page.select_option("#measure", "goldstein")
    page.wait_for_function(
        "() => document.querySelector('#legend').textContent.includes('Goldstein')",
        timeout=TIMEOUT,
    )


def test_dyad_view_draws_series_and_events(demo_server: str, watched: Watched) -> None:
    page = watched.page
    top = api(demo_server, "/api/dyads", limit=1)["items"][0]
    page.goto(demo_server + "/dyad")
    # A flat series draws a zero-height path, which Playwright calls hidden: wait for it to be
    # in the page, then check it was drawn.
    page.wait_for_selector("#chart path.line-coop", state="attached", timeout=TIMEOUT)
    drawn = page.get_attribute("#chart path.line-coop", "d") or ""
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    assert page.input_value("#a") == top["a"] and page.input_value("#b") == top["b"]
    # one vertex and one dot per period of the API's series
    series = api(
        demo_server, f"/api/dyads/{top['a']}/{top['b']}", freq=page.input_value("#freq")
    )["series"]
    assert drawn.startswith("M") and drawn.count("M") + drawn.count("L") == len(series) >= 1
    assert page.locator("#chart circle.line-coop").count() == len(series)
    assert page.locator("#chart path.line-conflict").count() == 1
    rows = page.locator("#events-table tbody tr").count()
    assert rows == min(15, top["events"])
    screenshot(page, "dyad")
    page.select_option("#weighted", "true")
    page.wait_for_function("() => location.search.includes('a=')", timeout=TIMEOUT)
    page.wait_for_selector("#chart path.line-coop", state="attached", timeout=TIMEOUT)


def test_network_shows_blocs(demo_server: str, watched: Watched) -> None:
    page = watched.page
    net = api(demo_server, "/api/network")["network"]
    page.goto(demo_server + "/network")
    page.wait_for_selector("#blocs li", timeout=TIMEOUT)
    page.wait_for_function("() => window.geopolNetwork && window.geopolNetwork.nodes().length",
                           timeout=TIMEOUT)
    assert page.locator("#blocs li.bloc").count() == len(net["blocs"]) > 0
    assert page.evaluate("window.geopolNetwork.nodes().length") == len(net["nodes"])
    assert page.evaluate("window.geopolNetwork.edges().length") == len(net["edges"])
    colours = page.evaluate(
        "Array.from(new Set(window.geopolNetwork.nodes().filter(n => n.data('bloc') !== null)"
        ".map(n => n.data('color'))))"
    )
    assert len(colours) >= min(2, len(net["blocs"]))
    assert page.locator("#cy canvas").count() > 0
    screenshot(page, "network")


def test_seed_like_article_is_highlighted(demo_server: str, watched: Watched) -> None:
    page = watched.page
    found = api(demo_server, "/api/articles", q="spaceport")["items"]
    assert found, "the summit sample is missing from the demo store"
    article_id = found[0]["article_id"]
    detail = api(demo_server, f"/api/articles/{article_id}")["article"]
    page.goto(demo_server + "/article?id=" + urllib.parse.quote(article_id))
    page.wait_for_selector("#text mark.trigger", timeout=TIMEOUT)
    for kind in ("trigger", "source", "target"):
        assert page.locator(f"#text mark.{kind}").count() > 0, kind
    assert page.locator("#text").inner_text().replace("\n", "") == detail["text"].replace(
        "\n", "")
    assert page.locator("#event-list li").count() == len(detail["events"])
    badges = page.locator("#event-list .badge").all_inner_texts()
    assert set(badges) == {e["factuality"] for e in detail["events"]}
    assert "speculated" in badges  # the arms-deal speculation keeps its factuality
    screenshot(page, "article")


def test_events_table_and_alerts_render(demo_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(demo_server + "/events")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    total = api(demo_server, "/api/health")["events"]
    assert f"of {total} events" in page.inner_text("#events-count")
    screenshot(page, "events")
    page.goto(demo_server + "/alerts")
    page.wait_for_selector("#shifts li", timeout=TIMEOUT)
    page.wait_for_selector("#alerts li", timeout=TIMEOUT)
    fired = api(demo_server, "/api/alerts")["items"]
    assert fired, "the demo rules should fire on the demo data"
    assert page.locator("#alerts li.alert").count() == len(fired)
    assert fired[0]["rule"] in page.inner_text("#alerts")
    screenshot(page, "alerts")


# --- the invented store -------------------------------------------------------------------


def test_filters_change_the_table(web_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(web_server + "/events")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    everything = page.inner_text("#events-count")
    assert page.locator("#events-table tbody tr").count() == 25
    page.select_option("#factuality", "reported")
    page.wait_for_function(
        f"() => document.querySelector('#events-count').textContent !== {everything!r}",
        timeout=TIMEOUT,
    )
    reported = api(web_server, "/api/events", factuality="reported", limit=1)["total"]
    assert f"of {reported} events" in page.inner_text("#events-count")
    badges = set(page.locator("#events-table .badge").all_inner_texts())
    assert badges == {"reported"}
    assert "factuality=reported" in (page.get_attribute("#csv", "href") or "")
    page.fill("#actor", "IRN")
    page.click("#filters button[type=submit]")
    both = api(web_server, "/api/events", factuality="reported", actor="IRN", limit=1)["total"]
    page.wait_for_function(
        f"() => document.querySelector('#events-count').textContent.includes('of {both} events')",
        timeout=TIMEOUT,
    )
    assert "actor=IRN" in page.url
    # sorting by Goldstein, ascending then descending
    page.select_option("#factuality", "")
    page.fill("#actor", "")
    page.click("#filters button[type=submit]")
    page.wait_for_function(
        "() => document.querySelector('#events-count').textContent.includes("
        f"'of {len(storedata.coded_articles())} events')", timeout=TIMEOUT)
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("th.sorted-asc[data-sort=goldstein]", timeout=TIMEOUT)
    first = float(page.locator("#events-table tbody tr td.num").first.inner_text())
    page.click("th[data-sort=goldstein]")
    page.wait_for_selector("th.sorted-desc[data-sort=goldstein]", timeout=TIMEOUT)
    top = float(page.locator("#events-table tbody tr td.num").first.inner_text())
    assert first < top


def test_csv_download(web_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(web_server + "/events?factuality=speculated")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as info:
        page.click("#csv")
    text = open(info.value.path(), encoding="utf-8").read()  # noqa: SIM115
    lines = text.strip().splitlines()
    speculated = api(web_server, "/api/events", factuality="speculated", limit=1)["total"]
    assert lines[0].startswith("event_id,") and len(lines) == speculated + 1


def test_event_row_opens_its_article(web_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(web_server + "/events?country=DEU")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    page.locator("#events-table tbody tr td").first.click()
    page.wait_for_url("**/article?id=*", timeout=TIMEOUT)
    page.wait_for_selector("#text mark.active", timeout=TIMEOUT)
    kinds = set(page.locator("#text mark").evaluate_all("ms => ms.map(m => m.className)"))
    assert {"trigger active", "source active", "target active", "place", "date active"} <= kinds


HOSTILE_CHECK = """() => ({
  pwned: window.__pwned === undefined ? null : window.__pwned,
  scripts: document.querySelectorAll('main script').length,
  imgs: document.querySelectorAll('main img').length,
  svgInText: document.querySelectorAll('#text svg, #events-table svg, #event-list svg').length,
  handlers: Array.from(document.querySelectorAll('main *')).filter(
      el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length,
})"""


def assert_inert(page: Any) -> None:
    for el in page.locator("main mark, main td, main li").all()[:60]:
        el.hover()
    state = page.evaluate(HOSTILE_CHECK)
    assert state == {"pwned": None, "scripts": 0, "imgs": 0, "svgInText": 0, "handlers": 0}


def test_hostile_article_executes_nothing(web_server: str, watched: Watched) -> None:
    page = watched.page
    article_id = storedata.xss_article_id()
    page.goto(web_server + "/article?id=" + article_id)
    page.wait_for_selector("#text mark.trigger", timeout=TIMEOUT)
    assert storedata.XSS_TITLE in page.inner_text("#title")
    assert storedata.XSS_TITLE in page.inner_text("#text")
    assert storedata.XSS_ACTOR in page.inner_text("#event-list")
    assert_inert(page)
    page.goto(web_server + "/events?actor=IRN&since=2024-06-20")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    assert storedata.XSS_ACTOR in page.inner_text("#events-table")
    assert_inert(page)
    page.goto(web_server + "/dyad?a=IRN&b=USA")
    page.wait_for_selector("#events-table tbody tr", timeout=TIMEOUT)
    assert_inert(page)


def test_pasted_hostile_article_is_coded_and_inert(web_server: str, watched: Watched) -> None:
    page = watched.page
    page.goto(web_server + "/alerts")
    page.fill("#token", liveserver.TOKEN)
    page.fill("#published", "2024-07-09")
    page.fill("#ptitle", "Talks <img src=x onerror=\"window.__pwned='title'\">")
    page.fill("#pbody", "Russia and China held talks in Beijing on Tuesday. "
              "<script>window.__pwned='body'</script> "
              "<a href=\"javascript:window.__pwned='link'\" onclick=\"window.__pwned='c'\">x</a>")
    page.click("#paste button[type=submit]")
    page.wait_for_selector("#open-coded", timeout=90_000)
    page.click("#open-coded")
    page.wait_for_url("**/article?id=*", timeout=TIMEOUT)
    page.wait_for_selector("#text", timeout=TIMEOUT)
    page.wait_for_function("() => document.querySelector('#text').textContent.includes('script')",
                           timeout=TIMEOUT)
    assert "<script>window.__pwned='body'</script>" in page.inner_text("#text")
    assert page.locator("main a[href^='javascript']").count() == 0
    assert_inert(page)


def test_paste_box_needs_the_token(web_server: str, browser: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(web_server + "/alerts")
        page.fill("#token", "not-the-token")
        page.fill("#pbody", "Russia and China held talks in Beijing on Tuesday.")
        page.click("#paste button[type=submit]")
        page.wait_for_selector("#result .error", timeout=TIMEOUT)
        assert "wrong token" in page.inner_text("#result")
    finally:
        context.close()
