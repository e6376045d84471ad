"""The doer's own thing: a possessor of what is acted on that is the doer itself (issue 15)."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.dyads import ActorIndex
from geopol.records import Actor, Origin

#: Prepositions by which the object's own phrase names whom it is aimed at ("support for the
#: government", "commitment to Lebanon", "ties with Ethiopia").
_AIMED = frozenset({"for", "to", "with", "toward", "towards", "against"})


def own_possessor(a: Actor, source: list[Actor], idx: ActorIndex, trigger: Token) -> bool:
    """A possessor of the trigger's object that is the doer's own, when the object names
    whom it is aimed at ("the Kenyan president praised Kenya's ties with Ethiopia",
    "reaffirmed his administration's commitment to the principle"):
    the doer's own state, its own international body, or an organ it owns by a pronoun; the
    target is in the object's phrase. With no such phrase the possessor stays ("defended
    Denmark's refugee rules"), and another body of the same code is another side ("the
    minister branded the government's response as poor")."""
    span = idx.doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    obj = root.head
    if root.dep_ != "poss" or obj.dep_ not in ("dobj", "attr") or obj.head.i != trigger.i:
        return False
    if not any(ch.dep_ == "prep" and ch.lower_ in _AIMED for ch in obj.children):
        return False
    for s in source:
        if a.origin is Origin.COREF and a.coref_of == s.start:
            return True
        if a.country != s.country:
            continue
        if (a.kind == "state" and not a.sector) or a.kind in ("igo", "bloc"):
            return True  # its own state's or international body's support
        if a.code == s.code and "owner:" in a.how:
            return True  # "his administration's commitment"
    return False
