"""The public Python API is pinned: names in ``geopol.__all__`` exist and do what they say."""

from __future__ import annotations

import geopol


def test_all_is_pinned() -> None:
    assert geopol.__all__ == [
        "__version__",
        "Actor",
        "Article",
        "Casualties",
        "CodedArticle",
        "Event",
        "EventDate",
        "Factuality",
        "GeopolError",
        "Place",
        "StatedAlignment",
        "Store",
        "code",
        "code_article",
        "code_articles",
        "find_actors",
        "to_frame",
    ]
    for name in geopol.__all__:
        assert getattr(geopol, name) is not None


def test_code_returns_events() -> None:
    events = geopol.code(
        "Talks\nRussia and China held talks in Beijing on Monday.", published="2024-05-01"
    )
    assert any(e.type == "CONSULT" for e in events)
    assert all(isinstance(e, geopol.Event) for e in events)


def _check_names() -> None:
    """Every public name imports and is what it says: classes are classes, functions are
    callable (a module is not)."""
    import importlib
    import inspect

    fresh = importlib.import_module("geopol")
    for name in fresh.__all__:
        value = getattr(fresh, name)
        assert not inspect.ismodule(value), f"geopol.{name} is a module"
        if name != "__version__":
            assert callable(value), f"geopol.{name} is not callable"
        exec(f"from geopol import {name}", {})


def test_every_name_before_and_after_code() -> None:
    _check_names()
    events = geopol.code("Talks\nRussia and China held talks in Beijing.", published="2024-05-01")
    assert events
    _check_names()
    found = geopol.find_actors("Russian troops entered Ukraine.", published="2022-02-24")
    assert [a.code for a in found] == ["RUSMIL", "UKR"]


def test_to_frame_has_the_event_table_columns() -> None:
    from geopol.formats.rows import TABLE_COLUMNS

    events = geopol.code(
        "Raid\nRussian airstrikes killed 12 civilians in Kharkiv on Monday.", published="2024-05-06"
    )
    frame = geopol.to_frame(events)
    assert list(frame.columns) == list(TABLE_COLUMNS)
    assert len(frame) == len(events)
    assert 12 in set(frame["killed"].dropna())
