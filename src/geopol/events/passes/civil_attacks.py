"""Pass ``civil-attacks``: an attack between parties, politicians or firms is criticism, and
a coercion or retreat aimed at a thing and at nobody is no act (see events/realis.py)."""

from __future__ import annotations

import dataclasses

from geopol.events.context import Reading, SentenceContext
from geopol.events.crowd_acts import REMAINS, crowd_doer
from geopol.events.datafile import word_set
from geopol.events.dyads import ActorIndex, same_title
from geopol.events.onsets import onset_fight
from geopol.events.passes.act_gate import criticism
from geopol.events.passes.base import Level, register
from geopol.events.realis import civil, thing_aim, violent
from geopol.events.triggers import Trigger
from geopol.records import Actor, PloverType

#: Material types that aimed at a sum, an asset or a rule and at nobody are no act
#: ("withdrew $1bn in assets", "forcing the sale of the asset", "lifted a trade ban").
#: Sectors whose attack on nobody named may be real force ("the president ordered an attack").
_COMMANDERS = frozenset({"GOV", "ELI"})
#: Sectors of those who rule: their "protest" is a campaign or a statement, never a crowd's.
_RULERS = frozenset({"GOV", "ELI"})
#: Material types whose act with no party named must be told with a word of force.
_FORCE = frozenset({PloverType.ASSAULT, PloverType.COERCE, PloverType.RETREAT})
#: Modes of an attack whose verb itself names force ("abducted", "tortured", "raped"); not
#: "beat" nor "firearms", whose verbs are as often figures ("whips up", "hit offices").
_FORCE_MODES = frozenset({"abduct", "torture", "sexual"})
#: Clause links through which another verb carries the act ("wants Germany to withdraw").
_CARRIED = frozenset({"xcomp", "ccomp"})
#: Words of an attack itself, for an attack with no party named ("gunmen attacked").
_ATTACK_WORDS = frozenset(
    {
        "attack",
        "attacked",
        "attacks",
        "attacking",
        "clash",
        "clashed",
        "clashes",
        "fighting",
        "fought",
        "battle",
        "assailant",
        "assailants",
    }
)


def _told_as_force(r: Reading, ctx: SentenceContext) -> bool:
    """Whether a material act with no party named is told as force: a word of violence in
    the sentence, an attack word for an attack, or a resignation (which names nobody)."""
    mode = r.trigger.rule.mode
    if r.trigger.rule is REMAINS:
        return True  # "the body of a man was found": remains with no finder are a killing
    if r.type is PloverType.RETREAT and mode is not None and mode != "withdraw":
        return True  # a resignation, a release, a ceasefire: named by the verb itself
    if r.type is PloverType.ASSAULT and mode in _FORCE_MODES and not r.trigger.noun:
        return True  # "forces abducted two men from a village": the verb names the force
    if r.type is PloverType.RETREAT and r.trigger.token.dep_ in _CARRIED:
        return True  # "X wants Y to withdraw": the demand carries it
    if violent(ctx.sentence):
        return True
    if r.type is PloverType.ASSAULT and onset_fight(r.trigger):
        return True  # "a fight broke out at the market": fighting told by its onset
    return r.type is PloverType.ASSAULT and any(t.lower_ in _ATTACK_WORDS for t in ctx.sentence)


THING_TYPES = frozenset({PloverType.COERCE, PloverType.RETREAT, PloverType.SANCTION})


#: Public measures and the verbs that impose them (``public_measures`` and ``measure_verbs``
#: in data/events/words.yaml): imposing or ending one is an act with no party named.
_MEASURES = word_set("public_measures")
_IMPOSE = word_set("measure_verbs")


def _measure_act(r: Reading) -> bool:
    """A measure imposed or ended by someone named ("the governor extended the curfew in
    Zaria", "the union called off its strike"): an act with no party named all the same."""
    if not r.source or r.type not in (PloverType.COERCE, PloverType.RETREAT):
        return False
    tok = r.trigger.token
    if r.trigger.noun:
        verb = tok.head
        # "declared a state of emergency": the measure named after "of"
        named = [tok, *(p for c in tok.children if c.lower_ == "of" for p in c.children)]
        return (
            r.type is PloverType.COERCE
            and any(n.lemma_.lower() in _MEASURES for n in named)
            and tok.dep_ in ("dobj", "nsubjpass")
            and verb.lemma_.lower() in _IMPOSE
        )
    if tok.dep_ == "acl":
        return False  # "his plan to remove the embargo": a plan, no act
    coerce = r.type is PloverType.COERCE and tok.lemma_.lower() in _IMPOSE
    retreat = r.type is PloverType.RETREAT and r.trigger.rule.mode is None
    if not (coerce or retreat):
        return False
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "the state of emergency": the measure named after "of"
    objects += [p for c in objects for o in c.children if o.lower_ == "of" for p in o.children]
    return any(c.lemma_.lower() in _MEASURES for c in objects)


def _ended_measure(r: Reading, ctx: SentenceContext) -> Trigger | None:
    """A measure read as its own coercion ("state of emergency", "curfew") that is the
    object of a verb the lexicon reads as ending such a measure ("lifted the state of
    emergency", whose several words the verb's rule lists among its objects): the end of the
    measure, a retreat told by the verb."""
    trig = r.trigger
    tok = trig.token
    if r.type is not PloverType.COERCE or not trig.noun or tok.dep_ not in ("dobj", "nsubjpass"):
        return None
    verb = tok.head
    if verb.pos_ != "VERB" or verb.dep_ == "acl":
        return None  # "his plan to lift the state of emergency": a plan, no act
    words = [t for t in tok.subtree if t.dep_ not in ("det", "poss", "amod", "nummod")]
    phrase = " ".join(t.lower_ for t in words if t.i >= tok.i)
    for p in ctx.lexicon.verbs.get(verb.lemma_.lower(), []):
        rule = p.rule
        if p.rest or rule.type is not PloverType.RETREAT or rule.mode is not None:
            continue
        if phrase in rule.objects or tok.lemma_.lower() in rule.objects:
            return dataclasses.replace(trig, token=verb, rule=rule, noun=False, words=(verb,))
    return None


def _nobody(target: list[Actor]) -> bool:
    return not any(a.country or a.sector for a in target)


def _civil_target(target: list[Actor], source: list[Actor], idx: ActorIndex) -> bool:
    if _nobody(target):
        # a party, a firm or a paper attacking nobody named speaks; a leader may order force
        return not any(a.sector in _COMMANDERS for a in source)
    if civil(target):
        return True
    # a party or a politician's own country: "Labour attacked Britain's record"
    return all(a.country in {s.country for s in source} and not a.sector for a in target)


def _crowd(r: Reading) -> list[Actor]:
    """The crowd of people that did a protest the parse gave to a ruler ("in Caracas,
    prisoners of the jail protested": the capital read as its government), of the ruler's
    country when it names none."""
    head = crowd_doer(r.trigger.token)
    if head is None:
        return []
    country = r.source[0].country
    return [
        a if a.country else dataclasses.replace(a, country=country, how=f"{a.how},ruler-country")
        for a in r.raw_source
        if a.start <= head.idx < a.end and a.sector not in _RULERS
    ][:1]


@register("civil-attacks", Level.TRIGGER)
def civil_attacks(ctx: SentenceContext) -> None:
    """An attack by parties, politicians, courts or firms on others of their kind, in a
    sentence with no word of force, is criticism ("the Chancellor attacked the Tories");
    a coercion, a retreat or a sanction aimed at a sum or a rule and at nobody is no act
    ("Libya has withdrawn $1bn in assets"), nor is leaving a body of no country and no
    sector (a firm), nor an act whose only target is the doer itself."""
    r = ctx.current
    own = {a.start for a in r.source} | {a.coref_of for a in r.source if a.coref_of is not None}
    by_start = {a.start: a for a in r.source}
    if r.target and all(
        a.coref_of is not None
        and a.coref_of in own
        and (a.coref_of not in by_start or same_title(a, by_start[a.coref_of]))
        for a in r.target
    ):
        r.dropped = True  # "the company said it needed ...": the doer itself is no target
        return
    if (
        r.type is PloverType.RETREAT
        and r.target
        and _nobody(r.target)
        and all(a.kind in ("org", "unknown") for a in r.target)
    ):
        r.dropped = True  # "the boss is to leave EADS": leaving a firm is no political act
        return
    if r.type is PloverType.PROTEST and r.source and all(a.sector in _RULERS for a in r.source):
        crowd = _crowd(r)
        if not crowd:
            r.dropped = True  # "the Chancellor rallies Labour voters": a campaign, not a protest
            return
        r.source = crowd  # "in Caracas, prisoners protested": the crowd, not the capital
    ended = _ended_measure(r, ctx)
    if ended is not None:
        r.trigger = ended  # "lifted the state of emergency": the measure's end, not the measure
    if _measure_act(r) and _nobody(r.target):
        return  # "the governor extended the curfew": an act on those the measure binds
    if r.type in _FORCE and _nobody(r.target) and not _told_as_force(r, ctx):
        # "the ECB left its rate unchanged", "Sri Lanka and India worst hit": a material act
        # that names no party and no force is no act
        r.dropped = True
        return
    if r.type is PloverType.ASSAULT:
        if (
            civil(r.source)
            and _civil_target(r.target, r.source, ctx.index)
            and not violent(ctx.sentence)
        ):
            r.trigger = dataclasses.replace(r.trigger, rule=criticism(), content=())
        return
    if r.type in THING_TYPES and _nobody(r.target):
        # "abandoned its policy" is a retreat all the same; "withdrew $1bn" is none
        abstract = r.type is not PloverType.RETREAT
        if thing_aim(r.trigger.token, ctx.index, abstract=abstract):
            r.dropped = True
