"""Recall for local conflict and protest reporting (issue 15; ``data/events/recall.yaml``).

Reports of local violence and protest rarely name a state: "dozens of workers protested in
Jijel", "gunmen attacked a market", "an IED exploded near the town, killing two soldiers",
"a man was found dead on a road". Each is still an event, and its actors belong to the country
where they acted (ACLED's convention: Protesters (Algeria), Unidentified Armed Group (Mexico)).

- ``placed_doer``: the unnamed doer of a protest, attack or coercion (an actor mention with no
  country, or the plain noun phrase of the subject or the "by" phrase: "a group of drivers",
  "armed men", "an IED") takes the country of the event's place. A state or region the act was
  aimed at ("fired rockets at Israel") never gives the doer's country; a village, district or
  town attacked on the ground does ("six men assaulted a police team in Kolhapur"), unless the
  doer is a weapon fired from afar ("airstrikes", "rockets"). A passive attack with no doer
  named ("was shot dead", "was found dead") has an unidentified armed doer, placed the same way.
  When no place in the sentence has a country, the one country all the article's places (that
  are no aimed places) lie in is used. A protest at a named place whose country is unknown is
  kept with a doer of no country.
- ``own_country_target``: refusing to yield with nobody named as asking ("declined to resign")
  is a refusal toward the refuser's own country.

The doer's noun phrase is read in ``recall_doers.py``, the country of the act's place in
``recall_places.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.tokens import Token

from geopol.events.cameo import cameo_code
from geopol.events.derived import table
from geopol.events.dyads import ActorIndex
from geopol.events.lexicon import Rule
from geopol.events.note_country import clue_country
from geopol.events.placed import Where
from geopol.events.recall_doers import doer_phrase, head_noun, phrase_start
from geopol.events.recall_places import (
    act_place_country,
    aimed_at,
    capital_country,
    mission_country,
    place_phrase,
    token_at,
)
from geopol.events.recall_table import people_noun, recall_table
from geopol.events.reframe import frame_end
from geopol.records import Actor, Origin, PloverType


def _counted(noun: Token) -> bool:
    """Whether an event noun is counted, as monitors tally what they observed: "2 explosions",
    "a total of 19 explosions/shots", "dozens of shells"."""
    if any(ch.dep_ == "nummod" or ch.like_num for ch in noun.children):
        return True
    top = _measured(noun)
    return top.i != noun.i and (
        top.pos_ == "NUM"
        or top.lemma_.lower() in ("total", "dozen", "dozens", "hundreds", "scores")
    )


def _members_of(actor: Actor, trigger: Token) -> bool:
    """Whether a name read as a person's is what people are members of ("members of Polo
    Obrero protested"): a body, so the members are a crowd like any other."""
    span = trigger.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.lemma_.lower() in ("member", "supporter", "activist")
    )


def _passive(verb: Token) -> bool:
    """A passive verb, or one joined to a passive ("was found handcuffed and killed")."""
    for v in (verb, verb.head if verb.dep_ == "conj" and verb.tag_ == "VBN" else verb):
        if any(ch.dep_ in ("nsubjpass", "auxpass") for ch in v.children):
            return True
    return False


def _measured(noun: Token) -> Token:
    """The phrase an event noun heads through quantities: "a total of 20 explosions"."""
    cur = noun
    for _ in range(4):
        if cur.dep_ in ("nmod", "appos", "conj") and cur.head.pos_ == "NOUN":
            cur = cur.head  # "projectiles/explosions/shots": one list of nouns
        elif (
            cur.dep_ == "pobj" and cur.head.lower_ == "of" and cur.head.head.pos_ in ("NOUN", "NUM")
        ):
            cur = cur.head.head
        else:
            break
    return cur


def _noun_words(noun: Token) -> list[str]:
    """The words an event noun token may be listed as: "shoot-out" split by the tokenizer,
    "projectiles/explosions" joined by slashes."""
    words = noun.lower_.split("/")
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-":
        words.append(f"{doc[noun.i - 2].lower_}-{noun.lower_}")
    return words


def _hyphened(part: Token, noun: Token) -> bool:
    """Whether ``part`` is the first half of one hyphenated word with ``noun`` ("shoot-out",
    "fire-fight"), not a noun that modifies it ("car bomb", "price war")."""
    doc = noun.doc
    return part.i == noun.i - 2 and doc[noun.i - 1].text == "-" and not part.whitespace_


#: Sectors of irregular armed agent nouns ("gunmen", "militants", "rebels"): of unknown country
#: they are still ACLED's "unidentified armed group"; a state's forces ("troops", "police")
#: always belong to a state, and coded with none they would be a wrong dyad.
_ARMED = frozenset({"UAF", "REB", "INS"})

#: A state's forces of no stated country ("regime forces", "soldiers") acting at a named place
#: the gazetteer lacks, with no country anywhere in the act ("soldiers executed two herders
#: near Tokabangou"): the act happened, and CAMEO codes such forces ---MIL and ---COP.
_FORCES = frozenset({"MIL", "COP"})


def _sector(noun: Token | None, type_: str) -> str:
    t = recall_table()
    if noun is not None and noun.lemma_.lower() in t.means:
        return "UAF"
    return t.sectors.get(type_, "UAF")


def _street_protest(trigger: Token, head: Token) -> bool:
    """A plural common noun as the subject of "protested"/"demonstrated", told as done, with
    no object or clause ("taxis demonstrated and blocked streets"; not "results demonstrated
    that", nor "the management has to demonstrate why")."""
    return (
        trigger.pos_ == "VERB"
        and trigger.tag_ in ("VBD", "VBZ", "VBP")  # told as done, not "to demonstrate why"
        and trigger.lemma_.lower() in ("protest", "demonstrate")
        and not any(
            ch.dep_ in ("dobj", "ccomp", "xcomp", "attr", "advcl") for ch in trigger.children
        )
        and head.pos_ == "NOUN"
        and head.tag_ == "NNS"
        and head.is_lower
    )


def placed_doer(
    trigger: Token,
    type_: str,
    noun: bool,
    raw_source: list[Actor],
    where: Where,
    idx: ActorIndex,
    target: Sequence[Actor] = (),
) -> list[Actor]:
    """The unnamed doer of a protest, attack or coercion, placed where it acted."""
    t = recall_table()
    if type_ not in t.doer_types:
        return []
    # A name in an opening frame of time and place ("on 3 May, in Goma, North Kivu,", NER
    # may call "North Kivu" a person) is where, not who (events/reframe.py)
    cut = frame_end(trigger.sent)
    if cut is not None and cut <= trigger.i:
        after = trigger.doc[cut].idx
        raw_source = [a for a in raw_source if a.start >= after]
    # A named person of no known country is no crowd to place ("singer X walked out").
    # (but "members of Polo Obrero protested": a body's members; armed ones: armed_names.py)
    if any(
        not a.country
        and a.kind == "person"
        and not (type_ == "PROTEST" and _members_of(a, trigger))
        for a in raw_source
    ):
        return []
    unnamed = [a for a in raw_source if not a.country]
    phrase = doer_phrase(trigger, type_)
    if phrase is not None and (phrase.pos_ == "PRON" or phrase.ent_type_ in ("DATE", "TIME")):
        return []
    if unnamed:
        base: Actor | None = unnamed[0]
        head = phrase
    elif phrase is not None:
        placed = [a for a in idx.at(phrase) if a.country]
        if placed and type_ == "PROTEST" and all(a.kind == "agent" for a in placed):
            return placed[:1]  # "medics of the city hospital protested": a crowd placed already
        if placed and raw_source is not None and not raw_source and type_ in t.group_types:
            return placed[:1]  # "armed men driving two vehicles attacked": the patterns missed it
        if placed:
            return []  # a named actor the patterns already weighed
        head = head_noun(phrase)
        lemma = head.lemma_.lower()
        if lemma in t.not_doers or lemma in table().accidents or head.pos_ not in ("NOUN", "PROPN"):
            return []
        # an agent noun of the actor dictionaries ("pilgrims", "boda boda drivers") names people
        crowd = people_noun(head) or any(a.kind == "agent" for a in idx.at(head))
        # "at least 50 motorcycle taxis demonstrated": whatever plural noun protested in the
        # street is a crowd (only with "protest"/"demonstrate" used alone, no object)
        crowd = crowd or (type_ == "PROTEST" and _street_protest(trigger, head))
        if head.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "ORG", "PERSON") and not (
            crowd and head.pos_ == "NOUN" and head.is_lower
        ):
            return []  # a name; but "members of the CPI(M)", tagged ORG whole, are people
        if not crowd and not (lemma in t.means and type_ == "ASSAULT"):
            return []  # "the lawsuit seeks to force", "evidence has shot up": no doer
        base = None
    elif (
        type_ in t.implicit_types
        and not noun
        and trigger.lemma_.lower() in t.implicit_verbs
        and _passive(trigger)
    ):
        base, head = None, None  # "was shot dead", "were killed": nobody named
    elif (
        (type_ in t.implicit_types or type_ == "PROTEST")
        and noun
        and any(w in t.implicit_nouns for w in _noun_words(trigger))
        and not any(
            ch.dep_ == "compound" and ch.pos_ == "NOUN" and not _hyphened(ch, trigger)
            for ch in trigger.children
        )
        and _measured(trigger).dep_ in ("nsubj", "nsubjpass", "dobj")
    ):
        # "an explosion hit", "observed shelling", "protests were held in Chennai": nobody named
        base, head = None, None
    else:
        return []
    # Whoever attacks a village, a district or a town on the ground acted inside its
    # country (ACLED's convention: Rioters (India), Unidentified Armed Group (Mexico)); only
    # a weapon fired from afar ("airstrikes hit Baqim district") may come from abroad.
    weapon = head if head is not None else trigger if noun else None
    from_afar = weapon is not None and weapon.lemma_.lower() in t.means
    country, named = act_place_country(trigger, where.places, where.dateline, local_ok=not from_afar)
    if country is None:
        country = capital_country(trigger, idx)
        named = named or country is not None
    if country is None:
        country = mission_country(trigger.sent)
        named = named or country is not None
    if country is None:
        # "in Bubamba village (Kalehe, Sud-Kivu)": a division of the sentence or note
        aimed = [
            p.start
            for p in where.places
            if (tok := token_at(trigger, p)) is not None and aimed_at(tok, trigger)
        ]
        country = clue_country(trigger, where.places, idx, aimed)
        named = named or country is not None
    if base is None and head is None and any(a.country and a.country != country for a in target):
        return []  # "two Canadian tourists were killed in Peru": no doer assumed for foreigners
    # An act at a named place whose country is unknown ("in Zaghniya village") is kept with a
    # doer of no country when the text names the doer: a crowd that protested, or an armed
    # agent noun of no state ("gunmen", "militants") that attacked or coerced.
    # ("troops opened fire on protesters in Tiananmen Square" names the protesters' country:
    # a doer of no country there would be wrong, so only with no country anywhere in the act)
    armed = (
        base is not None
        and base.kind == "agent"
        and (base.sector in _ARMED or (base.sector in _FORCES and country is None))
        and not any(a.country for a in target)
    )
    # So is an attack noun with nobody named at a named place ("2 explosions near Zolote-4"):
    # something exploded there, whoever fired it.
    observed = (
        noun
        and type_ == "ASSAULT"
        and _counted(trigger)  # "a total of 3 explosions", not "a clash", "the rally in prices"
        and base is None
        and head is None
        and not any(a.country for a in target)
        and (named or place_phrase(trigger.sent))
    )
    if country is None and not (
        (named and ((type_ == "PROTEST" and (base or head is not None)) or armed)) or observed
    ):
        return []
    how = "unnamed,place-of-event" if country else "unnamed"
    if base is not None and base.kind == "person" and not base.sector:
        # "members of Polo Obrero": the body's members, a crowd of the place's country
        base = dataclasses.replace(base, kind="group", sector=_sector(None, type_))
    if base is not None:
        return [dataclasses.replace(base, country=country, how=f"{base.how},{how}")]
    if head is not None:
        left = phrase_start(phrase or head, head)
        span = trigger.doc[left : head.i + 1]
        start, end, text = span.start_char, span.end_char, span.text
    else:
        first = trigger
        if trigger.i >= 2 and _hyphened(trigger.doc[trigger.i - 2], trigger):
            first = trigger.doc[trigger.i - 2]  # "shoot-out", not "out"
        start, end = first.idx, trigger.idx + len(trigger)
        text = trigger.doc.text[start:end]
    return [
        Actor(
            text=text,
            start=start,
            end=end,
            name=text,
            country=country,
            sector=_sector(head, type_),
            kind="group",
            how=how,
        )
    ]


def own_country_target(
    type_: str, content_modes: list[str | None], source: list[Actor]
) -> list[Actor]:
    """ "The vice-president declined to resign": a refusal to yield with no one named as
    asking is a refusal toward the refuser's own country."""
    if type_ != "REJECT" or not any(m in recall_table().yield_modes for m in content_modes):
        return []
    own = [a for a in source if a.country and a.sector]
    if not own:
        return []
    a = own[0]
    return [
        dataclasses.replace(a, sector=None, role=None, kind="state", how=f"{a.how},own-country")
    ]


#: Kinds of actor mention that name a party even without a country: people, groups and
#: organisations ("the blogger", "refugees", "Siemens"), not places or pronouns.
_PARTY_KINDS = frozenset({"agent", "person", "org", "group"})


def unnamed_target(raw_target: list[Actor], source: list[Actor]) -> list[Actor]:
    """The party acted on when the text names it but no country for it ("freed the
    blogger", "convicted the firm", "opened its borders to refugees"): CAMEO codes it with
    no country (``---JRN``) rather than dropping who was acted on."""
    own = {a.start for a in source}
    out = [
        a
        for a in raw_target
        if not a.country
        and a.start not in own
        and (a.sector or a.kind in _PARTY_KINDS)
        and a.origin is not Origin.COREF
        and a.text.lower() not in ("it", "they", "them", "he", "she", "him", "her", "its", "their")
    ]
    return out[:3]


#: Sectors of a state's organs: named by no country ("the High Court", "the government"),
#: they still act on an identified target, as PETRARCH codes them (``---JUD``, ``---GOV``);
#: so do rebels and insurgents ("a rebel leader gave himself up to Nigerian soldiers": ``---REB``).
_ORGANS = frozenset({"GOV", "JUD", "LEG", "COP", "MIL", "SPY", "OPP", "PTY", "REB", "INS"})


def unplaced_organ(raw_source: list[Actor], target: list[Actor]) -> list[Actor]:
    """The source of an act on an identified target by a state organ whose country the text
    does not give ("the court quashed the orders of the police commissioner of Chennai")."""
    if not target or not all(a.country for a in target):
        return []
    return organ_doers(raw_source)


def organ_doers(raw_source: list[Actor]) -> list[Actor]:
    """The first state organ of no stated country among the doers the parse gives."""
    return [
        a
        for a in raw_source
        if not a.country and a.sector in _ORGANS and a.origin is not Origin.COREF
    ][:1]


#: A collective demand or denunciation by an unnamed crowd, with no one named as addressed,
#: is political dissent (CAMEO 140): "workers demanded the payment of their salaries".
_DISSENT = Rule(
    PloverType.PROTEST,
    None,
    cameo_code("Engage in political dissent"),
    (),
    frozenset(),
    False,
    False,
    False,
    False,
    500_102,
)
VOICED = frozenset({"REQUEST", "REJECT", "ACCUSE"})
#: Sectors of armed groups and state organs: their demands are no crowd's dissent.
NOT_CROWDS = frozenset(
    {"MIL", "COP", "GOV", "REB", "INS", "UAF", "SPY", "JUD", "LEG", "PRM", "ELI", "IGO"}
)


def _located(verb: Token) -> bool:
    """Whether the clause says where the act took place ("In Monclova, workers demanded",
    "residents gathered outside the town hall demanded"): a place phrase on the verb."""
    return any(
        ch.dep_ == "prep"
        and ch.lower_ in ("in", "at", "outside", "near", "inside")
        and p.dep_ == "pobj"
        and (p.ent_type_ in ("GPE", "LOC", "FAC") or p.pos_ == "PROPN")
        for ch in verb.children
        for p in ch.children
    )


def crowd_dissent(
    trigger: Token,
    type_: str,
    noun: bool,
    raw_source: list[Actor],
    where: Where,
    idx: ActorIndex,
) -> tuple[Rule, list[Actor]] | None:
    """The dissent rule and the placed crowd, when an unnamed crowd voices a demand or a
    denunciation at a place and names no one it is addressed to."""
    participle = trigger.tag_ == "VBN" and not any(ch.dep_ == "nsubj" for ch in trigger.children)
    if type_ not in VOICED or noun or participle or not _located(trigger):
        return None  # "people found guilty": the participle's noun is no doer
    crowd = placed_doer(trigger, "PROTEST", noun, raw_source, where, idx)
    if not crowd or not crowd[0].sector or crowd[0].sector in NOT_CROWDS:
        return None  # traders, teachers, doctors and workers dissent; police do not
    return _DISSENT, crowd
