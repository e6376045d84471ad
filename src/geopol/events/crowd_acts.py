"""Two more recall rules for local reporting (issue 15; words in ``data/events/recall.yaml``).

- ``crowd_protest``: "residents protested against the price cut" is coded by the lexicon as a
  verbal protest (ACCUSE), as "China protested against the visit" is; a crowd of people (an
  agent noun that is no state organ or armed group) demonstrates instead (PROTEST, CAMEO 141).
- ``found_remains``: "the body of a man was found in a field": remains found, with no finder
  named, are a killing by someone unnamed (ACLED's violence against civilians); the
  ``unnamed-doers`` pass places that doer where the remains were found.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from geopol.events.derived import table
from geopol.events.lexicon import Rule
from geopol.events.recall import DEMO, NOT_CROWDS, VOICED, recall_table
from geopol.records import Actor, PloverType


def crowd_protest(trigger: Token, type_: str, source: Sequence[Actor]) -> Rule | None:
    """A crowd's protest coded as a verbal one: "residents protested against the price cut"
    reads like "China protested against the visit" (ACCUSE), but people in the street (an
    agent noun of no state organ: residents, medics, traders) demonstrate (PROTEST, 141)."""
    if type_ not in VOICED or trigger.lemma_.lower() not in recall_table().protest_verbs:
        return None
    if not source or any(a.kind != "agent" or a.sector in NOT_CROWDS for a in source):
        return None
    return DEMO


def found_remains(sent: Span, taken: set[int]) -> list[tuple[Token, Rule]]:
    """"The body of a man was found in a field": remains found, with no finder named, are a
    killing by someone unnamed (ACLED: violence against civilians). Only the passive counts
    ("rescuers found the bodies" names finders, no killers), and never with an accident."""
    t = recall_table()
    accidents = table().accidents
    if any(tok.lemma_.lower() in accidents for tok in sent):
        return []
    out: list[tuple[Token, Rule]] = []
    for tok in sent:
        if tok.i in taken or tok.pos_ != "VERB" or tok.lemma_.lower() not in t.found:
            continue
        subj = [ch for ch in tok.children if ch.dep_ == "nsubjpass"]
        if not subj or any(ch.dep_ == "agent" for ch in tok.children):
            continue
        if subj[0].lemma_.lower() in t.remains or subj[0].lower_ in t.remains:
            out.append((tok, _REMAINS))
    return out


_REMAINS = Rule(PloverType.ASSAULT, None, "190", (), frozenset(), False, False, False, False, 500_103)
