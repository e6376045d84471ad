"""geopol: geopolitical event data from news text.

    >>> import geopol
    >>> events = geopol.code("Summit\\nRussia and China held talks in Beijing.", published="2024-05-01")
    >>> frame = geopol.to_frame(events)  # one row per event, the event table's columns

The names below are imported on first use, so ``import geopol`` stays cheap. Every name of
``__all__`` stays what it is after any call (``geopol.find_actors`` is a function, never the
``geopol.actors.find`` module).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from geopol.records import Actor, Event

__version__ = "0.1.0"

_LAZY = {
    "code": ("geopol.pipeline", "code"),
    "code_article": ("geopol.pipeline", "code_article"),
    "code_articles": ("geopol.pipeline", "code_articles"),
    "Store": ("geopol.store", "Store"),
    "Article": ("geopol.records", "Article"),
    "Actor": ("geopol.records", "Actor"),
    "Event": ("geopol.records", "Event"),
    "EventDate": ("geopol.records", "EventDate"),
    "Place": ("geopol.records", "Place"),
    "Factuality": ("geopol.records", "Factuality"),
    "CodedArticle": ("geopol.records", "CodedArticle"),
    "StatedAlignment": ("geopol.records", "StatedAlignment"),
    "Casualties": ("geopol.records", "Casualties"),
    "GeopolError": ("geopol.errors", "GeopolError"),
}


def find_actors(
    text: str, *, published: dt.date | str | None = None, model: str | None = None
) -> list[Actor]:
    """Actor mentions in ``text`` (offsets into ``text``), resolved to country and sector.

    Example:
        >>> [a.code for a in geopol.find_actors("Russian troops entered Ukraine.")]
        ['RUSMIL', 'UKR']
    """
    from geopol.actors.find import find_actors as _find
    from geopol.nlp import load as load_nlp

    if isinstance(published, str):
        published = dt.date.fromisoformat(published)
    return _find(load_nlp(model)(text), published=published)


def to_frame(events: Iterable[Event | dict[str, Any]]) -> pd.DataFrame:
    """A pandas DataFrame of events: one row per event, the event table's columns and types
    (``docs/formats.md``; the same as ``geopol export -f parquet``).

    Example:
        >>> list(geopol.to_frame(geopol.code("Talks\\nRussia and China held talks.")).columns[:3])
        ['event_id', 'article_id', 'sentence_index']
    """
    from geopol.formats.csv import flat_row
    from geopol.formats.jsonl import event_dicts
    from geopol.formats.parquet import arrow_table

    table = arrow_table(flat_row(d) for d in event_dicts(events))
    return table.to_pandas()


__all__ = ["__version__", *sorted([*_LAZY, "find_actors", "to_frame"])]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(module), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'geopol' has no attribute {name!r}")
