"""The verdict: which of the cues found over an event decides its factuality."""

from __future__ import annotations

import dataclasses

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues
from geopol.events.factuality.model import choose, current_model, features
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
    """(level, cue tokens, the deciding one first); ``close`` when another reading was near;
    ``rule`` the level the cue rules gave, ``features`` what the model read (empty when the
    reading did not go through ``decide``)."""

    close: bool
    rule: Factuality
    features: dict[str, float]
    found: list[Cue]

    def __new__(
        cls,
        level: Factuality,
        tokens: list[Token],
        *,
        close: bool = False,
        rule: Factuality | None = None,
        features: dict[str, float] | None = None,
    ) -> Reading:
        obj = super().__new__(cls, (level, tokens))
        obj.close = close
        obj.rule = level if rule is None else rule
        obj.features = features or {}
        obj.found = []
        return obj


def reported_would(would: Token, c: Cues) -> bool:
    """ "said it would send aid": "would" under a verb of saying is the future seen from
    the past; without one ("they would suffer as much") it is the conditional mood."""
    tok = would.head
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if framed(tok, c):
        return True  # "under the agreement, Japan would buy": the terms of the agreement
    head = tok.head
    if tok.dep_ in ("relcl", "acl:relcl"):
        # "a plan under which the Bank would lend Nigeria ...": the future of a plan
        return c.nouns.get(head.lemma_.lower()) is Factuality.PLANNED
    if tok.dep_ not in ("ccomp", "xcomp") or head.i == tok.i:
        return False
    return governing(head, c) is Factuality.REPORTED or head.lemma_.lower() in c.verbal_acts


def framed(verb: Token, c: Cues) -> bool:
    """ "under the agreement", "under a plan announced on Tuesday": the verb states the terms of
    a framework (``frameworks``)."""
    return any(
        ch.dep_ == "prep"
        and ch.lower_ == "under"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in c.frameworks for g in ch.children)
        for ch in verb.children
    )


def verdict(found: list[Cue], c: Cues) -> Reading:
    if not found:
        return Reading(Factuality.ASSERTED, [])
    levels = {q.level for q in found}
    close = False
    # "would" without a condition: planned when reported ("said it would"), else speculated.
    if Factuality.HYPOTHETICAL in levels and all(
        q.token.lower_ in ("would", "'d") for q in found if q.level is Factuality.HYPOTHETICAL
    ):
        # an attribution outside the clause: "would send a ship, the minister said",
        # Rome, officials said, would send a ship; according to diplomats, Rome would ...
        told = any(
            q.level is Factuality.REPORTED
            and (q.token.i > w.token.i or not q.token.is_ancestor(w.token))
            for q in found
            for w in found
            if w.level is Factuality.HYPOTHETICAL
        )
        found = [
            Cue(
                Factuality.PLANNED if told or reported_would(q.token, c) else Factuality.SPECULATED,
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
            out = Reading(
                level,
                [q.token for q in first + rest],
                close=close or bool(modal),
            )
            out.found = found  # the cues as read ("would" resolved): what the model weighs
            return out
    return Reading(Factuality.ASSERTED, [])


def decide(reading: Reading, found: list[Cue], trigger: Token) -> Reading:
    """The rules' reading, with the trained model deciding the close calls (``model.choose``):
    where several levels met, the model may pick another of the levels found; where it
    doubts the rules' level, the reading is marked close (the event's confidence falls)."""
    level, tokens = reading
    found = reading.found or found
    feats = features(
        [(q.level, q.token, q.depth) for q in found], trigger, level, close=reading.close
    )
    model = current_model()
    if model is None:
        return Reading(level, tokens, close=reading.close, features=feats)
    chosen, close = choose(model, feats, level, close=reading.close)
    if chosen is not level:  # the deciding cue first
        first = sorted((q for q in found if q.level is chosen), key=lambda q: q.depth)
        tokens = [q.token for q in first] + [
            t for t in tokens if all(t.i != q.token.i for q in first)
        ]
    return Reading(chosen, tokens, close=close, rule=level, features=feats)


#: How much an event's confidence falls when its factuality was a close call.
CLOSE_CALL = 0.1


def close_call_penalty(reading: tuple[Factuality, list[Token]]) -> float:
    """The confidence an event loses when its factuality reading was a close call."""
    return CLOSE_CALL if getattr(reading, "close", False) else 0.0
