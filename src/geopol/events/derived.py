"""Events coded from the verb that governs another event (``data/events/derived.yaml``).

PLOVER and CAMEO code what an actor says or wants as its own event: "the US said Russia
attacked Kyiv" is Russia's (reported) attack and also the US accusing Russia; "X wants Y
to withdraw" is an appeal by X to Y; "X vows to attack Y" is a threat; "X said it would
not send aid to Y" is a rejection. The content event keeps its own factuality; the
statement is the speaker's and is as factual as the governing verb.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from importlib import resources
from typing import Any

from spacy.tokens import Token

from geopol.events.dyads import ActorIndex, subject_of
from geopol.events.factuality import assess
from geopol.events.lexicon import Rule
from geopol.records import Actor, Factuality
from geopol.yamlio import load_yaml

#: Types whose refusal is a rejection: cooperation that is withheld.
_COOPERATIVE = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"})
_GOVERNED = frozenset({"xcomp", "ccomp"})


@dataclasses.dataclass(frozen=True, slots=True)
class Table:
    speech: frozenset[str]
    accuse: dict[str, str]
    appeal: frozenset[str]
    demand: frozenset[str]
    appeal_codes: dict[str, str]
    demand_codes: dict[str, str]
    intent: frozenset[str]
    threaten: dict[str, str]
    modals: frozenset[str]
    reject: dict[str, str]
    attend: frozenset[str]
    gatherings: frozenset[str]
    victim_sectors: frozenset[str]
    targeted: frozenset[str]


def _words(xs: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in xs or ())


def _codes(d: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (d or {}).items()}


@functools.lru_cache(maxsize=1)
def table() -> Table:
    f = resources.files("geopol") / "data" / "events" / "derived.yaml"
    d = load_yaml(f.read_text(encoding="utf-8"))
    return Table(
        speech=_words(d["speech"]["verbs"]),
        accuse=_codes(d["speech"]["accuse"]),
        appeal=_words(d["appeal"]["verbs"]),
        demand=_words(d["appeal"]["demand_verbs"]),
        appeal_codes=_codes(d["appeal"]["appeal_codes"]),
        demand_codes=_codes(d["appeal"]["demand_codes"]),
        intent=_words(d["intent"]["verbs"]),
        threaten=_codes(d["intent"]["threaten"]),
        modals=_words(d["refusal"]["modals"]),
        reject=_codes(d["refusal"]["reject"]),
        attend=_words(d["attend"]["verbs"]),
        gatherings=_words(d["attend"]["gatherings"]),
        victim_sectors=frozenset(str(s).upper() for s in d["victims"]["sectors"]),
        targeted=frozenset(str(t).upper() for t in d["targeted"]),
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Derived:
    """One event read off the verb governing another: its rule, the tokens that state it
    (the first is the trigger the date, place and factuality are read from) and its dyad."""

    rule: Rule
    words: tuple[Token, ...]
    source: list[Actor]
    target: list[Actor]


def _rule(type_: str, mode: str | None, cameo: str) -> Rule:
    return Rule(type_, mode, cameo, (), frozenset(), False, False, False, False, 0)


def _governor(tok: Token) -> Token | None:
    """The verb whose clause (xcomp/ccomp) the event at ``tok`` is, through coordination:
    in "said ISIL had attacked Iraq and taken Mosul" both events hang from "said"."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in _GOVERNED and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        return None
    return None


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _own_subject(tok: Token) -> bool:
    return any(ch.dep_ in ("nsubj", "nsubjpass", "csubj") for ch in tok.children)


def _negation(tok: Token, modals: frozenset[str]) -> Token | None:
    """The "not" of "would not send", "will not meet", "won't lift": a refusal."""
    neg = next((ch for ch in tok.children if ch.dep_ == "neg"), None)
    if neg is None:
        return None
    if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in tok.children):
        return neg
    return None


def derive(
    tok: Token,
    type_: str,
    source: list[Actor],
    target: list[Actor],
    idx: ActorIndex,
    triggers: set[int],
    identified: Callable[[list[Actor]], list[Actor]],
    *,
    noun: bool = False,
) -> list[Derived]:
    """The statement events that the clause of the event at ``tok`` (of type ``type_``,
    with its dyad; ``noun`` for an event noun) implies. ``triggers``: token positions that are triggers themselves,
    whose own events already say it ("urged Y to", "threatened to")."""
    t = table()
    out: list[Derived] = []
    if noun and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ == "VERB":
        tok = tok.head  # "launched an attack", "give loans": the clause is the verb's
    gov = _governor(tok)
    if gov is not None and any(ch.dep_ == "neg" for ch in gov.children):
        gov = None  # "did not say", "does not want": no statement, no appeal
    if gov is not None and gov.i not in triggers:
        lemma = gov.lemma_.lower()
        speaker: list[Actor] = identified(subject_of(gov, idx)[0])
        # "wants Putin to attack": the one asked is the subject of the content clause.
        asked = [a for a in source if a.code not in {s.code for s in speaker}]
        if not _addressee(tok, gov):
            asked = []
        if not speaker:
            pass
        elif lemma in t.speech and type_ in t.accuse and _claimed(tok):
            accused = [a for a in source if a.country not in _countries(speaker)]
            if accused:
                code = t.accuse[type_]
                out.append(Derived(_rule("ACCUSE", "allege", code), (gov,), speaker, accused))
        elif (lemma in t.appeal or lemma in t.demand) and asked:
            codes = t.demand_codes if lemma in t.demand else t.appeal_codes
            code = codes.get(type_, codes["default"])
            out.append(Derived(_rule("REQUEST", None, code), (gov,), speaker, asked))
        elif lemma in t.intent and type_ in t.threaten and target and not _own_subject(tok):
            # "vowed to attack Y", not "vowed that Y would be hit"
            mode = "violence" if type_ == "ASSAULT" else "restrict"
            rule = _rule("THREATEN", mode, t.threaten[type_])
            out.append(Derived(rule, (gov, tok), speaker, target))
    if type_ in _COOPERATIVE and type_ in t.reject and source and target:
        neg = _negation(tok, t.modals)
        if neg is not None:
            out.append(Derived(_rule("REJECT", None, t.reject[type_]), (tok, neg), source, target))
    return out


def _claimed(tok: Token) -> bool:
    """The reported event is said to have happened (perhaps), not to be planned or refused:
    "said Y attacked" accuses Y; "said Y would attack" and "said Y did not attack" do not."""
    level, _ = assess(tok, noun=False)
    return level not in (Factuality.NEGATED, Factuality.PLANNED, Factuality.HYPOTHETICAL)


def _addressee(tok: Token, gov: Token) -> bool:
    """True when the content clause names its own actor: "wants Putin to attack" (a
    subject of the clause, or the object of the wanting verb), not "wants to attack"."""
    if _own_subject(tok):
        return True
    return tok.dep_ == "xcomp" and any(ch.dep_ == "dobj" for ch in gov.children)
