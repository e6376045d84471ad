"""Pass ``stated-alignments``: alignments the article states outright."""

from __future__ import annotations

from geopol.events.alignment import stated_alignments as _stated_alignments
from geopol.events.context import ArticleContext
from geopol.events.passes.base import Level, register


@register("stated-alignments", Level.ARTICLE)
def stated_alignments(ctx: ArticleContext) -> None:
    """"X, Y and Z seemingly aligning" (see events/alignment.py)."""
    ctx.alignments = _stated_alignments(ctx.doc, ctx.index, ctx.article.id)
