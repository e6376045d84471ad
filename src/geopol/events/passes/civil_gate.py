"""Pass ``civil-gate``: once the dyad is filled, drop a trigger whose doers make it no
political act (see events/realis.py and ``data/events/realis.yaml``):

- **commerce**: every doer is a company or a market (sector BUS) and no state organ is
  acted on ("House of Fraser disappointed investors", "banks abandoned listings");
- **no coded doer**: every doer is a name the dictionaries could not place (no country, no
  sector: a firm or a body of no stated kind);
- **money**: a return or a withdrawal of money or to profit ("returned to profit");
- **markets**: a cooperation read off a noun of a market or a trade flow ("the Paris and
  Lisbon exchanges", "its trade with the EU was worth $155bn");
- **campaign**: a party's promise, backing or talk to the public ("the Liberal Democrats are
  promising to cut class sizes for children");
- **firms' protest**: a protest whose doers are all of the business sector and whose verb
  says what they object to ("the firms protested that the rules cost too much"), with no word
  of force or unrest beside it, is words: criticism of its target, nothing with none;
- **words**: an attack by people named or parties, with no word of force or unrest, is
  criticism of its target ("the president attacked British imperialists"), and nothing with
  no target ("the two party leaders clashed");
- **opinion**: an act someone should or ought to do, with no word of force or
  unrest in the sentence ("the UK should not ignore the need to reform the EU");
- **no force**: an attack or a coercion whose word has a sporting, economic or figurative
  sense as well ("hit", "shoot", "target", "crack down") and whose sentence has no other word of
  force or unrest ("slowdowns could hit exports", "shot basketball hoops", "a party suspended a
  candidate").
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from geopol.events.context import SentenceContext
from geopol.events.dyads import ActorIndex
from geopol.events.passes.act_gate import criticism
from geopol.events.passes.base import Level, register
from geopol.events.realis import words
from geopol.events.recall_table import people_noun
from geopol.records import Actor, PloverType

#: Sectors of a state's organs: a company acting on one of them may be a political act.
STATE_ORGANS = frozenset({"GOV", "LEG", "JUD", "MIL", "COP", "SPY"})


def company(a: Actor, idx: ActorIndex) -> bool:
    """A company: of sector BUS, or a name the tagger found with a word for a firm as its title
    or apposition ("German airline Lufthansa")."""
    if a.sector == "BUS":
        return True
    span = idx.spans.get(id(a))
    if span is None or "ner" not in a.how.split("+")[0]:
        return False
    root = idx.doc[span[0] : span[1]].root
    nouns = words().companies
    return any(
        ch.dep_ in ("compound", "appos", "nmod") and ch.lemma_.lower() in nouns
        for ch in root.children
    )


#: Prepositions of a way or a place: a capital after one is where a firm goes, not an organ.
_WAY_PREPS = frozenset({"to", "from", "in", "into", "at", "via", "between"})


def _organ(a: Actor, idx: ActorIndex) -> bool:
    """A state organ acted on: not a capital named as the end of a way or a place ("halt its
    flights to Riyadh": the city, not the Saudi government)."""
    if a.sector not in STATE_ORGANS:
        return False
    if a.kind != "capital":
        return True
    span = idx.spans.get(id(a))
    if span is None:
        return True
    root = idx.doc[span[0] : span[1]].root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return not (root.dep_ == "pobj" and root.head.lower_ in _WAY_PREPS)


def commercial_doers(source: list[Actor], target: list[Actor], idx: ActorIndex) -> bool:
    """Every doer is a company or a market and no state organ is acted on (a capital as a
    place the firm goes to is none)."""
    return (
        bool(source)
        and all(company(a, idx) for a in source)
        and not any(_organ(t, idx) for t in target)
    )


def modal(trigger: Token) -> bool:
    """The trigger is what someone should or ought to do: an opinion about an act, not a
    report of one ("the UK should not ignore")."""
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        if any(c.dep_ == "aux" and c.lower_ in words().modals for c in verb.children):
            return True
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in words().modals for c in verb.children)


def gain(trigger: Token) -> bool:
    """A return or a withdrawal whose matter is money or a market: "returned to profit",
    "return cash to shareholders"."""
    w = words()
    money = w.commercial | w.money
    if any(c.dep_ == "dobj" and c.lemma_.lower() in money for c in trigger.children):
        return True  # "return cash to shareholders"
    return any(
        p.dep_ == "pobj" and (p.lemma_.lower() in money or p.lemma_.lower() in w.things)
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
    )  # "returned to profit"


def uncoded(source: list[Actor]) -> bool:
    """Every doer is a name of no country and no sector."""
    return bool(source) and all(not a.country and not a.sector for a in source)


def other_force(sentence: Span, trigger: Token) -> bool:
    """Whether the sentence has a word of force besides the trigger ("troops", "bomb")."""
    force = words().force
    return any(t.lower_ in force or t.lemma_.lower() in force for t in sentence if t.i != trigger.i)


def sense_word(trigger: Token) -> str:
    """The trigger's lemma with its particle ("take over", "crack down")."""
    prt = [c.lower_ for c in trigger.children if c.dep_ == "prt"]
    return " ".join([trigger.lemma_.lower(), *prt[:1]])


#: How many words before a passive trigger its lost subject may stand.
PASSIVE_REACH = 5


def people_aim(trigger: Token, idx: ActorIndex) -> bool:
    """The trigger acts on people: its object or passive subject is a person, a group of
    people or a word for people ("a man and a woman were shot", "a prisoner was beaten")."""
    heads = [ch for ch in trigger.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not heads and any(ch.dep_ == "auxpass" for ch in trigger.children):
        # a passive whose subject the parser lost: the nouns just before it
        doc = trigger.doc
        heads = [t for t in doc[max(trigger.i - PASSIVE_REACH, 0) : trigger.i] if t.pos_ == "NOUN"]
    for ch in heads:
        if ch.ent_type_ in ("PERSON", "NORP") or people_noun(ch):
            return True
        if any(a.kind == "person" or a.sector == "CVL" for a in idx.at(ch)):
            return True
        if ch.lemma_.lower() in words().persons:
            return True
    return False


def no_force(kind: PloverType, trigger: Token, sentence: Span, idx: ActorIndex) -> bool:
    """An attack or a coercion whose word has other senses, in a sentence with no other word
    of force or unrest, acting on no people."""
    if kind not in (PloverType.ASSAULT, PloverType.COERCE):
        return False
    if sense_word(trigger) not in words().senses or other_force(sentence, trigger):
        return False
    return not people_aim(trigger, idx)


#: Types of cooperation a market noun is mistaken for.
COOPERATIVE = frozenset(
    {PloverType.COOPERATE, PloverType.CONSULT, PloverType.AGREE, PloverType.SUPPORT}
)

#: Types of a campaign's words to the public (a party's promise, backing, call or talk).
CAMPAIGN_TYPES = frozenset(
    {PloverType.SUPPORT, PloverType.AGREE, PloverType.CONSULT, PloverType.AID}
)

#: Types a company may do as a party to unrest or force (workers' protests are coded to
#: their employer, a security firm may attack): not dropped as commerce.
_UNREST = frozenset({PloverType.PROTEST, PloverType.ASSAULT, PloverType.COERCE})


#: Sectors whose members fight with words only: parties and legislatures ("an MEP attacked").
WORD_SECTORS = frozenset({"PTY", "LEG"})


def speakers(source: list[Actor]) -> bool:
    """All doers are people named, parties or legislators: with no word of force, their attack
    is words ("a UKIP MEP attacked Germany in a speech")."""
    return bool(source) and all(a.kind == "person" or a.sector in WORD_SECTORS for a in source)


def campaign(kind: PloverType, source: list[Actor], target: list[Actor], idx: ActorIndex) -> bool:
    """A party's promise, backing or talk addressed to the public ("the Liberal Democrats are
    promising to cut class sizes for children"): a
    campaign, not an act toward a party."""
    if kind not in CAMPAIGN_TYPES or not source or not target:
        return False
    if not all(a.sector == "PTY" for a in source):
        return False
    return all(a.sector == "CVL" and (a.kind == "agent" or not a.country) for a in target)


def market_noun(trigger: Token) -> bool:
    """A noun trigger that names a market or a trade flow, not an act: "the Paris and Lisbon
    exchanges", "its trade with the EU was worth $155bn" (a sum in the sentence, or a word
    of ``sum_words``: "worth dollars 155bn", "the highest figure for its trade with China"); a
    "prisoner exchange" stays an act."""
    if trigger.pos_ != "NOUN":
        return False
    w = words()
    if any(c.dep_ == "compound" and people_noun(c) for c in trigger.children):
        return False
    low = trigger.lemma_.lower()
    if low in w.commercial:
        return True
    return low in w.flows and any(
        t.ent_type_ in ("MONEY", "PERCENT") or t.lower_ in w.sums for t in trigger.sent
    )


@register("civil-gate", Level.TRIGGER)
def civil_gate(ctx: SentenceContext) -> None:
    """Drop a trigger whose doers are all companies or markets acting on no state organ, or
    all names of no country and no sector; a return to profit; an act under "should"; and an attack or coercion in a sentence with no
    word of force whose word has other senses ("hit", "shoot")."""
    r = ctx.current
    tok = r.trigger.token
    if r.type not in _UNREST and (
        commercial_doers(r.source, r.target, ctx.index) or uncoded(r.source)
    ):
        r.dropped = True
        return
    if r.type in COOPERATIVE and market_noun(tok):
        r.dropped = True  # "the Amsterdam and Paris exchanges", "trade worth $155bn"
        return
    if (
        r.type is PloverType.PROTEST
        and r.source
        and all(a.sector == "BUS" for a in r.source)
        and any(c.dep_ == "ccomp" for c in tok.children)
        and not other_force(ctx.sentence, tok)
    ):
        # firms object in words ("the firms protested that the rules cost too much"): no
        # crowd; criticism of whom they name, nothing when they name nobody. Traders who
        # "held a protest in front of the city hall" protest.
        if not r.target:
            r.dropped = True
            return
        r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
    if no_force(r.type, tok, ctx.sentence, ctx.index):
        r.dropped = True
        return
    if campaign(r.type, r.source, r.target, ctx.index):
        r.dropped = True  # "the Liberal Democrats are promising children smaller classes"
        return
    if (
        r.type is PloverType.ASSAULT
        and tok.dep_ != "xcomp"  # "Obama wants to attack Switzerland": a threat, not words
        and speakers(r.source)
        and not other_force(ctx.sentence, tok)
    ):
        if not r.target:
            r.dropped = True  # "the two party leaders clashed"
            return
        # "the South African president attacked British imperialists": words
        r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
        return
    if r.type in (PloverType.RETREAT, PloverType.CONCEDE) and gain(tok):
        r.dropped = True  # "returned to profit"
        return
    if modal(tok) and not other_force(ctx.sentence, tok):
        r.dropped = True  # "the UK should not ignore the need to reform"
