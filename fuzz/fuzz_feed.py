"""atheris: bytes -> RSS/Atom feed parsing (entity and DTD checks first)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.errors import BadInput
    from geopol.ingest.feeds import parse_feed


def one_input(data: bytes) -> None:
    try:
        feed = parse_feed(data, url="fuzz")
    except BadInput:
        return
    for entry in feed.entries:
        assert entry.key


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
