"""Pass ``venue-parties``: a place or a venue named in a place phrase is where an act
happened, not a party to it; and a warning is a threat only when it names an act.

- **venues**: a state, a capital or a seat of power that is the object of a place
  preposition ("their meeting in London"), or an
  organisation after "at" ("a dispute at the WTO"), leaves the source and the target of an
  act that is not aimed at a place (attacks, coercion and protests keep their place phrase:
  "shelled positions in Kirkuk"), and so does a meeting, where the host is visited ("attended
  a summit in Ghana"). When only the doer is taken out and the one left is the trigger's
  subject, that one is the doer; when no doer would be left, the reading stays as it was,
  unless the trigger's subject is a named person or organisation of no coded country: then
  the place stood in for a doer the coder did not code, and the trigger is dropped.
  A place that locates the act's direct object ("examine the refineries in Iran") is what
  is acted on: it stays the target when no other target is left.
- **warnings**: a ``THREATEN`` read off a word of ``warnings`` (data/events/realis.yaml) is a
  threat only when what is warned of is an act: a clause whose subject is a pronoun or a
  party of the doer's country under a modal ("warned that it would retaliate"), or a word
  of force, unrest or ``warned_acts`` that is no clause's subject ("warned of sanctions"),
  or a condition ("no trade deal if the accord is undermined").
  Otherwise it is a remark or criticism ("warned voters against complacency", "warned
  that an attack could happen") and is dropped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from geopol.events.context import Reading, SentenceContext
from geopol.events.dyads import ActorIndex
from geopol.events.passes.base import Level, register
from geopol.events.realis import words
from geopol.records import Actor, PloverType

#: Types whose place phrase may name the one acted on ("protested in Beijing").
AIMED_AT_PLACES = frozenset(
    {
        PloverType.ASSAULT,
        PloverType.COERCE,
        PloverType.PROTEST,
        PloverType.MOBILIZE,
        PloverType.THREATEN,  # "threatened to resume attacks inside Israel"
    }
)
#: Types a venue may be a party to: attending a meeting in a state is a visit to it (042).
VISITS = frozenset({PloverType.CONSULT})
#: Prepositions of a place phrase.
PLACE_PREPS = frozenset({"in", "at", "inside", "near", "within", "outside", "across", "around"})
#: Kinds of actor read off a place name.
PLACE_KINDS = frozenset({"state", "capital", "seat"})
#: Kinds of actor that are venues after "at" ("at the WTO").
VENUE_KINDS = frozenset({"igo", "bloc"})
#: Modals of what a warner says will happen.
FUTURE = frozenset({"will", "would", "shall", "could", "may", "might", "'ll", "wo"})


def actor_root(a: Actor, doc: Doc) -> Token | None:
    """The syntactic head of an actor mention, or None where its span does not align."""
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span.root if span is not None else None


def venue(a: Actor, doc: Doc) -> bool:
    """The actor is named only as the place of an act: the object (or a conjunct of it) of
    a place preposition."""
    root = actor_root(a, doc)
    if root is None:
        return False
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ not in PLACE_PREPS:
        return False
    w = words()
    aim = root.head.head
    if aim.lemma_.lower() in w.force or aim.lower_ in w.force:
        return False  # "threatened to resume attacks inside Israel": where the force is aimed
    if a.kind in PLACE_KINDS:
        return True
    return a.kind in VENUE_KINDS and root.head.lower_ == "at"


def object_place(a: Actor, doc: Doc, trigger: Token) -> bool:
    """The place phrase modifies the act's direct object ("inspect the reactors in Iran"):
    the place stands for what is acted on, not for where the act happened."""
    root = actor_root(a, doc)
    if root is None:
        return False
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    noun = root.head.head
    return root.dep_ == "pobj" and noun.dep_ == "dobj" and noun.head.i == trigger.i


def _subject_of(trigger: Token, a: Actor, doc: Doc) -> bool:
    root = actor_root(a, doc)
    return root is not None and root.head.i == trigger.i and root.dep_ in ("nsubj", "nsubjpass")


def warned_act(trigger: Token, source: list[Actor], idx: ActorIndex) -> bool:
    """What the warning names is an act: the warner's (or a pronoun's) act under a modal, or a
    word of force, unrest or sanction that is no clause's subject."""
    w = words()
    acts = w.force | w.warned_acts
    countries = {a.country for a in source if a.country}
    for t in trigger.subtree:
        if t.i == trigger.i:
            continue
        if t.dep_ == "mark" and t.lower_ == "if":
            return True  # "no trade deal if Brexit undermines the accord": a condition set
        if t.dep_ == "nsubj" and any(
            c.dep_ == "aux" and c.lower_ in FUTURE for c in t.head.children
        ):
            if t.tag_ == "PRP":
                return True  # "warned that it would retaliate"
            if any(a.country in countries for a in idx.at(t)):
                return True  # "warned that the EU would impose duties"
        if (t.lower_ in acts or t.lemma_.lower() in acts) and t.dep_ not in ("nsubj", "nsubjpass"):
            return True  # "warned of sanctions", "warned of military action"
    return False


def warning(trigger: Token) -> bool:
    """The trigger is a word of warning ("warn", "warning", "caution")."""
    return trigger.lemma_.lower() in words().warnings or trigger.lower_ in words().warnings


def _uncoded_subject(trigger: Token, idx: ActorIndex) -> bool:
    """The trigger's subject (or its verb's, for a noun) is a named person or organisation that
    no actor mention of a country covers: the doer is someone the coder did not code."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    for t in verb.children:
        if t.dep_ not in ("nsubj", "nsubjpass") or any(a.country for a in idx.at(t)):
            continue
        if any(
            c.ent_type_ in ("PERSON", "ORG") and not any(a.country for a in idx.at(c))
            for c in t.subtree
        ):
            return True
    return False


def _home_venues(r: Reading, doc: Doc) -> None:
    """A meeting's venue in the country of one of its parties is no visit and no party ("talks
    with France in Berlin" by Germany): it leaves the dyad."""
    kept = [a for a in r.source + r.target if not venue(a, doc)]
    home = {a.country for a in kept if a.country}
    target = [a for a in r.target if not (venue(a, doc) and a.country in home)]
    if target and len(target) < len(r.target):
        r.target = target


@register("venue-parties", Level.TRIGGER)
def venue_parties(ctx: SentenceContext) -> None:
    """Take places named in a place phrase out of a dyad of an act not aimed at a place ("at
    their meeting in London"); drop a warning that names no act."""
    r = ctx.current
    tok = r.trigger.token
    doc = ctx.doc
    if r.type is PloverType.THREATEN and warning(tok) and not warned_act(tok, r.source, ctx.index):
        r.dropped = True  # "warned voters against complacency": a remark, not a threat
        return
    if r.type in AIMED_AT_PLACES or r.joint is not None:
        return
    if r.type in VISITS:
        _home_venues(r, doc)
        return
    source = [a for a in r.source if not venue(a, doc)]
    target = [a for a in r.target if not venue(a, doc)]
    if len(source) == len(r.source) and len(target) == len(r.target):
        return
    if not target and r.target:
        # the only target was a place; one that locates the act's object is what is acted on
        target = [a for a in r.target if object_place(a, doc, tok)]
    if not source and target and all(_subject_of(tok, a, doc) for a in target):
        source, target = target, []  # "in London, G7 ministers backed": the ministers act
    if not source:
        if _uncoded_subject(tok, ctx.index):
            r.dropped = True  # "in Paris, President Kirchner discussed": the doer is uncoded
        return  # only a place was read as the doer: leave the reading as it was
    r.source, r.target = source, target
