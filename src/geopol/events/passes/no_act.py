"""Pass ``stance-gate``: a trigger in a sentence that reports no act between the parties codes
nothing (docs/precision-guide.md: an opinion, an aim, a description is wrong for every type).

It reads the shape of the clause, not the words of one sentence; the word lists are keys of
``data/events/realis.yaml``:

- **a wish** (``desire_verbs``): an act in the direct complement of a verb of wish is no act
  ("they wanted to meet the chairman"); a wish that another party act is a demand and a wish
  to use force a threat, and both stay (the passes after read them);
- **a view** (``view_verbs``): an act in the complement of a verb or adjective of belief or
  feeling, when that complement is an infinitive, has a modal or is itself a description, is
  a view ("officials fear it could offer China a foothold", "is worried the council may be
  taken over", "entitled to expect them to give up violence"); a plain past stays ("they
  believe the rebels attacked the town" reports an attack);
- **a description** (``copulas``): an act noun inside what a copula says of its subject is a
  state, not an act ("China remains the main area of concern", "the US is a strong supporter
  of more aid for Turkey"); an empty subject ("it was an attack on ...") stays;
- **a power or a need denied** (``capacity_words``, ``obligation_verbs``): an act in the
  complement of a word of power or ability ("the right of the Commons to overrule the Lords",
  "should be able to order detention") is what someone may do ("was able to attack", in the
  past with no modal, reports the attack); under a negated verb of need
  ("terrorists do not need to attack") one nobody needs to do;
- **a condition** (``condition_marks``): an act of a doer that is no state in a clause opened
  by "if" or "unless" is supposed, not done ("the talks would fail unless farmers met the
  officials"); a threat keeps its condition, and a state's supposed act is kept as
  hypothetical, as ``unreal-events`` keeps it ("If Egypt were to attack Israel, the region
  would suffer.");
- **a forecast** (``forecast_verbs`` of ``data/events/derived.yaml``): a statement whose
  complement is a change in a thing of no actor ("the agency warned demand would outstrip
  supply", "leaders pledged the economy would grow") says what will happen, not what anyone
  does. Not for a change of an actor ("warned China would grow stronger"); an act noun
  whose amount changes ("trade with Mexico rose") stays, as `civil-gate` keeps it.
- **an argued act of force** (``hearsay_verbs``, ``hearsay_nouns``, ``scheme_verbs`` of
  ``data/events/derived.yaml``, events/hearsay.py): an attack, threat or coercion that a
  speaker other than its doer only argues, warns of or supposes ("officials argued
  militants wanted to attack the capital", "warned a bombing could happen here") is a view;
  the speaker's own "would attack" is a threat and a plain report stays.

Pass ``home-campaign`` (after ``named-parties``, once the parties' sectors are final): a
government's backing or promise addressed to its own country's parties or voters
("the prime minister sought to reassure his own party", "he assured voters he would do
nothing to harm the economy", "he pledged Labour would encourage more people") is a
campaign, not an act toward a party (``campaign_audience``); aid, a promise or a meeting with
other people of its country stays (CAMEO codes them). A campaign too
is a visit to places of one's own country ("he visits Manchester, Liverpool and
Leicester") and a party's appeal to its own country's people ("the Liberal Democrats will
ask the British people for support"). Backing or defending one's own country's thing stays: PLV codes
it as SUPPORT toward that country. A government backing or meeting itself (both sides GOV of
one country: "the premier backed his finance minister's plan", "ministers met in committee")
is no act between parties either (the guide's decisions of the sixth and seventh rounds);
criticism, requests and promises between its members stay.

Pass ``beneficiary-targets`` (after ``home-campaign``): a request's target that is only who
the request is for is not the one asked, and a request left with no one asked codes nothing
(the guide: an empty target is wrong for a verbal act):

- **the freed** (``freed_nouns``): "appealed for the release of the aid worker" asks her
  captors, not her; the release itself ("the US released the four Britons") and an agreement
  ("agreed to allow the release of X") keep their target;
- **a call's matter**: the target of a call or demand named only as a modifier of what is
  called for ("called for a Europe-wide policy", "urged them to write off African debt") is
  the matter's topic, not the one asked; a name as the modifier ("seek European Union
  approval", "calls for EU reform") is the body asked and stays.
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Doc, Token

from geopol.events.context import SentenceContext
from geopol.events.datafile import lowered, read_data
from geopol.events.dyads import ActorIndex
from geopol.events.hearsay import argued
from geopol.events.passes.base import Level, register
from geopol.events.passes.unreal import STATE_SECTORS, STATES
from geopol.events.passes.venue_parties import actor_root
from geopol.records import Actor, PloverType

#: Dependency labels linking a noun trigger to the verb of its clause.
_NOUN_UP = frozenset({"dobj", "pobj", "prep", "compound", "amod", "nmod", "poss", "attr", "oprd"})
#: Dependency labels linking a clause to the verb or adjective it is the complement of.
_COMPLEMENT = frozenset({"xcomp", "ccomp"})
#: Modals of a supposed or judged act.
_MODALS = frozenset({"would", "could", "might", "may", "should", "ought", "can", "must"})
#: Subjects of a copula that say nothing of an actor ("it was an attack on democracy").
_EMPTY = frozenset({"it", "this", "that", "there", "which", "what", "these", "those"})
#: Named-entity labels of an actor as a copula's subject.
_ACTORS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: Labels of a noun inside a copula's description.
_DESCRIPTION = frozenset({"pobj", "prep", "compound", "amod", "nmod", "poss", "conj", "appos"})
#: Types of force: a wish to use it is a threat ("Obama wants to attack Switzerland").
_FORCE = frozenset(
    {PloverType.ASSAULT, PloverType.THREATEN, PloverType.COERCE, PloverType.MOBILIZE}
)
#: Types whose act is conditional by nature ("threatened sanctions if ...").
_CONDITIONAL = frozenset({PloverType.THREATEN})
#: Types of a campaign's words to its own side: backing, promise (a government meeting its
#: own people is a consultation in CAMEO, and stays).
_CAMPAIGN = frozenset({PloverType.SUPPORT, PloverType.AGREE})
#: Types that are no act between parties when a government does them to itself.
_OWN_GOVERNMENT = frozenset({PloverType.SUPPORT, PloverType.CONSULT})
#: A government's own emissaries: meeting them is consulting through them, as with others.
_EMISSARIES = frozenset({
    "delegation", "delegations", "delegate", "delegates", "envoy", "envoys", "emissary",
    "emissaries", "negotiator", "negotiators", "mediator", "mediators", "ambassador",
    "ambassadors",
})
#: Sectors of parties and the opposition: their appeals to the people are campaigns.
_PARTIES = frozenset({"PTY", "OPP"})
#: Labels of a modifier of a noun that names its matter or topic, not its owner.
_MODIFIER = frozenset({"amod", "compound", "nmod"})
#: How many clause levels a trigger may sit below the verb of wish, view or condition.
_REACH = 4


@dataclasses.dataclass(frozen=True, slots=True)
class _Stance:
    views: frozenset[str]
    desires: frozenset[str]
    copulas: frozenset[str]
    conditions: frozenset[str]
    freed: frozenset[str]
    capacities: frozenset[str]
    abilities: frozenset[str]
    obligations: frozenset[str]
    audience: frozenset[str]


@functools.lru_cache(maxsize=1)
def stance_words() -> _Stance:
    """The word lists of ``realis.yaml`` this pass reads."""
    d = read_data("realis.yaml")
    return _Stance(
        views=lowered(d["view_verbs"]),
        desires=lowered(d["desire_verbs"]),
        copulas=lowered(d["copulas"]),
        conditions=lowered(d["condition_marks"]),
        freed=lowered(d["freed_nouns"]),
        capacities=lowered(d["capacity_words"]),
        abilities=lowered(d["ability_adjectives"]),
        obligations=lowered(d["obligation_verbs"]),
        audience=lowered(d["campaign_audience"]),
    )


def _low(tok: Token) -> str:
    return tok.lemma_.lower()


def clause_verb(trigger: Token) -> Token:
    """The verb of the trigger's clause: the trigger itself when a verb, else the verb a noun
    trigger is the object of ("order detention": "order")."""
    tok = trigger
    for _ in range(_REACH):
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ not in _NOUN_UP or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _modal(verb: Token) -> bool:
    """Whether the clause of ``verb`` has a modal or is a to-infinitive or a copula."""
    for ch in verb.children:
        if ch.dep_ in ("aux", "auxpass") and (ch.lower_ in _MODALS or ch.lower_ == "to"):
            return True
    return _low(verb) in stance_words().copulas


def _other_doer(verb: Token, wish: Token) -> bool:
    """Whether the wished act has a doer of its own, or the wish an object: a demand."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or any(
        c.dep_ in ("dobj", "iobj") for c in wish.children
    )


#: Labels of a past participle that modifies a noun as a reduced passive relative.
_REDUCED = frozenset({"acl", "amod"})


def wished(trigger: Token, *, force: bool = False, state: bool = False) -> bool:
    """Whether the trigger is in the complement of a verb of wish (not for an act of
    ``force``: a wish to attack is a threat; nor, unless the wish is negated, for a ``state``
    doer: a state's wish to meet is an intent, CAMEO 03x) or, as an infinitive, modal or
    description, of a verb of view."""
    w = stance_words()
    verb = clause_verb(trigger)
    for level in range(_REACH):
        if verb.dep_ not in _COMPLEMENT or verb.head.i == verb.i:
            return False
        head = verb.head
        low = _low(head)
        desire = level == 0 and (low in w.desires or head.lower_ in w.desires)
        negated = any(c.dep_ == "neg" for c in head.children)
        if desire and not force and (negated or not state) and not _other_doer(verb, head):
            # "wanted to meet": not "don't want people thinking they beat ...", nor a wish
            # that another party act ("X wants Y to withdraw" is a demand)
            return True
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children) or (
            head.tag_ == "VBN" and head.dep_ in _REDUCED
        )  # "a missile believed to be fired by rebels": a reduced passive relative
        if (low in w.views or head.lower_ in w.views) and not passive and _modal(verb):
            return True  # "fear it could offer": not "are believed to have agreed"
        verb = head
    return False


def _actor_subject(tok: Token, idx: ActorIndex) -> bool:
    """A subject that names an actor: a mention found, or a named person, group or place."""
    return tok.lower_ not in _EMPTY and (bool(idx.at(tok)) or tok.ent_type_ in _ACTORS)


def described(trigger: Token, idx: ActorIndex) -> bool:
    """Whether a noun trigger is inside what a copula says of an actor ("China remains the
    main area of concern"); not when the subject is a date or an event (a day that was a
    massive demonstration describes the protest) or the copula carries a plan ("are to work
    together, part of a pact")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    tok = trigger
    for _ in range(_REACH + 1):
        if tok.dep_ in ("attr", "acomp") and _low(tok.head) in stance_words().copulas:
            cop = tok.head
            if any(c.dep_ == "xcomp" for c in cop.children):
                return False
            subj = [c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")]
            return bool(subj) and all(_actor_subject(s, idx) for s in subj)
        if tok.dep_ not in _DESCRIPTION or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


#: Labels linking an act to the word of power or need it completes.
_CAPACITY_UP = frozenset({"xcomp", "acl", "advcl"})


def _achieved(adjective: Token) -> bool:
    """Whether an adjective of ability is said in the past with no modal ("was able to
    attack" reports the attack)."""
    cop = adjective.head if adjective.dep_ in ("acomp", "amod") else adjective
    auxes = [c for c in cop.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _MODALS for a in auxes):
        return False
    return cop.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def capable(trigger: Token) -> bool:
    """Whether the trigger is what someone has the power or ability to do, or does not need
    to do."""
    w = stance_words()
    verb = clause_verb(trigger)
    for _ in range(_REACH):
        if verb.dep_ not in _CAPACITY_UP or verb.head.i == verb.i:
            return False
        head = verb.head
        if head.pos_ == "NOUN" and _low(head) in w.capacities:
            return True  # "the right to detain": not "was right to reject"
        if _low(head) in w.abilities and not _achieved(head):
            return True  # "should be able to order": not "was able to attack"
        negated = any(c.dep_ == "neg" for c in head.children)
        if negated and _low(head) in w.obligations:
            return True
        verb = head
    return False


def supposed(trigger: Token) -> bool:
    """Whether the trigger's clause is opened by "if" or "unless" (or is the complement of
    such a clause)."""
    conds = stance_words().conditions
    verb = clause_verb(trigger)
    for _ in range(_REACH):
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in conds for c in verb.children
        ):
            return True
        if verb.dep_ not in _COMPLEMENT | {"conj"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


@functools.lru_cache(maxsize=1)
def forecast_verbs() -> frozenset[str]:
    """``forecast_verbs`` of ``derived.yaml``: verbs of a change in a quantity."""
    return lowered(read_data("derived.yaml").get("forecast_verbs") or [])


def _thing(subject: Token, idx: ActorIndex) -> bool:
    """A subject that is a common noun naming no actor ("demand", "the economy")."""
    return subject.pos_ == "NOUN" and not idx.at(subject) and subject.ent_type_ not in _ACTORS


def forecast(trigger: Token, idx: ActorIndex) -> bool:
    """Whether the trigger states a change in a thing ("warned demand would outstrip
    supply")."""
    if trigger.pos_ != "VERB":
        return False
    for comp in trigger.children:
        if comp.dep_ != "ccomp" or _low(comp) not in forecast_verbs():
            continue
        subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and all(_thing(s, idx) for s in subj):
            return True
    return False


@register("stance-gate", Level.TRIGGER)
def stance_gate(ctx: SentenceContext) -> None:
    """Drop a trigger that is a wish, a view, a description, a power, a need denied, a
    forecast or a condition, not an act."""
    r = ctx.current
    tok = r.trigger.token
    state = any(a.country and (a.kind in STATES or a.sector in STATE_SECTORS) for a in r.source)
    wish = wished(tok, force=r.type in _FORCE, state=state)
    if wish or described(tok, ctx.index) or capable(tok) or forecast(tok, ctx.index):
        r.dropped = True
        return
    if argued(tok, r.type, r.source, ctx.index):
        r.dropped = True
        return
    if r.type not in _CONDITIONAL and not state and supposed(tok):
        r.dropped = True  # a state's supposed act is kept, as hypothetical (unreal-events)


def _side(a: Actor, home: set[str | None], doc: Doc) -> bool:
    """A party of the doer's country, or its voters (``campaign_audience``)."""
    if a.country not in home:
        return False
    if a.sector == "PTY":
        return True
    root = actor_root(a, doc)
    return a.sector == "CVL" and root is not None and _low(root) in stance_words().audience


def home_campaign(kind: PloverType, source: list[Actor], target: list[Actor], doc: Doc) -> bool:
    """A government's backing, promise or talk to parties or people of its own country; a
    visit to one's own country's places; a party's appeal to its own country's people."""
    if not source or not target:
        return False
    home = {a.country for a in source}
    towns = all(a.country in home and not a.sector and "place" in a.how for a in target)
    if kind is PloverType.CONSULT and all(a.country for a in source) and towns:
        return True  # "he visits Manchester, Liverpool and Leicester": a tour at home
    if kind is PloverType.REQUEST and all(a.sector in _PARTIES and a.country for a in source):
        return all(a.country in home and a.sector == "CVL" for a in target)
    if kind not in _CAMPAIGN:
        return False
    if not all(a.sector == "GOV" and a.country for a in source):
        return False
    return all(_side(a, home, doc) for a in target)


def own_government(kind: PloverType, source: list[Actor], target: list[Actor], doc: Doc) -> bool:
    """A government backing or meeting itself: its head backing his own minister, ministers
    visiting or chairing a committee together ("the premier backed his finance minister's
    plan", "the trade minister met the finance minister"); criticism, requests and promises
    between them stay (a feud, a request to the head of state)."""
    if kind not in _OWN_GOVERNMENT or not source or not target:
        return False
    home = {a.country for a in source}
    if None in home or not all(a.sector == "GOV" for a in source):
        return False
    return all(a.sector == "GOV" and a.country in home and _same_level(a, doc) for a in target)


def _same_level(a: Actor, doc: Doc) -> bool:
    """The target is of the doer's own government: not a regional one placed by its region
    ("the Kano State Government") and not its emissaries ("its envoys to the summit"),
    whom a government meets as it meets other parties."""
    if "place" in a.how:
        return False
    root = actor_root(a, doc)
    return root is None or _low(root) not in _EMISSARIES


def _negated(trigger: Token) -> bool:
    """The act or the verb of its clause is negated ("refused to hold talks with", "did not meet")."""
    return any(ch.dep_ == "neg" for t in (trigger, clause_verb(trigger)) for ch in t.children)


@register("home-campaign", Level.TRIGGER)
def home_campaign_gate(ctx: SentenceContext) -> None:
    """Drop a government's campaign words to its own parties or people, and its backing of
    or meetings with itself."""
    r = ctx.current
    if home_campaign(r.type, r.source, r.target, ctx.doc):
        r.dropped = True
    elif own_government(r.type, r.source, r.target, ctx.doc) and not _negated(r.trigger.token):
        r.dropped = True  # a refusal to meet stays for derived-events ("did not meet")


def freed(a: Actor, trigger: Token) -> bool:
    """Whether the actor is named as who would be freed ("the release of X"), by another
    act than the trigger's own."""
    root = actor_root(a, trigger.doc)
    if root is None or root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    noun = root.head.head
    return noun.i != trigger.i and _low(noun) in stance_words().freed


def matter_only(a: Actor, trigger: Token, idx: ActorIndex) -> bool:
    """Whether a request's target is named only as an adjective of a thing called for
    ("called for a Europe-wide policy", "write off African debt")."""
    root = actor_root(a, trigger.doc)
    if root is None or root.dep_ not in _MODIFIER or root.head.i == trigger.i:
        return False
    if root.pos_ != "ADJ" and root.dep_ != "amod":
        return False  # "seek European Union approval", "calls for EU reform": the body asked
    thing = root.head
    if thing.dep_ not in ("dobj", "pobj"):
        return False  # "demanded that the Iranian government resign": the one asked
    return thing.pos_ == "NOUN" and not idx.at(thing) and thing.ent_type_ not in _ACTORS


@register("beneficiary-targets", Level.TRIGGER)
def beneficiary_targets(ctx: SentenceContext) -> None:
    """Take out of a request's target who would be freed and the matter called for; drop the
    request left with no target."""
    r = ctx.current
    if not r.target:
        return
    tok = r.trigger.token
    if r.type is not PloverType.REQUEST:
        return  # "agreed to allow the release of X": X is who the agreement is about
    keep = [a for a in r.target if not (freed(a, tok) or matter_only(a, tok, ctx.index))]
    if len(keep) == len(r.target):
        return
    r.target = keep
    if not keep:
        r.dropped = True
