"""The subject a small parser lost: a finite verb with no subject of its own.

The small English parser often hangs the subject of a sentence that opens with a date and a
chain of places on the last place: in "On 7 May, in Acapulco, Guerrero, around 100 merchants
protested" the merchants come out as the object of "in", and "protested" has no subject. An
English finite verb in a main clause always has one, so the noun phrase that ends right before
such a verb (adverbs like "reportedly" aside) is taken as its subject. Verbs that share a
subject (conjuncts, infinitives, participles, relative clauses) are not finite main clauses and
are left to the patterns that follow the parse.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Dependency labels that give a verb a subject of its own.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Clause types whose verb heads a clause of its own (so a missing subject is a parse error).
_MAIN = frozenset({"ROOT", "ccomp", "parataxis"})
#: Finite verb tags.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: Entity types that never name a doer.
_NOT_DOERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def stray_subject(verb: Token) -> Token | None:
    """The noun that ends right before ``verb`` when the parse gave the finite main verb no
    subject: "in Acapulco, Guerrero, around 100 merchants protested" gives "merchants"."""
    if verb.tag_ not in _FINITE or verb.dep_ not in _MAIN:
        return None
    if any(ch.dep_ in _SUBJECTS for ch in verb.children):
        return None
    i = verb.i - 1
    sent_start = verb.sent.start
    while i >= sent_start and verb.doc[i].dep_ in ("advmod", "neg") and verb.doc[i].pos_ == "ADV":
        i -= 1  # "militants reportedly attacked"
    if i < sent_start:
        return None
    tok = verb.doc[i]
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in _NOT_DOERS:
        return None
    if tok.head.i == verb.i:
        return None  # the parse already gave it a role on this verb (an object, a modifier)
    # "in Paletwa Town, Chin State, Myanmar military and AA clashed": the last noun is one
    # conjunct of the subject; the subject starts after the last comma, at its first conjunct
    comma = max((t.i for t in verb.doc[sent_start : verb.i] if t.text == ","), default=sent_start - 1)
    while tok.dep_ == "conj" and tok.head.i > comma and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


#: Prepositions whose object a noun phrase may end on before its verb ("medics of the city
#: hospital", "workers from the film industry", "residents in Acapulco").
_PHRASE_PREPS = frozenset({"of", "from", "in", "at"})


def phrase_head(tok: Token) -> Token:
    """The head of the noun phrase that ``tok`` ends: a stray subject or a noun a clause hangs
    on is often the last noun of a prepositional phrase ("about 20 medics of the city's
    hospital protested": "hospital"); the doer is the phrase's head ("medics")."""
    cur = tok
    for _ in range(4):
        prep = cur.head
        if cur.dep_ != "pobj" or prep.lower_ not in _PHRASE_PREPS or prep.head.i == prep.i:
            break
        if prep.head.pos_ not in ("NOUN", "PROPN") or prep.head.i >= cur.i:
            break
        cur = prep.head
    return cur
