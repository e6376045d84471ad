"""geopol: geopolitical event data from news text.

    >>> import geopol
    >>> events = geopol.code("Summit\\nRussia and China held talks in Beijing.", published="2024-05-01")

The names below are imported on first use, so ``import geopol`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "code": ("geopol.pipeline", "code"),
    "code_article": ("geopol.pipeline", "code_article"),
    "code_articles": ("geopol.pipeline", "code_articles"),
    "find_actors": ("geopol.actors", "find"),
    "Store": ("geopol.store", "Store"),
    "Article": ("geopol.records", "Article"),
    "Actor": ("geopol.records", "Actor"),
    "Event": ("geopol.records", "Event"),
    "EventDate": ("geopol.records", "EventDate"),
    "Place": ("geopol.records", "Place"),
    "Factuality": ("geopol.records", "Factuality"),
    "CodedArticle": ("geopol.records", "CodedArticle"),
    "StatedAlignment": ("geopol.records", "StatedAlignment"),
    "GeopolError": ("geopol.errors", "GeopolError"),
}

__all__ = ["__version__", *sorted(_LAZY)]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geopol' has no attribute {name!r}")
