"""The event coder: triggers -> dyads -> factuality -> date -> place -> Event records.

A trigger is a verb or an event noun found in the trigger lexicon
(``data/events/triggers.yaml``). Verbs that only carry an event noun ("held a summit",
"imposed sanctions") give way to the noun. An event is kept when its source includes at
least one identified actor (an actor with a country or organisation code).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from geopol import __version__
from geopol.dates import date_for_event, find_dates
from geopol.events.alignment import stated_alignments
from geopol.events.arguments import fill as fill_arguments  # recall (issue 15)
from geopol.events.cameo import PLOVER_INTENSITY, PLOVER_QUAD, cameo_info, closest_cameo
from geopol.events.derived import derive, repression_rule, riot_rule, table
from geopol.events.dyads import (
    ActorIndex,
    aimed_targets,
    anaphoric_object,
    between,
    clause_subject,
    noun_source,
    noun_target,
    object_of,
    prep_targets,
    received,
    subject_of,
)
from geopol.events.factuality import assess
from geopol.events.lexicon import Lexicon, Phrase, Rule, load
from geopol.events.placed import (
    AIMED,
    Where,
    by_accident,
    placed_source,
    placed_target,
    venue_state,
)
from geopol.events.recall import (  # recall (issue 15)
    assembled_protests,
    crowd_dissent,
    own_country_target,
    placed_doer,
    slashed_nouns,
    unnamed_target,
    unplaced_organ,
)
from geopol.events.stance import speaker, stated_in
from geopol.events.topic import article_topic, kept_in_skipped_sentence
from geopol.events.verbdict import alone as fallback_alone  # recall (issue 15)
from geopol.places import locate_event
from geopol.records import (
    Actor,
    Article,
    Event,
    EventDate,
    Evidence,
    Factuality,
    Place,
    StatedAlignment,
    is_organisation_code,
)
from geopol.records import (
    Span as TextSpan,
)

CODER_VERSION = f"geopol-{__version__}"
#: Types where "A and B did it" with no object means A with B.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "SUPPORT"})
_VISIT_PREPS = ("to", "in", "with", "at")
#: Whom one consults: "talks with", "spoke to"; "talks on Ukraine" names a topic, not a party.
_CONSULT_PREPS = ("with", "to", "by", "of")
_DESTINATION = frozenset({"to", "in", "into", "at", "for"})
_DURING = frozenset({"during", "on"})


@dataclasses.dataclass(frozen=True, slots=True)
class Trigger:
    token: Token
    rule: Rule
    noun: bool
    words: tuple[Token, ...]
    #: The events an agreement, request, refusal or threat is about ("agreed to lift the
    #: sanctions": the lifting), which ``_prune`` folds into it.
    content: tuple[Trigger, ...] = ()


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _object_words(verb: Token) -> list[str]:
    """Forms of a verb's objects to test against a rule's ``objects``: "food aid", "aid"."""
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs.append(verb.head)  # "a report released by Kenya", "weapons supplied by Iran"
    for o in list(objs):
        objs.extend(ch for ch in o.children if ch.dep_ == "conj")
    if not objs:  # "provided to Russia 94% of its arms": look one level further
        for ch in verb.children:
            if ch.dep_ in ("dative", "prep"):
                objs.extend(p for p in ch.children if p.dep_ == "pobj")
    out: list[str] = []
    for o in objs:
        mods = [m for m in o.children if m.dep_ in ("compound", "amod") and m.i < o.i]
        lemma, low = _lemma(o), o.lower_
        out.extend([lemma, low])
        if o.ent_type_:
            out.append(f"@{o.ent_type_.lower()}")  # "@person": any named person
        for m in mods:
            out.extend([f"{m.lower_} {low}", f"{m.lower_} {lemma}"])
            if m.dep_ == "compound":  # "curfew hours", "aid convoy": the modifier names it
                out.extend([m.lower_, _lemma(m)])
        # "94% of military equipment", "dozens of weapons", "500 million euros in food aid"
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "in"):
                for q in p.children:
                    if q.dep_ == "pobj":
                        out.extend([_lemma(q), q.lower_])
                        out.extend(
                            f"{m.lower_} {q.lower_}"
                            for m in q.children
                            if m.dep_ in ("compound", "amod")
                        )
    return out


def _rest_present(verb: Token, rest: tuple[str, ...]) -> tuple[Token, ...] | None:
    """The extra words of a multi-word verb among its dependents: a particle anywhere
    ("called the strike off"), a preposition right after the verb ("call on", not "called
    him on Monday"), or an object word ("hold talks")."""
    if not rest:
        return ()
    found: list[Token] = []
    for word in rest:
        hit = None
        # "went on strike": a word may be the object of a preposition already matched.
        near = [g for f in found if f.dep_ == "prep" for g in f.children if g.dep_ == "pobj"]
        for k in [*verb.children, *near]:
            if k in found or (k.lower_ != word and _lemma(k) != word):
                continue
            if (
                k.dep_ in ("prt", "pobj")
                or k.dep_ in ("dobj", "acomp", "oprd", "xcomp", "advmod", "ccomp")
                or (k.dep_ in ("prep", "agent", "dative") and verb.i < k.i <= verb.i + 2)
            ):
                hit = k
                break
        if hit is None:
            nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
            if nxt is not None and nxt.lower_ == word and nxt not in found:
                hit = nxt
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def _verb_rule(tok: Token, lex: Lexicon) -> tuple[Rule, tuple[Token, ...]] | None:
    phrases: Sequence[Phrase] = lex.verbs.get(_lemma(tok), ())
    if not phrases:
        return None
    objects: list[str] | None = None
    ranked = sorted(phrases, key=lambda p: (-len(p.rest), not p.rule.objects, p.rule.order))
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
            hits = [o for o in objects if o in p.rule.objects]
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


_NO_PLACE = frozenset({"example", "instance", "now", "good", "ever", "once", "sure"})

#: Where a test shot lands: "fired missiles into the sea" is no attack.
_OPEN = frozenset({"sea", "ocean", "water", "waters", "air", "sky", "space", "orbit"})


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


def _noun_rule(tok: Token, lex: Lexicon) -> Rule | None:
    phrases = lex.nouns.get(_lemma(tok), ()) or lex.nouns.get(tok.lower_, ())
    if not phrases:
        return None
    mods = [m.lower_ for m in tok.lefts]
    # "military aid package": a modifier of the compound counts too
    mods += [m.lower_ for c in tok.lefts if c.dep_ == "compound" for m in c.lefts]
    for p in sorted(phrases, key=lambda p: (-len(p.rest), p.rule.order)):
        if all(w in mods for w in p.rest):
            return p.rule
    return None


def find_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    """The triggers of a sentence, one event per trigger (see ``_prune``)."""
    raw = fallback_alone(_raw_triggers(sent, lex))  # recall (issue 15)
    for tok, rule in assembled_protests(sent, {t.token.i for t in raw}):  # recall (issue 15)
        raw = [t for t in raw if t.token.i != tok.i]  # recall (issue 15)
        raw.append(Trigger(tok, rule, noun=False, words=(tok,)))  # recall (issue 15)
    for tok, rule in slashed_nouns(sent, lex, {t.token.i for t in raw}):  # recall (issue 15)
        raw.append(Trigger(tok, rule, noun=True, words=(tok,)))  # recall (issue 15)
    return _prune(raw, sent, lex)


#: Types whose verb carries another event as its content: "agreed to withdraw", "urged
#: Russia to withdraw", "refused to meet", "threatened to impose sanctions". PLOVER codes
#: the agreement, request, refusal or threat; the content is its mode, not a second event.
CONTAINER_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
#: Type and mode of the cut-offs that contain what they end: "suspension of aid".
_ENDING = ("SANCTION", "withdraw")
#: What a refusal does not swallow: "denied attacking" stays a (negated) attack, and an
#: accusation stays one ("Moscow accused Kyiv of the attack, a charge Ukraine denied").
_CONFLICT = frozenset(
    {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "THREATEN", "ACCUSE"}
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
        if outer.rule.type == "REJECT" and trig.rule.type in _CONFLICT:
            return None
        return outer
    return None


def _prune(trigs: list[Trigger], sent: Span, lex: Lexicon) -> list[Trigger]:
    """One event per trigger: drop the content of a container verb, and an event noun that
    a verb entry names as its object ("provided aid", "violated the ceasefire"); then let
    sentence cues retype what is left (troops sent on a peacekeeping mission are aid)."""
    verbs = {t.token.i: t for t in trigs if not t.noun}
    named = {
        o.i
        for t in verbs.values()
        if t.rule.objects
        for o in t.token.children
        if o.dep_ in ("dobj", "nsubjpass")
    } | {w.i for t in verbs.values() for w in t.words}
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
    words = {tok.lower_ for tok in sent} | {_lemma(tok) for tok in sent}
    out = []
    for t in kept:
        for r in lex.retypes:
            if t.rule.type in r.types and not words.isdisjoint(r.words):
                t = dataclasses.replace(t, rule=r.rule)
                break
        out.append(t)
    return out


def _vowed_force(trig: Trigger, content: list[Trigger]) -> Trigger:
    """A pledge whose content is force ("vowed to strike India") is a threat, not an
    agreement: PLOVER codes the stated intent to attack as THREATEN (CAMEO 138)."""
    t = table()
    if trig.rule.type != "AGREE" or _lemma(trig.token) not in t.intent:
        return trig
    for c in content:
        code = t.threaten.get(c.rule.type)
        if code is not None:
            mode = "violence" if c.rule.type == "ASSAULT" else "restrict"
            rule = dataclasses.replace(
                trig.rule, type="THREATEN", mode=mode, cameo=code, contexts=c.rule.contexts
            )
            return dataclasses.replace(trig, rule=rule)
    return trig


#: Generic codes of requests and refusals that their content makes specific.
_GENERIC = frozenset({"100", "120", "030"})


def _by_content(trig: Trigger, content: dict[int, list[Trigger]]) -> Trigger:
    """The CAMEO code of a request or refusal by what is asked or refused: "urged Russia to
    withdraw" is an appeal to yield (025), "demanded aid" a demand for aid (103), "refused
    to meet" a rejected meeting (125). The PLOVER type stays."""
    inner = content.get(trig.token.i)
    if not inner or trig.rule.cameo not in _GENERIC:
        return trig
    t = table()
    what = inner[0].rule.type
    if trig.rule.type == "AGREE":
        # "agreed to lift the sanctions": intent to ease sanctions (0354), not just "agree".
        code = t.promise_code(what, inner[0].rule.mode, inner[0].rule.cameo)
    elif trig.rule.type == "REJECT":
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
_IDIOMS = frozenset({("exchange", "for"), ("return", "for"), ("support", "of"), ("response", "to")})


def _idiom(tok: Token) -> bool:
    if tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    return any(
        ch.dep_ == "prep" and (_lemma(tok), ch.lower_) in _IDIOMS for ch in tok.children
    )


def _raw_triggers(sent: Span, lex: Lexicon) -> list[Trigger]:
    out: list[Trigger] = []
    consumed: set[int] = set()  # words of a multi-word verb: "put its army on alert"
    for tok in sent:
        if tok.dep_ in ("amod", "compound") and tok.pos_ in ("VERB", "ADJ"):
            continue  # "U.S.-backed fighters": a description of an actor, not an event
        intent = tok.pos_ == "ADJ" and any(ch.dep_ == "xcomp" for ch in tok.children)
        if (
            tok.pos_ == "VERB"
            or intent  # "is willing to send", "ready to contribute"
            or (tok.pos_ == "AUX" and tok.dep_ == "ROOT" and tok.lemma_ != "be")
        ):
            found = _verb_rule(tok, lex)
            if found is None:
                continue
            rule, extra = found
            if _lemma(tok) in lex.light_verbs and any(
                ch.dep_ in ("dobj", "attr") and _noun_rule(ch, lex) for ch in tok.children
            ):
                continue  # "held talks": the noun is the trigger
            out.append(Trigger(tok, rule, noun=False, words=(tok, *extra)))
            consumed.update(t.i for t in extra)
        elif tok.i in consumed or _idiom(tok):
            continue
        elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in (
            "PERSON",
            "GPE",
            "ORG",
            "NORP",
            "DATE",  # "until March": the month, no march
            "TIME",
        ):
            noun_rule = _noun_rule(tok, lex)
            if noun_rule is not None:
                out.append(Trigger(tok, noun_rule, noun=True, words=(tok,)))
    return out


def _identified(actors: list[Actor]) -> list[Actor]:
    seen: set[tuple[str | None, str | None, int]] = set()
    out = []
    for a in actors:
        key = (a.country, a.sector, a.start)
        if a.country and key not in seen:
            seen.add(key)
            out.append(a)
    return out


def dyad(
    trig: Trigger, sent: Span, idx: ActorIndex, lex: Lexicon
) -> tuple[list[Actor], list[Actor]]:
    tok = trig.token
    if trig.rule is _VISIT:
        # "attended the Beijing Games": the gathering's place is the one visited.
        return subject_of(tok, idx)[0], _gathering_place(trig.words[-1], idx)
    pair = between(sent, idx, tok)
    if pair is None and trig.noun and tok.dep_ == "nsubj":
        pair = between(sent, idx, tok.head)  # "fighting broke out between A and B"
    if pair is not None:
        if not trig.noun:
            # "Egypt is mediating between Israel and Hamas": the subject acts on both parties
            doer = [a for a in subject_of(tok, idx)[0] if a.country]
            parties = pair[0] + pair[1]
            if doer and not {a.code for a in doer} & {a.code for a in parties}:
                return doer, parties
        return pair
    preps = (
        _VISIT_PREPS
        if trig.rule.mode == "visit"
        else _CONSULT_PREPS
        if trig.rule.type == "CONSULT"
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
        target = noun_target(tok, idx, preps) if preps else noun_target(tok, idx)
        source, target = _light_verb_doer(tok, idx, lex, source, target)
    else:
        source, _ = subject_of(tok, idx)
        target = object_of(tok, idx, preps) if preps else object_of(tok, idx)
        if not source and trig.rule.type == "ASSAULT":
            source = _means_doer(tok, idx, lex)
        if not target and (trig.rule.aimed or trig.rule.type == "ASSAULT"):
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
    if not target and not trig.noun and trig.rule.type in ("REQUEST", "ACCUSE"):
        # "demanded that Chile withdraw": Chile is asked; "alleged that France was aware":
        # France is accused
        claimed = clause_subject(tok, idx, mandative=trig.rule.type == "REQUEST")
        target = [a for a in claimed if a.code not in {s.code for s in source}]
    # "Iraq asked the coalition to leave the country": no state is its own target
    target = [t for t in target if all(t is not s and not _same_state(t, s) for s in source)]
    if trig.rule.swap and target:
        # "X hosted Y": the visitor Y is the source (PLOVER codes the visit, not the hosting).
        return target, source
    return source, target


def _means_doer(verb: Token, idx: ActorIndex, lex: Lexicon) -> list[Actor]:
    """"Soldiers were killed in an attack by Taliban fighters": the doer of the attack the
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
    linked = a.coref_of == b.start or b.coref_of == a.start
    return a.code == b.code and (linked or (a.coref_of is not None and a.coref_of == b.coref_of))


def _light_verb_doer(
    noun: Token, idx: ActorIndex, lex: Lexicon, source: list[Actor], target: list[Actor]
) -> tuple[list[Actor], list[Actor]]:
    """"Japan offered Ukraine new aid", "the US held Iran talks": the light verb's subject
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


def _promised(
    trig: Trigger, source: list[Actor], sent: Span, idx: ActorIndex, lex: Lexicon
) -> Iterator[tuple[Trigger, list[Actor], list[Actor]]]:
    """What an agreement or pledge commits its own maker to ("agreed to lift the sanctions
    on Iran", "pledged to expel the group's leaders"): the promised event, planned, besides
    the AGREE itself. What others are to do ("agreed to let Russia send troops") is not."""
    if trig.rule.type != "AGREE" or not source or _lemma(trig.token) not in table().commit:
        return  # "offered to send troops": an offer commits to nothing yet
    own = {a.country for a in source}
    for c in trig.content:
        if c.rule.type in CONTAINER_TYPES:
            continue
        c_src, c_tgt = dyad(c, sent, idx, lex)
        if c.noun and not _identified(c_src):
            continue  # "agreed to begin talks": a noun codes only with an actor of its own
        c_src, c_tgt = _identified(c_src) or source, _identified(c_tgt)
        if {a.country for a in c_src} <= own:
            yield c, c_src, [a for a in c_tgt if a.country not in own]


def joint_rule(rule: Rule) -> Rule | None:
    """What a show of force is when its actors stage it together ("A and B launched war
    games"): a joint exercise, military cooperation (CAMEO 062), not a threat to each other."""
    if rule.type != "MOBILIZE":
        return None
    return dataclasses.replace(rule, type="COOPERATE", mode=None, cameo="062", reciprocal=True)


def _stated_events(
    sent: Span, idx: ActorIndex, lex: Lexicon, trig_at: set[int]
) -> Iterator[tuple[Trigger, list[Actor], list[Actor]]]:
    """Demands and blame stated in reported speech ("X said Y must leave", "X said Y was
    behind it"): see events/stance.py. The speech verb and the clause carry the event."""
    for rule, speech, subj in stated_in(sent, lex):
        if speech.i in trig_at or not idx.at(subj):
            continue  # "accused", "demanded": the verb's own trigger already codes it
        source = _identified([a for s in speaker(speech) if idx.at(s) for a in idx.group(s)])
        target = _identified(idx.group(subj))
        target = [a for a in target if a.code not in {s.code for s in source}]
        if source and target:
            yield Trigger(speech, rule, noun=False, words=(speech, subj.head)), source, target


#: The visit a gathering abroad stands for: "attended a summit in Switzerland".
_VISIT = Rule("CONSULT", "visit", "042", (), frozenset(), False, False, False, False, 0)


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


def _attended(trigs: list[Trigger], sent: Span, idx: ActorIndex) -> list[Trigger]:
    """Attending or travelling to a gathering held in another country is a visit there
    (CAMEO 042): "X attended a summit in Y", "X travelled to the Beijing Games". The
    gathering's own trigger, if any, becomes the visit."""
    t = table()
    by_tok = {tr.token.i: tr for tr in trigs}
    out = list(trigs)
    for tok in sent:
        if tok.pos_ != "VERB" or _lemma(tok) not in t.attend:
            continue
        nouns = [ch for ch in tok.children if ch.dep_ == "dobj"]
        for prep in (ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("to", "for")):
            nouns.extend(p for p in prep.children if p.dep_ == "pobj")
        for n in nouns:
            old = by_tok.get(n.i)
            if (n.lower_ not in t.gatherings and _lemma(n) not in t.gatherings) and (
                old is None or old.rule.type != "CONSULT"
            ):
                continue
            where = _gathering_place(n, idx)
            host, _ = subject_of(tok, idx)
            home = {a.country for a in _identified(host)}
            if not where or {a.country for a in where} <= home:
                continue  # "attended a summit in Paris" by France is no visit
            # The verb carries the visit: its subject visits, the gathering's place is visited.
            visit = Trigger(tok, _VISIT, noun=False, words=(tok, n))
            out = [tr for tr in out if tr is not old and tr.token.i != tok.i]
            out.append(visit)
            break
    return out


def _span(doc: Doc, start: int, end: int) -> TextSpan:
    # Doc.text joins every token on each call; cached, or long articles code in quadratic time.
    text = doc.user_data.get("geopol.text")
    if text is None:
        text = doc.user_data["geopol.text"] = doc.text
    return TextSpan(start=start, end=end, text=text[start:end])


def _tok_span(tok: Token) -> TextSpan:
    return TextSpan(start=tok.idx, end=tok.idx + len(tok), text=tok.text)


def _actor_span(a: Actor) -> TextSpan:
    return TextSpan(start=a.start, end=a.end, text=a.text)


def extract(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    dateline_place: Place | None,
    *,
    lexicon: Lexicon | None = None,
) -> tuple[list[Event], list[StatedAlignment]]:
    """Events and stated alignments in a parsed article."""
    lex = lexicon or load()
    idx = ActorIndex.build(doc, actors)
    dates = find_dates(doc, article.published)
    topic = article_topic(doc)  # sport and showbiz: see events/topic.py
    events: list[Event] = []
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]] = set()
    last_dyad: tuple[list[Actor], list[Actor]] | None = None
    last_sent = -10
    for si, sent in enumerate(doc.sents):
        trigs = _attended(find_triggers(sent, lex), sent, idx)
        if si in topic.skip:
            # A sport or showbiz sentence: only an official's visit abroad to the occasion
            # ("the president attended the Beijing Games") and what no game has (a protest
            # by the stadium) are political there.
            trigs = [
                t for t in trigs if t.rule is _VISIT or kept_in_skipped_sentence(t.rule.type)
            ]
            if not trigs:
                continue
        trig_at = {t.token.i for t in trigs}
        where = Where(places, dateline_place if si <= 2 else None)

        def emit(
            t: Trigger,
            src: list[Actor],
            tgt: list[Actor],
            fact: tuple[Factuality, list[Token]] | None = None,
            si: int = si,
            sent: Span = sent,
        ) -> None:
            events.append(
                _event(doc, article, si, sent, t, src, tgt, dates, places, dateline_place, fact=fact)
            )
        for trig in trigs:
            if trig.rule.type == "ASSAULT" and by_accident(trig.token):
                continue
            base = trig  # before any retyping: a mutual event's other side is read from it
            if (
                trig.rule.type == "ASSAULT"
                and trig.rule.mode in table().riot_modes
                and not trig.noun
                and _by_rioters(trig.token)
            ):
                trig = dataclasses.replace(trig, rule=riot_rule())
            raw_source, raw_target = dyad(trig, sent, idx, lex)
            source = _identified(raw_source)
            target = _identified(raw_target)
            source, target = fill_arguments(trig.token, trig.rule.type, idx, source, target)  # recall (issue 15)
            if (
                trig.rule.type == "ASSAULT"
                and not trig.noun
                and any(a.sector in table().repressors for a in source)
                and _on_rioters(trig.token)
            ):
                # "police clashed with demonstrators": violent repression, not an attack
                trig = dataclasses.replace(trig, rule=repression_rule())
            if not source:
                # "thousands marched in Tbilisi", "a mortar was fired from Gaza"
                source, target = placed_source(
                    trig.token, trig.rule.type, raw_source, target, where, idx
                )
            if not source:  # recall (issue 15): unnamed doers take the country where they acted
                source = placed_doer(trig.token, trig.rule.type, trig.noun, raw_source, where.places, where.dateline, idx, target)  # recall (issue 15)
            if not source:  # recall (issue 15): a state organ of no stated country acting on a named target
                source = unplaced_organ(raw_source, target)  # recall (issue 15)
            if not source and not target and (dissent := crowd_dissent(trig.token, trig.rule.type, trig.noun, raw_source, where.places, where.dateline, idx)):  # recall (issue 15)
                trig, source = dataclasses.replace(trig, rule=dissent[0]), dissent[1]  # recall (issue 15): a crowd's demand is dissent
            if (
                source
                and not target
                and last_dyad
                and si - last_sent <= 2
                and anaphoric_object(trig.token)
            ):
                # "The US expressed concern about this possibility": the event just reported.
                prev_src, prev_tgt = last_dyad
                target = [
                    a for a in prev_src + prev_tgt if a.country not in {s.country for s in source}
                ]
            unnamed = not source and _unnamed_armed(raw_source, trig.rule.type)
            if unnamed:
                source = unnamed  # "insurgents bombarded ...": ---REB, as CAMEO codes them
            if not source:
                continue
            joint = joint_rule(trig.rule) if not target and len(source) > 1 else None
            if not target and joint is None:
                # "shelled Kirkuk", "killed four civilians", "US activists protested in Beijing"
                target = placed_target(
                    trig.token, trig.rule.type, trig.noun, source, raw_target, where, trig.rule.mode
                )
            if unnamed and not target:
                continue  # an armed group of no country acting on nobody named: no event
            if not target:  # recall (issue 15): "declined to resign" is toward its own country
                target = own_country_target(trig.rule.type, [c.rule.mode for c in trig.content], source)  # recall (issue 15)
            if not target:  # recall (issue 15): a party named with no country is still the target
                target = unnamed_target(raw_target, source)  # recall (issue 15)
            if joint is not None:
                trig = dataclasses.replace(trig, rule=joint)
            dyads = [(source, target, trig)]
            if (
                not target
                and len(_parties(source)) > 1
                and trig.rule.mode != "visit"
                and (trig.rule.reciprocal or trig.rule.type in RECIPROCAL_TYPES)
            ):
                # "A, B and C met": every member met the others, one event per member so
                # that each ordered pair is a dyad (consumers expand source x target).
                parties = _parties(source)
                dyads = [([a], [b for b in parties if b is not a], trig) for a in parties]
            elif target and base.rule.mutual and _mutual(source, target):
                # "A held talks with B", "troops clashed with rioters": B acts toward A too.
                dyads.append((target, source, _seen_from_target(base, trig)))
            for src, tgt, said in dyads:
                if not topic.keeps(src, tgt, visit=said.rule is _VISIT):
                    continue  # sport and showbiz stories: only events between governments
                if not tgt and said.rule.type in table().targeted:
                    continue  # an accusation or demand addressed to nobody is no dyadic event
                if _add(events, seen, si, said.rule.type, src, tgt):
                    emit(said, src, tgt)
                    last_dyad, last_sent = (src, tgt), si
            if base.rule.mutual and base.rule.type == "CONSULT" and (target or len(dyads) > 1):
                # "A and B will meet in Zurich": each party from abroad visits the host state
                for visitor, host in _visits_to_venue(trig, source + target, places):
                    if topic.keeps([visitor], [host], visit=True) and _add(
                        events, seen, si, "CONSULT", [visitor], [host]
                    ):
                        emit(dataclasses.replace(trig, rule=_VISIT), [visitor], [host])
            for c, c_src, c_tgt in _promised(trig, source, sent, idx, lex):
                if topic.keeps(c_src, c_tgt) and _add(events, seen, si, c.rule.type, c_src, c_tgt):
                    emit(c, c_src, c_tgt)
            for d in derive(
                trig.token,
                trig.rule.type,
                source,
                target,
                idx,
                trig_at,
                _identified,
                noun=trig.noun,
                mode=trig.rule.mode,
                cameo=trig.rule.cameo,
            ):
                if not d.target or not topic.keeps(d.source, d.target):
                    continue
                if not all(a.country for a in d.target):
                    continue  # "state media reported insurgents bombarded": no dyad of states
                if not _add(events, seen, si, d.rule.type, d.source, d.target):
                    continue
                head = Trigger(d.words[0], d.rule, noun=False, words=d.words)
                fact = assess(d.words[0], noun=False)
                if d.rule.type == "REJECT":
                    # "said it would not send aid": the refusal is stated, as factual as the
                    # verb that reports it ("said" asserted, "officials said he said" reported).
                    z = d.words[0]
                    fact = (
                        assess(z.head, noun=False)
                        if z.dep_ == "ccomp"
                        else (Factuality.ASSERTED, [])
                    )
                emit(head, d.source, d.target, fact)
        if si in topic.skip:
            continue
        for trig, src, tgt in _stated_events(sent, idx, lex, trig_at):
            if topic.keeps(src, tgt) and _add(events, seen, si, trig.rule.type, src, tgt):
                emit(trig, src, tgt)
    alignments = stated_alignments(doc, idx, article.id)
    return events, alignments


def _parties(source: list[Actor]) -> list[Actor]:
    """The distinct parties of a compound source: a bare state next to an organ of itself
    ("Colin Powell, US Secretary of State": USAGOV and USA) is one party, not two, and so
    are two mentions with one code (a pair of them would be a dyad of one actor)."""
    organs = {a.country for a in source if a.sector}
    out: list[Actor] = []
    for a in source:
        # one code once: "Ukraine's new president, Viktor Yushchenko" is one party
        if (a.sector or a.country not in organs) and all(b.code != a.code for b in out):
            out.append(a)
    return out


def _unnamed_armed(raw_source: list[Actor], type_: str) -> list[Actor]:
    """Armed groups of no stated country ("insurgents", "gunmen") as the source of a violent
    event: CAMEO codes them ---REB and ---UAF rather than dropping the attack."""
    t = table()
    if type_ not in t.armed_types:
        return []
    return [a for a in raw_source if not a.country and a.sector in t.armed_sectors][:1]


def _visits_to_venue(
    trig: Trigger, parties: list[Actor], places: list[Place]
) -> Iterator[tuple[Actor, Actor]]:
    """The visits a meeting held in a third country implies: each party whose state is not
    the host travels there (CAMEO 042), as "attended a summit in Y" is a visit to Y."""
    host = venue_state(trig.token, places)
    if host is None:
        return
    seen: set[str] = set()
    for a in parties:
        if not a.country or a.country == host.country or _is_organisation(a):
            continue
        if "place-" in (a.how or "") or a.code in seen:
            continue
        seen.add(a.code)
        yield a, host


def _seen_from_target(base: Trigger, trig: Trigger) -> Trigger:
    """The trigger of a mutual event seen from its target: forces repressing protesters
    (175) meet a riot (145) from the other side, and a riot against forces meets repression."""
    if trig.rule.cameo == "175":
        return dataclasses.replace(base, rule=riot_rule())
    if trig.rule.cameo == "145" and base.rule.type == "ASSAULT":
        return dataclasses.replace(base, rule=repression_rule())
    return base


def _by_rioters(verb: Token) -> bool:
    """Whether a violent verb's doer is protesters ("demolished by a Ukrainian protestor")."""
    doers = [ch for ch in verb.children if ch.dep_ in ("nsubj", "csubj")] + [
        p for ch in verb.children if ch.dep_ == "agent" for p in ch.children if p.dep_ == "pobj"
    ]
    return _rioters(doers)


def _on_rioters(verb: Token) -> bool:
    """Whether a violent verb's victims are protesters ("clashed with rioters", "fired on
    demonstrators", "killed two protesters")."""
    victims = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")] + [
        p
        for ch in verb.children
        if ch.dep_ == "prep" and ch.lower_ in ("with", "on", "at", "against", "upon")
        for p in ch.children
        if p.dep_ == "pobj"
    ]
    return _rioters(victims)


def _rioters(heads: list[Token]) -> bool:
    rioters = table().rioters
    return any(_lemma(d) in rioters or d.lower_ in rioters for d in heads)


def _mutual(source: list[Actor], target: list[Actor]) -> bool:
    """Whether both sides of a mutual event are parties the text names, not places standing
    in for them, and not one actor on both sides."""
    sides = (source, target)
    if any((a.how or "").startswith("place-") for side in sides for a in side):
        return False
    return not {a.code for a in source} & {a.code for a in target}


def _add(
    events: list[Event],
    seen: set[tuple[int, str, tuple[str, ...], tuple[str, ...]]],
    si: int,
    type_: str,
    source: list[Actor],
    target: list[Actor],
) -> bool:
    """True the first time a sentence gives this type and dyad (one event per dyad)."""
    key = (
        si,
        type_,
        tuple(sorted({a.code for a in source})),
        tuple(sorted({a.code for a in target})),
    )
    if key in seen:
        return False
    seen.add(key)
    return True


def _event(
    doc: Doc,
    article: Article,
    si: int,
    sent: Span,
    trig: Trigger,
    source: list[Actor],
    target: list[Actor],
    dates: list[EventDate],
    places: list[Place],
    dateline_place: Place | None,
    *,
    fact: tuple[Factuality, list[Token]] | None = None,
) -> Event:
    rule = trig.rule
    factuality, cue_tokens = fact or assess(trig.token, noun=trig.noun)
    when = date_for_event(trig.token, dates)
    where = locate_event(trig.token, places, dateline_place if si <= 2 else None)
    code = rule.cameo or closest_cameo(rule.type, rule.mode)
    info = cameo_info(code)
    first, last = min(t.i for t in trig.words), max(t.i for t in trig.words)
    trigger_span = _span(doc, doc[first].idx, doc[last].idx + len(doc[last]))
    confidence = 0.55
    if target:
        confidence += 0.2
    if not trig.noun:
        confidence += 0.1
    if any(a.how.startswith("coref") for a in source):
        confidence -= 0.1
    if any(a.kind == "adjective" for a in source):
        confidence -= 0.05
    return Event(
        type=rule.type,
        mode=rule.mode,
        contexts=list(rule.contexts),
        cameo=code,
        cameo_root=info.root,
        quad=PLOVER_QUAD[rule.type],
        goldstein=info.goldstein,
        intensity=PLOVER_INTENSITY[rule.type],
        factuality=factuality,
        source=source,
        target=target,
        date=when,
        location=where,
        evidence=Evidence(
            article_id=article.id,
            sentence_index=si,
            sentence=_span(doc, sent.start_char, sent.end_char),
            trigger=trigger_span,
            source=[_actor_span(a) for a in source],
            target=[_actor_span(a) for a in target],
            location=_span(doc, where.start, where.end)
            if where and where.end > where.start
            else None,
            date=_span(doc, when.start, when.end)
            if when and when.start is not None and when.end
            else None,
            cues=[_tok_span(t) for t in cue_tokens],
        ),
        confidence=round(max(0.05, min(confidence, 0.95)), 2),
        article_id=article.id,
        article_title=article.title,
        article_url=article.url,
        article_path=article.path,
        published=article.published,
        coder="geopol",
        coder_version=CODER_VERSION,
    )
