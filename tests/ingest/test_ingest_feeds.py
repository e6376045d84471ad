"""Feeds, OPML and pages from a real local server, hostile XML included."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_http import LOCAL, Route, Server, page, rss

from geopol.errors import BadInput
from geopol.ingest.feeds import parse_feed, parse_opml
from geopol.ingest.sources import Skipped, iter_inputs, make_fetcher
from geopol.records import Article

TALKS = ["Russian and Chinese officials held talks in Beijing on Monday on energy trade.",
         "The two foreign ministers agreed to expand cooperation on gas pipelines, officials "
         "said after the meeting ended."]
AID = ["Germany will send two more air defence systems to Ukraine, the chancellor said.",
       "Ukraine thanked Germany for the military aid and asked other countries to follow."]

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Daily</title><id>urn:x</id>
<updated>2024-04-11T10:00:00Z</updated>
<entry><title>Germany pledges air defence to Ukraine</title><id>urn:e1</id>
<link href="http://127.0.0.1:9/a1"/><updated>2024-04-11T10:00:00Z</updated>
<content type="html">&lt;p&gt;Germany will send two more air defence systems to Ukraine, Chancellor
Olaf Scholz said on Thursday.&lt;/p&gt;&lt;p&gt;Ukraine thanked Germany for the military aid and
asked other European countries to follow. Russia criticised the decision and accused Berlin of
prolonging the war, according to a statement from its foreign ministry.&lt;/p&gt;</content>
</entry></feed>"""

BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<rss version="2.0"><channel><title>&f;</title><item><title>&f;</title>
<description>&f;</description></item></channel></rss>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>Leak</title>
<link>https://example.com/x</link><description>&xxe;</description></item></channel></rss>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">
<rss version="2.0"><channel><title>t</title></channel></rss>"""


def fetch_all(server: Server, *urls: str) -> list[Article | Skipped]:
    return list(iter_inputs([server.url(u) for u in urls],
                            fetcher=make_fetcher(allow_private=LOCAL, timeout=5)))


def test_rss_entries_are_completed_from_their_pages(server: Server) -> None:
    server.routes["/p1"] = Route(body=page("Russia and China hold talks", TALKS))
    server.routes["/p2"] = Route(body=page("Germany pledges air defence", AID))
    server.routes["/rss"] = Route(
        body=rss([("Russia and China hold talks", server.url("/p1"), "Talks in Beijing."),
                  ("Germany pledges air defence", server.url("/p2"), "Aid for Ukraine.")]),
        content_type="application/rss+xml")
    items = fetch_all(server, "/rss")
    assert all(isinstance(i, Article) for i in items), items
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.title for a in arts] == ["Russia and China hold talks", "Germany pledges air defence"]
    assert "held talks in Beijing" in arts[0].body and "Home" not in arts[0].body
    assert arts[0].source == "Example Wire" and str(arts[0].published) == "2024-03-18"
    assert arts[0].url == server.url("/p1")
    assert server.hits("/p1") == 1


def test_rss_entry_falls_back_to_summary_when_page_fails(server: Server) -> None:
    server.routes["/rss"] = Route(body=rss([(
        "Talks in Beijing", server.url("/gone"),
        "Russian and Chinese officials held talks in Beijing on Monday, officials said.")]),
        content_type="application/rss+xml")
    (item,) = fetch_all(server, "/rss")
    assert isinstance(item, Article) and "held talks in Beijing" in item.body


def test_atom_with_full_content_needs_no_page(server: Server) -> None:
    server.routes["/atom"] = Route(body=ATOM, content_type="application/atom+xml")
    (item,) = fetch_all(server, "/atom")
    assert isinstance(item, Article)
    assert item.title == "Germany pledges air defence to Ukraine"
    assert "air defence systems to Ukraine" in item.body and "<p>" not in item.body
    assert str(item.published) == "2024-04-11" and item.source == "Example Daily"
    assert server.hits("/a1") == 0


def test_opml_lists_feeds(server: Server, tmp_path: Path) -> None:
    server.routes["/atom"] = Route(body=ATOM, content_type="application/atom+xml")
    server.routes["/p1"] = Route(body=page("Russia and China hold talks", TALKS))
    server.routes["/rss"] = Route(body=rss([("Russia and China hold talks", server.url("/p1"),
                                             "Talks.")]), content_type="application/rss+xml")
    opml = (f'<?xml version="1.0"?><opml version="2.0"><head><title>f</title></head><body>'
            f'<outline text="news"><outline type="rss" text="a" xmlUrl="{server.url("/rss")}"/>'
            f'<outline type="rss" text="b" xmlUrl="{server.url("/atom")}"/></outline>'
            f"</body></opml>").encode()
    server.routes["/feeds.opml"] = Route(body=opml, content_type="text/x-opml")
    assert parse_opml(opml) == [server.url("/rss"), server.url("/atom")]
    titles = sorted(i.title for i in fetch_all(server, "/feeds.opml") if isinstance(i, Article))
    assert titles == ["Germany pledges air defence to Ukraine", "Russia and China hold talks"]
    (tmp_path / "feeds.opml").write_bytes(opml)
    from_file = list(iter_inputs([tmp_path / "feeds.opml"],
                                 fetcher=make_fetcher(allow_private=LOCAL)))
    assert len([i for i in from_file if isinstance(i, Article)]) == 2


def test_entity_bomb_is_refused_quickly(server: Server) -> None:
    server.routes["/bomb"] = Route(body=BOMB, content_type="application/rss+xml")
    (item,) = fetch_all(server, "/bomb")  # refused before any expansion
    assert isinstance(item, Skipped) and "entities" in item.reason
    with pytest.raises(BadInput):
        parse_feed(BOMB)


@pytest.mark.parametrize("doc", [XXE, EXTERNAL_DTD])
def test_external_entities_are_refused(server: Server, doc: bytes) -> None:
    server.routes["/xxe"] = Route(body=doc, content_type="application/rss+xml")
    items = fetch_all(server, "/xxe")
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert "root:" not in repr(items)
    with pytest.raises(BadInput):
        parse_opml(doc)


def test_malformed_xml_does_not_crash(server: Server) -> None:
    server.routes["/broken"] = Route(
        body=b"<?xml version='1.0'?><rss><channel><title>t</title><item><title>Half",
        content_type="application/rss+xml")
    server.routes["/garbage"] = Route(body=b"<?xml version='1.0'?><<<>>>&&&",
                                      content_type="application/rss+xml")
    for item in fetch_all(server, "/broken", "/garbage"):
        assert isinstance(item, Skipped | Article)
    (g,) = fetch_all(server, "/garbage")
    assert isinstance(g, Skipped)


def test_html_page_with_wrong_or_missing_charset(server: Server) -> None:
    body = page("Talks in Zürich", ["Swiss and Austrian officials held talks in Zürich on the "
                                    "crème de la crème of trade deals, officials said.",
                                    *TALKS])
    server.routes["/nocharset"] = Route(body=body.decode().encode("cp1252"),
                                        content_type="text/html")
    server.routes["/wrong"] = Route(body=body.decode().encode("cp1252"),
                                    content_type="text/html; charset=utf-8")
    server.routes["/latin"] = Route(body=body, content_type="text/html; charset=iso-8859-1")
    for item in fetch_all(server, "/nocharset", "/wrong", "/latin"):
        assert isinstance(item, Article), item
        assert item.title == "Talks in Zürich" and "crème de la crème" in item.body


def test_failures_become_skips_not_crashes(server: Server) -> None:
    server.routes["/500"] = Route(status=500)
    server.routes["/hang"] = Route(hang=True)
    items = list(iter_inputs([server.url("/500"), server.url("/hang"), "http://10.9.9.9/x"],
                             fetcher=make_fetcher(allow_private=LOCAL, timeout=1)))
    skips = [i for i in items if isinstance(i, Skipped)]
    assert len(skips) == len(items) == 3
    assert "500" in skips[0].reason and "timed out" in skips[1].reason
