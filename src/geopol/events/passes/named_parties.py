"""Pass ``named-parties``: the parties of a dyad must be coded as who they are, or the event
is not coded at all (docs/precision-guide.md: a named party left uncoded, or a government
read for the opposition, is a wrong dyad).

- **empty "it"**: the "it" of an extraposed clause ("it is really important to support
  teachers", "found it hard to persuade officials") is no party; with no other doer left, the
  event is dropped.
- **in office**: a bare "government" after "in", "into" or "out of" ("if in government, he
  would refuse") is a state of holding office, no party; with no other doer left, the event
  is dropped.
- **forecasts**: a thing of the doer's as the subject of the act under a modal of possibility
  ("cooperation with the EU would help the UK", "the EU's planned changes would force
  Britain to run a surplus") is a forecast of what it would bring about, no act; people,
  names, forces and the doer itself as subject stay ("the EU's leaders would discuss", "the
  Israeli strikes could hit").
- **out of office**: a person coded as a government (sector ``GOV``) whose own noun phrase
  says they no longer hold office or never held it (``out_of_office`` and ``opposition_titles``
  in ``data/events/realis.yaml``: "former", "ex-", "shadow", "challenger") takes the sector of
  an elite (``ELI``) or of the opposition (``OPP``): "the former Cabinet minister
  criticised the plan" is not the government acting; "the shadow home secretary" is
  the opposition.
- **people at home**: people acted on, named with no country ("the crackdown on protesters",
  "apologised to the families"), are of the one country the sentence names, or failing that
  of the article's home country (as ``home-organs`` does for state organs); a target of no
  country is a wrong dyad (docs/precision-guide.md).
- **resignations**: a resignation (a RETREAT of mode ``resign``) by a person or an organ (a
  doer with a sector other than the military) has no target: the office or body left or joined ("resigned the post of home secretary", "resigned to join the
  Commission") is no party acted on (docs/precision-guide.md, seventh round). A resignation
  by a doer of business (sector BUS: "the German chief executive of Siemens stepped down")
  leaves a post in a firm: commerce, no event (the guide's decisions: a commercial act is type 0).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from geopol.events.context import SentenceContext
from geopol.events.dyads import ActorIndex
from geopol.events.passes.base import Level, register
from geopol.events.passes.home_organs import home_country, sentence_country
from geopol.events.realis import words
from geopol.events.recall_table import people_noun
from geopol.records import Actor

#: The trigger mode of a resignation (``data/events/triggers.yaml``).
RESIGN = "resign"

#: Sectors of unnamed people, who are of the country where the story is.
PEOPLE = frozenset({"CVL"})
#: Doers whose own country is no evidence of the people they act on.
MILITARY = frozenset({"MIL"})
#: Modals of what might come about.
POSSIBLE = frozenset({"would", "could", "might", "may"})
#: Heads of a government mention that name an institution, not a person ("the former regime").
INSTITUTIONS = frozenset({"government", "regime", "administration", "cabinet", "ministry"})


def _span(a: Actor, doc: Doc) -> Span | None:
    """The tokens of the actor's mention."""
    return doc.char_span(a.start, a.end, alignment_mode="expand")


def _phrase(a: Actor, doc: Doc) -> list[Token]:
    """The tokens of the actor's noun phrase before and in its mention, with the phrase it is
    in apposition or a compound to ("the shadow chancellor, Mr Letwin")."""
    span = _span(a, doc)
    if span is None:
        return []
    root = span.root
    heads = [root]
    if root.dep_ in ("appos", "compound", "flat", "npadvmod") and root.head.i != root.i:
        heads.append(root.head)
    out: list[Token] = []
    for h in heads:
        out.extend(doc[h.left_edge.i : max(h.i, span.end - 1) + 1])
    return out


def office_sector(a: Actor, doc: Doc) -> str | None:
    """The sector a government person takes when their phrase says they are out of office
    (``ELI``) or in opposition (``OPP``); None when it says neither."""
    if a.sector != "GOV":
        return None
    span = _span(a, doc)
    if span is None or span.root.lemma_.lower() in INSTITUTIONS:
        return None  # "the former government of Iraq": a regime, not a person out of office
    w = words()
    toks = _phrase(a, doc)
    lows = {t.lower_ for t in toks} | {
        t.lower_.split("-")[0] + "-" for t in toks if "-" in t.lower_
    }
    for i, t in enumerate(toks[:-1]):
        if t.lower_ == "ex" and toks[i + 1].lower_ == "-":
            lows.add("ex-")
    if lows & w.opposition_titles:
        return "OPP"
    if lows & w.out_of_office:
        return "ELI"
    return None


def expletive(a: Actor, doc: Doc) -> bool:
    """The mention is the empty "it" of an extraposed clause ("it is important to support
    teachers", "found it hard to persuade officials", "it would have been better to reject
    the treaty"): it stands for the clause, not for an actor."""
    span = _span(a, doc)
    if span is None or span.root.lower_ != "it" or span.root.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = span.root.head
    if head.pos_ == "ADJ":
        preds = [head]
    elif head.lemma_ == "be":
        preds = [c for c in head.children if c.dep_ in ("acomp", "attr")]
        if not preds:
            return False
        preds.append(head)
    else:
        return False
    return any(c.dep_ in ("xcomp", "ccomp") for p in preds for c in p.children)


#: Nouns of a state organ that, bare after "in" or "into", name a condition, not an actor.
OFFICE_STATES = frozenset({"government", "power", "office"})


def in_office_phrase(a: Actor, doc: Doc) -> bool:
    """The mention is a bare "government" after "in", "into" or "out of" ("if in government,
    he would refuse", "the party that is in government"): a state of holding office, not
    the government acting or acted on; a determiner or a modifier makes it an actor ("in
    the government's plan", "in Labour governments")."""
    span = _span(a, doc)
    if span is None or len(span) != 1 or span.root.lower_ not in OFFICE_STATES:
        return False
    root = span.root
    if root.dep_ != "pobj" or any(c.dep_ in ("det", "poss", "amod", "compound") for c in root.children):
        return False
    prep = root.head
    return prep.lower_ in ("in", "into") or (prep.lower_ == "of" and prep.head.lower_ == "out")


def forecast(trigger: Token, source: list[Actor], idx: ActorIndex) -> bool:
    """The trigger's subject, under a modal of possibility, is a thing of the doer's, not the
    doer ("cooperation with the EU would help the UK", "the EU's planned changes would force Britain
    to run a surplus"): what the thing would bring about is a forecast, no act by the doer."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if not any(c.dep_ == "aux" and c.lower_ in POSSIBLE for c in verb.children):
        return False
    w = words()
    for subj in (c for c in verb.children if c.dep_ == "nsubj"):
        if subj.pos_ != "NOUN" or idx.at(subj) or people_noun(subj):
            return False  # the doer itself, a pronoun, a name or people
        if subj.lemma_.lower() in w.persons | w.force or subj.lower_ in w.force:
            return False  # "leaders would", "air strikes could": people and force act
        doer = {t.i for a in source for t in _tokens(a, trigger.doc)}
        if any(
            c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and c.i not in doer
            for c in subj.children
        ):
            return False  # "the minister, Mr Aiyar, would"; the doer's own name is no apposition
        return any(t.i in doer for t in subj.subtree)
    return False


def _tokens(a: Actor, doc: Doc) -> list[Token]:
    span = _span(a, doc)
    return list(span) if span is not None else []


def _home_people(actors: list[Actor], doers: list[Actor], ctx: SentenceContext) -> list[Actor]:
    """People of no country (sector ``CVL``: "protesters", "families", "voters") are of the one
    country the sentence names, or failing that of the article's home country; but a military
    doer's own country says nothing of the people it acts on (troops act abroad), so that
    country is no evidence; nor is an armed group's code."""
    if not any(a.country is None and a.sector in PEOPLE for a in actors):
        return actors
    home = sentence_country(ctx) or home_country(ctx)
    if home is None or not _state(home) or home in {a.country for a in doers if a.sector in MILITARY}:
        return actors  # an armed group's code ("IMG-IS") is no people's country
    return [
        dataclasses.replace(a, country=home) if a.country is None and a.sector in PEOPLE else a
        for a in actors
    ]


def _state(code: str) -> bool:
    """A state's code (ISO 3166 alpha-3), not an organisation's or a group's ("IMG-IS")."""
    return len(code) == 3 and code.isalpha()


def _in_office(actors: list[Actor], doc: Doc) -> list[Actor]:
    out = []
    for a in actors:
        sector = office_sector(a, doc)
        out.append(a if sector is None else dataclasses.replace(a, sector=sector))
    return out


@register("named-parties", Level.TRIGGER)
def named_parties(ctx: SentenceContext) -> None:
    """Take the empty "it" of an extraposed clause out of the dyad (the event when no doer is
    left); code a government person out of office or in opposition as an elite or the
    opposition."""
    r = ctx.current
    doc = ctx.doc
    if forecast(r.trigger.token, r.source, ctx.index):
        r.dropped = True  # "cooperation with the EU would help get better controls": a forecast
        return
    empty = {
        id(a) for a in r.source + r.target if expletive(a, doc) or in_office_phrase(a, doc)
    }
    if empty:
        r.source = [a for a in r.source if id(a) not in empty]
        r.target = [a for a in r.target if id(a) not in empty]
        if not r.source:
            r.dropped = True  # "it is important to support teachers", "if in government": nobody acts
            return
    r.source = _in_office(r.source, ctx.doc)
    if r.trigger.rule.mode == RESIGN and any(a.sector == "BUS" for a in r.source):
        r.dropped = True  # "the German co-head of EADS will step down": a post in a firm
        return
    if r.trigger.rule.mode == RESIGN and all(a.sector and a.sector not in MILITARY for a in r.source):
        r.target = []  # "resigned the post of home secretary": the office left is no party
        return
    r.target = _home_people(_in_office(r.target, ctx.doc), r.source, ctx)
