"""The verdict: which of the cues found over an event decides its factuality."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues
from geopol.events.factuality.words import governing
from geopol.records import Factuality

#: Strongest first: when several cues apply, the first level in this order wins.
ORDER = (
    Factuality.HYPOTHETICAL,
    Factuality.NEGATED,
    Factuality.SPECULATED,
    Factuality.PLANNED,
    Factuality.REPORTED,
    Factuality.ASSERTED,
)


@dataclasses.dataclass(frozen=True, slots=True)
class Cue:
    level: Factuality
    token: Token
    depth: int  # steps from the trigger up to the word the cue hangs on


class Reading(tuple[Factuality, list[Token]]):
    """(level, cue tokens, the deciding one first); ``close`` when another reading was near."""

    close: bool

    def __new__(cls, level: Factuality, tokens: list[Token], *, close: bool = False) -> Reading:
        obj = super().__new__(cls, (level, tokens))
        obj.close = close
        return obj


def reported_would(would: Token, c: Cues) -> bool:
    """ "said it would send aid": "would" under a verb of saying is the future seen from
    the past; without one ("they would suffer as much") it is the conditional mood."""
    tok = would.head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
        return False
    head = tok.head
    return governing(head, c) is Factuality.REPORTED or head.lemma_.lower() in c.verbal_acts


def verdict(found: list[Cue], c: Cues) -> Reading:
    if not found:
        return Reading(Factuality.ASSERTED, [])
    levels = {q.level for q in found}
    close = False
    # "would" without a condition: planned when reported ("said it would"), else speculated.
    if Factuality.HYPOTHETICAL in levels and all(
        q.token.lower_ in ("would", "'d") for q in found if q.level is Factuality.HYPOTHETICAL
    ):
        found = [
            Cue(
                Factuality.PLANNED if reported_would(q.token, c) else Factuality.SPECULATED,
                q.token,
                q.depth,
            )
            if q.level is Factuality.HYPOTHETICAL
            else q
            for q in found
        ]
        levels = {q.level for q in found}
        close = True
    for level in ORDER:
        if level in levels:
            first = sorted((q for q in found if q.level is level), key=lambda q: q.depth)
            rest = sorted((q for q in found if q.level is not level), key=lambda q: q.depth)
            modal = {q.level for q in rest} - {Factuality.REPORTED, Factuality.ASSERTED}
            return Reading(
                level,
                [q.token for q in first + rest],
                close=close or bool(modal),
            )
    return Reading(Factuality.ASSERTED, [])


#: How much an event's confidence falls when its factuality was a close call.
CLOSE_CALL = 0.1


def close_call_penalty(reading: tuple[Factuality, list[Token]]) -> float:
    """The confidence an event loses when its factuality reading was a close call."""
    return CLOSE_CALL if getattr(reading, "close", False) else 0.0
