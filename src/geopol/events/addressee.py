"""Whom a message is addressed to: a participle clause on a verb of contact (issue 15).

"the finance minister wrote to the managing director of the fund threatening to suspend
payments", "wrote to the Greek government demanding repayment", "called his Italian
counterpart urging him to reopen the border": the participle (threatening, demanding, urging) says what the message says, so
its demand, threat or accusation is addressed to whom the verb of contact reached, and made by
that verb's subject. The verbs are ``contact`` in ``data/events/recall.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.argscore import THRESHOLD, Candidate, _root, _score
from geopol.events.dyads import ActorIndex
from geopol.events.recall_table import recall_table
from geopol.records import Actor, PloverType

#: Types a message carries: what is said to someone, not done to them.
MESSAGE_TYPES = frozenset(
    {PloverType.REQUEST, PloverType.THREATEN, PloverType.ACCUSE, PloverType.REJECT, PloverType.SUPPORT}
)
_TO = frozenset({"to"})


def _contact_verb(trigger: Token) -> tuple[Token, Token | None] | None:
    """The verb of contact the participle hangs on, and the addressee's own noun when the
    parse hung the participle on it ("wrote to the government demanding")."""
    if trigger.tag_ != "VBG":
        return None
    contact = recall_table().contact
    if trigger.dep_ == "advcl":
        verb = trigger.head
        noun = None
    elif trigger.dep_ == "acl" and trigger.head.pos_ in ("NOUN", "PROPN"):
        noun = trigger.head
        if noun.dep_ == "dobj":
            verb = noun.head
        elif noun.dep_ == "pobj" and noun.head.lower_ in _TO:
            verb = noun.head.head
        else:
            return None
    else:
        return None
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in contact:
        return None
    if verb.lemma_.lower() == "send" and not any(
        ch.dep_ == "dobj" and ch.lower_ in recall_table().messages for ch in verb.children
    ):
        return None  # "sent troops to Syria, threatening the rebels": no message
    return verb, noun


def _addressee_heads(verb: Token) -> list[Token]:
    """The phrases naming whom the verb reached: its "to" phrase or dative, its object ("called
    his counterpart"), and the "to" phrase of that object ("a letter to the minister")."""
    heads: list[Token] = []
    for ch in verb.children:
        if ch.dep_ in ("dative", "prep") and ch.lower_ in _TO:
            heads.extend(p for p in ch.children if p.dep_ == "pobj")
        elif ch.dep_ == "dative":
            heads.append(ch)
        elif ch.dep_ == "dobj":
            heads.append(ch)
            for prep in ch.children:
                if prep.dep_ == "prep" and prep.lower_ in _TO:
                    heads.extend(p for p in prep.children if p.dep_ == "pobj")
    return heads


def _best(heads: list[Token], trigger: Token, idx: ActorIndex, avoid: Token | None) -> list[Actor]:
    scored = [(h, 6.0) for h in heads]
    out: list[Candidate] = []
    seen: set[int] = set()
    sent = trigger.sent
    for i in range(sent.start, sent.end):
        for a in idx.by_token.get(i, ()):
            if id(a) in seen or not a.country:
                continue
            seen.add(id(a))
            root = _root(a, idx)
            if root is None or (avoid is not None and root.i == avoid.i):
                continue
            s = _score(a, root, trigger, scored, attack=False, target=True)
            if s >= THRESHOLD:
                out.append(Candidate(a, s))
    if not out:
        return []
    best = max(out, key=lambda c: c.score)
    root = _root(best.actor, idx)
    group = [a for a in idx.group(root) if a.country] if root is not None else []
    return group if best.actor in group else [best.actor]


def addressed(
    trigger: Token, type_: PloverType, idx: ActorIndex
) -> tuple[list[Actor], list[Actor]] | None:
    """(sender, addressee) of a message told by a participle on a verb of contact, or None."""
    if type_ not in MESSAGE_TYPES:
        return None
    found = _contact_verb(trigger)
    if found is None:
        return None
    verb, _noun = found
    target = _best(_addressee_heads(verb), trigger, idx, None)
    if not target:
        return None
    subjects = [ch for ch in verb.children if ch.dep_ == "nsubj"]
    source = _best(subjects, trigger, idx, None)
    if not source or {a.code for a in source} & {a.code for a in target}:
        return None
    return source, target
