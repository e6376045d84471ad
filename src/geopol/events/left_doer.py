"""The doer to the left of an act the parse left with no subject (issue 15).

When the parse misreads the words before a verb, the act has no subject, though the people who
did it stand right before it: "a Kivu rebel shot and killed a farmer" ("rebel shot" read as one
noun, "killed" joined to it), "a group of traders of the city market staged a demonstration
denouncing the tax" ("demonstration denouncing" read as a noun phrase, the traders left as an
apposition of a place before them). ``left_doer`` takes the nearest noun phrase to the left of
the act, in the same sentence, that names people and is not what some other verb acts on: not
an object, not a place phrase's noun, not inside a clause that has its own subject. A passive
act ("the station was attacked") and an act that has any subject never get one here.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

#: How far to the left a doer may stand (tokens): an opening phrase, a relative clause.
_REACH = 30

#: Dependency labels of a noun that is no one's doer: what a verb acts on, a place phrase.
_PATIENT = frozenset({"dobj", "iobj", "dative", "attr", "oprd", "nsubjpass", "agent"})


def _passive(verb: Token) -> bool:
    return any(ch.dep_ in ("nsubjpass", "auxpass", "csubjpass") for ch in verb.children)


def _bare_root(verb: Token) -> bool:
    """A main verb tagged as a participle because the parse lost its subject ("a group of
    workers, who ..., protested"): the sentence's root, with no auxiliary."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "ROOT"
        and not any(ch.dep_ in ("aux", "auxpass") for ch in verb.children)
    )


def _subject(verb: Token) -> bool:
    return any(ch.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for ch in verb.children)


def _chain(trigger: Token) -> list[Token]:
    """The trigger and the words it is joined to as one act: "shot and killed" ("shot"),
    "staged a demonstration denouncing" ("denouncing", "staged")."""
    out = [trigger]
    cur = trigger
    for _ in range(4):
        joined = cur.dep_ == "conj" and cur.head.i < cur.i
        # a participle read as a noun ("a demonstration denouncing"; not "a battle bus"), and
        # the verb it is the object of (an event noun's own verb is doer_phrase's: "observed
        # shelling" names no doer)
        headed = (
            cur.pos_ == "NOUN"
            and cur.head.i != cur.i
            and (
                (cur.dep_ == "compound" and cur.head.lower_.endswith("ing"))
                or (cur.dep_ == "dobj" and cur is not trigger and cur.lower_.endswith("ing"))
            )
        )
        if not (joined or headed):
            break
        cur = cur.head
        out.append(cur)
    return out


def _free(cand: Token, chain: list[Token]) -> bool:
    """Whether ``cand`` may be the act's doer: not what a verb acts on, not a place phrase's
    noun unless it is the people of a group ("a group of traders"), and a modifier only of
    the act's own word ("a rebel shot" read as a noun)."""
    if cand.dep_ in _PATIENT:
        return False
    if cand.dep_ == "compound":
        return cand.head in chain
    if cand.dep_ == "pobj":
        prep = cand.head
        return prep.lower_ == "of" and prep.head.pos_ in ("NOUN", "NUM", "PRON")
    return True


def left_doer(trigger: Token, people: Callable[[Token], bool]) -> Token | None:
    """The nearest phrase of people (``people(noun)``) to the left of an active act with no
    subject, in its sentence; None when there is none or the act is passive. An act joined
    to a verb that has a subject gets that subject."""
    chain = _chain(trigger)
    verbs = [v for v in chain if v.pos_ in ("VERB", "AUX")]
    if not verbs or any(_passive(v) for v in verbs):
        return None  # a noun alone ("the protest"), or "the station was attacked"
    if (
        trigger.pos_ == "VERB"
        and trigger.tag_ not in ("VBD", "VBZ", "VBP")
        and not _bare_root(trigger)
    ):
        return None  # told as done: not "to attack", "attacking"
    for v in verbs:
        subj = next((ch for ch in v.children if ch.dep_ in ("nsubj", "csubj", "expl")), None)
        if subj is not None:
            return subj if v is not trigger and subj.pos_ in ("NOUN", "PROPN") else None
    sent = trigger.sent
    start = min(t.i for t in chain)
    for i in range(start - 1, max(sent.start, start - _REACH) - 1, -1):
        cand = trigger.doc[i]
        if cand.pos_ not in ("NOUN", "PROPN") or not people(cand):
            continue
        if cand.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME"):
            continue
        if not _free(cand, chain):
            continue
        owner = cand.head
        while owner.dep_ in ("prep", "pobj", "compound", "amod") and owner.i != owner.head.i:
            owner = owner.head
        if owner.pos_ in ("VERB", "AUX") and owner not in chain and _subject(owner):
            continue  # "protesters said police fired": the people of another verb
        return cand
    return None
