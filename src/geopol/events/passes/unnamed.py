"""Pass ``unnamed-armed``: armed groups of no country as the source of violence."""

from __future__ import annotations

from geopol.events.context import SentenceContext
from geopol.events.derived import table
from geopol.events.passes.base import Level, register
from geopol.records import Actor


@register("unnamed-armed", Level.TRIGGER)
def unnamed_armed(ctx: SentenceContext) -> None:
    """"Insurgents bombarded the town": ---REB, as CAMEO codes them. A trigger with no
    source left after this pass codes nothing."""
    r = ctx.current
    r.unnamed = [] if r.source else _unnamed_armed(r.raw_source, r.trigger.rule.type)
    if r.unnamed:
        r.source = r.unnamed
    if not r.source:
        r.dropped = True


def _unnamed_armed(raw_source: list[Actor], type_: str) -> list[Actor]:
    """Armed groups of no stated country ("insurgents", "gunmen") as the source of a violent
    event: CAMEO codes them ---REB and ---UAF rather than dropping the attack."""
    t = table()
    if type_ not in t.armed_types:
        return []
    return [a for a in raw_source if not a.country and a.sector in t.armed_sectors][:1]
