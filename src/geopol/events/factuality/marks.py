"""Small cue readers the scope walk uses: a preposition that carries a level ("without"), a
verb that negates what it takes ("ruled out", "failed to"), a report its predicate calls false,
and an attribution the parse leaves as a second root ("attacked the town; officials said")."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues, cues
from geopol.events.factuality.verdict import Cue
from geopol.events.factuality.words import LINKS as _LINKS
from geopol.events.factuality.words import governing, phrasal, phrase_at
from geopol.records import Factuality

__all__ = [
    "called_false",
    "misparsed_attribution",
    "negating",
    "preposition",
    "trailing_attribution",
]

#: Dependents a trailing reporting verb may have besides its speaker ("alleged on Sunday").
_BARE = frozenset({"prep", "advmod", "npadvmod", "punct", "auxpass", "aux"})



def trailing_attribution(root: Token, c: Cues) -> Token | None:
    """ "X agreed to build roads, an attache said." parsed as a second sentence: the reporting
    verb of a fragment that follows the clause without a full stop between them."""
    doc = root.doc
    for t in doc[root.i + 1 :]:
        if t.text in (".", "!", "?", ";"):
            return None
        if (
            t.dep_ == "ROOT"
            and t.i != root.i
            and c.governing.get(t.lemma_.lower()) is Factuality.REPORTED
            and any(g.dep_ == "nsubj" for g in t.children)
            and not any(g.dep_ in ("ccomp", "xcomp") for g in t.children)
        ):
            return t
    return None


def misparsed_attribution(verb: Token, c: Cues) -> Token | None:
    """ "troops fired on Indian positions, an Indian army spokesman alleged on Sunday",
    "raided a police post, an army officer claimed": the parse hangs the saying on
    a noun of the clause (a participle on the speaker, or a relative clause on the object).
    A reporting verb with nothing of its own to say, ending the sentence, whose speaker
    opens after a comma, is the clause's attribution ("a charge Islamabad denied", with no
    comma, is not)."""
    doc = verb.doc
    end = max((t.i for t in verb.sent if not t.is_punct), default=verb.i)
    for said in verb.subtree:
        if (
            said.dep_ not in ("acl", "relcl")
            or said.i < verb.i
            or said.tag_ not in ("VBN", "VBD")
            or said.right_edge.i < end
            or governing(said, c) is not Factuality.REPORTED
        ):
            continue
        allowed = _BARE | ({"nsubj"} if said.dep_ == "relcl" else set())
        if not all(g.dep_ in allowed for g in said.children):
            continue
        opener = said.left_edge if said.dep_ == "relcl" else said.head.left_edge
        if opener.i > verb.i and doc[opener.i - 1].text == ",":
            return said
    return None


def preposition(adp: Token, c: Cues, found: list[Cue], depth: int) -> None:
    """A preposition that carries a level over its object: "without", "instead of"."""
    for phrase, level in c.prepositions.items():
        if phrase_at(adp, frozenset({phrase})):
            found.append(Cue(level, adp, depth))
            return


def negating(verb: Token, found: list[Cue], depth: int) -> None:
    """A verb that negates its object or complement ("ruled out", "failed to"). Negated
    itself, a rejection leaves the event open ("did not rule out sanctions": speculated);
    other negating verbs cancel out ("will never stop its war": the war goes on)."""
    if any(ch.dep_ == "neg" for ch in verb.children):
        if phrasal(verb) in cues().rejections:
            found.append(Cue(Factuality.SPECULATED, verb, depth))
        else:
            found.append(Cue(Factuality.ASSERTED, verb, depth))
    else:
        found.append(Cue(Factuality.NEGATED, verb, depth))


def called_false(report: Token, c: Cues, found: list[Cue], depth: int) -> None:
    """ "reports that X had bought arms were false": a report whose predicate denies it."""
    head = report.head
    if report.dep_ == "nsubj" and head.lemma_.lower() in _LINKS:
        found.extend(
            Cue(Factuality.NEGATED, ch, depth)
            for ch in head.children
            if ch.dep_ == "acomp" and governing(ch, c) is Factuality.NEGATED
        )
