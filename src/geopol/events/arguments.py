"""The arguments of a trigger: who did it (source) to whom (target), read from the parse
with the helpers of ``events/dyads.py``."""

from __future__ import annotations

from spacy.tokens import Span, Token

from geopol.events.datafile import word_set, word_tuple
from geopol.events.dyads import (
    TARGET_PREPS,
    ActorIndex,
    _nominal_actors,
    between,
    clause_subject,
    same_title,
    subject_of,
)
from geopol.events.dyads import identified as _identified
from geopol.events.lexicon import Lexicon
from geopol.events.nouns import noun_source, noun_target, received
from geopol.events.placed import AIMED
from geopol.events.targets import aimed_targets, object_of, prep_targets
from geopol.events.triggers import Trigger, _noun_rule
from geopol.events.verb_phrases import _lemma
from geopol.records import Actor, PloverType, is_organisation_code

_VISIT_PREPS = word_tuple("visit_preps")

#: Whom one consults: "talks with", "spoke to"; "talks on Ukraine" names a topic, not a party.
_CONSULT_PREPS = word_tuple("consult_preps")

_DURING = word_set("during")
#: Meetings that stand for the parties named "between" them ("the talks between A and B").
_MEETINGS = word_set("meetings")
#: Types of the agreements a meeting reaches, or fails to.
_MEETING_ACTS = frozenset({PloverType.AGREE, PloverType.SUPPORT})
#: Verbs by which one goes along with another to a meeting: "joined X for talks".
_JOINING = word_set("joining")

#: Whom a request noun is addressed to: "an appeal to Russia", "a call on the UN"; "an appeal
#: against a ruling" or "against an inmate's compensation" challenges a decision, it asks
#: nobody named there.
_REQUEST_NOUN_PREPS = tuple(p for p in TARGET_PREPS if p != "against")

#: Event types whose target may be the subject of the clause they take: the one asked
#: ("demanded that Chile withdraw"), accused ("alleged that France was aware") or refused
#: ("rejected Netanyahu to postpone the hearing").
_CLAUSE_TARGETS = frozenset({PloverType.REQUEST, PloverType.ACCUSE, PloverType.REJECT})


def _meeting_subject(tok: Token) -> Token | None:
    """The meeting that is the subject of the verb a trigger is (or is the object of),
    through any chain of verbs it completes: "the summit ... failed to reach an agreement"
    (the summit), "the talks ... agreed on a truce" (the talks)."""
    verb = tok.head if tok.dep_ == "dobj" else tok
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    for ch in verb.children:
        if ch.dep_ == "nsubj" and (ch.lemma_.lower() in _MEETINGS or ch.lower_ in _MEETINGS):
            return ch
    return None


def dyad(
    trig: Trigger, sent: Span, idx: ActorIndex, lex: Lexicon
) -> tuple[list[Actor], list[Actor]]:
    tok = trig.token
    if trig.rule.gathering_visit:
        # "attended the Beijing Games": the gathering's place is the one visited.
        return subject_of(tok, idx)[0], _gathering_place(trig.words[-1], idx)
    pair = between(sent, idx, tok)
    if pair is None and trig.noun and tok.dep_ == "nsubj":
        pair = between(sent, idx, tok.head)  # "fighting broke out between A and B"
    if pair is None and trig.rule.type in _MEETING_ACTS:
        meeting = _meeting_subject(tok)
        if meeting is not None:
            # "the talks between A and B failed to reach an agreement": the parties
            pair = between(sent, idx, meeting)
    if pair is None and trig.rule.mode == "third-party":
        # "launched a mediation effort to resolve the rift between Qatar and other Gulf
        # states": the parties named in the clause of its purpose, or one party only
        parties = _mediated(idx, tok)
        found = _mediator(tok, idx) if trig.noun else subject_of(tok, idx)[0]
        doer = [a for a in found if a.country]
        if parties and doer and not {a.code for a in doer} & {a.code for a in parties}:
            return doer, parties
    if pair is not None:
        if not trig.noun or trig.rule.mode == "third-party":
            # "Egypt is mediating between Israel and Hamas": the subject acts on both parties;
            # so does the one who offers or leads a mediation ("Norway launched a mediation
            # effort between Colombia and Venezuela")
            found = _mediator(tok, idx) if trig.noun else subject_of(tok, idx)[0]
            doer = [a for a in found if a.country]
            parties = pair[0] + pair[1]
            if doer and not {a.code for a in doer} & {a.code for a in parties}:
                return doer, parties
        return pair
    preps = (
        _VISIT_PREPS
        if trig.rule.mode == "visit"
        else _CONSULT_PREPS
        if trig.rule.type == PloverType.CONSULT
        else None
    )
    if trig.noun and (got := received(tok, idx)) is not None:
        return got  # "Obama faces pressure from Congress": Congress presses Obama
    if trig.noun:
        source = noun_source(tok, idx, lex.light_verbs)
        if (
            not source
            and preps
            and tok.dep_ == "pobj"
            and tok.head.lower_ in _DURING
            and tok.head.head.pos_ == "VERB"
        ):
            # "held talks during a visit to Beirut": the one who visits is the clause's subject
            source, _ = subject_of(tok.head.head, idx)
        if not source and trig.rule.type == PloverType.CONSULT:
            joined = _joined_for(tok, idx)
            if joined is not None:
                return joined
        request = trig.rule.type == PloverType.REQUEST
        target = noun_target(tok, idx, preps or (_REQUEST_NOUN_PREPS if request else TARGET_PREPS))
        source, target = _light_verb_doer(tok, idx, lex, source, target)
    else:
        source, _ = subject_of(tok, idx)
        if not source:
            source = _root_noun_doer(trig, idx)
        if not source and (light := _light_verb_of(tok, lex)) is not None:
            # "gunmen carried out a shooting": a gerund the tagger read as a verb is the
            # light verb's object, done by its subject
            source = subject_of(light, idx)[0]
        target = object_of(tok, idx, preps) if preps else object_of(tok, idx)
        if not source and trig.rule.type == PloverType.ASSAULT:
            source = _means_doer(tok, idx, lex)
        if not target and (trig.rule.aimed or trig.rule.type == PloverType.ASSAULT):
            # "fired water cannon at a Philippine vessel": what a shot is aimed at
            target = aimed_targets(tok, idx, AIMED)
        if not target and source:
            # "brokered a truce between Israel and Hamas": the parties are the targets
            for obj in (ch for ch in tok.children if ch.dep_ == "dobj"):
                pair = between(sent, idx, obj)
                if pair is not None:
                    target = pair[0] + pair[1]
        if not target and trig.rule.objects:
            # "advised against travel to Tunisia": the named object carries the target.
            for prep in (ch for ch in tok.children if ch.dep_ == "prep"):
                for obj in prep.children:
                    if obj.dep_ == "pobj" and _lemma(obj) in trig.rule.objects:
                        target = target or prep_targets(obj, idx)
    if not target and not trig.noun and trig.rule.type in _CLAUSE_TARGETS:
        # "demanded that Chile withdraw": Chile is asked; "alleged that France was aware":
        # France is accused; "rejected Netanyahu to postpone": Netanyahu is refused
        # another body of the doer's own state may be the one asked ("Israel's attorney
        # general rejected Prime Minister Netanyahu to ..."): the doer itself is dropped below
        target = clause_subject(tok, idx, mandative=trig.rule.type != PloverType.ACCUSE)
    # "Iraq asked the coalition to leave the country": no state is its own target
    target = [t for t in target if all(t is not s and not _same_state(t, s) for s in source)]
    if trig.rule.swap and target:
        # "X hosted Y": the visitor Y is the source (PLOVER codes the visit, not the hosting).
        return target, source
    return source, target


def _joined_for(noun: Token, idx: ActorIndex) -> tuple[list[Actor], list[Actor]] | None:
    """A meeting noun after "for" on a verb of joining: "the chancellor joined the French
    president for talks" is a meeting of the verb's subject with its object."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or verb.lemma_.lower() not in _JOINING:
        return None
    source = [a for a in subject_of(verb, idx)[0] if a.country]
    target = [
        a
        for ch in verb.children
        if ch.dep_ == "dobj"
        for a in _nominal_actors(ch, idx)
        if a.country
    ]
    if not source or not target or {a.code for a in source} & {a.code for a in target}:
        return None
    return source, target


def _root_noun_doer(trig: Trigger, idx: ActorIndex) -> list[Actor]:
    """The doer of a prepositional verb the parser hung as a participle on the sentence's
    root noun, as if the sentence had no verb: in "a congressional report called for
    sanctions against China" (or "a name, a former minister, called for") "called" is read
    as "a report (that was) called". A passive could not keep its preposition's object
    ("the sanctions called for"), so a preposition of the verb's phrase with an object of
    its own (not a phrase word: "taken into custody"), and no "by" phrase, make the root
    noun its subject."""
    tok = trig.token
    head = tok.head
    if tok.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN") or tok.i < head.i:
        return []
    if any(ch.dep_ == "agent" for ch in tok.children):
        return []
    own_object = any(
        w.dep_ == "prep"
        and w.head.i == tok.i
        and any(p.dep_ == "pobj" and p not in trig.words for p in w.children)
        for w in trig.words[1:]
    )  # not "activists taken into custody": a passive keeps an object that is a phrase word
    if not own_object:
        return []
    # "a name, a former Russian minister, called for": the apposition says who it is
    appos = [a for ch in head.children if ch.dep_ == "appos" and ch.i < tok.i for a in idx.group(ch)]
    return _nominal_actors(head, idx) or [a for a in appos if a.country]


def _mediated(idx: ActorIndex, tok: Token) -> list[Actor]:
    """The parties of a mediation with a country, named "between" them on the trigger or on
    the object of the clause of its purpose (a mediation effort "to resolve the rift between"
    them, mediating "to end the war between" them), also where only one is named."""
    heads = [tok] + [
        obj
        for clause in tok.children
        if clause.dep_ in ("acl", "xcomp", "advcl", "relcl")
        for obj in clause.children
        if obj.dep_ == "dobj"
    ]
    for head in heads:
        for ch in head.children:
            if ch.dep_ == "prep" and ch.lower_ in ("between", "among"):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        found = idx.group(p) or _nominal_actors(p, idx)
                        return [a for a in found if a.country]
    return []


def _mediator(noun: Token, idx: ActorIndex) -> list[Actor]:
    """Who leads a mediation named by a noun: its owner ("Qatar's mediation"), its "by"
    phrase, or the subject of the verb it is the object of ("Norway launched a mediation
    effort", "Qatar offered mediation"); never the parties it is "between"."""
    for ch in noun.children:
        if ch.dep_ in ("poss", "amod", "compound", "nmod") and idx.at(ch):
            return idx.group(ch)
        if ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ == "by"):
            for p in ch.children:
                if p.dep_ == "pobj" and idx.at(p):
                    return idx.group(p)
    if noun.dep_ == "dobj":
        return subject_of(noun.head, idx)[0]
    return []


def _means_doer(verb: Token, idx: ActorIndex, lex: Lexicon) -> list[Actor]:
    """ "Soldiers were killed in an attack by Taliban fighters": the doer of the attack the
    victims died in is the doer of the killing."""
    for ch in verb.children:
        if ch.dep_ == "prep" and ch.lower_ in ("in", "during"):
            for p in ch.children:
                if p.dep_ == "pobj" and _noun_rule(p, lex) is not None:
                    found = noun_source(p, idx, lex.light_verbs)
                    if found:
                        return found
    return []


def _same_state(a: Actor, b: Actor) -> bool:
    """Two mentions of one actor: one state as such ("Iraq" ... "the country"), not two
    bodies of it, or a mention and a pronoun for it ("the IMF ... its part")."""
    if a.country != b.country:
        return False
    if a.sector is None and b.sector is None:
        return True
    linked = (a.coref_of == b.start and same_title(a, b)) or (
        b.coref_of == a.start and same_title(b, a)
    )
    return a.code == b.code and (linked or (a.coref_of is not None and a.coref_of == b.coref_of))


def _light_verb_of(verb: Token, lex: Lexicon) -> Token | None:
    """The light verb whose object a verb trigger is: a gerund the tagger read as a verb
    ("carried out a shooting"), or one the parser split at a hyphen ("carried out a
    drive-by shooting", the object "drive" and the gerund hung on it)."""
    obj = verb
    if (
        verb.dep_ in ("acl", "compound")
        and verb.head.dep_ == "dobj"
        and verb.head.i < verb.i
        and not verb.head.whitespace_
        and verb.doc[verb.head.i + 1].text == "-"
    ):
        obj = verb.head
    if obj.dep_ != "dobj" or obj.head.lemma_.lower() not in lex.light_verbs:
        return None
    return obj.head


def _light_verb_doer(
    noun: Token, idx: ActorIndex, lex: Lexicon, source: list[Actor], target: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """ "Japan offered Ukraine new aid", "the US held Iran talks": the light verb's subject
    does the event; an actor modifying the noun is then its target, not its doer."""
    head = noun.head
    if noun.dep_ != "dobj" or head.lemma_.lower() not in lex.light_verbs or not source or target:
        return source, target  # "escalate Western sanctions against X": the modifier acts
    if any(ch.dep_ in ("nsubj", "nsubjpass") and ch.pos_ == "PRON" for ch in head.children):
        return source, target
    if not any(ch.dep_ in ("nmod", "compound", "amod") and idx.at(ch) for ch in noun.children):
        return source, target
    doer = [a for a in subject_of(head, idx)[0] if a.code]
    if not doer or {a.code for a in doer} & {a.code for a in source}:
        return source, target
    return doer, source


def _gathering_place(noun: Token, idx: ActorIndex) -> list[Actor]:
    """The country actors naming where a gathering is: "the Beijing Games", "a summit in
    Switzerland" (not "a summit on the unrest in Iran": the topic is no place)."""
    named: list[Actor] = []
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ in ("in", "at"):
            for p in ch.children:
                if p.dep_ == "pobj" and idx.at(p):
                    named.extend(_identified(idx.group(p)))
    for ch in noun.children:
        if ch.dep_ in ("compound", "nmod", "amod", "poss") and idx.at(ch):
            named.extend(_identified(idx.group(ch)))
    # "the G20 summit in Rome": the host country is visited, not the organisation.
    states = [a for a in named if not _is_organisation(a)]
    return states[:1] or named[:1]


def _is_organisation(a: Actor) -> bool:
    return is_organisation_code(a.country)
