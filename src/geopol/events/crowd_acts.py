"""Two more recall rules for local reporting (issue 15; words in ``data/events/recall.yaml``).

- ``crowd_protest``: "residents protested against the price cut" is coded by the lexicon as a
  verbal protest (ACCUSE), as "China protested against the visit" is; a crowd of people (an
  agent noun that is no state organ or armed group) demonstrates instead (PROTEST, CAMEO 141).
- ``found_remains``: "the body of a man was found in a field": remains found, with no finder
  named, are a killing by someone unnamed (ACLED's violence against civilians); the
  ``unnamed-doers`` pass places that doer where the remains were found.
- ``assembled_protests``: gathering and blocking verbs that are protests by their stated demand
  or by what a crowd blocks the road with (moved here from recall.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from geopol.docarrays import doc_arrays
from geopol.events.cameo import cameo_code
from geopol.events.derived import table
from geopol.events.lexicon import Rule
from geopol.events.local_words import local_words
from geopol.events.recall import NOT_CROWDS, VOICED
from geopol.events.recall_doers import doer_phrase, head_noun
from geopol.events.recall_table import people_noun, recall_table
from geopol.records import Actor, PloverType

#: Nouns of a stated purpose: "gathered in rejection of the vote", "blocked the road in protest".
_PURPOSE_NOUNS = frozenset(
    {"protest", "rejection", "opposition", "denunciation", "condemnation", "defiance", "solidarity",
     "demonstration"}
)  # fmt: skip


def _to_purpose(tok: Token) -> bool:
    """An infinitive of demand the parse hung on a noun ("a visit ... to demand")."""
    return (
        tok.dep_ in ("acl", "relcl")
        and tok.lemma_.lower() in recall_table().purpose
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    )


def _purpose(verb: Token) -> bool:
    """Whether a verb's clause states a demand: "to demand their wages", "demanding
    answers", "in protest", "against the closure"."""
    t = recall_table()
    for ch in verb.children:
        if ch.dep_ in ("advcl", "xcomp", "conj") and ch.lemma_.lower() in t.purpose:
            return True
        if ch.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "conj" and c.lemma_.lower() in t.purpose for c in ch.children
        ):
            return True  # "padlocked the office to report abuses and to demand masks"
        if ch.dep_ == "prep" and ch.lower_ in ("in", "against", "as"):
            if ch.lower_ == "against" and verb.lemma_.lower() in t.assembly:
                return True
            if any(p.dep_ == "pobj" and p.lemma_.lower() in _PURPOSE_NOUNS for p in ch.children):
                return True  # "in protest", "in rejection of the vote"
        if ch.dep_ == "prep" and any(
            _to_purpose(a) for p in ch.children if p.dep_ == "pobj" for a in p.children
        ):
            return True  # "gathered during a visit of the minister to demand": hung on the noun
    if verb.lemma_.lower() in t.assembly and _shows_signs(verb):
        return True  # "gathered outside the town hall, holding up placards"
    objects = [o for o in verb.children if o.dep_ == "dobj"]
    for ch in [*verb.children, *(c for o in objects for c in o.children)]:
        if ch.dep_ == "prep" and ch.lower_ in ("with", "by") and _street_means(ch):
            return _crowd_subject(verb)  # "blocked the road with burning tyres"
    return False


def _shows_signs(verb: Token) -> bool:
    """Whether a gathering verb's clause shows what crowds protest with: a participle of
    display (``display_verbs`` in local_notes.yaml: holding, carrying, waving) whose object
    is a sign of protest (``street_means``: placards, banners), as in "gathered outside the
    town hall, holding up placards" or "gathered and waved banners"."""
    show = local_words("display_verbs")
    signs = recall_table().street_means
    return any(
        ch.dep_ in ("advcl", "conj", "xcomp")
        and ch.lemma_.lower() in show
        and any(o.dep_ == "dobj" and (o.lemma_.lower() in signs or o.lower_ in signs) for o in ch.children)
        for ch in verb.children
    )


def _way_object(verb: Token) -> bool:
    """Whether the verb's object is a way people pass or a building they are kept out of:
    "blocked the highway", "closed the bridge", "barricaded the entrance to the town",
    "blocked the office of the mayor" (``recall.yaml``'s ``ways`` and ``buildings``), also when told after the
    means ("blocked with two trucks the highway")."""
    ways = recall_table().ways
    objects = [ch for ch in verb.children if ch.dep_ == "dobj"]
    # "blocked with two trucks the highway": the object told after the means is parsed as
    # an apposition of the means
    objects += [
        a
        for ch in verb.children
        if ch.dep_ == "prep" and ch.lower_ == "with"
        for p in ch.children
        if p.dep_ == "pobj"
        for a in p.children
        if a.dep_ == "appos"
    ]
    if verb.lemma_.lower() not in _CLOSING:
        ways = ways | recall_table().buildings
    return any(o.lemma_.lower() in ways or o.lower_ in ways for o in objects)


#: Block verbs that close a building, which is its owner's act ("powers to close premises").
_CLOSING = frozenset({"close", "shut"})


def _street_means(prep: Token) -> bool:
    """A "with"/"by" phrase naming what crowds block roads with: "with burning tyres",
    "by burning rubber tires", "with rocks and concrete blocks"."""
    props = recall_table().street_means
    for tok in prep.subtree:
        if tok.i != prep.i and (tok.lemma_.lower() in props or tok.lower_ in props):
            return True
    return False


def _crowd_subject(verb: Token) -> bool:
    """Whether the verb's doer is a crowd of people, not the police or an army."""
    phrase = doer_phrase(verb, "PROTEST")
    if phrase is None:
        return False
    head = head_noun(phrase)
    t = recall_table()
    if head.lower_ in t.not_crowds or head.lemma_.lower() in t.not_crowds:
        return False
    return head.pos_ == "NOUN" and people_noun(head)


def _protesters_subject(verb: Token) -> bool:
    """Whether the verb's doer is named as protesters ("demonstrators", ``recall.yaml``'s
    ``protesters``): their gathering is a protest whatever it is for."""
    phrase = doer_phrase(verb, "PROTEST")
    if phrase is None:
        return False
    head = head_noun(phrase)
    words = recall_table().protesters
    return head.pos_ == "NOUN" and (head.lower_ in words or head.lemma_.lower() in words)


def assembled_protests(sent: Span, taken: set[int]) -> list[tuple[Token, Rule]]:
    """Gathering or blocking verbs that are protests by their stated demand, with the rule
    each is coded by; a block verb already coded (as coercion) is recoded as a protest."""
    t = recall_table()
    # recall.yaml's block verbs and those of local_notes.yaml ("padlocked the office")
    obstruct = t.obstruct | local_words("block_verbs")
    out: list[tuple[Token, Rule]] = []
    arrays = doc_arrays(sent.doc)
    pos, lemmas = arrays.pos, arrays.lemma_lower
    for i in range(sent.start, sent.end):
        if pos[i] != "VERB":
            continue
        lemma = lemmas[i]
        if lemma not in t.assembly and lemma not in obstruct:
            continue
        tok = sent.doc[i]
        if tok.i in taken and lemma not in obstruct:
            if lemma in t.assembly and _shows_signs(tok) and _crowd_subject(tok):
                out.append((tok, DEMO))  # "nurses gathered carrying banners": no meeting
            continue
        if _purpose(tok):
            out.append((tok, _OBSTRUCT if lemma in obstruct else DEMO))
        elif lemma in t.assembly and _protesters_subject(tok):
            out.append((tok, DEMO))  # "protesters gathered in the streets of Benghazi"
        elif lemma in obstruct and _way_object(tok) and _crowd_subject(tok):
            out.append((tok, _OBSTRUCT))  # "residents blocked the roads": a crowd's blockade
    return out


DEMO = Rule(PloverType.PROTEST, "demo", cameo_code("Demonstrate or rally"), (), frozenset(), False, True, False, False, 500_100)
_OBSTRUCT = Rule(PloverType.PROTEST, "obstruct", cameo_code("Obstruct passage, block"), (), frozenset(), False, False, False, False, 500_101)



#: Parties and the opposition protest in words as often as in the street: left to the lexicon.
_PARTIES = frozenset({"OPP", "PTY"})


def crowd_protest(trigger: Token, type_: str, source: Sequence[Actor]) -> Rule | None:
    """A crowd's protest coded as a verbal one: "residents protested against the price cut"
    reads like "China protested against the visit" (ACCUSE), but people in the street (an
    agent noun of no state organ: residents, medics, traders) demonstrate (PROTEST, 141)."""
    if type_ not in VOICED or trigger.lemma_.lower() not in recall_table().protest_verbs:
        return None
    if not source or any(
        a.kind not in ("agent", "group") or a.sector in NOT_CROWDS or a.sector in _PARTIES
        for a in source
    ):
        return None
    return DEMO


def crowd_doer(trigger: Token) -> Token | None:
    """The head of the doer phrase of a protest when it is a plain noun for a crowd of people
    ("in Caracas, prisoners of the jail protested", "nurses of the hospital protested"),
    whatever body or place the parse also gave as the doer: a crowd demonstrates."""
    t = recall_table()
    phrase = doer_phrase(trigger, "PROTEST")
    if phrase is None:
        return None
    head = head_noun(phrase)
    low, lemma = head.lower_, head.lemma_.lower()
    if head.pos_ != "NOUN" or not head.is_lower or low in t.not_crowds or lemma in t.not_crowds:
        return None
    return head if people_noun(head) else None


def crowd_protest_triggers(sent: Span, trigs: Sequence[tuple[Token, Rule]]) -> list[tuple[Token, Rule]]:
    """The protest verbs among ``trigs`` coded as verbal protests whose subject phrase is a
    plain noun for a crowd ("a big number of boda boda drivers protested against the
    lockdown"), recoded as demonstrations; a state, its officials or its forces keep the
    verbal protest ("India protested against the decision")."""
    t = recall_table()
    out: list[tuple[Token, Rule]] = []
    for tok, rule in trigs:
        if rule.type.value not in VOICED or tok.lemma_.lower() not in t.protest_verbs:
            continue
        phrase = doer_phrase(tok, "PROTEST")
        if phrase is None:
            continue
        head = head_noun(phrase)
        low, lemma = head.lower_, head.lemma_.lower()
        if head.pos_ != "NOUN" or not head.is_lower or low in t.not_crowds or lemma in t.not_crowds:
            continue
        if people_noun(head):
            out.append((tok, DEMO))
    return out


def found_remains(sent: Span, taken: set[int]) -> list[tuple[Token, Rule]]:
    """"The body of a man was found in a field": remains found, with no finder named, are a
    killing by someone unnamed (ACLED: violence against civilians). Only the passive counts
    ("rescuers found the bodies" names finders, no killers), never with an accident or a
    cause told ("found after the mine collapsed"), and only remains of someone unnamed."""
    t = recall_table()
    accidents = table().accidents
    arrays = doc_arrays(sent.doc)
    pos, lemmas = arrays.pos, arrays.lemma_lower
    if not accidents.isdisjoint(lemmas[sent.start : sent.end]):
        return []
    out: list[tuple[Token, Rule]] = []
    for i in range(sent.start, sent.end):
        if i in taken or pos[i] != "VERB" or lemmas[i] not in t.found:
            continue
        tok = sent.doc[i]
        subj = [ch for ch in tok.children if ch.dep_ == "nsubjpass"]
        if not subj or any(ch.dep_ == "agent" for ch in tok.children):
            continue
        if any(
            d.lower_ in ("after", "following") and d.head.i in (tok.i, *(c.i for c in tok.children))
            for d in tok.subtree
        ):
            continue  # "found after the mine collapsed": a cause told, the act of its own
        remains = subj[0]
        if (remains.lemma_.lower() in t.remains or remains.lower_ in t.remains) and _anonymous(
            remains
        ):
            out.append((tok, REMAINS))
    return out


def _anonymous(remains: Token) -> bool:
    """Remains of nobody the text knows: "a body", "human remains", "the body of a man", "the
    bodies of three men"; not "the body of the singer", "the bodies" or "his body" (a known
    person's death, often of illness, is no killing by itself)."""
    of = [
        p
        for ch in remains.children
        if ch.dep_ == "prep" and ch.lower_ == "of"
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    whose = of[0] if of else remains
    if whose.pos_ != "NOUN":
        return False  # "the body of Smith"
    known = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("a", "an", "some", "no"))
        for c in whose.children
    )
    return not known  # "human remains", "bodies of migrants", "a body", "the body of a man"


#: The rule of remains found: a killing whose doer the text never names.
REMAINS = Rule(PloverType.ASSAULT, None, "190", (), frozenset(), False, False, False, False, 500_103)


def dispersed_crowd(verb: Token) -> Token | None:
    """The crowd a verb of dispersal acts on ("police dispersed the crowd", "the workers were
    stopped and dispersed by the police", ``recall.yaml``'s ``dispersal``): people gathered,
    which ACLED codes as the protest the forces intervened in."""
    t = recall_table()
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in t.dispersal:
        return None
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.dep_ == "conj":  # "were stopped and dispersed by the police"
        objs = [ch for ch in verb.head.children if ch.dep_ == "nsubjpass"]
    for obj in objs:
        head = head_noun(obj)
        lemma = head.lemma_.lower()
        if head.pos_ != "NOUN" or lemma in t.not_crowds or head.lower_ in t.not_crowds:
            continue
        if lemma in t.protesters or head.lower_ in t.protesters or people_noun(head):
            return head  # "crowd" and "mob" are among the people words
    return None

