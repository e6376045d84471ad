"""Argument finding that generalises: a scorer over every actor mention in the sentence.

The fixed patterns of ``events/dyads.py`` find the usual subject and object. When they leave
a side empty, every identified actor mention in the sentence is a candidate for it, scored
over the dependency parse:

- **where it sits** relative to the trigger: in the subject phrase of the trigger or of a verb
  the trigger depends on through control, coordination or an adverbial clause (source); in the
  object or a prepositional phrase of the trigger or of the clause it carries ("demanded that
  X recognise", "threatened to resume attacks inside Y", "refused to commit troops to the
  US-led coalition": target); in the modifiers of an event noun ("Saudi-led coalition
  airstrikes": source);
- **voice**: a passive's subject is the target, its "by" phrase the source;
- **clause boundaries**: a mention inside a relative clause, or in another reported clause,
  loses; so does one in a place phrase ("in Kabul") for anything but an attack's target;
- **distance**: nearer mentions win ties.

A candidate needs a score of at least ``THRESHOLD``. Weights are rules, written down here; they
were set on sentences we wrote (``tests/stages/test_recall.py``) and checked against the even
half of the development sets.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Span, Token

from geopol.events.dyads import ActorIndex
from geopol.events.own import own_possessor
from geopol.events.recall_table import recall_table
from geopol.events.subjects import stray_subject
from geopol.records import Actor

THRESHOLD = 3.0

_SUBJ = frozenset({"nsubj", "csubj", "expl"})
#: Clause links through which a verb's subject is the trigger's doer ("wants to attack",
#: "attacked and killed", "protested, demanding").
_CONTROL = frozenset({"xcomp", "conj", "advcl", "acomp"})
#: Clause links down to what a container verb carries ("demanded that X ...", "to resume").
_CONTENT = frozenset({"xcomp", "ccomp", "advcl", "pcomp"})
#: Prepositions that name where, not whom.
_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "around", "across", "within"})
#: Prepositions after which a phrase is the one acted on.
_TOWARD = frozenset({"to", "against", "with", "toward", "towards", "for"})
#: ... and for attacks and threats also these ("fired at", "an attack on"); for talk, "on"
#: names a topic ("talks on Ukraine").
_AIMING = frozenset({"on", "at", "into", "upon"})
_CLOSED = frozenset({"relcl", "parataxis", "appos"})
#: Prepositions through which an event noun is the act of the verb's subject ("engaged in
#: talks", "took part in attacks", "ten days of exercises").
_TAKING_PART = frozenset({"in", "into", "of"})
#: Links by which a country word modifies the noun it owns ("British beef", "Saudi ports").
_OWNER = frozenset({"amod", "compound"})
#: Types whose target may be named by a place phrase ("attacks inside Israel").
_AIMED_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
#: Measures laid on or lifted from someone: "on" names whom the measure is on ("imposed
#: sanctions on Myanmar's commanders", "reduced tariffs on China's exports").
_MEASURE_TYPES = frozenset({"SANCTION", "RETREAT"})
#: An inquiry "into" someone names whom it looks at ("opened an investigation into the firm").
_PROBE_TYPES = frozenset({"ACCUSE"})
#: ... and a withdrawal "from" a place names whom it leaves ("withdrew its troops from Syria").
_LEAVING_TYPES = frozenset({"RETREAT"})


def _root(a: Actor, idx: ActorIndex) -> Token | None:
    span = idx.spans.get(id(a))
    if span is None:
        return None
    return idx.doc[span[0] : span[1]].root


def _path_up(tok: Token, top: Token) -> list[Token] | None:
    """The tokens from ``tok`` up to ``top`` (excluded), or None when ``top`` is no ancestor."""
    out: list[Token] = []
    cur = tok
    for _ in range(40):
        if cur.i == top.i:
            return out
        if cur.head.i == cur.i:
            return None
        out.append(cur)
        cur = cur.head
    return None


def _closed(path: list[Token]) -> bool:
    """A relative clause or an aside between the mention and the phrase it is found in."""
    return any(t.dep_ in _CLOSED for t in path)


def _locative(path: list[Token]) -> bool:
    return any(t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE for t in path)


def _border_side(path: list[Token]) -> bool:
    """A country word on a border noun of a place phrase ("near the Turkish border"): it
    says where, on either side of the line, not who was acted on."""
    return any(
        t.dep_ == "pobj"
        and (t.lemma_.lower() in recall_table().borders or t.lower_ in recall_table().borders)
        and i > 0
        and path[i - 1].dep_ in ("amod", "compound", "poss")
        for i, t in enumerate(path)
    )


def _owning_place(path: list[Token], trigger: Token) -> bool:
    """A place phrase inside the object's noun phrase, not on a verb: "criticised violations
    in Zimbabwe", "an expansion of its force in Afghanistan" say whose thing is acted on,
    where "met in Kabul" only says where."""
    locs = [t for t in path if t.dep_ == "pobj" and t.head.lower_ in _LOCATIVE]
    return bool(locs) and all(
        t.head.head.pos_ in ("NOUN", "PROPN") and t.head.head.i != trigger.i for t in locs
    )


def _makers(path: list[Token]) -> int:
    """How many times the path climbs from a participle's "by" phrase to the noun it
    describes: "spurned each proposal put forward by the Maldives", "dismissed the petition
    filed by the candidate" name the maker of the thing acted on, the party it is aimed at; the
    participle and its "by" cost no hop, as an owner's word costs none."""
    return sum(
        1
        for i, t in enumerate(path[:-2])
        if t.dep_ == "pobj"
        and path[i + 1].dep_ == "agent"
        and path[i + 2].dep_ == "acl"
        and path[i + 2].tag_ == "VBN"
        and path[i + 2].head.pos_ in ("NOUN", "PROPN")
    )


def _doers_of(trigger: Token) -> list[tuple[Token, float]]:
    """Subject phrases that may name the trigger's doer, with their base score: the
    trigger's own subject or "by" phrase first, then the subjects of the verbs it depends on."""
    out: list[tuple[Token, float]] = []
    support = recall_table().support
    cur, score = trigger, 6.0
    for _ in range(5):
        lent = cur.i != trigger.i and _support(cur, support)
        for ch in cur.children:
            if ch.dep_ in _SUBJ or (ch.dep_ == "nsubjpass" and lent):
                # a support verb's subject, passive too: "police were engaged in a gunfight"
                out.append((ch, score))
            elif ch.dep_ == "agent":
                out.extend((p, score) for p in ch.children if p.dep_ == "pobj")
        stray = stray_subject(cur)
        if stray is not None:
            out.append((stray, score - 0.5))  # a subject the parse hung on a place before it
        if cur.pos_ in ("NOUN", "PROPN"):
            # An event noun: its modifiers, then the verb it is the object of
            for ch in cur.children:
                if ch.dep_ in ("compound", "amod", "poss", "nmod") and ch.i < cur.i:
                    out.append((ch, score))
            if cur.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and cur.head.i != cur.i:
                up = cur.head.head if cur.dep_ == "pobj" else cur.head
                if (
                    cur.dep_ == "pobj"
                    and cur.head.lower_ not in _TAKING_PART
                    and not _support(up, support)  # "resorted to violence"
                ):
                    break  # "despite the protests", "after the attack": not the doer's act
                # a verb of perception ("monitors observed explosions") reports the noun
                # and one of judgement ("condemned the attack") judges another's act
                if up.pos_ in ("VERB", "AUX") and not _reports(up):
                    cur, score = up, score - 1.5
                    continue
                if cur.dep_ == "pobj" and cur.head.lower_ == "of" and up.pos_ == "NOUN":
                    # "began ten days of joint exercises", "a wave of attacks": the measure
                    # noun stands where the event noun would
                    cur, score = up, score - 0.5
                    continue
            break
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and _support(cur.head.head, support):
            # "police resorted to firing on protesters": the support verb's subject acts
            cur, score = cur.head.head, score - 1.0
            continue
        if cur.dep_ in _CONTROL and cur.head.i != cur.i:
            if cur.dep_ == "advcl" and any(ch.dep_ == "mark" for ch in cur.children):
                break  # "after X attacked": another clause with a doer of its own
            cur, score = cur.head, score - 1.0
            continue
        break
    return out


def _reports(verb: Token) -> bool:
    """A verb that reports or judges the act its object names, not one its subject does:
    perception ("monitors observed explosions") and judgement ("condemned the attack")."""
    lemma = verb.lemma_.lower()
    return lemma in recall_table().perception or lemma in recall_table().judgement


def _support(verb: Token, support: frozenset[str]) -> bool:
    """A support verb (``support`` in ``data/events/recall.yaml``) that lends its subject to the
    act it carries: "resorted to firing", "were engaged in an exchange of fire"."""
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in support


def _mandative(verb: Token) -> bool:
    """A clause that asks something of its subject: "demanded that Chile withdraw (should
    withdraw)", not "insisted that Greece is responsible"."""
    aux = [a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")]
    bare = verb.tag_ == "VB" or (
        verb.tag_ == "VBP" and verb.lower_ == verb.lemma_.lower() and verb.lemma_ != "be"
    )  # "that the United States recognise": a plural subject makes the bare form VBP
    return bare and all(a in ("should", "be", "must") for a in aux)


def _weapon_struck(trigger: Token) -> list[tuple[Token, float]]:
    """What the weapon an attack verb describes struck: "the plane was blown up by a missile
    (believed to be) fired by rebels"."""
    cur = trigger
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head  # "believed to be fired"
    if cur.dep_ != "acl" or cur.head.pos_ != "NOUN":
        return []
    weapon = cur.head
    verb = weapon.head
    if weapon.dep_ == "pobj" and verb.dep_ == "agent":
        verb = verb.head
        return [(ch, 5.0) for ch in verb.children if ch.dep_ == "nsubjpass"]
    return []  # "a rocket fired by the militia hit the base": "hit" is the attack itself


def _content_heads(
    trigger: Token, attack: bool, asks: bool, extra: frozenset[str] = frozenset()
) -> list[tuple[Token, float]]:
    """The phrases that say whom the act is aimed at, with their base score: objects and
    prepositional phrases of the trigger and of the clauses it carries (``extra``: more
    prepositions that name the one acted on for this type); for an attack told of the
    weapon, what the weapon struck."""
    out: list[tuple[Token, float]] = _weapon_struck(trigger) if attack else []
    toward = _TOWARD | extra
    todo: list[tuple[Token, float]] = [(trigger, 6.0)]
    # "opened an investigation into the death of a man" names an event: "into" on the
    # verb counts for attacks only (the fixed patterns read "into the firm" themselves)
    out.extend(_verb_phrases(trigger, toward | _AIMING if attack else toward - {"into"}))
    seen: set[int] = set()
    while todo:
        tok, score = todo.pop()
        if tok.i in seen or score < 2:
            continue
        seen.add(tok.i)
        passive = any(ch.dep_ in ("auxpass",) for ch in tok.children)
        for ch in tok.children:
            if ch.dep_ in ("dobj", "dative", "attr", "oprd") or (
                ch.dep_ == "nsubjpass" and passive
            ):
                out.append((ch, score))
            elif ch.dep_ == "prep" and ch.lower_ in (
                toward | _AIMING | _LOCATIVE if attack else toward
            ):
                # a place phrase names a target only for attacks ("attacks inside Israel")
                weight = score - (2.5 if ch.lower_ in _LOCATIVE else 0.5)
                if ch.lower_ == "into" and not attack:
                    # "an investigation into the firm", not "into the death of a man": only
                    # the party named right there
                    weight = score - 2.5
                out.extend((p, weight) for p in ch.children if p.dep_ == "pobj")
            elif ch.dep_ == "ccomp" and tok.i == trigger.i:
                if asks and not _mandative(ch):
                    continue  # "insisted that Greece is responsible" asks nobody
                # "demanded that the United States recognise": the one asked
                out.extend((s, score) for s in ch.children if s.dep_ in ("nsubj", "nsubjpass"))
                todo.append((ch, score - 1.0))
            elif ch.dep_ in _CONTENT:
                todo.append((ch, score - 1.0))
            elif ch.dep_ == "prep" and extra and tok.i == trigger.i:
                # "imposed sanctions over the crisis on Myanmar's commanders": the parser
                # hangs the measure's "on" phrase on the phrase before it
                todo.extend((p, score - 1.5) for p in ch.children if p.dep_ == "pobj")
    return out


def _verb_phrases(noun: Token, preps: frozenset[str]) -> list[tuple[Token, float]]:
    """The aimed phrases the parse hangs on the verb an event noun is the object of: "launched
    cyber attacks on a number of Iranian websites", "imposed sanctions over the crisis on X"
    say whom the noun's act is aimed at, a hop further than the noun's own phrases. Not for
    a verb that reports or judges another's act ("condemned the attacks on ...")."""
    verb = noun.head
    if (
        noun.pos_ not in ("NOUN", "PROPN")
        or noun.dep_ != "dobj"
        or verb.pos_ != "VERB"
        or _reports(verb)
    ):
        return []
    return [
        (p, 5.0)
        for ch in verb.children
        if ch.dep_ == "prep" and ch.lower_ in preps and ch.i > noun.i
        for p in ch.children
        if p.dep_ == "pobj"
    ]


@dataclasses.dataclass(frozen=True, slots=True)
class Candidate:
    actor: Actor
    score: float


def _score(
    a: Actor,
    root: Token,
    trigger: Token,
    heads: list[tuple[Token, float]],
    *,
    attack: bool,
    target: bool = False,
) -> float:
    best = 0.0
    for head, base in heads:
        path = _path_up(root, head)
        if path is None and root.i != head.i:
            continue
        path = path or []
        if _closed(path) or (target and _border_side([*path, head])):
            continue
        hops = len(path)
        owner = a.kind in ("state", "adjective") and not a.sector
        if target and owner and path and path[0].dep_ in _OWNER:
            # "lifted a ban on imports of British beef": a country word on a noun of the
            # object phrase names whose thing is acted on; the word itself is no hop
            hops -= 1
        if target:
            hops -= 2 * _makers(path)
        s = base - 0.4 * hops
        if _locative(path) and not attack:
            # a country (not a town) in the object's phrase: "violations in Zimbabwe"
            owned = target and a.kind == "state" and _owning_place(path, trigger)
            s -= 0.5 if owned else 3.0
        best = max(best, s)
    if best <= 0:
        return 0.0
    return best - 0.02 * abs(root.i - trigger.i)


def _extra_preps(type_: str) -> frozenset[str]:
    out: set[str] = set()
    if type_ in _MEASURE_TYPES:
        out.add("on")
    if type_ in _LEAVING_TYPES:
        out.add("from")
    if type_ in _PROBE_TYPES:
        out.add("into")
    return frozenset(out)


def candidates(
    trigger: Token,
    idx: ActorIndex,
    *,
    role: str,
    attack: bool = False,
    asks: bool = False,
    type_: str = "",
    uncounted: bool = False,
) -> list[Candidate]:
    """Identified actor mentions of the trigger's sentence scored for ``role`` (``"source"``
    or ``"target"``), best first (``uncounted``: also parties of no country with a sector)."""
    sent: Span = trigger.sent
    heads = (
        _doers_of(trigger)
        if role == "source"
        else _content_heads(trigger, attack, asks, _extra_preps(type_))
    )
    if not heads:
        return []
    seen: set[int] = set()
    out: list[Candidate] = []
    for i in range(sent.start, sent.end):
        for a in idx.by_token.get(i, ()):
            if id(a) in seen or not (a.country or (uncounted and a.sector)):
                continue
            seen.add(id(a))
            root = _root(a, idx)
            if root is None or root.i == trigger.i:
                continue
            s = _score(a, root, trigger, heads, attack=attack, target=role == "target")
            if s >= THRESHOLD:
                out.append(Candidate(a, s))
    out.sort(key=lambda c: -c.score)
    return out


def _distinct(a: Actor, others: list[Actor]) -> bool:
    return all(
        a.code != o.code and not (a.country == o.country and not a.sector and not o.sector)
        for o in others
    )


def _own(a: Actor, source: Actor) -> bool:
    """The doer itself or a thing of its own ("Peru recalled its envoy"): the same country,
    unless both are distinct bodies of it (the police and the courts)."""
    if a.start == source.start:
        return True
    if a.country != source.country:
        return False
    return not (a.sector and source.sector and a.sector != source.sector)


def _where_at_home(a: Actor, idx: ActorIndex, source: list[Actor]) -> bool:
    """A place phrase ("in Nairobi") in the doer's own country names where it acted, not a
    target: a state's forces acting at home do not act on their own government."""
    root = _root(a, idx)
    if root is None or not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
        return False
    return any(s.country == a.country for s in source)


def fill(
    trigger: Token,
    type_: str,
    idx: ActorIndex,
    source: list[Actor],
    target: list[Actor],
) -> tuple[list[Actor], list[Actor]]:
    """``source`` and ``target`` with an empty side filled by the best-scoring candidate."""
    attack = type_ in _AIMED_TYPES
    if not source:
        for c in candidates(trigger, idx, role="source", attack=attack):
            if _distinct(c.actor, target):
                root = _root(c.actor, idx)
                group = [a for a in idx.group(root) if a.country] if root is not None else []
                source = group if c.actor in group else [c.actor]
                break
    if source and not target:
        target = _target(trigger, type_, idx, source, uncounted=False)
    if source and not target:
        target = [a for a in purpose_object(trigger, idx) if _distinct(a, source)]
    if source and not target and type_ in _PROBE_TYPES:
        # "opened an investigation into the Somali businessman": a party of no stated
        # country, only where no actor with one is found
        target = _target(trigger, type_, idx, source, uncounted=True)
    return source, target


#: Pronouns by which a purpose clause names the one the governing verb acted on.
_BACK = frozenset({"him", "her", "them"})


def purpose_object(trigger: Token, idx: ActorIndex) -> list[Actor]:
    """The party a purpose clause's pronoun object stands for: the object of the verb the
    clause is the purpose of ("called the Swedish premier to congratulate him", "met the
    envoy to warn him": the premier, the envoy)."""
    if trigger.dep_ not in ("advcl", "xcomp") or not any(
        c.dep_ in ("aux", "mark") and c.lower_ == "to" for c in trigger.children
    ):
        return []
    if not any(c.dep_ in ("dobj", "dative") and c.lower_ in _BACK for c in trigger.children):
        return []
    for obj in trigger.head.children:
        if obj.dep_ in ("dobj", "dative") and obj.i < trigger.i:
            found = [a for a in idx.group(obj) if a.country]
            if found:
                return found
    return []


def _probed(a: Actor, idx: ActorIndex, trigger: Token) -> bool:
    """The party is the one an inquiry looks "into", named right there."""
    root = _root(a, idx)
    return (
        root is not None
        and root.dep_ == "pobj"
        and root.head.lower_ == "into"
        and root.head.head.i == trigger.i
    )


def _target(
    trigger: Token, type_: str, idx: ActorIndex, source: list[Actor], *, uncounted: bool
) -> list[Actor]:
    for c in candidates(
        trigger,
        idx,
        role="target",
        attack=type_ in _AIMED_TYPES,
        asks=type_ == "REQUEST",
        type_=type_,
        uncounted=uncounted,
    ):
        if uncounted and (c.actor.country or not _probed(c.actor, idx, trigger)):
            continue
        if not _distinct(c.actor, source) or any(_own(c.actor, a) for a in source):
            continue
        if own_possessor(c.actor, source, idx, trigger):
            continue  # "reaffirmed the U.N.'s commitment to ...": the doer's own
        if _where_at_home(c.actor, idx, source):
            continue  # "police clashed with demonstrators in Nairobi": where, not whom
        return [c.actor]
    return []
