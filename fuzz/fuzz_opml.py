"""atheris: bytes -> OPML feed-list parsing."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.errors import BadInput
    from geopol.ingest.feeds import parse_opml


def one_input(data: bytes) -> None:
    try:
        urls = parse_opml(data, name="fuzz")
    except BadInput:
        return
    assert len(urls) == len(set(urls))


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
