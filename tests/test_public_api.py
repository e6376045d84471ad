"""The public Python API is pinned: names in ``geopol.__all__`` exist and do what they say."""

from __future__ import annotations

import geopol


def test_all_is_pinned() -> None:
    assert geopol.__all__ == [
        "__version__",
        "Actor",
        "Article",
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
    ]
    for name in geopol.__all__:
        assert getattr(geopol, name) is not None


def test_code_returns_events() -> None:
    events = geopol.code(
        "Talks\nRussia and China held talks in Beijing on Monday.", published="2024-05-01"
    )
    assert any(e.type == "CONSULT" for e in events)
    assert all(isinstance(e, geopol.Event) for e in events)
