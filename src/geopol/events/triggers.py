"""Triggers: the verbs and event nouns of the trigger lexicon in a sentence, one per event.

A trigger is a verb or an event noun found in the trigger lexicon
(``data/events/triggers.yaml``). Verbs that only carry an event noun ("held a summit",
"imposed sanctions") give way to the noun; the content of an agreement, request, refusal
or threat ("agreed to withdraw") is folded into it (``_prune``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.tokens import Span, Token

from geopol.docarrays import doc_arrays
from geopol.events.cameo import cameo_code
from geopol.events.crowd_acts import assembled_protests, crowd_protest_triggers, found_remains
from geopol.events.datafile import word_set
from geopol.events.derived import table
from geopol.events.lexicon import Lexicon, Phrase, Rule
from geopol.events.placed import AIMED
from geopol.events.tallies import slashed_nouns
from geopol.events.verb_phrases import _lemma, _object_words, _phrase_objects, _rest_present
from geopol.events.verbdict import alone as fallback_alone
from geopol.records import PloverType

_DESTINATION = word_set("destination_preps")


@dataclasses.dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    rule: Rule
    noun: bool
    words: tuple[Token, ...]
    #: The events an agreement, request, refusal or threat is about ("agreed to lift the
    #: sanctions": the lifting), which ``_prune`` folds into it.
    content: tuple[Trigger, ...] = ()

def _verb_rank(p: Phrase) -> tuple[int, bool, int]:
    """Longest phrase first, then those that ask for an object, then in file order."""
    return (-len(p.rest), not p.rule.objects, p.rule.order)

def _noun_rank(p: Phrase) -> tuple[int, int]:
    """Longest phrase first, then in file order."""
    return (-len(p.rest), p.rule.order)

#: Each phrase list sorted by each rank, by the list's id and the rank: the list itself and a
#: copy of its items are kept beside the sorted copy, so a list changed since is sorted again.
_RANKED: dict[tuple[int, object], tuple[Sequence[Phrase], tuple[Phrase, ...], tuple[Phrase, ...]]] = {}

def _ranked(phrases: Sequence[Phrase], rank: Callable[[Phrase], Any]) -> tuple[Phrase, ...]:
    """``sorted(phrases, key=rank)`` (a stable sort), sorted once per phrase list instead of
    once per token."""
    key = (id(phrases), rank)
    kept = _RANKED.get(key)
    if kept is not None and kept[0] is phrases and kept[1] == tuple(phrases):
        return kept[2]
    ranked = tuple(sorted(phrases, key=rank))
    _RANKED[key] = (phrases, tuple(phrases), ranked)
    return ranked

def _verb_rule(tok: Token, lex: Lexicon) -> tuple[Rule, tuple[Token, ...]] | None:
    phrases: Sequence[Phrase] = lex.verbs.get(_lemma(tok), ())
    if not phrases:
        return None
    objects: list[str] | None = None
    ranked = _ranked(phrases, _verb_rank)
    best: tuple[int, Rule, tuple[Token, ...]] | None = None
    for p in ranked:
        extra = _rest_present(tok, p.rest)
        if extra is None:
            continue
        if p.rule.intransitive and any(ch.dep_ == "dobj" for ch in tok.children):
            continue
        if p.rule.needs_object and not any(
            ch.dep_ in ("dobj", "dative", "ccomp", "nsubjpass")
            or (ch.dep_ == "prep" and ch.lower_ in ("for", "from", "on"))
            for ch in tok.children
        ):
            continue  # "seeking to deepen ties" is an attempt, not a request
        if p.rule.aimed and not _aimed(tok):
            continue  # "launched missiles" is a test, "launched missiles at X" an attack
        if p.rule.mode == "visit" and not p.rule.swap and not _destination(tok):
            continue  # a visit goes somewhere: not "it is going to be", "goes to show"
        if p.rule.not_objects:
            if objects is None:
                objects = _object_words(tok)
            if any(o in p.rule.not_objects for o in objects):
                continue
        if p.rule.objects:
            if objects is None:
                objects = _object_words(tok)
            hits = [o for o in [*objects, *_phrase_objects(extra)] if o in p.rule.objects]
            if not hits:
                continue
            # The most specific object wins among entries of the same rank: "expelled aid
            # workers" (an expulsion of aid staff) before "expelled workers" (a deportation).
            fit = max(len(o.split()) for o in hits)
            if best is None or fit > best[0]:
                best = (fit, p.rule, extra)
            continue
        if best is not None:
            break
        return p.rule, extra
    return (best[1], best[2]) if best is not None else None

def _destination(verb: Token) -> bool:
    """A verb of travel with somewhere to go: "went to Paris", not "was going to be
    impressed" (a future) or "was not going, for example" (no place)."""
    if any(ch.dep_ == "xcomp" for ch in verb.children) and verb.lemma_.lower() == "go":
        return False
    for ch in verb.children:
        if ch.dep_ == "dobj":
            return True
        if (
            ch.dep_ == "prep"
            and ch.lower_ in _DESTINATION
            and any(p.dep_ == "pobj" and p.lower_ not in _NO_PLACE for p in ch.children)
        ):
            return True
    return False

_NO_PLACE = word_set("no_place")

#: Where a test shot lands: "fired missiles into the sea" is no attack.
_OPEN = word_set("open_places")

def _aimed(verb: Token) -> bool:
    """The verb has a phrase aiming it at something: "at the base", "into Israel", not
    "on Tuesday" or "into the sea"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in AIMED:
            continue
        for obj in prep.children:
            if (
                obj.dep_ == "pobj"
                and obj.ent_type_ not in ("DATE", "TIME")
                and obj.lemma_.lower() not in _OPEN
            ):
                return True
    return False

def _of_phrase(head: Token, lex: Lexicon) -> Rule | None:
    """The rule of a noun phrase of the lexicon with "of" in it, headed by ``head`` ("a state of
    siege", "a show of force"): the parser hangs its last word on "of" under its first."""
    for p in head.children:
        if p.dep_ != "prep" or p.lower_ != "of":
            continue
        for q in p.children:
            if q.dep_ != "pobj":
                continue
            for ph in lex.nouns.get(_lemma(q), ()) or lex.nouns.get(q.lower_, ()):
                if ph.rest in ((head.lower_, "of"), (_lemma(head), "of")):
                    return ph.rule
    return None

def _noun_rule(tok: Token, lex: Lexicon) -> Rule | None:
    rule = _of_phrase(tok, lex)
    if rule is not None:
        return rule
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _of_phrase(tok.head.head, lex):
        return None  # "siege" in "a state of siege": the phrase is coded at its head
    phrases = lex.nouns.get(_lemma(tok), ()) or lex.nouns.get(tok.lower_, ())
    if not phrases:
        return None
    mods = [m.lower_ for m in tok.lefts]
    # "military aid package": a modifier of the compound counts too
    mods += [m.lower_ for c in tok.lefts if c.dep_ == "compound" for m in c.lefts]
    for p in _ranked(phrases, _noun_rank):
        if all(w in mods for w in p.rest):
            return p.rule
    return None

def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """The triggers of a sentence, one event per trigger (see ``_prune``)."""
    # CAMEO dictionary verbs only where no hand-written trigger codes the sentence
    raw = fallback_alone(_raw_triggers(sent, lex))
    for tok, rule in assembled_protests(sent, {t.token.i for t in raw}):
        raw = [t for t in raw if t.token.i != tok.i]
        raw.append(Trigger(tok, rule, noun=False, words=(tok,)))
    for tok, rule in crowd_protest_triggers(sent, [(t.token, t.rule) for t in raw]):
        raw = [t if t.token.i != tok.i else dataclasses.replace(t, rule=rule) for t in raw]
    for tok, rule in found_remains(sent, {t.token.i for t in raw}):
        raw.append(Trigger(tok, rule, noun=False, words=(tok,)))
    for tok, rule in slashed_nouns(sent, lex, {t.token.i for t in raw}):
        raw.append(Trigger(tok, rule, noun=True, words=(tok,)))
    return _prune(raw, sent, lex)

#: Types whose verb carries another event as its content: "agreed to withdraw", "urged
#: Russia to withdraw", "refused to meet", "threatened to impose sanctions". PLOVER codes
#: the agreement, request, refusal or threat; the content is its mode, not a second event.
CONTAINER_TYPES = frozenset({PloverType.AGREE, PloverType.REQUEST, PloverType.REJECT, PloverType.THREATEN})

#: Type and mode of the cut-offs that contain what they end: "suspension of aid".
_ENDING = (PloverType.SANCTION, "withdraw")

#: What a refusal does not swallow: "denied attacking" stays a (negated) attack, and an
#: accusation stays one ("Moscow accused Kyiv of the attack, a charge Ukraine denied").
_CONFLICT = frozenset(
    {PloverType.ASSAULT, PloverType.COERCE, PloverType.MOBILIZE, PloverType.PROTEST, PloverType.SANCTION, PloverType.THREATEN, PloverType.ACCUSE}
)

_CONTENT_DEPS = frozenset({"xcomp", "ccomp", "pobj", "prep", "pcomp", "dobj"})

def _container(trig: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The agreement, request, refusal, threat or cut-off whose content ``trig`` is, if any."""
    cur = trig.token
    for _ in range(4):
        # "to help", "refusal to engage": an infinitive of purpose or content
        infinitive = cur.dep_ in ("advcl", "acl") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in cur.children
        )
        if (cur.dep_ not in _CONTENT_DEPS and not infinitive) or cur.head.i == cur.i:
            return None
        cur = cur.head
        outer = by_token.get(cur.i)
        if outer is None or not (
            outer.rule.type in CONTAINER_TYPES or (outer.rule.type, outer.rule.mode) == _ENDING
        ):
            continue  # "offered to send troops to help": the walk goes on through "send"
        if outer.rule.type == PloverType.REJECT and trig.rule.type in _CONFLICT:
            return None
        return outer
    return None


def _prune(trigs: list[Trigger], sent: Span, lex: Lexicon) -> list[Trigger]:
    """One event per trigger: drop the content of a container verb, and an event noun that
    a verb entry names as its object ("provided aid", "violated the ceasefire"); then let
    sentence cues retype what is left (troops sent on a peacekeeping mission are aid)."""
    verbs = {t.token.i: t for t in trigs if not t.noun}
    named = _named_objects(verbs.values()) | {w.i for t in verbs.values() for w in t.words}
    free = [t for t in trigs if not (t.noun and t.token.i in named)]
    by_token = {t.token.i: t for t in free}
    kept: list[Trigger] = []
    content: dict[int, list[Trigger]] = {}
    for t in free:
        outer = _container(t, by_token)
        if outer is None:
            kept.append(t)
        else:
            content.setdefault(outer.token.i, []).append(t)
    kept = [
        dataclasses.replace(
            _by_content(_vowed_force(t, content.get(t.token.i, [])), content),
            content=tuple(content.get(t.token.i, [])),
        )
        for t in kept
    ]
    if not lex.retypes or not kept:
        return kept
    arrays = doc_arrays(sent.doc)
    span = range(sent.start, sent.end)
    words = {arrays.lower[i] for i in span} | {arrays.lemma[i].lower() for i in span}
    out = []
    for t in kept:
        for r in lex.retypes:
            if t.rule.type in r.types and not words.isdisjoint(r.words):
                t = dataclasses.replace(t, rule=r.rule)
                break
        out.append(t)
    return out


def _carried(noun: Token, verb_rule: Rule, lex: Lexicon) -> bool:
    """An event noun a light verb only carries ("held talks", "gave its backing"): not one
    the verb's own entry names as what it acts on with an act of another type ("approved a
    request": a concession to whoever asked, no request)."""
    own = _noun_rule(noun, lex)
    if own is None:
        return False
    return _lemma(noun) not in verb_rule.objects or own.type == verb_rule.type


def _named_objects(verbs: Iterable[Trigger]) -> set[int]:
    """The objects of verb entries that name their object ("provided aid", "violated the
    ceasefire"), and event nouns such an entry names through a part of its object: "ease
    some of its restrictions", "lifted most of the sanctions" (the noun is what is eased, no
    act of its own)."""
    out: set[int] = set()
    for t in verbs:
        if not t.rule.objects:
            continue
        for o in t.token.children:
            if o.dep_ not in ("dobj", "nsubjpass"):
                continue
            out.add(o.i)
            for p in o.children:
                if p.dep_ == "prep" and p.lower_ in ("of", "in"):
                    out.update(
                        q.i
                        for q in p.children
                        if q.dep_ == "pobj"
                        and (_lemma(q) in t.rule.objects or q.lower_ in t.rule.objects)
                    )
    return out


def _vowed_force(trig: Trigger, content: list[Trigger]) -> Trigger:
    """A pledge whose content is force ("vowed to strike India") is a threat, not an
    agreement: PLOVER codes the stated intent to attack as THREATEN (CAMEO 138)."""
    t = table()
    if trig.rule.type != PloverType.AGREE or _lemma(trig.token) not in t.intent:
        return trig
    for c in content:
        code = t.threaten.get(c.rule.type)
        if code is not None:
            mode = "violence" if c.rule.type == PloverType.ASSAULT else "restrict"
            rule = dataclasses.replace(
                trig.rule, type=PloverType.THREATEN, mode=mode, cameo=code, contexts=c.rule.contexts
            )
            return dataclasses.replace(trig, rule=rule)
    return trig

#: Generic codes of requests and refusals that their content makes specific.
_GENERIC = frozenset(
    cameo_code(name) for name in ("Demand", "Reject", "Express intent to cooperate")
)

def _by_content(trig: Trigger, content: dict[int, list[Trigger]]) -> Trigger:
    """The CAMEO code of a request or refusal by what is asked or refused: "urged Russia to
    withdraw" is an appeal to yield (025), "demanded aid" a demand for aid (103), "refused
    to meet" a rejected meeting (125). The PLOVER type stays."""
    inner = content.get(trig.token.i)
    if not inner or trig.rule.cameo not in _GENERIC:
        return trig
    t = table()
    what = inner[0].rule.type
    if trig.rule.type == PloverType.AGREE:
        # "agreed to lift the sanctions": intent to ease sanctions (0354), not just "agree".
        code = t.promise_code(what, inner[0].rule.mode, inner[0].rule.cameo)
    elif trig.rule.type == PloverType.REJECT:
        code = t.reject.get(what)
    elif _lemma(trig.token) in t.demand:
        code = t.demand_codes.get(what, t.demand_codes["default"])
    else:
        code = t.appeal_codes.get(what, t.appeal_codes["default"])
    if code is None:
        return trig
    return dataclasses.replace(trig, rule=dataclasses.replace(trig.rule, cameo=code))

#: Fixed phrases "in <noun> <prep>" whose noun is no event: "in exchange for", "in return
#: for", "in support of", "in response to".
_IDIOMS = frozenset(tuple(w.split()) for w in word_set("idioms"))

def _idiom(tok: Token) -> bool:
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    return any(
        ch.dep_ == "prep" and (_lemma(tok), ch.lower_) in _IDIOMS for ch in tok.children
    )

#: The parts of speech ``_raw_triggers`` reads a rule for.
_TRIGGER_POS = frozenset({"VERB", "ADJ", "AUX", "NOUN", "PROPN"})

#: Named entities whose words are no event nouns ("until March": the month, no march).
_NOT_EVENT_ENTS = frozenset({"PERSON", "GPE", "ORG", "NORP", "DATE", "TIME"})

def _raw_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    out: list[Trigger] = []
    consumed: set[int] = set()  # words of a multi-word verb: "put its army on alert"
    doc = sent.doc
    arrays = doc_arrays(doc)
    pos, dep = arrays.pos, arrays.dep
    for i in range(sent.start, sent.end):
        p = pos[i]
        if p not in _TRIGGER_POS:
            continue  # no rule below reads another word
        if p in ("VERB", "ADJ") and dep[i] in ("amod", "compound"):
            continue  # "U.S.-backed fighters": a description of an actor, not an event
        if p in ("NOUN", "PROPN"):
            # an event noun: not a word of a multi-word verb, of an idiom or of a name
            if i in consumed or arrays.ent_type[i] in _NOT_EVENT_ENTS:
                continue
            tok = doc[i]
            if _idiom(tok):
                continue
            noun_rule = _noun_rule(tok, lex)
            if noun_rule is not None:
                out.append(Trigger(tok, noun_rule, noun=True, words=(tok,)))
            continue
        tok = doc[i]
        if not (
            p == "VERB"
            or (p == "ADJ" and any(ch.dep_ == "xcomp" for ch in tok.children))
            # "is willing to send", "ready to contribute"
            or (p == "AUX" and dep[i] == "ROOT" and arrays.lemma[i] != "be")
        ):
            continue
        found = _verb_rule(tok, lex)
        if found is None:
            continue
        rule, extra = found
        if _lemma(tok) in lex.light_verbs and any(
            ch.dep_ in ("dobj", "attr") and _carried(ch, rule, lex) for ch in tok.children
        ):
            continue  # "held talks": the noun is the trigger
        out.append(Trigger(tok, rule, noun=False, words=(tok, *extra)))
        consumed.update(t.i for t in extra)
    return out
