"""Hostile feeds, rows and responses from a real server on 127.0.0.1 (issue 20).

Each test is one attack that used to stop or swamp an ingest: a malformed link, JSONL rows
with a number for a URL or 100,000 nested brackets, broken CSV rows, a ``gzip, gzip`` bomb,
slow pages, feeds whose entity declarations hide behind UTF-32, EBCDIC or UTF-7, NULs deep in
a file. One bad item is skipped with its reason; its siblings are stored.
"""

from __future__ import annotations

import gzip
import json
import time
import tracemalloc
from pathlib import Path

import pytest
from ingest_http import LOCAL, Route, Server, page, rss

from geopol.errors import FetchError
from geopol.ingest.fetch import check_url, fetch
from geopol.ingest.run import default_coder, ingest
from geopol.ingest.sources import Article, FieldMap, Skipped, iter_inputs, make_fetcher
from geopol.ingest.watch import Watcher
from geopol.store import Store
from geopol_testkit import run_cli

GOOD = [
    ("Russia and China hold talks",
     "Russian and Chinese officials held talks in Beijing on Monday on energy trade and "
     "regional security, the foreign ministry said in a statement after the meeting ended."),
    ("Germany pledges air defence to Ukraine",
     "Germany will send two more air defence systems to Ukraine, the German chancellor said "
     "on Thursday, and Ukraine thanked Berlin for the military aid it has received so far."),
]


def full_feed(server: Server, prefix: str, extra: str = "") -> bytes:
    """RSS whose entries carry their whole text, plus ``extra`` raw items."""
    items = "".join(
        f"<item><guid>{prefix}{i}</guid><title>{t}</title><link>{server.url(f'/{prefix}{i}')}"
        f"</link><content:encoded><![CDATA[<p>{b}</p>]]></content:encoded></item>"
        for i, (t, b) in enumerate(GOOD))
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0' xmlns:content="
            "'http://purl.org/rss/1.0/modules/content/'><channel><title>Wire</title>"
            f"{items}{extra}</channel></rss>").encode()


BAD_LINK = "<item><guid>bad</guid><title>Broken</title><link>http://[oops/x</link></item>"



def warm() -> None:
    """Load the coder once, so timings below measure fetching, not the model load."""
    list(default_coder()([Article(title="Warm-up", body="Officials met in Paris on Monday.")]))


@pytest.mark.parametrize("url", ["http://[oops/x", "http://[::1/", "http://h:99999/"])
def test_malformed_url_is_a_fetch_error(url: str) -> None:
    with pytest.raises(FetchError, match="malformed"):
        check_url(url)


def test_malformed_link_skipped_marked_seen_not_replayed(server: Server, tmp_path: Path) -> None:
    server.routes["/feed.xml"] = Route(body=full_feed(server, "g", BAD_LINK),
                                       content_type="application/rss+xml")
    db = tmp_path / "w.duckdb"
    lines: list[str] = []
    first = Watcher([server.url("/feed.xml")], db, every=60, allow_private=LOCAL,
                    timeout=3, log=lines.append).run_cycle()
    assert (first.failed, first.new_entries, first.articles_added) == (0, 3, 2)
    assert any("http://[oops/x" in line and "skipped" in line for line in lines)
    with Store.open(db, read_only=True) as store:
        seen = dict(store.con.execute("SELECT entry_key, article_id FROM feed_entries")
                    .fetchall())
    assert set(seen) == {"g0", "g1", "bad"} and seen["bad"] is None
    again = Watcher([server.url("/feed.xml")], db, every=60, allow_private=LOCAL,
                    timeout=3, log=lines.append).run_cycle()  # a restart: nothing replayed
    assert (again.new_entries, again.failed) == (0, 0)


def test_watch_good_and_bad_feed_cli(server: Server, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/good.xml"] = Route(body=full_feed(server, "g"),
                                       content_type="application/rss+xml")
    server.routes["/bad.xml"] = Route(body=full_feed(server, "b", BAD_LINK)[:0] + rss(
        [("Broken", "http://[oops/x", "")]), content_type="application/rss+xml")
    db = tmp_path / "w.duckdb"
    rc = run_cli(["watch", server.url("/good.xml"), server.url("/bad.xml"), "--db", str(db),
                  "--allow-host", "127.0.0.1", "--cycles", "2", "--every", "0.1"])
    err = capsys.readouterr().err
    assert rc == 0 and "Traceback" not in err, err
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 2


def test_hostile_jsonl_rows_over_http(server: Server, tmp_path: Path) -> None:
    rows = [
        json.dumps({"title": GOOD[0][0], "body": GOOD[0][1], "url": "https://a.test/1"}),
        json.dumps({"title": "Numbers", "body": GOOD[1][1] + " A", "url": 123}),
        json.dumps({"title": "Broken", "body": GOOD[1][1] + " B", "url": "http://[oops"}),
        "[" * 100_000,
        json.dumps({"title": "Nul", "body": GOOD[1][1][:40] + "\u0000" + GOOD[1][1][40:]}),
        json.dumps({"title": GOOD[1][0], "body": GOOD[1][1], "url": "https://a.test/2"}),
    ]
    server.routes["/u.jsonl"] = Route(body="\n".join(rows).encode(),
                                      content_type="application/x-ndjson")
    skipped: list[Skipped] = []
    items = iter_inputs([server.url("/u.jsonl")], fields=FieldMap(),
                        fetcher=make_fetcher(allow_private=LOCAL, timeout=5))
    with Store.open(tmp_path / "j.duckdb") as store:
        stats = ingest(items, store, on_skip=skipped.append)
        urls = sorted(r[0] for r in store.con.execute("SELECT url FROM articles").fetchall())
    assert (stats.added, stats.skipped) == (2, 4), skipped
    assert urls == ["https://a.test/1", "https://a.test/2"]
    reasons = " | ".join(s.reason for s in skipped)
    assert "url is a int" in reasons and "malformed url" in reasons
    assert "nested" in reasons and "NUL" in reasons
    assert [s.where.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4", "5"]


def test_bad_csv_rows_skipped_with_reasons(tmp_path: Path) -> None:
    body = GOOD[0][1].replace(",", "")
    path = tmp_path / "c.csv"
    path.write_text(
        "title,body,url\n"
        f"One,{body},https://a.test/1\n"
        f"Extra,{body} x,https://a.test/2,surplus,cells\n"
        f"Broken,{body} y,http://[oops\n"
        f"Nul,{body[:30]}\x00{body[30:]} z,\n"
        f"Two,{body} w,https://a.test/3\n", encoding="utf-8")
    items = list(iter_inputs([path]))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["Article", "Skipped", "Skipped", "Skipped", "Article"], items
    assert "cells more than the header" in str(items[1]) and "NUL" in str(items[3])


def test_nul_deep_in_a_text_file_or_page(server: Server, tmp_path: Path) -> None:
    text = "Talks in Beijing\n" + ("Officials met in Beijing on Monday. " * 300)
    path = tmp_path / "a.txt"
    path.write_text(text[:8942] + "\x00" + text[8942:], encoding="utf-8")
    (item,) = iter_inputs([path])
    assert isinstance(item, Skipped) and "8942" in item.reason
    html = page("Talks in Beijing", [GOOD[0][1][:50] + "\x00" + GOOD[0][1][50:]])
    server.routes["/nul.html"] = Route(body=html)
    (item,) = iter_inputs([server.url("/nul.html")],
                          fetcher=make_fetcher(allow_private=LOCAL, timeout=5))
    assert isinstance(item, Skipped) and "NUL" in item.reason


def double_gzip(mib: int) -> bytes:
    return gzip.compress(gzip.compress(bytes(mib * 1024 * 1024), 9), 9)


def test_double_gzip_bomb_is_stopped_while_streaming(server: Server) -> None:
    server.routes["/bomb"] = Route(body=double_gzip(64), headers={"Content-Encoding": "gzip, gzip"})
    assert len(server.routes["/bomb"].body) < 100_000
    tracemalloc.start()
    try:
        with pytest.raises(FetchError, match="limit"):
            fetch(server.url("/bomb"), allow_private=LOCAL, max_bytes=5_000_000, timeout=10)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"peak {peak / 1e6:.0f} MB while refusing a 64 MiB bomb"
    server.routes["/three"] = Route(body=gzip.compress(double_gzip(1)),
                                    headers={"Content-Encoding": "gzip, gzip, gzip"})
    with pytest.raises(FetchError, match="stacked"):
        fetch(server.url("/three"), allow_private=LOCAL)
    server.routes["/ok"] = Route(body=gzip.compress(gzip.compress(b"hello " * 1000)),
                                 headers={"Content-Encoding": "gzip, gzip"})
    assert fetch(server.url("/ok"), allow_private=LOCAL).content == b"hello " * 1000


def test_slow_pages_delay_only_their_own_feed(server: Server, tmp_path: Path) -> None:
    warm()
    server.routes["/good.xml"] = Route(body=full_feed(server, "g"),
                                       content_type="application/rss+xml")
    slow = Server()  # a second site (another port): its slowness is its own
    slow.routes["/slow.xml"] = Route(
        body=rss([(f"Slow {i}", slow.url(f"/drip{i}"), "") for i in range(4)]),
        content_type="application/rss+xml")
    for i in range(4):
        slow.routes[f"/drip{i}"] = Route(drip=True)
    stored_at: list[float] = []
    w = Watcher([slow.url("/slow.xml"), server.url("/good.xml")], tmp_path / "s.duckdb",
                every=60, allow_private=LOCAL, timeout=2, log=lambda _: None,
                on_change=lambda: stored_at.append(time.monotonic()))
    start = time.monotonic()
    try:
        report = w.run_cycle()
    finally:
        slow.close()
    # 4 slow pages, 2 at a time on their host: two rounds of the 2 s timeout, not four
    assert report.seconds < 6.5, report
    assert report.articles_added == 2 and report.new_entries == 6
    assert stored_at and stored_at[0] - start < 3.5  # the good feed did not wait for them


def test_allow_host_lets_one_host_through_only(server: Server, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    server.routes["/r"] = Route(status=302, content_type=None,
                                headers={"Location": f"http://[::1]:{server.port}/p"})
    db = tmp_path / "h.duckdb"
    # the refused redirect is a skipped input: exit status 1 (docs/cli.md)
    assert run_cli(["ingest", server.url("/r"), "--db", str(db), "--allow-host",
                    "127.0.0.1"]) == 1
    assert "private" in capsys.readouterr().err and server.hits("/p") == 0


@pytest.mark.parametrize("option", [["--timeout", "inf"], ["--timeout", "-1"],
                                    ["--timeout", "nan"], ["--max-mb", "-5"], ["--max-mb", "0"]])
def test_bad_timeout_or_size_is_a_usage_error(
    option: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = run_cli(["ingest", "http://127.0.0.1:9/x", "--db", str(tmp_path / "t.duckdb"),
                  *option])
    err = capsys.readouterr().err
    assert rc == 2 and "Traceback" not in err and option[0] in err, err


ENTITY_FEED = ('<?xml version="1.0" encoding="{enc}"?><!DOCTYPE rss [<!ENTITY a "{big}">]>'
               '<rss version="2.0"><channel><title>&a;</title><item><title>&a;</title>'
               '<description>Officials met in Paris on Monday.</description></item>'
               '</channel></rss>')


@pytest.mark.parametrize(("declared", "codec"), [
    ("UTF-32", "utf-32"), ("UTF-32BE", "utf-32-be"), ("IBM037", "cp037"), ("UTF-7", "utf-7"),
    ("UTF-16", "utf-16"),
])
def test_entities_hidden_by_an_encoding_are_refused(
    declared: str, codec: str, server: Server
) -> None:
    doc = ENTITY_FEED.format(enc=declared, big="x" * 50).encode(codec)
    server.routes["/e.xml"] = Route(body=doc, content_type="application/rss+xml")
    (item,) = iter_inputs([server.url("/e.xml")],
                          fetcher=make_fetcher(allow_private=LOCAL, timeout=5))
    assert isinstance(item, Skipped) and "entities" in item.reason, item
