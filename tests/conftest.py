"""Session fixtures shared by every test package: the real spaCy pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.nlp import load


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load()
