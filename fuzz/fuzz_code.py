"""atheris: text -> geopol.pipeline.code, the whole coder (slow: spaCy runs per input)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.errors import GeopolError
    from geopol.nlp import load
    from geopol.pipeline import code

load()  # not counted in the first input's time


def one_input(data: bytes) -> None:
    text = data[:4000].decode("utf-8", "replace")
    try:
        events = code(text, published="2024-05-01")
    except GeopolError:
        return
    for e in events:
        assert 0 <= e.evidence.trigger.start <= e.evidence.trigger.end


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
