"""atheris: HTML -> feed-fragment text, charset sniffing and decoding, page extraction."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.ingest.feeds import html_fragment_text
    from geopol.ingest.fetch import decode_body, sniff_charset
    from geopol.ingest.sources import html_article


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    charset = fdp.ConsumeUnicodeNoSurrogates(12) or None
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    sniff_charset(raw)
    html = decode_body(raw, charset)
    html_fragment_text(html)
    if len(raw) % 8 == 0:  # trafilatura is slow: a share of the inputs only
        html_article(html, url="http://example.test/page")


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
