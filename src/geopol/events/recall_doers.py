"""The noun phrase naming who did an act, for recall (``recall.py``): the subject (through
control and coordination), a passive's "by" phrase, the people a quantity or group stands for
("dozens of teachers"), and the crowd a misparse hung elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.left_doer import left_doer
from geopol.events.recall_table import people_noun, recall_table
from geopol.events.subjects import phrase_head, stray_subject


def doer_phrase(trigger: Token, type_: str) -> Token | None:
    """The head noun of the phrase naming who did it: the subject (through control and
    coordination), the "by" phrase of a passive, an event noun's "by" phrase."""
    cur = trigger
    for _ in range(4):
        for ch in cur.children:
            if ch.dep_ == "nsubj":
                return _crowd_after_place(ch)
            if ch.dep_ == "agent" or (
                ch.dep_ == "prep" and ch.lower_ == "by" and cur.pos_ == "NOUN"
            ):
                for p in ch.children:
                    if p.dep_ == "pobj" and not _means_phrase(p):
                        return p
        if (
            cur.pos_ in ("NOUN", "PROPN")
            and cur.dep_ in ("dobj", "attr")
            and cur.head.pos_ in ("VERB", "AUX")
            and cur.head.lemma_.lower() not in recall_table().perception
            and cur.head.lemma_.lower() not in recall_table().judgement  # "condemned the attack"
        ):
            cur = cur.head  # "locals staged a protest": the doer is the verb's subject
            continue
        stray = stray_subject(cur) or _numbered_unit(cur)
        if stray is not None:
            stray = phrase_head(stray)  # "in Acapulco, Guerrero, around 100 merchants protested"
            return _clause_owner(stray)
        if cur.dep_ in ("xcomp", "conj", "advcl") and cur.head.i != cur.i:
            if cur.dep_ == "advcl" and any(ch.dep_ == "mark" for ch in cur.children):
                return None
            cur = cur.head
            continue
        if (
            cur.dep_ == "acl"
            and cur.head.pos_ in ("NOUN", "PROPN")
            and (cur.tag_ != "VBN" or type_ == "PROTEST")
        ):
            # "dozens of teachers protested" parsed as a noun with a clause (a protest
            # has no patient, so even a participle here is the crowd's own act); the doer
            # heads the phrase: "medics of the city hospital protested"
            return _crowd_after_place(phrase_head(cur.head))
        break
    # a parse that lost the subject: the people right before the act (events/left_doer.py)
    return left_doer(trigger, people_noun)


def _numbered_unit(verb: Token) -> Token | None:
    """The unit a number ends right before a main verb with no subject: "the military from
    LIB 538 torched", "troops of battalion 377 detained" ("LIB", whose phrase heads on)."""
    i = verb.i - 1
    if (
        verb.dep_ != "ROOT"
        or i < verb.sent.start + 1
        or any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children)
    ):
        return None
    num = verb.doc[i]
    unit = num.head
    if num.pos_ != "NUM" or num.dep_ != "nummod" or unit.i != i - 1:
        return None
    if unit.pos_ not in ("NOUN", "PROPN") or unit.head.i == verb.i:
        return None
    return unit


def _clause_owner(tok: Token) -> Token:
    """The people a clause ending on ``tok`` describes, when the parse left the main verb
    without its subject: "armed men driving two vehicles attacked" ("vehicles"), "armed men
    who arrived in two motorcycles attacked" ("motorcycles"): the men are the doers."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("dobj", "pobj", "prep"):
            break
        cur = cur.head
        if cur.pos_ != "VERB":
            continue
        owner: Token | None = None
        if cur.dep_ in ("relcl", "acl") and cur.head.pos_ in ("NOUN", "PROPN"):
            owner = cur.head
        elif cur.tag_ == "VBG":
            owner = next((c for c in cur.children if c.dep_ == "nsubj"), None)
        if owner is not None and owner.i < tok.i and people_noun(head_noun(owner)):
            return owner
        break
    return tok


def _means_phrase(pobj: Token) -> bool:
    """A "by" phrase that says how, not who: "demonstrated by burning tires", "by blocking
    the road" (a gerund, or a noun a gerund modifies)."""
    return pobj.tag_ == "VBG" or any(
        ch.tag_ == "VBG" and ch.dep_ in ("amod", "compound") for ch in pobj.children
    )


def _crowd_after_place(subj: Token) -> Token:
    """The people named after a place the parse took as the subject: "On 28 April, Carora,
    Lara state, public transport drivers protested" hangs the drivers on "Carora" as an
    apposition; the drivers are the doers."""
    if subj.ent_type_ not in ("GPE", "LOC", "FAC") and subj.pos_ != "PROPN":
        return subj
    for tok in subj.subtree:
        if tok.dep_ == "appos" and tok.pos_ == "NOUN" and tok.i > subj.i and people_noun(tok):
            return tok
    return subj


def head_noun(tok: Token) -> Token:
    """The noun a quantity or group stands for: "dozens of teachers", "a group of drivers"."""
    t = recall_table()
    for _ in range(3):
        if (
            tok.lemma_.lower() not in t.groups
            and tok.lower_ not in t.groups  # "tens" has the lemma "ten"
            and tok.pos_ not in ("NUM",)
        ):
            return tok
        inner = [
            p
            for ch in tok.children
            if ch.dep_ == "prep" and ch.lower_ == "of"
            for p in ch.children
            if p.dep_ == "pobj"
        ]
        if not inner or inner[0].pos_ == "PROPN" or not inner[0].is_lower:
            return tok  # "members of the CPI(M)": the members are the doers
        if tok.lemma_.lower() == "member" and not people_noun(inner[0]):
            return tok  # "members of the local chapter", "of civil organizations": people
        tok = inner[0]
    return tok


def phrase_start(top: Token, head: Token) -> int:
    """Where the noun phrase of ``top`` (ending on ``head``) starts: its left modifiers, not
    a date or place phrase the parse hung on it ("On 5 May, large number of workers")."""
    left = top.i
    for ch in top.lefts:
        if ch.dep_ in ("prep", "punct", "npadvmod", "advmod", "cc") or ch.ent_type_ in (
            "DATE",
            "TIME",
        ):
            left = top.i
            continue
        left = min(left, ch.left_edge.i)
    return min(left, head.i)
