"""Is a trigger an act by an actor, and of which kind? (``data/events/realis.yaml``)

A word of the trigger lexicon is an event only when it is used as an act that an actor does.
These readers say when it is not, over the parse, for the passes ``act-gate``,
``civil-attacks`` and ``promised-events``:

- **a thing as the doer**: the verb's own subject is a thing, not an actor ("its shares
  closing at 873p", "the budget deficit is set to hit a record", "fragments could injure
  people"): an actor named inside that subject only owns the thing;
- **a place as the doer of a situation**: a place named as the modifier of a noun of a state
  of conflict, or a city named as the modifier of any event noun, says where it happened,
  not who did it ("the Iraq war", "the Madrid rail bombing");
- **an abstract aim**: an attack, a fight or a threat aimed at a plan, a policy or a lawsuit
  is words or no act ("attacked the tax plans", "fighting two lawsuits", "the battle for
  votes");
- **commerce**: an agreement, talk or cooperation whose matter is trade or companies ("held
  merger talks", "agreed to buy a stake", "the Paris and Lisbon stock exchanges");
- **civil actors**: an assault between parties, politicians or firms, with no word of force
  in the sentence, is criticism.
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Span, Token

from geopol.events.datafile import lowered, read_data
from geopol.events.dyads import ActorIndex, documents
from geopol.events.recall_doers import head_noun
from geopol.events.recall_table import people_noun
from geopol.records import Actor

#: Dependency labels of a verb's own active subject.
_SUBJECTS = frozenset({"nsubj", "csubj"})
#: Prepositions after which a phrase is what an attack or a fight is aimed at.
_AIM_PREPS = frozenset({"on", "against", "over", "for", "at", "upon"})
#: Named-entity labels whose head is an actor the dictionaries may not know.
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Types of conflict: an intention to do one of these is no AGREE.
_CONFLICT = frozenset(
    {"ACCUSE", "ASSAULT", "COERCE", "SANCTION", "THREATEN", "REJECT", "PROTEST", "MOBILIZE"}
)
#: Named-entity labels of sums and amounts.
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})


@dataclasses.dataclass(frozen=True, slots=True)
class _Words:
    abstract: frozenset[str]
    #: states of mind and standings ("trust", "hopes"): no aim of force at all
    standings: frozenset[str]
    things: frozenset[str]
    situations: frozenset[str]
    commercial: frozenset[str]
    commercial_verbs: frozenset[str]
    violence: frozenset[str]
    civil_sectors: frozenset[str]
    effort: frozenset[str]
    address: frozenset[str]
    call: frozenset[str]
    intent: frozenset[str]
    appeal_preps: frozenset[str]
    senses: frozenset[str]
    unrest: frozenset[str]
    companies: frozenset[str]
    modals: frozenset[str]
    money: frozenset[str]
    persons: frozenset[str]
    flows: frozenset[str]
    warnings: frozenset[str]
    warned_acts: frozenset[str]
    own_moves: frozenset[str]
    place_moves: frozenset[str]
    handovers: frozenset[str]
    released_matter: frozenset[str]
    armed: frozenset[str]
    polls: frozenset[str]
    animals: frozenset[str]
    terror: frozenset[str]
    sums: frozenset[str]
    statements: frozenset[str]
    office_heads: frozenset[str]
    out_of_office: frozenset[str]
    opposition_titles: frozenset[str]
    #: words of force: ``violence`` and ``unrest`` together, read once
    force: frozenset[str]


@functools.lru_cache(maxsize=1)
def words() -> _Words:
    d = read_data("realis.yaml")

    def ws(key: str) -> frozenset[str]:
        return lowered(d[key])

    return _Words(
        abstract=ws("abstract_objects"),
        standings=ws("standing_objects"),
        things=ws("thing_subjects"),
        situations=ws("situation_nouns"),
        commercial=ws("commercial"),
        commercial_verbs=ws("commercial_verbs"),
        violence=ws("violence"),
        civil_sectors=frozenset(str(w).upper() for w in d["civil_sectors"]),
        effort=ws("effort_verbs"),
        address=ws("address_verbs"),
        call=ws("call_verbs"),
        intent=ws("intent_verbs"),
        appeal_preps=ws("appeal_preps"),
        senses=ws("force_senses"),
        unrest=ws("unrest"),
        companies=ws("company_nouns"),
        modals=ws("opinion_modals"),
        money=ws("money"),
        persons=ws("persons"),
        flows=ws("trade_flows"),
        warnings=ws("warnings"),
        warned_acts=ws("warned_acts"),
        own_moves=ws("own_moves"),
        place_moves=ws("place_moves"),
        handovers=ws("handovers"),
        released_matter=ws("released_matter"),
        armed=ws("armed_words"),
        polls=ws("poll_words"),
        animals=ws("animals"),
        terror=ws("terror_words"),
        sums=ws("sum_words"),
        statements=ws("statement_objects"),
        office_heads=ws("office_heads"),
        out_of_office=ws("out_of_office"),
        opposition_titles=ws("opposition_titles"),
        force=ws("violence") | ws("unrest"),
    )


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _actorish(tok: Token, idx: ActorIndex) -> bool:
    """A phrase head that names an actor: a mention the actor finder found (of any country
    or none), a pronoun, or a named person, organisation, group or state."""
    if idx.at(tok) or tok.pos_ == "PRON" or tok.tag_ in ("WP", "WDT", "PRP", "EX"):
        return True
    return tok.ent_type_ in _ACTOR_ENTS


def thing_subject(trigger: Token, idx: ActorIndex) -> Token | None:
    """The verb trigger's own active subject when it is a thing of an economy or a policy,
    not an actor ("its shares closing", "the US budget deficit is set to hit"), else None."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return None
    things = words().things
    verb = trigger
    while verb.dep_ == "xcomp" and not any(c.dep_ in _SUBJECTS for c in verb.children):
        verb = verb.head  # "the deficit is set to hit": the subject of "set"
    for ch in verb.children:
        if ch.dep_ not in _SUBJECTS:
            continue
        if ch.dep_ == "csubj":
            return ch  # a clause as the doer: "bringing production to Sweden should help"
        if _actorish(ch, idx):
            continue
        group = head_noun(ch)  # "a large number of drivers": the drivers are the subject
        if group.i != ch.i and (people_noun(group) or _actorish(group, idx)):
            continue
        low = _lemma(ch)
        if low in things or ch.lower_ in things or ch.ent_type_ in _AMOUNTS:
            return ch
        if low in words().abstract and not people_noun(ch) and low not in documents():
            return ch  # "the energy crisis forced the president to ...": not the country's act
    return None


def _aims(trigger: Token) -> list[Token]:
    """The heads of what the trigger is aimed at: its object, and the phrases after "on",
    "against", "over", "for" ("an attack on the plan", "the battle for votes")."""
    out = [ch for ch in trigger.children if ch.dep_ in ("dobj", "nsubjpass")]
    for ch in trigger.children:
        if ch.dep_ == "prep" and ch.lower_ in _AIM_PREPS:
            out.extend(p for p in ch.children if p.dep_ == "pobj")
    if not out and trigger.dep_ == "xcomp":  # "vowed to fight the plans"
        out = [ch for ch in trigger.head.children if ch.dep_ == "dobj"]
    return out


def abstract_aim(trigger: Token, idx: ActorIndex) -> Token | None:
    """The object of an attack, fight or threat when it is a plan, a policy, a lawsuit or
    the like and no actor ("attacked Tory plans", "the battle for votes"), else None."""
    w = words()
    for head in _aims(trigger):
        if idx.at(head) or head.ent_type_ in _ACTOR_ENTS:
            continue
        if {_lemma(head), head.lower_} & (w.abstract | w.standings):
            return head
    return None


def owners(head: Token, idx: ActorIndex) -> list[Actor]:
    """Actors with a country that own an abstract object: its possessor or modifiers
    ("Tory plans", "the government's policy", "the plans of the Tories")."""
    out: list[Actor] = []
    for ch in head.children:
        if ch.dep_ in ("poss", "compound", "amod", "nmod"):
            out.extend(a for a in idx.at(ch) if a.country)
        elif ch.dep_ == "prep" and ch.lower_ == "of":
            for p in ch.children:
                if p.dep_ == "pobj":
                    out.extend(a for a in idx.at(p) if a.country)
    return out


def _state_participle(verb: Token) -> bool:
    """A participle telling the state of the subject, with no object of its own: "the body
    was found floating in a river" is no flotation (not "agreed to float the firm")."""
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("dobj", "aux") for c in verb.children)
    )


def commercial(trigger: Token) -> bool:
    """Whether the trigger's matter is trade or companies: a commercial modifier of the
    trigger noun ("merger talks", "stock exchanges", "price war"), a commercial object
    ("agreed a share offer"), or a commercial verb it carries ("agreed to buy")."""
    w = words()
    for ch in trigger.children:
        # a common noun, not a name ("the West Bank" is a place, "merger" is trade)
        trade = ch.pos_ == "NOUN" and (ch.lower_ in w.commercial or _lemma(ch) in w.commercial)
        if ch.dep_ in ("compound", "amod", "nmod", "dobj") and trade:
            return True
        if (
            ch.dep_ in ("xcomp", "acl", "advcl")
            and _lemma(ch) in w.commercial_verbs
            and not _state_participle(ch)
        ):
            return True
        if ch.dep_ in ("xcomp", "acl") and any(
            o.dep_ == "dobj" and o.pos_ == "NOUN" and _lemma(o) in w.commercial for o in ch.children
        ):
            return True  # "in negotiations with Rover to take a 20% stake"
        if (
            ch.dep_ == "prep"
            and ch.lower_ in ("from", "of", "over")
            and any(
                p.dep_ == "pobj" and p.pos_ == "NOUN" and _lemma(p) in w.commercial
                for p in ch.children
            )
        ):
            return True  # "its withdrawal from the $325m contract", "a bidding war over"
    return trigger.dep_ == "dobj" and _lemma(trigger.head) in w.commercial_verbs


def place_modifier(a: Actor, trigger: Token, idx: ActorIndex) -> bool:
    """Whether a source mention is a place naming where, as the modifier of the trigger
    noun: any city ("the Madrid rail bombing"), a building or site ("the World Trade Centre
    attacks"), or a state before a noun of a state of conflict ("the Iraq war") or of an
    attack of terror (``terror_words``: "the US terror attacks")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    span = idx.spans.get(id(a))
    if span is None:
        return False
    root: Token = idx.doc[span[0] : span[1]].root
    cur = root
    while cur.dep_ == "compound" and cur.head.i != cur.i and cur.head.i != trigger.i:
        cur = cur.head  # "Madrid rail bombing": Madrid -> rail -> bombing
    if cur.head.i != trigger.i or cur.dep_ not in ("compound", "nmod", "amod"):
        return False
    terror = words().terror
    if a.kind in ("state", "adjective") and not a.sector and any(
        c.dep_ in ("compound", "amod") and (c.lower_ in terror or _lemma(c) in terror)
        for c in trigger.children
    ):
        return True  # an attack of terror: "the US terror attacks", "Spanish terrorist bombings"
    if cur.dep_ == "amod":
        return False  # "Israeli airstrikes": the doers
    if a.kind in ("capital", "city", "place") or a.how.endswith("capital"):
        return True
    if root.ent_type_ == "FAC":
        return True  # a building or a site: "the World Trade Centre attacks"
    return a.kind == "state" and _lemma(trigger) in words().situations


def violent(sentence: Span) -> bool:
    """Whether the sentence has a word of force ("killed", "troops", "bomb")."""
    w = words().violence
    return any(t.lower_ in w or _lemma(t) in w for t in sentence)


def civil(actors: list[Actor]) -> bool:
    """All these actors are of sectors that use no armed force (parties, politicians, firms)."""
    secs = words().civil_sectors
    return bool(actors) and all(a.sector in secs for a in actors)


def thing_aim(trigger: Token, idx: ActorIndex, *, abstract: bool = True) -> bool:
    """Whether the trigger's object is a sum, an asset or a market (with ``abstract``, also
    a plan or a rule) rather than a party: "withdrawn $1bn in assets", "forcing the sale of
    the asset"."""
    w = words()
    heads = [ch for ch in trigger.children if ch.dep_ in ("dobj", "nsubjpass")]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":
        heads.append(trigger.head)  # "numbers released by the ministry"
    if trigger.pos_ == "VERB":  # "clamp down on the compensation culture"
        heads += [
            p
            for ch in trigger.children
            if ch.dep_ in ("prep", "prt") and ch.lower_ in ("on", "from")
            for p in ch.children
            if p.dep_ == "pobj" and p.pos_ == "NOUN"
        ]
    if trigger.pos_ == "NOUN":  # "a ban on smoking", "sanctions on oil"
        heads += [
            p
            for ch in trigger.children
            if ch.dep_ == "prep" and ch.lower_ in ("on", "against")
            for p in ch.children
            if p.dep_ == "pobj"
        ]
    for head in heads:
        if idx.at(head) or head.ent_type_ in _ACTOR_ENTS or people_noun(head):
            continue
        if trigger.pos_ == "NOUN" and (head.tag_ == "VBG" or head.lower_.endswith("ing")):
            return True  # an activity, not a party: "a ban on smoking"
        if (head.ent_type_ in _AMOUNTS or head.like_num) and not _measured_thing(head):
            return True
        low = _lemma(head)
        if low in w.commercial or head.lower_ in w.commercial:
            return True
        if abstract and (low in w.abstract or low in w.things):
            return True
    return False


def thing_content(trigger: Token, idx: ActorIndex) -> bool:
    """Whether a warning's content is a thing of an economy or a policy, not an act: "the IMF
    warned that the deficit was too large" (a judgement of it, not a threat)."""
    for ch in trigger.children:
        if ch.dep_ == "ccomp" and thing_subject(ch, idx) is not None:
            return True
        if ch.dep_ == "ccomp" and ch.lemma_.lower() == "be":
            subj = [c for c in ch.children if c.dep_ in _SUBJECTS]
            if subj and not _actorish(subj[0], idx):
                return True
    return False


#: Heads of a "by" phrase that name the means of an attack, not a thing that happened.
_MEANS = frozenset(
    {"bomb", "missile", "shell", "rocket", "airstrike", "mortar", "explosion", "mine", "device",
     "grenade", "fire", "gunfire", "attack", "raid", "strike", "blast", "shelling", "bombing"}
)  # fmt: skip


def thing_agent(trigger: Token, idx: ActorIndex, *, force: bool) -> Token | None:
    """The "by" phrase of a passive or participle trigger when it names a thing of an
    economy, a policy or nature, not an actor: "hit by troubles at its US business", "the
    devastation left by the tsunami". For an attack (``force``) a weapon is its users'
    means ("killed by a bomb")."""
    things = words().things | words().abstract
    for ch in trigger.children:
        if ch.dep_ != "agent":
            continue
        for p in ch.children:
            if p.dep_ != "pobj" or _actorish(p, idx) or people_noun(p):
                continue
            low = _lemma(p)
            if (low in things or p.lower_ in things) and not (force and low in _MEANS):
                return p
    return None


def effort(trigger: Token) -> bool:
    """A verb of force carrying a to-infinitive: an effort ("struggling to increase")."""
    if _lemma(trigger) not in words().effort:
        return False
    return any(ch.dep_ == "xcomp" and ch.pos_ in ("VERB", "AUX") for ch in trigger.children)


def addressed(trigger: Token) -> bool:
    """Talk to an audience, not with a partner ("speaking to voters"), or a call that is an
    appeal ("called for the embargo to be lifted")."""
    w = words()
    if trigger.pos_ != "VERB":
        return False  # "held talks" is a meeting
    kids = [ch for ch in trigger.children if ch.dep_ in ("prep", "prt")]
    if _lemma(trigger) in w.address:
        return "with" not in {ch.lower_ for ch in kids}
    if _lemma(trigger) not in w.call:
        return False
    # "called for the embargo to be lifted" ("for" may mark the clause asked for), "called
    # on Iran to"; not "called the king on Saturday"
    nxt = trigger.doc[trigger.i + 1] if trigger.i + 1 < len(trigger.doc) else None
    return nxt is not None and nxt.lower_ in w.appeal_preps and nxt.dep_ in ("prep", "prt", "mark")


def outside_passive(trigger: Token, a: Actor, idx: ActorIndex) -> bool:
    """A source outside a passive trigger that names no doer ("the party suspended a
    candidate for suggesting the insane should be killed": not the party's killing)."""
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(trigger.children)
    if not any(ch.dep_ in ("auxpass", "nsubjpass") for ch in kids):
        return False
    if any(ch.dep_ == "agent" for ch in kids):
        return False
    span = idx.spans.get(id(a))
    if span is None:
        return False
    root = idx.doc[span[0] : span[1]].root
    return not (trigger.left_edge.i <= root.i <= trigger.right_edge.i)


#: Units of a weapon's calibre: "14.5mm machine guns" names guns, not a sum.
_CALIBRES = frozenset({"mm", "millimetre", "millimeter", "calibre", "caliber", "cm"})


def _measured_thing(ch: Token) -> bool:
    """An object that measures a thing it names: a calibre ("14.5mm and 12.7mm machine
    guns") or an amount of goods ("a ton of cocaine", "3 tons of marijuana")."""
    if _lemma(ch) in _CALIBRES:
        return True
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(
            q.dep_ == "pobj" and q.pos_ in ("NOUN", "PROPN") and not q.like_num
            for q in p.children
        )
        for p in ch.children
    ) and ch.ent_type_ == "QUANTITY"


def amount_aim(trigger: Token) -> bool:
    """A verb of force whose object is a sum or a level: "the deficit will hit $368bn",
    "homes hit 3.3 trillion pounds", "shares hit a record"."""
    for ch in trigger.children:
        if _measured_thing(ch):
            continue  # "fired 14.5mm machine guns", "seized a ton of cocaine": no sum
        if ch.dep_ in ("dobj", "attr") and (
            ch.ent_type_ in _AMOUNTS
            or ch.ent_type_ == "CARDINAL"
            or ch.like_num
            or _lemma(ch) in ("record", "high", "low", "peak", "level")
        ):
            return True
    return False


def bare_intent(trigger: Token, content: list[str]) -> bool:
    """An intention whose content is no event of cooperation: "plans to sue the government",
    "is planning to revisit the privatisations" (PLOVER's AGREE is an intent to cooperate,
    not any plan). ``content``: the types of the events the trigger carries."""
    if _lemma(trigger) not in words().intent:
        return False
    if content:
        return all(t in _CONFLICT for t in content)
    return any(ch.dep_ == "xcomp" for ch in trigger.children)
