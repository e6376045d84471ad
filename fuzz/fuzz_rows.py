"""atheris: bytes -> JSONL and CSV rows as articles (one bad row is a Skipped, never a raise)."""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.ingest.sources import FieldMap, Skipped, csv_rows, jsonl_rows
    from geopol.records import Article

FIELDS = FieldMap()


def one_input(data: bytes) -> None:
    if not data:
        return
    text = data[1:].decode("utf-8", errors="replace")
    rows = jsonl_rows if data[0] % 2 == 0 else csv_rows
    for item in rows(text, FIELDS, "fuzz"):
        assert isinstance(item, (Article, Skipped)), item
        if isinstance(item, Article):
            assert "\x00" not in item.text


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
