"""geopol watch's cycle: conditional GET, backoff, slow feeds, stored articles (real coder)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_http import LOCAL, Route, Server, rss

from geopol.errors import BadInput
from geopol.ingest.watch import Watcher, backoff, parse_interval
from geopol.store import Store

ITEMS = [
    ("Russia and China hold talks",
     "Russian and Chinese officials held talks in Beijing on Monday on energy trade and "
     "regional security, the foreign ministry said in a statement after the meeting."),
    ("Germany pledges air defence to Ukraine",
     "Germany will send two more air defence systems to Ukraine, the German chancellor said "
     "on Thursday, and Ukraine thanked Berlin for the military aid it has received."),
]


def feed(server: Server, items: list[tuple[str, str]], prefix: str) -> bytes:
    return rss([(t, server.url(f"{prefix}{i}"), d) for i, (t, d) in enumerate(items)])


def test_parse_interval_and_backoff() -> None:
    assert parse_interval("15m") == 900 and parse_interval("1h30m") == 5400
    assert parse_interval("45") == 45 and parse_interval("2d") == 172800
    with pytest.raises(BadInput):
        parse_interval("soon")
    assert [backoff(n, 60) for n in (1, 2, 3)] == [60, 120, 240]
    assert backoff(30, 900) == 6 * 3600


def test_watch_cycles(server: Server, tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    server.routes["/good.xml"] = Route(body=feed(server, ITEMS, "/g"), etag='"v1"',
                                       content_type="application/rss+xml")
    server.routes["/broken.xml"] = Route(status=500)
    server.routes["/slow.xml"] = Route(hang=True)
    (tmp_path / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        f'<outline xmlUrl="{server.url("/good.xml")}"/>'
        f'<outline xmlUrl="{server.url("/broken.xml")}"/>'
        f'<outline xmlUrl="{server.url("/slow.xml")}"/></body></opml>')
    lines: list[str] = []
    w = Watcher([str(tmp_path / "feeds.opml")], db, every=60, allow_private=LOCAL,
                timeout=1.5, pages=False, log=lines.append)
    first = w.run_cycle()  # the hanging feed fails on its own timeout; the others go on
    assert (first.feeds, first.fetched, first.failed, first.new_entries) == (3, 1, 2, 2)
    assert first.articles_added == 2
    assert lines[-1].startswith("watch: cycle 1: 3 feeds (1 fetched, 0 unchanged, 2 failed")
    with Store.open(db) as store:
        assert store.counts()["articles"] == 2
        states = dict(store.con.execute(
            "SELECT feed_url, failures FROM feed_state").fetchall())
        assert states == {server.url("/good.xml"): 0, server.url("/broken.xml"): 1,
                          server.url("/slow.xml"): 1}
    second = w.run_cycle()  # good feed: 304; failing feeds: backing off, not polled
    assert (second.not_modified, second.fetched, second.failed, second.waiting) == (1, 0, 0, 2)
    assert server.hits("/broken.xml") == 1
    good_requests = [h for p, h in server.requests if p == "/good.xml"]
    assert good_requests[-1].get("If-None-Match") == '"v1"'

    # a new entry appears: only it is coded and stored
    server.routes["/good.xml"] = Route(
        body=feed(server, [*ITEMS, ("Yemen appeals for food aid",
                                    "Yemen's government appealed on Sunday to Saudi Arabia "
                                    "for emergency food aid after wheat prices doubled.")], "/g"),
        etag='"v2"', content_type="application/rss+xml")
    third = w.run_cycle()
    assert (third.fetched, third.new_entries, third.articles_added) == (1, 1, 1)
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 3
        assert store.counts()["feed_entries"] == 3
