"""atheris: user actor dictionaries, YAML and PETRARCH formats."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

import atheris
import yaml

with atheris.instrument_imports(include=["geopol"]):
    from geopol.actors.dictionary import parse_yaml
    from geopol.actors.petrarch import load_petrarch
    from geopol.errors import DictionaryError

_TMP = Path(tempfile.mkdtemp(prefix="geopol-fuzz-"))


def one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError:
        parsed = None
    with contextlib.suppress(DictionaryError):
        parse_yaml(parsed, "fuzz.yaml")
    path = _TMP / f"fuzz-{os.getpid()}.txt"
    path.write_bytes(data)
    with contextlib.suppress(DictionaryError):
        load_petrarch(path)


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
