"""atheris: date phrases -> geopol.dates.resolve; date fields -> ingest's parse_date;
watch intervals -> parse_interval."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys

import atheris

with atheris.instrument_imports(include=["geopol"]):
    from geopol.dates import resolve
    from geopol.errors import BadInput
    from geopol.ingest.watch import parse_interval
    from geopol.text.when import parse_date


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    ordinal = fdp.ConsumeIntInRange(0, dt.date.max.toordinal())
    published = dt.date.fromordinal(ordinal) if ordinal else None
    future = fdp.ConsumeBool()
    phrase = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    got = resolve(phrase, published, future)
    assert got is None or got.value is None or got.value[:1].isdigit()
    parse_date(phrase)
    with contextlib.suppress(BadInput):
        parse_interval(phrase)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
