"""Armed groups beside the state they fight.

A group whose status changed over time (the Taliban: insurgents until they took Kabul, the
government since) is resolved from the article's date; with no date its latest status is a
guess. When an undated article also names that country's government as a party of its own
("the Afghan government said Taliban militants were responsible", "the Afghan army said";
a state agent owned by the country, or a capital or person of its government), the group
is not that government there: it takes its last status that is not the government (sector
`REB`), `how` ending in `+beside-state`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Token

from geopol.actors.matcher import Match
from geopol.actors.mention import Mention

#: Kinds whose government sector is the state's own: "Kabul", "President <name>".
_STATE_KINDS = frozenset({"capital", "person", "seat"})

#: Agents of the state: "government", "president", "army", "police", "intelligence".
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})

Owner = Callable[[Token, dict[int, Mention]], Mention | None]


def _opposition_sector(m: Match) -> str | None:
    """The group's last status before it was the government, or None if it never was one."""
    roles = m.pattern.entry.roles
    if m.pattern.entry.kind != "group" or not roles or roles[-1].sector != "GOV":
        return None
    earlier = [r.sector for r in roles[:-1] if r.sector and r.sector != "GOV"]
    return earlier[-1] if earlier else None


def beside_state(
    doc: Doc,
    pairs: Sequence[tuple[Match, Mention]],
    agent_matches: Sequence[Match],
    day: dt.date | None,
    owner_of: Owner,
) -> None:
    """Give an undated group that became a government its earlier status when the article
    names that country's government apart from it (mentions changed in place)."""
    if day is not None:
        return
    groups = [(mn, s) for m, mn in pairs if (s := _opposition_sector(m)) and mn.sector == "GOV"]
    if not groups:
        return
    by_token: dict[int, Mention] = {}
    for _, mn in pairs:
        for i in range(mn.start, mn.end):
            by_token[i] = mn
    group_ids = {id(mn) for mn, _ in groups}
    states: set[str] = set()
    for _, mn in pairs:
        if id(mn) in group_ids or not mn.country:
            continue
        if mn.kind in _STATE_KINDS and mn.sector == "GOV":
            states.add(mn.country)  # "Kabul", "President Ashraf Ghani"
    for am in agent_matches:
        if am.pattern.entry.sector not in _STATE_SECTORS:
            continue
        owner = owner_of(doc[am.start : am.end].root, by_token)
        if (
            owner is not None
            and id(owner) not in group_ids
            and owner.country
            and owner.kind in ("state", "adjective")
        ):
            states.add(owner.country)  # "the Afghan government", "Afghanistan's army"
    for mn, sector in groups:
        if mn.country in states:
            mn.sector = sector
            mn.how = f"{mn.how}+beside-state"


__all__ = ["beside_state"]
