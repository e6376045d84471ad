"""atheris: bytes -> geopol.text.reader.decode -> article_from_text (plain-text articles)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.errors import BadInput
    from geopol.text.reader import article_from_text, decode


def one_input(data: bytes) -> None:
    try:
        text = decode(data)
        article_from_text(text, check_language=bool(data[:1] == b"l"))
    except BadInput:
        pass


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
