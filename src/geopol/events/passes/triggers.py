"""Pass ``triggers``: the sentence's triggers, one event per trigger."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.passes.base import Level, register
from geopol.events.triggers import find_triggers


@register("triggers", Level.SENTENCE)
def triggers(ctx: SentenceContext) -> None:
    """The verbs and event nouns of the trigger lexicon, one per event ("held talks": the
    noun; "agreed to withdraw": the agreement, with the withdrawal as its content)."""
    ctx.triggers = find_triggers(ctx.sentence, ctx.lexicon)
