"""Casualty counts: how many people an event killed and injured, as the text states it.

A statement is a casualty word (killed, dead, died, fatalities, wounded, injured...) and the
quantity of people it is said of, read from the parse: the subject of a passive ("two soldiers
were wounded"), the object ("killed 12 civilians"), the noun's number ("10 fatalities", "left
4 dead"), a vague quantity ("dozens dead": 24 or more) or a negation ("no fatalities
reported", "neither injuries nor fatalities": 0). ``attach`` gives each conflict event of an
article the statements of its own sentence and of the sentences after it up to the next
conflict event's sentence: news and analysts' notes often report the toll in the sentence
after the attack.

Statements about different groups add up ("2 policemen were killed ... 2 militants were also
killed": 4); a bare toll ("2 fatalities", "the death toll rose to 12") is the total, and wins
over the groups; people already named ("he died", "the victim's body was found") are not
counted again. A sentence with no conflict event of its own gives its statements to the
conflict event before it, or, before the first one, to the first: "... clashed. 3 were
killed." and "4 rebels were killed and 4 wounded. The fighting ..." both count.
Numbers that write a date ("on 8 May 2020") are no count.
"""

from __future__ import annotations

import dataclasses
import enum
import logging
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from geopol.records import Casualties, Event

logger = logging.getLogger(__name__)

#: Event types a casualty statement can belong to.
CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})

KILL_VERBS = frozenset({"kill", "die", "slay", "massacre", "execute", "perish", "behead",
                        "murder", "assassinate", "lynch"})
KILL_WORDS = frozenset({"dead", "fatality", "fatalities", "death", "deaths", "killed", "body",
                        "bodies", "lifeless", "toll"})
INJURE_VERBS = frozenset({"injure", "wound", "hurt", "maim"})
INJURE_WORDS = frozenset({"injury", "injuries", "injured", "wounded", "hurt"})
#: "casualties" counts both together: only its negation ("no casualties") is read.
BOTH_WORDS = frozenset({"casualty", "casualties"})
NEGATORS = frozenset({"no", "neither", "nor", "without", "none", "nobody", "not", "never"})
#: Vague quantities: (low, high).
VAGUE: dict[str, tuple[int, int | None]] = {
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, None),
    "thousands": (2000, None), "several": (3, None), "few": (2, None), "many": (2, None),
    "some": (2, None), "couple": (2, 2), "dozen": (12, 12), "both": (2, 2),
}
NUMBER_WORDS: dict[str, int] = {
    w: i for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
    )
}
NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                     "eighty": 80, "ninety": 90, "hundred": 100, "a": 1, "an": 1,
                     "single": 1, "another": 1, "lone": 1})
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_RANGE = re.compile(r"^(\d[\d,]*)\s*[-\u2013]\s*(\d[\d,]*)$")
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
#: Words that make a statement uncertain rather than negated: "it is not clear whether there
#: were fatalities" says nothing about the count.
UNCERTAIN = frozenset({"whether", "if", "clear", "unclear", "known", "unknown", "confirmed",
                       "confirm", "sure"})
#: Harm verbs whose victim a conjoined "and killed" shares: "shot and killed a man".
HARM_VERBS = frozenset({"shoot", "stab", "beat", "hack", "strangle", "burn", "torture",
                        "attack", "ambush", "behead", "abduct", "kidnap", "execute", "wound",
                        "injure", "kill", "hit", "strike", "lynch", "stone"})


class Kind:
    KILLED = "killed"
    INJURED = "injured"


class Role(enum.Enum):
    """How a statement's figure combines with the others of its event."""

    GROUP = "group"  # one group's count: groups add up
    TOLL = "toll"  # a bare toll ("2 fatalities", "no fatalities"): the total
    ANAPHOR = "anaphor"  # people already named ("he died", "the victim's body")


@dataclasses.dataclass(frozen=True, slots=True)
class Statement:
    kind: str
    low: int
    high: int | None
    start: int  # character offsets into the doc
    end: int
    role: Role


def number_of(tok: Token) -> tuple[int, int | None] | None:
    """The number a token writes (digits, words, "8-10", "twenty-one"); None if none, and
    None for the numbers of a date ("8 May 2020")."""
    if _is_date(tok):
        return None
    text = tok.text.lower().replace(",", "")
    if text.isdigit():
        n = int(text)
        return (n, n) if n < 100000 else None
    m = _RANGE.match(tok.text)
    if m:
        lo, hi = (int(g.replace(",", "")) for g in m.groups())
        return (lo, hi) if lo <= hi else None
    if "-" in text:
        head, _, tail = text.partition("-")
        if head in _TENS and tail in NUMBER_WORDS and NUMBER_WORDS[tail] < 10:
            n = _TENS[head] + NUMBER_WORDS[tail]
            return (n, n)
    # "twenty-one" split into three tokens: read at its last one, the others are no count
    doc = tok.doc
    if (text in NUMBER_WORDS and 0 < NUMBER_WORDS[text] < 10 and tok.i >= 2
            and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in _TENS):
        n = _TENS[doc[tok.i - 2].lower_] + NUMBER_WORDS[text]
        return (n, n)
    if (text in _TENS and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-"
            and doc[tok.i + 2].lower_ in NUMBER_WORDS):
        return None
    if text in NUMBER_WORDS and text not in ("a", "an", "another", "single", "lone"):
        n = NUMBER_WORDS[text]
        if text == "hundred" and tok.i > 0:
            return None
        return (n, n)
    if text in VAGUE:
        return VAGUE[text]
    return None


def _is_date(tok: Token) -> bool:
    if not tok.like_num:
        return False
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    doc = tok.doc
    return any(doc[i].lower_ in MONTHS for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc))


def _modifiers(tok: Token) -> tuple[int, int | None] | None:
    """The quantity of a noun phrase headed by ``tok`` ("12 civilians", "a man", "dozens of")."""
    own = number_of(tok)
    if own is not None and tok.pos_ in ("NUM", "NOUN", "PRON", "ADJ", "PROPN"):
        return _bounded(tok, own)
    for child in tok.children:
        if child.dep_ in ("nummod", "quantmod") or child.pos_ == "NUM":
            got = number_of(child)
            if got is not None:
                return _bounded(child, got)
    for child in tok.children:
        if child.dep_ in ("det", "amod") and child.lower_ in VAGUE:
            return VAGUE[child.lower_]
    for child in tok.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "another"):
            return (1, 1)
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that") and tok.tag_ == "NN":
            return (1, 1)
        if child.dep_ == "poss" and tok.tag_ == "NN":
            return (1, 1)
    if tok.lower_ in SINGULAR_PRONOUNS or tok.lower_ in ("one", "somebody", "someone"):
        return (1, 1)
    if tok.tag_ == "NNP" and tok.ent_type_ == "PERSON":
        return (1, 1)
    # "one of the men", "two of its fighters"
    if tok.pos_ == "NUM":
        got = number_of(tok)
        if got is not None:
            return got
    if tok.tag_ == "NN" and tok.pos_ == "NOUN" and not any(
        c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children
    ) and tok.lower_ not in KILL_WORDS | INJURE_WORDS | BOTH_WORDS | {"number"}:
        return (1, 1)
    return None


def _bounded(tok: Token, got: tuple[int, int | None]) -> tuple[int, int | None]:
    """``at least 5`` stays 5 with no upper bound; ``8-10`` and ``8 to 10`` are ranges."""
    lows = {t.lower_ for t in tok.children} | {t.lower_ for t in tok.doc[max(tok.i - 2, 0):tok.i]}
    lo, hi = got
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("-", "\u2013", "to") and doc[tok.i + 2].like_num:
        upper = number_of(doc[tok.i + 2])
        if upper is not None and upper[0] >= lo:
            return (lo, upper[0])
    if lows & {"least", "more", "over", "than"}:
        return (lo, None)
    return (lo, hi)


def _conj_total(noun: Token) -> tuple[int, int | None] | None:
    """A noun and the nouns conjoined with it ("two soldiers and three civilians")."""
    first = _modifiers(noun)
    if first is None:
        return None
    lo, hi = first
    for c in noun.conjuncts:
        if c.i <= noun.i or c.pos_ not in ("NOUN", "PROPN", "NUM"):
            continue
        got = _modifiers(c)
        if got is None:
            continue
        lo += got[0]
        hi = None if hi is None or got[1] is None else hi + got[1]
    return lo, hi


def _negated(tok: Token) -> bool:
    """Whether the casualty word is denied ("no fatalities", "nobody was killed", "were not
    injured"); "it is not clear whether there were fatalities" is not a denial."""
    sent = tok.sent
    window = sent.doc[max(tok.i - 5, sent.start):tok.i + 1]
    if any(t.lower_ in UNCERTAIN for t in window):
        return False
    if any(t.lower_ in NEGATORS for t in window):
        return not any(t.like_num and t.lower_ not in ("one",) for t in window)
    head = tok.head
    # a verb's own negation only: the "not" of the clause above ("it is not clear [that] 3
    # were killed") is not this verb's
    kids = list(tok.children) + ([] if tok.pos_ in ("VERB", "AUX") else list(head.children))
    for c in kids:
        if c.dep_ == "neg" or c.lower_ in NEGATORS:
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("none", "nobody", "no"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "no" for g in c.children):
            return True
    return False


def _anaphoric(noun: Token) -> bool:
    """A pronoun or a definite noun with no number ("he", "the victim"): people already
    counted in an earlier statement, so the figure is not added to theirs."""
    if noun.lower_ in SINGULAR_PRONOUNS | {"they", "them", "it"}:
        return True
    kids = list(noun.children)
    if any(k.dep_ == "nummod" or k.like_num for k in kids):
        return False
    return any((k.dep_ in ("det", "poss") and k.lower_ in ("the", "her", "his", "their", "its"))
               or k.dep_ == "poss" for k in kids)


def _role(anaphoric: bool) -> Role:
    return Role.ANAPHOR if anaphoric else Role.GROUP


def _victims(tok: Token, lemma: str) -> list[list[Token]]:
    """The dependents that may name a verb's victims, in order of preference: its own, then,
    for a conjoined verb ("was shot and killed", "shot and killed a man"), those of the
    verb it is conjoined to. A subject names victims of "died", and of a bare participle
    ("3 were killed and 2 wounded": "2 [were] wounded"); in active "X killed Y" the killer
    is not the count."""
    bare = tok.tag_ == "VBN" and tok.dep_ == "conj" and not any(
        c.dep_ in ("dobj", "aux") for c in tok.children)
    deps = ("nsubjpass", "dobj", "nsubj") if lemma in ("die", "perish") or bare else (
        "nsubjpass", "dobj")
    out = [[c for d in deps for c in tok.children if c.dep_ == d]]
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        head = tok.head
        shared = ("nsubjpass", "dobj") if head.lemma_.lower() in HARM_VERBS else ("nsubjpass",)
        out.append([c for d in shared for c in head.children if c.dep_ == d])
    return out


def _passive_subject(tok: Token) -> Token | None:
    """The noun right before a passive's auxiliary when the parse gave the verb no subject
    ("..., a drug trafficker was killed", the noun parsed as an apposition)."""
    aux = next((c for c in tok.children if c.dep_ == "auxpass"), None)
    if aux is None or aux.i == 0 or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None
    before = tok.doc[aux.i - 1]
    if before.sent.start != tok.sent.start or before.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    return before


def _quantity(tok: Token) -> tuple[tuple[int, int | None] | None, Role]:
    """The quantity a casualty word is said of, and how it combines."""
    lemma = tok.lemma_.lower()
    if tok.lower_ in ("life", "lives") and tok.head.lemma_.lower() == "lose":
        tok, lemma = tok.head, "die"  # "11 people lost their lives": the dead are the subject
    if tok.lower_ == "death" and tok.head.lower_ == "to" and tok.head.head.pos_ == "VERB":
        tok, lemma = tok.head.head, "kill"  # "shot to death", "beaten to death"
    if tok.pos_ in ("VERB", "AUX") or (lemma in KILL_VERBS | INJURE_VERBS and tok.tag_ == "VBN"):
        for victims in _victims(tok, lemma):
            for c in victims:
                got = _conj_total(c)
                if got is not None:
                    return got, _role(_anaphoric(c))
        # "were killed" as an adjective of a noun: "two people killed"
        if tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
            return _conj_total(tok.head), Role.GROUP
        subject = _passive_subject(tok)
        if subject is not None:
            return _conj_total(subject), _role(_anaphoric(subject))
        # "left 4 dead", "leaving 2 killed", a note's closing "2 killed.": a bare toll
        return _left_number(tok), Role.TOLL
    # nouns and adjectives: "10 fatalities", "dozens dead", "2 dead", "found dead"
    got = _modifiers(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if got is not None:
        if tok.lower_ in ("fatalities", "fatality", "deaths", "toll", "dead"):
            return got, Role.TOLL
        return got, _role(_anaphoric(tok))
    if tok.pos_ == "ADJ" or tok.lower_ in ("dead", "wounded", "injured", "killed"):
        head = tok.head
        for child in tok.children:  # "left four dead"
            if child.dep_ == "nummod" or child.like_num:
                got = number_of(child)
                if got is not None:
                    return _bounded(child, got), Role.GROUP
        if tok.dep_ in ("amod",) and head.pos_ in ("NOUN", "PROPN"):
            return _conj_total(head), _role(_anaphoric(head))
        if tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "advcl"):
            # "X were dead" names the dead as subject; "left X dead" as object
            deps = ("dobj", "nsubjpass") if tok.dep_ == "oprd" else ("nsubjpass", "nsubj", "dobj")
            for dep in deps:
                for c in head.children:
                    if c.dep_ == dep and c.i != tok.i:
                        got = _conj_total(c)
                        if got is not None:
                            return got, _role(_anaphoric(c))
        return _left_number(tok), Role.TOLL
    if tok.lower_ == "toll":
        for t in tok.sent[tok.i - tok.sent.start:]:
            got = number_of(t) if t.like_num else None
            if got is not None:
                return got, Role.TOLL
    return _left_number(tok), Role.TOLL


def _left_number(tok: Token) -> tuple[int, int | None] | None:
    sent = tok.sent
    for t in reversed(sent.doc[max(tok.i - 3, sent.start):tok.i]):
        if t.is_punct or t.pos_ in ("VERB",):
            break
        got = number_of(t) if (t.like_num or t.lower_ in VAGUE) else None
        if got is not None:
            return _bounded(t, got)
    return None


def _kind(tok: Token) -> str | None:
    lemma, low = tok.lemma_.lower(), tok.lower_
    if low in BOTH_WORDS:
        return "both"
    if (lemma in KILL_VERBS and tok.pos_ in ("VERB", "AUX", "ADJ")) or low in KILL_WORDS:
        if low in ("body", "bodies") and not any(
            t.lemma_ in ("find", "discover", "recover") for t in tok.sent
        ):
            return None
        if low == "death" and any(c.lower_ == "to" for c in tok.children):
            return None  # "death to America"
        return Kind.KILLED
    if low == "death" and tok.head.lower_ == "to":
        return Kind.KILLED
    if low in ("life", "lives") and tok.head.lemma_.lower() == "lose":
        return Kind.KILLED
    if low in ("shot",) and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "dead":
        return None  # "shot dead": read from "dead"
    if (lemma in INJURE_VERBS and tok.pos_ in ("VERB", "AUX", "ADJ")) or low in INJURE_WORDS:
        return Kind.INJURED
    return None


def statements(sent: Span) -> list[Statement]:
    """Every casualty statement of one sentence."""
    out: list[Statement] = []
    for tok in sent:
        kind = _kind(tok)
        if kind is None:
            continue
        if _negated(tok):
            kinds = [Kind.KILLED, Kind.INJURED] if kind == "both" else [kind]
            for k in kinds:
                out.append(Statement(k, 0, 0, tok.idx, tok.idx + len(tok), Role.TOLL))
            continue
        if kind == "both":
            continue
        got, role = _quantity(tok)
        if got is None:
            continue
        out.append(Statement(kind, got[0], got[1], tok.idx, tok.idx + len(tok), role))
    return _merge_same(out)


def _merge_same(found: list[Statement]) -> list[Statement]:
    """One statement per word: "killed and wounded" may both be read from one number."""
    seen: set[tuple[str, int]] = set()
    out = []
    for s in found:
        if (s.kind, s.start) not in seen:
            seen.add((s.kind, s.start))
            out.append(s)
    return out


def combine(found: Sequence[Statement], kind: str, doc: Doc) -> Casualties | None:
    """One kind's figure: the largest toll stated ("3 fatalities"), else the groups added up,
    else the people named once ("the officer died"), else a denial (0)."""
    mine = [s for s in found if s.kind == kind]
    if not mine:
        return None
    tolls = [s for s in mine if s.role is Role.TOLL and s.low > 0]
    groups = [s for s in mine if s.role is Role.GROUP]
    named = [s for s in mine if s.role is Role.ANAPHOR]
    lo: int = 0
    hi: int | None = 0
    if tolls:
        best = max(tolls, key=lambda s: s.low)
        lo, hi = best.low, best.high
    elif groups:
        lo = sum(s.low for s in groups)
        hi = None if any(s.high is None for s in groups) else sum(s.high or 0 for s in groups)
    elif named:
        best = max(named, key=lambda s: s.low)
        lo, hi = best.low, best.high
    first = mine[0]
    last = mine[-1]
    start, end = min(first.start, last.start), max(first.end, last.end)
    return Casualties(count=lo, low=lo, high=hi, text=doc.text[start:end], start=start, end=end)


def attach(doc: Doc, events: list[Event]) -> list[Event]:
    """Events with ``killed``/``injured`` from their sentence and the sentences after it."""
    sents = list(doc.sents)
    if not events or not sents:
        return events
    conflict_sents = sorted({e.evidence.sentence_index for e in events
                             if e.type in CONFLICT_TYPES and 0 <= e.evidence.sentence_index
                             < len(sents)})
    per_sent: dict[int, list[Statement]] = {}
    out: list[Event] = []
    for e in events:
        si = e.evidence.sentence_index
        if e.type not in CONFLICT_TYPES or not 0 <= si < len(sents):
            out.append(e)
            continue
        stop = next((s for s in conflict_sents if s > si), len(sents))
        # the sentences before the first conflict event belong to it
        begin = 0 if si == conflict_sents[0] else si
        found: list[Statement] = []
        for i in range(begin, stop):
            if i not in per_sent:
                per_sent[i] = statements(sents[i])
            found += per_sent[i]
        killed, injured = combine(found, Kind.KILLED, doc), combine(found, Kind.INJURED, doc)
        if killed is None and injured is None:
            out.append(e)
            continue
        out.append(dataclasses.replace(e, killed=killed, injured=injured))
    return out
