"""Pass ``act-needs``: once the dyad is filled, drop a trigger that lacks what its type needs
to be an act toward a party (word lists in ``data/events/realis.yaml``):

- **yielding** (RETREAT): a retreat yields something toward another party. A party moving
  its own people, staff or funds ("France began evacuating its nationals", "plans to relocate
  civil servants") yields nothing (``own_moves``); leaving or returning (``place_moves``) is a
  withdrawal only when armed forces leave ("troops will leave the city") or when someone or
  some party is handed back or left ("return the prisoners", "leave the EU"); "he left" with
  no object is a resignation and stays, but "Parliament returns from its break", "return to
  power" or "leave his post" at a firm is no act; releasing (``handovers``) information or
  goods (``released_matter``: "figures released by the ministry", "release supplies from the
  reserve") is no yielding, unlike "released the four" or "released the ship";
- **force** (ASSAULT, COERCE with no target): a word of violence ("killed", "injured") is no
  act only when animals (``animals``) are its victims; another verb of force with no party
  acted on needs a person or people acted on, another word of force or unrest in the sentence, or an armed or
  police doer ("foxes were killed legally", "Labour fired both barrels at the opposition's
  policies", "the two leaders clashed" are no attacks; "police closed 150 crack houses" is
  coercion);
- **civil doers** (ASSAULT, COERCE with no target): when every doer is of a civil sector (a
  minister, a party, a court, a firm, the press) and none is armed, the attack or coercion
  is words or a policy ("he also attacked the way the war was sold", "the leader will not
  tolerate attacks"), unless the trigger is itself a word of violence ("killed", "invasion")
  or the sentence names armed forces; a government's own coercion (a curfew, a ban, a
  closure) stays; the state's forces have sectors of their own (MIL, COP);
- **named patients** (COERCE with no target): people acted on, named but left uncoded
  ("suspended a candidate", "the men's arrest", "crack down on pupils"), by doers that are not
  armed or police, give no event: a party's discipline or a policy far more often than an
  arrest, and a dyad with its target missing;
- **contest** (ASSAULT): a word of contest (``effort_verbs``: "battle", "fight") with no other
  word of force or unrest and no armed doer is a takeover, court or budget battle, no attack;
- **politics** (ASSAULT between a country's own political actors): with no word of force or
  unrest and no armed doer, a minister or party "attacking" or "firing at" the opposition, a
  party or parliament of its own country attacks in words: criticism (ACCUSE);
- **domestic** (AGREE, AID toward the doer's own state): a government or party pledging or
  helping its own country's things ("pledged to clamp down on Britain's compensation
  culture", "helped make the election a celebration of American democracy", "ready to stand
  up for Britain") makes domestic policy or a campaign aim, not an act toward a party;
- **polls**: what the public, voters or people (sector CVL) would do, in a sentence that
  reports a poll or a survey (``poll_words``: "British voters would reject the constitution
  by two to one, according to a poll"), is a poll's finding, not an act;
- **refusals** (REJECT): a refusal is of something asked, proposed or demanded; rejecting a
  remark, a denial or an allegation (``statement_objects``: "rejected Mr Howard's comment",
  "refuses to accept Syria's denials") is criticism of the one who made it, and no event when
  it names nobody;
- **naming** (CONSULT off ``call_verbs``): a call that names its object ("called him a giant",
  "called the rebate 'unjustified'") is a remark, no call;
- **office** (ACCUSE off "charge"): "took charge of", "in charge of" is a responsibility
  (``office_heads``), no accusation;
- **commerce** (SUPPORT, AGREE, COOPERATE toward firms): backing, agreeing with or working with
  companies only ("the first deal Iraq has signed with a foreign oil company") is a commercial
  act, even by a state (docs/precision-guide.md).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from geopol.events.context import SentenceContext
from geopol.events.derived import alleged
from geopol.events.dyads import ActorIndex
from geopol.events.passes.act_gate import criticise_owner, criticism
from geopol.events.passes.base import Level, register
from geopol.events.passes.civil_gate import company, other_force, people_aim, sense_word
from geopol.events.realis import words
from geopol.events.recall_table import people_noun
from geopol.records import Actor, PloverType

#: Sectors of armed or police doers: their act with no party named is still force.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "INS", "SPY", "UAF"})

#: Sectors of people whose return home is a movement of people (refugees, civilians): kept.
RETURNEES = frozenset({"REF", "CVL"})

#: Types of backing or working with that a company target makes commercial.
COMMERCIAL_TYPES = frozenset({PloverType.SUPPORT, PloverType.AGREE, PloverType.COOPERATE})

#: Entity labels of places: a place left is where the doer was, not a party yielded to.
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def _objects(trigger: Token) -> list[Token]:
    """What the trigger acts on: its direct object or passive subject; for a participle, the
    noun it describes ("numbers released by the ministry"); for a noun, its possessor or its
    "of" phrase ("his release", "the release of the four")."""
    found = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        found.append(trigger.head)
    if trigger.pos_ in ("NOUN", "PROPN"):
        found += [c for c in trigger.children if c.dep_ == "poss"]
        found += [
            p
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return found


def _person_or_party(tok: Token, idx: ActorIndex) -> bool:
    """A person, people, a party or a number standing for people ("the four")."""
    if tok.ent_type_ in ("PERSON", "NORP") or tok.pos_ in ("PRON", "NUM") or people_noun(tok):
        return True
    if tok.lemma_.lower() in words().persons:
        return True
    return bool(idx.at(tok)) and tok.ent_type_ not in _PLACE_ENTS


def _armed_doer(source: list[Actor], trigger: Token) -> bool:
    """The doers are armed forces: of an armed sector, or the subject is a noun of forces."""
    if source and all(a.sector in ARMED_SECTORS for a in source):
        return True
    armed = words().armed
    return any(
        c.dep_ == "nsubj" and any(g.lemma_.lower() in armed for g in c.subtree)
        for c in trigger.children
    )


def no_yield(
    trigger: Token, source: list[Actor], target: list[Actor], idx: ActorIndex
) -> bool:
    """A RETREAT that yields nothing toward anyone (see the module's docstring)."""
    w = words()
    word = sense_word(trigger)
    lemma = trigger.lemma_.lower()
    if lemma in w.own_moves or word in w.own_moves:
        return True
    if word in w.place_moves or lemma in w.place_moves:
        if _armed_doer(source, trigger):
            return False
        objects = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects:
            # "he left" (office) stays; "returned to power", "returns from its break", "will
            # return to Parliament" go; "returned to Brazil 21 frogs" (a lost object) stays
            home = {a.country for a in source}
            if lemma == "leave" or any(a.sector in RETURNEES for a in source):
                return False  # refugees returning home: a movement of people, kept
            return all(a.country in home for a in target)
        if lemma == "leave":  # "leave his post", "leave London": a post or a place left
            return not any(_person_or_party(o, idx) for o in objects)
        return False  # "returned the artefacts to Spain", "return the prisoners"
    if word in w.handovers or lemma in w.handovers:
        # "figures released by the ministry", "release supplies from the reserve"
        matter = w.released_matter
        return any(o.lemma_.lower() in matter or o.lower_ in matter for o in _objects(trigger))
    return False


def _victims(trigger: Token) -> list[Token]:
    """The trigger's object or passive subject, with the conjuncts of either ("foxes and other
    animals"), or the passive subject of the verb it is a conjunct of."""
    heads = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if not heads and trigger.dep_ == "conj":
        heads = [c for c in trigger.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for h in heads for t in (h, *h.conjuncts)]


def bare_force(
    kind: PloverType, trigger: Token, sentence: Span, source: list[Actor], idx: ActorIndex
) -> bool:
    """An attack or a coercion verb with no party acted on, no people acted on, no other word
    of force or unrest, and no armed doer."""
    if kind not in (PloverType.ASSAULT, PloverType.COERCE) or trigger.pos_ != "VERB":
        return False
    w = words()
    if trigger.lemma_.lower() in w.violence or trigger.lower_ in w.violence:
        # a word of violence itself ("killed", "injured"): no act only when animals are its
        # victims ("foxes had been killed legally"); "her husband was injured" stays
        return any(o.lemma_.lower() in w.animals or o.lower_ in w.animals for o in _victims(trigger))
    if other_force(sentence, trigger) or people_aim(trigger, idx):
        return False
    return not _armed_doer(source, trigger) and not _alleged_state_act(trigger, source)


def _alleged_state_act(trigger: Token, source: list[Actor]) -> bool:
    """A state as a whole said by a speaker to have used force ("the US said that Iraq had
    attacked"): an allegation of an armed act, kept for the accusation derived from it."""
    if not source or any(a.country is None or a.sector is not None for a in source):
        return False
    return alleged(trigger)


#: Sectors of doers that use no force of their own: politicians, parties, courts, firms,
#: the press, schools and aid bodies (civilians and crowds are not here: a mob may attack).
CIVIL_DOERS = frozenset({"GOV", "PTY", "OPP", "LEG", "JUD", "BUS", "MED", "JRN", "EDU", "NGO", "ELI"})


def civil_force(
    kind: PloverType, trigger: Token, source: list[Actor], target: list[Actor]
) -> bool:
    """An attack or a coercion with no party acted on whose every doer is of a civil sector
    (a minister, a party, a court, a firm) and no armed doer: a politician "attacking the way
    the war was sold", a leader speaking of attacks). It stays when the trigger is itself a
    word of violence ("a car bomb killed", "the invasion") or the sentence names armed forces,
    and a government's own coercion stays (its curfews, bans and closures need no armed
    doer); the state's forces are coded with their own sectors (MIL, COP)."""
    if kind not in (PloverType.ASSAULT, PloverType.COERCE) or target or not source:
        return False
    if not all(a.sector in CIVIL_DOERS for a in source):
        return False
    if kind is PloverType.COERCE and any(a.sector == "GOV" for a in source):
        return False  # a government's curfew, ban or closure is coercion by itself
    w = words()
    if trigger.lemma_.lower() in w.violence or trigger.lower_ in w.violence:
        return False  # "a car bomb killed", "the invasion": violence, whoever is named
    if any(t.lower_ in w.armed or t.lemma_.lower() in w.armed for t in trigger.sent):
        return False  # "declared a state of siege and sent police and troops"
    return not _armed_doer(source, trigger)


def unnamed_patient(
    kind: PloverType, trigger: Token, source: list[Actor], idx: ActorIndex
) -> bool:
    """A coercion with no target whose one acted on is named as people ("suspended a
    candidate", "the men's arrest", "they were detained", "crack down on pupils") by doers
    that are not armed or police: the people coerced are left uncoded, and the act is a
    party's discipline, a policy or a remark far more often than an arrest by a state's
    forces (those keep it: "police detained three executives")."""
    if kind is not PloverType.COERCE or _armed_doer(source, trigger):
        return False
    acted_on = _objects(trigger) + [
        p
        for c in trigger.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return any(_person_or_party(o, idx) for o in acted_on)


def contest(kind: PloverType, trigger: Token, sentence: Span, source: list[Actor]) -> bool:
    """An attack read off a word of contest ("battle", "fight", "struggle") with no other word
    of force or unrest in the sentence and no armed doer: a takeover, court or budget battle,
    "a group fighting to prevent a store opening"."""
    if kind is not PloverType.ASSAULT:
        return False
    if trigger.lemma_.lower() not in words().effort and trigger.lower_ not in words().effort:
        return False
    return not other_force(sentence, trigger) and not _armed_doer(source, trigger)


def rejected_statement(kind: PloverType, trigger: Token) -> Token | None:
    """The remark, denial or allegation a REJECT is aimed at ("rejected Mr Howard's comment",
    "refuses to accept Syria's denials"): its object, or the object of the verb it carries;
    None when it rejects something asked or proposed."""
    if kind is not PloverType.REJECT:
        return None
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    said = words().statements
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in said or c.lower_ in said):
                return c
    return None


def naming_call(kind: PloverType, trigger: Token) -> bool:
    """A CONSULT read off a word of ``call_verbs`` that names its object as something ("called
    him a giant of the movement", "called the rebate 'unjustified'"): a remark, not a call.
    The name is an object predicate, or an adjective after the object noun."""
    if kind is not PloverType.CONSULT or trigger.lemma_.lower() not in words().call:
        return False
    if any(c.dep_ == "oprd" for c in trigger.children):
        return True
    return any(
        a.dep_ == "amod" and a.pos_ == "ADJ" and a.i > o.i
        for o in trigger.children
        if o.dep_ == "dobj"
        for a in o.children
    )


def charge_of_office(kind: PloverType, trigger: Token) -> bool:
    """An ACCUSE read off the noun "charge" in its sense of a responsibility: the object of a
    verb of ``office_heads`` or of "in" ("took personal charge of the response", "is in charge
    of the inquiry"); "brought charges against" stays."""
    if kind is not PloverType.ACCUSE or trigger.lemma_.lower() != "charge":
        return False
    return trigger.head.lemma_.lower() in words().office_heads


def commercial_target(kind: PloverType, target: list[Actor], idx: ActorIndex) -> bool:
    """Backing, agreeing or working with companies only."""
    return kind in COMMERCIAL_TYPES and bool(target) and all(company(a, idx) for a in target)


#: Sectors of a country's political life: attacks among them, with no force, are words.
POLITICAL_SECTORS = frozenset({"GOV", "PTY", "OPP", "LEG", "JUD"})


def political_attack(
    kind: PloverType,
    trigger: Token,
    sentence: Span,
    source: list[Actor],
    target: list[Actor],
) -> bool:
    """An attack by a country's government or parties on its own opposition, parties or
    parliament, with no word of force or unrest and no armed doer."""
    if kind is not PloverType.ASSAULT or not source or not target:
        return False
    if trigger.pos_ != "VERB" or other_force(sentence, trigger) or _armed_doer(source, trigger):
        return False
    home = {a.country for a in source}
    if len(home) != 1 or None in home:
        return False
    return all(
        a.sector in POLITICAL_SECTORS and (a.country in home or a.country is None) for a in target
    ) and all(
        a.sector in POLITICAL_SECTORS or a.kind == "person" for a in source
    )


#: Types of pledges or help that a state's own country as target makes domestic. (Defending
#: one's own country's policy is SUPPORT in PLOVER's data: "defended Mexico's policy".)
DOMESTIC_TYPES = frozenset({PloverType.AGREE, PloverType.AID})


def _owner(tok: Token) -> bool:
    """The token names the owner of a thing or the one stood up for: a possessor ("Britain's
    compensation culture"), an adjective of a thing ("American democracy"; not of a person,
    "the Colombian sergeant"), or "for Britain"."""
    if tok.dep_ == "poss":
        return True
    head = tok.head
    if tok.dep_ in ("amod", "compound") and head.pos_ == "NOUN" and not head.is_title:
        return not (people_noun(head) or head.lemma_.lower() in words().persons)
    return tok.dep_ == "pobj" and head.lower_ == "for"


def domestic(kind: PloverType, source: list[Actor], target: list[Actor], idx: ActorIndex) -> bool:
    """Backing or help whose every target is the doers' own state, named bare as the owner of
    a thing or the one stood up for."""
    if kind not in DOMESTIC_TYPES or not source or not target:
        return False
    home = {a.country for a in source if a.country}
    if len(home) != 1:
        return False
    for a in target:
        span = idx.spans.get(id(a))
        if a.sector or a.country not in home or span is None:
            return False
        if not _owner(idx.doc[span[0] : span[1]].root):
            return False
    return True


def poll_finding(sentence: Span, source: list[Actor]) -> bool:
    """The doers are all the public (sector CVL) in a sentence that reports a poll."""
    if not source or not all(a.sector == "CVL" for a in source):
        return False
    polls = words().polls
    return any(t.lemma_.lower() in polls or t.lower_ in polls for t in sentence)


@register("act-needs", Level.TRIGGER)
def act_needs(ctx: SentenceContext) -> None:
    """Drop a retreat that yields nothing, an attack or coercion verb with no party, no people
    and no force, backing of the doer's own country's things, and backing or agreement with
    companies only; read a forceless attack among a country's political actors as criticism."""
    r = ctx.current
    tok = r.trigger.token
    if r.type is PloverType.RETREAT and no_yield(tok, r.source, r.target, ctx.index):
        r.dropped = True  # "France began evacuating its nationals"
        return
    if not r.target and bare_force(r.type, tok, ctx.sentence, r.source, ctx.index):
        r.dropped = True  # "foxes had been killed legally"
        return
    if civil_force(r.type, tok, r.source, r.target):
        r.dropped = True  # "he also attacked the way the war was sold to the public"
        return
    if not r.target and unnamed_patient(r.type, tok, r.source, ctx.index):
        r.dropped = True  # "UKIP have suspended a candidate"
        return
    if contest(r.type, tok, ctx.sentence, r.source):
        r.dropped = True  # "Yukos loses US bankruptcy battle"
        return
    if political_attack(r.type, tok, ctx.sentence, r.source, r.target):
        # "the chancellor fired both barrels at the opposition": words
        r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
        return
    if domestic(r.type, r.source, r.target, ctx.index):
        r.dropped = True  # "the Lib Dems want to restore Britain's reputation"
        return
    if poll_finding(ctx.sentence, r.source):
        r.dropped = True  # "voters would reject the constitution, according to a poll"
        return
    if charge_of_office(r.type, tok):
        r.dropped = True  # "the prime minister took personal charge of the response"
        return
    if naming_call(r.type, tok):
        r.dropped = True  # "the premier called the plan a disaster"
        return
    said = rejected_statement(r.type, tok)
    if said is not None:
        # "rejected the minister's comment": criticism of the one who said it, not a refusal
        criticise_owner(ctx, said)
        return
    if commercial_target(r.type, r.target, ctx.index):
        r.dropped = True  # "the first deal Iraq has signed with a foreign oil company"
