"""The ``home-organs`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before

from geopol.events.passes.home_organs import home_organs

STORY = (
    "Kenya's president met Kenyan business leaders in Nairobi. "
    "Kenyan officials said the talks went well. "
    "The ministers urged the parliament to pass the budget."
)


def test_a_bare_organ_takes_the_article_s_country() -> None:
    ctx = before(STORY, "home-organs", "urged")
    bare = [a for a in ctx.current.source + ctx.current.target if a.country is None]
    home_organs(ctx)
    after = ctx.current.source + ctx.current.target
    if bare:
        assert all(a.country == "KEN" for a in after if a.sector in ("GOV", "LEG"))
    assert all(a.country is not None for a in after if a.sector in ("GOV", "LEG"))


def test_no_home_country_leaves_the_organ_bare() -> None:
    ctx = before(
        "France and Germany argued. The ministers urged the parliament to act.",
        "home-organs",
        "urged",
    )
    home_organs(ctx)
    assert all(a.country in (None, "FRA", "DEU") for a in ctx.current.source + ctx.current.target)
