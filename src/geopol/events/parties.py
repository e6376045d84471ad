"""Persons and firms as parties: a state's organ acting on someone the text names with no
country ("a German court convicted Siemens", "prosecutors opened an investigation into
Kempinski", "the president ordered an inquiry against Raul Roco").

Verbal and legal events (``targeted`` in derived.yaml) need a target with a country or a
sector; a named person or firm of no stated country has neither. When the one who acts is a
state's organ (a source with a country and a state sector, or a state itself) and the event is
of a kind a state does to a person or a firm (``party_targets`` in derived.yaml), that party is
the target, coded with no country (``---``) as CAMEO does.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from geopol.events.derived import table
from geopol.records import Actor, Origin

#: Kinds of actor mention that name one party: a person or an organisation by its name.
_PARTY_KINDS = frozenset({"person", "org"})
#: The ``how`` of a party read off the parse.
_PARSED = "parse:party"
#: Kinds of mention that are a state itself ("Ecuador", "Paris" for France).
_STATE_KINDS = frozenset({"state", "capital"})


def _organ(a: Actor, organs: frozenset[str]) -> bool:
    if not a.country:
        return False
    if a.sector:
        return a.sector in organs
    return a.kind in _STATE_KINDS


def party_target(
    type_: str, source: list[Actor], target: list[Actor], *, parsed: bool = False
) -> bool:
    """True when ``source`` is a state's organ acting with an event of ``type_`` on
    ``target``, a person or a firm named with no country. Types of ``named_types`` count
    only for a party the actor layer named; ``parsed`` says the target was read off the
    parse (events/parties.py ``parsed_party``), where only ``types`` count."""
    t = table()
    kinds = t.party_types if parsed else t.party_types | t.party_named_types
    if type_ not in kinds or not source or not target:
        return False
    if type_ not in t.party_types:
        if any(a.how == _PARSED for a in target):
            return False
        # a state's aid or refusal goes to a person here; a firm or an organisation is as
        # often a topic ("opposes the encroachment of the market into the NHS")
        if any(a.kind != "person" for a in target):
            return False
    if not all(_organ(a, t.party_organs) for a in source):
        return False
    return all(not a.country and not a.sector and a.kind in _PARTY_KINDS for a in target)


#: Entity labels that are not a person or a firm: a name with one of them is no party.
_NOT_PARTIES = frozenset({"LOC", "FAC", "NORP", "DATE", "TIME", "MONEY", "PERCENT",
                          "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW", "LANGUAGE",
                          "WORK_OF_ART", "PRODUCT"})  # fmt: skip
#: The tagger takes many a surname it does not know for a place ("Navalny", "Boztepe"):
#: such a name is a party unless the gazetteer resolved it to a place.
_PLACE_LIKE = "GPE"
#: Prepositions that carry the party of an event noun ("an investigation into Boztepe",
#: "charges against Roco", "a lawsuit against Kempinski").
_NOUN_PREPS = frozenset({"into", "against", "of", "on"})
#: Dependencies of a small clause after a verb ("found him guilty").
_SMALL_CLAUSES = frozenset({"ccomp", "xcomp", "oprd"})
#: Prepositions of the verb that carry its party ("ruled against Meta").
_VERB_PREPS = frozenset({"against", "into"})


def _name_span(head: Token, placed: Callable[[int, int], bool]) -> Span | None:
    """The proper name headed by ``head``: the head and the proper nouns compounded to its
    left ("Raul Roco", "Boztepe"); None when it is no name of a person or a firm (a place
    the gazetteer knows, a date, a nationality...)."""
    if head.pos_ != "PROPN" or head.ent_type_ in _NOT_PARTIES:
        return None
    start = head.i
    while start > head.sent.start:
        prev = head.doc[start - 1]
        if prev.head != head or prev.dep_ not in ("compound", "flat") or prev.pos_ != "PROPN":
            break
        start -= 1
    span = head.doc[start : head.i + 1]
    if any(t.ent_type_ in _NOT_PARTIES for t in span):
        return None
    if any(t.ent_type_ == _PLACE_LIKE for t in span) and placed(span.start_char, span.end_char):
        return None
    return span


def _party_heads(trigger: Token) -> list[Token]:
    """Tokens that may head the party an event is done to: a verb's direct object and the
    objects of its "against" phrases; an event noun's "into"/"against"/"of" objects, on the
    noun or on the light verb that governs it ("launched an investigation into X")."""
    heads: list[Token] = []
    holders = [trigger]
    if trigger.pos_ in ("VERB", "AUX"):
        heads += [c for c in trigger.children if c.dep_ == "dobj"]
        # "found Barbarin guilty", "declared Smith bankrupt": the small clause's subject
        heads += [
            s
            for c in trigger.children
            if c.dep_ in _SMALL_CLAUSES and c.pos_ in ("ADJ", "NOUN")
            for s in c.children
            if s.dep_ == "nsubj"
        ]
        preps = _VERB_PREPS
    else:
        preps = _NOUN_PREPS
        if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
            holders.append(trigger.head)
    for h in holders:
        for p in h.children:
            if p.dep_ == "prep" and p.lower_ in preps:
                heads += [q for q in p.children if q.dep_ == "pobj"]
    return heads


def parsed_party(
    trigger: Token,
    actors_at: Callable[[Token], list[Actor]],
    placed: Callable[[int, int], bool],
) -> list[Actor]:
    """The person or firm the parse gives as the object of ``trigger`` when the actor layer
    made no mention of it ("found Barbarin guilty", "an investigation into Boztepe"): a
    mention of no country, kind ``person`` (``org`` for an organisation's name).
    ``placed(start, end)`` says whether the gazetteer resolved a place over those characters."""
    for head in _party_heads(trigger):
        if actors_at(head):
            return []  # the actor layer already read it (with a country or not)
        span = _name_span(head, placed)
        if span is None:
            continue
        doc = trigger.doc
        start, end = span.start_char, span.end_char
        kind = "org" if head.ent_type_ == "ORG" else "person"
        return [
            Actor(
                text=doc.text[start:end],
                start=start,
                end=end,
                name=doc.text[start:end],
                country=None,
                kind=kind,
                how=_PARSED,
                origin=Origin.NER,
            )
        ]
    return []
