"""atheris: bytes -> a feed entry's link: URL checks and the entry as an article.

Offline by construction: ``check_url`` runs with ``allow_private=True`` (it parses the URL
and returns before resolving any host), and the page fetcher never fetches. The target is
the parsing: any link must end as a FetchError or a Skipped/Article, never another exception.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.errors import FetchError
    from geopol.ingest.feeds import Entry
    from geopol.ingest.fetch import HostLimits, Response, check_url
    from geopol.ingest.sources import Skipped, entry_article
    from geopol.records import Article

LIMITS = HostLimits(2)


def offline(url: str) -> Response:
    check_url(url, allow_private=True)
    with LIMITS.slot(url):
        raise FetchError(f"{url}: not fetched (fuzzing is offline)")


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    link = fdp.ConsumeUnicodeNoSurrogates(200)
    text = fdp.ConsumeUnicodeNoSurrogates(300)
    with contextlib.suppress(FetchError):
        check_url(link, allow_private=True)
    entry = Entry(key=link or "k", title="Fuzz", link=link or None, text=text,
                  published=None)
    item = entry_article(entry, feed_title="Fuzz", feed_url="http://feed.test/rss",
                         fetcher=offline)
    assert isinstance(item, (Article, Skipped)), item


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
