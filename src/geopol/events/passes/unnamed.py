"""Pass ``unnamed-armed``: armed groups of no country as the source of violence."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from geopol.events.context import SentenceContext
from geopol.events.derived import table
from geopol.events.onsets import onset_fight
from geopol.events.passes.base import Level, register
from geopol.events.realis import violent, words
from geopol.events.recall_doers import head_noun
from geopol.events.recall_places import country_of_act
from geopol.events.recall_table import recall_table
from geopol.records import Actor, PloverType

if TYPE_CHECKING:
    from geopol.events.triggers import Trigger

#: How many sentences back an attack coded already owns a doerless act of violence.
_OWNED = 2
#: Clause links through which a verb still tells an act of the sentence's own.
_TOLD = frozenset({"conj", "advcl"})


#: Subjects that name nobody in particular: the doers of an attack they carry out are an
#: unidentified armed group ("men in a car opened fire", "military vehicles besieged a mosque").
_ANYONE = frozenset(
    {"man", "men", "individual", "individuals", "person", "persons", "assailant", "assailants",
     "attacker", "attackers", "vehicle", "vehicles", "car", "cars", "truck", "trucks", "motorcyclist",
     "motorcyclists", "unknown", "unknowns"}
)  # fmt: skip


#: Fights told besides the verb that make a passive killing an attack.
_FIGHTS = frozenset({"clash", "clashes", "fighting", "crossfire", "violence", "shooting"})


def _unnamed_subject(verb: Token) -> bool:
    """Whether the verb's doer is nobody named: a passive or no subject with a weapon or a
    fight told besides ("was killed during clashes"), a
    weapon ("an IED exploded", ``means`` in recall.yaml) or a bare noun for anyone ("men
    opened fire"), through the subject of the verb it is joined to ("surrounded a church, killing")."""
    cur = verb
    while cur.dep_ in _TOLD and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
        cur = cur.head
    subjects = [c for c in cur.children if c.dep_ == "nsubj"]
    if not subjects:
        # a passive or a bare verb: only with a weapon or a fight told besides the verb
        # ("killed during clashes", "exploded ... killing"), not "tourists were killed in Peru"
        means = recall_table().means | _FIGHTS
        return any(t.i != verb.i and t.lemma_.lower() in means for t in verb.sent)
    head = head_noun(subjects[0])
    lemma = head.lemma_.lower()
    means = recall_table().means
    # "mortar rounds fired", "artillery shells hit": a weapon named by its modifier
    weapon = any(c.dep_ == "compound" and c.lemma_.lower() in means for c in head.children)
    return lemma in _ANYONE or head.lower_ in _ANYONE or lemma in means or weapon


#: Entity tags of a name that may be a group: an organisation, a people ("Anti-Balaka").
_GROUP_TAGS = frozenset({"ORG", "NORP"})


def _unknown_name(verb: Token, ctx: SentenceContext) -> bool:
    """A subject that is a name no dictionary reads ("Anti-Balaka attacked a village"): in a
    note that tells the attack with a word of force, a group of the place the dictionaries do
    not know, coded as an unidentified armed group rather than dropped. Only a name tagged
    as an organisation or a people (not a person: "Sternenko stabbed a man"), and not a name
    any actor was read from."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    head = head_noun(subjects[0])
    if head.pos_ != "PROPN" or head.ent_type_ not in _GROUP_TAGS:
        return False
    return not any(ctx.index.at(t) for t in subjects[0].subtree)


def _own_clause(verb: Token) -> bool:
    """Whether the verb tells an act itself: the main verb, or joined to it ("exploded,
    killing the driver"), not named inside another clause ("accused of assaulting", "a fire
    that killed", "orders to shoot", "rebels said the two were captured") nor in a clause of
    time or cause ("after they were captured")."""
    cur = verb
    for _ in range(8):
        if cur.dep_ == "ROOT" or _root_by_misparse(cur):
            return True
        if cur.dep_ not in _TOLD or any(c.dep_ == "mark" for c in cur.children):
            return False
        cur = cur.head
    return False


def _root_by_misparse(verb: Token) -> bool:
    """A sentence parsed with its subject noun as the root and its main verb as a clause on
    that noun ("an explosive device detonated near a patrol, killing two": ROOT "device",
    acl "detonated"): with no verb of the sentence above it, the first such verb is the act
    the sentence tells."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in verb.children):
        return False
    first = next((c for c in head.children if c.dep_ == "acl"), None)
    return first is not None and first.i == verb.i


@register("unnamed-armed", Level.TRIGGER)
def unnamed_armed(ctx: SentenceContext) -> None:
    """"Insurgents bombarded the town": ---REB, as CAMEO codes them. In a short note of local
    reporting, an attack told with a word of force and no doer at all ("a roadside bomb
    exploded, leaving the driver dead", "one person was killed during inter-clan clashes")
    is by an unidentified armed group of the place. A deployment with no doer is by the
    forces it moves ("amid a deployment of Saudi forces", "a Russian military convoy was sent
    to the base"). A trigger with no source left after this pass codes nothing."""
    r = ctx.current
    r.unnamed = [] if r.source else _unnamed_armed(r.raw_source, r.trigger.rule.type)
    if r.unnamed:
        r.source = r.unnamed
    if not r.source and not r.raw_source:
        r.source = _note_violence(ctx) or _note_onset(ctx)
    if not r.source and not r.raw_source:
        r.source = _note_custody(ctx) or _note_property(ctx)
    if not r.source and not r.raw_source and r.type is PloverType.MOBILIZE:
        moved = _moved_forces(ctx)
        if moved:
            r.source = moved
            r.target = [a for a in r.target if all(a is not m for m in moved)]
    if not r.source:
        r.dropped = True


#: Links from a deployment noun to the forces it moves ("Saudi reinforcements",
#: "the army's deployment").
_OWN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})


def _moved_forces(ctx: SentenceContext) -> list[Actor]:
    """The forces a deployment with no doer moves, as its doer: a force moves itself ("amid
    a deployment of Saudi forces", "the reinforcements of the army arrived", "a Turkish military
    convoy was sent to the base"). Read from the modifiers and the "of" phrase of a deployment
    noun, or the subject of a passive deployment verb, when it names armed forces (a word of
    ``armed_words`` in realis.yaml or an armed actor) of a country."""
    tok = ctx.current.trigger.token
    if ctx.current.trigger.noun:
        phrases = [c for c in tok.children if c.dep_ in _OWN_MODIFIERS]
        phrases += [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    elif any(c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in tok.children):
        return []  # "where British forces are stationed": a standing presence, no move
    else:
        phrases = [c for c in tok.children if c.dep_ == "nsubjpass"]
    armed = words().armed
    for phrase in phrases:
        found = [a for t in phrase.subtree for a in ctx.index.at(t) if a.country]
        forces = phrase.dep_ in _OWN_MODIFIERS or any(
            t.lower_ in armed or t.lemma_.lower() in armed for t in phrase.subtree
        )  # "Saudi reinforcements" are forces; "a deployment of X" must say so
        if found and (forces or any(a.sector == "MIL" for a in found)):
            return found[:1]
    return []


def _unnamed_armed(raw_source: list[Actor], type_: str) -> list[Actor]:
    """Armed groups of no stated country ("insurgents", "gunmen") as the source of a violent
    event: CAMEO codes them ---REB and ---UAF rather than dropping the attack."""
    t = table()
    if type_ not in t.armed_types:
        return []
    return [a for a in raw_source if not a.country and a.sector in t.armed_sectors][:1]


def _note_violence(ctx: SentenceContext) -> list[Actor]:
    """The unidentified armed group of an attack whose doer the note does not name: an
    attack (not a coercion) told by a verb of its own clause (not a noun: "the war") in a
    short note, in a sentence with a word of force, with no
    attack coded in it or in the two sentences before (a toll told after an attack is that
    attack's). Of the country where it happened when the sentence says (event-country
    places it otherwise)."""
    r = ctx.current
    trig = r.trigger
    if r.type is not PloverType.ASSAULT or not ctx.state.short_note:
        return []
    tok = trig.token
    if trig.noun or tok.pos_ != "VERB" or not _own_clause(tok) or not violent(ctx.sentence):
        return []  # "the war", "accused of assaulting", "a fire that killed": no act told
    if not _unnamed_subject(tok) and not _unknown_name(tok, ctx):
        return []  # "the striker fired three shots": a doer of another kind
    if ctx.coded_within(PloverType.ASSAULT, back=_OWNED):
        return []
    return _doer_at(tok, ctx, "unidentified armed group", "UAF", "unnamed,note-violence")


def _note_onset(ctx: SentenceContext) -> list[Actor]:
    """The unidentified armed group of a fight told by its onset with nobody named in a
    short note ("a fight broke out at the market in Kisumu", events/onsets.py), unless an
    attack of this sentence or the two before owns it."""
    r = ctx.current
    if r.type is not PloverType.ASSAULT or not ctx.state.short_note or not onset_fight(r.trigger):
        return []
    if ctx.coded_within(PloverType.ASSAULT, back=_OWNED):
        return []
    return _doer_at(r.trigger.token, ctx, "unidentified armed group", "UAF", "unnamed,onset-fight")


def _doer_at(tok: Token, ctx: SentenceContext, name: str, sector: str, how: str) -> list[Actor]:
    """An unnamed group as the doer of the act told by ``tok``, of the country where it acted."""
    return [
        Actor(
            text=tok.text, start=tok.idx, end=tok.idx + len(tok.text),
            name=name, country=country_of_act(tok, ctx.where),
            sector=sector, kind="group", how=how,
        )
    ]  # fmt: skip


#: Verbs of taking people into custody: told in the passive with no agent in a short note
#: ("five men were arrested in Izmir"), the doers are the police of the place.
_CUSTODY = frozenset({"arrest", "detain", "apprehend", "jail", "imprison"})


def _custody_verb(trig: Trigger) -> bool:
    """A verb of custody: one of ``_CUSTODY``, or an arrest rule of several words ("were
    taken into custody", "was placed under arrest")."""
    if trig.token.lemma_.lower() in _CUSTODY:
        return True
    return trig.rule.mode == "arrest" and len(trig.words) > 1


def _passive_without_agent(verb: Token) -> bool:
    """A passive verb ("were arrested") with nobody named after "by"."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    return not any(c.dep_ == "agent" for c in verb.children)


def _note_custody(ctx: SentenceContext) -> list[Actor]:
    """The police of the place as the doers of an arrest told in the passive with no agent
    in a short note ("two journalists were detained in Minsk", "15 people were arrested in
    Lagos for breaking the curfew"): COERCE by whoever holds the power to arrest there, the
    police as ACLED codes such notes. Only a verb of its own clause ("after they were
    arrested" is time, not an act told), and not an arrest an event of this sentence or the
    sentence before already codes ("police raided the house; three men were arrested")."""
    r = ctx.current
    trig = r.trigger
    if r.type is not PloverType.COERCE or not ctx.state.short_note or trig.noun:
        return []
    tok = trig.token
    if tok.pos_ not in ("VERB", "AUX") or not _custody_verb(trig):
        return []
    if not _own_clause(tok) or not _passive_without_agent(tok):
        return []
    if ctx.coded_within(PloverType.COERCE, back=1):
        return []
    return _doer_at(tok, ctx, "police", "COP", "unnamed,note-custody")


#: Verbs of property taken or wrecked: told in the passive with no agent in a short note
#: ("dozens of shops were looted in Ouagadougou"), the doers are an unidentified group.
_PROPERTY = frozenset({"loot", "ransack", "pillage", "plunder", "vandalise", "vandalize", "torch"})


def _note_property(ctx: SentenceContext) -> list[Actor]:
    """An unidentified armed group as the doer of looting or wrecking told in the passive
    with no agent in a short note ("several houses were ransacked in Kalehe"), in a clause of
    its own, unless an attack or a coercion of this sentence or the two before owns it
    ("gunmen raided the village. Shops were looted.")."""
    r = ctx.current
    trig = r.trigger
    if r.type not in (PloverType.ASSAULT, PloverType.COERCE) or not ctx.state.short_note:
        return []
    tok = trig.token
    if trig.noun or tok.pos_ != "VERB" or tok.lemma_.lower() not in _PROPERTY:
        return []
    if not _own_clause(tok) or not _passive_without_agent(tok):
        return []
    if ctx.coded_within(PloverType.ASSAULT, PloverType.COERCE, back=_OWNED):
        return []
    return _doer_at(tok, ctx, "unidentified armed group", "UAF", "unnamed,note-property")
