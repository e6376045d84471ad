"""Pick the date phrase that belongs to one event, from the dependency parse.

A date belongs to an event when it hangs off the event's trigger, off the verb that governs a
noun trigger ("held a summit ... today"), or when the trigger's clause is a relative or
"when" clause attached to the date ("since 2019 when he held a summit"). A date attached to
another clause's verb is never borrowed: an event without its own date gets None and the
coder leaves its date empty (the publication date stays separate).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from geopol.dates.find import clause_verb
from geopol.dates.resolve import vocabulary
from geopol.records import EventDate

#: Links by which a noun hangs off its verb as subject: a date on the subject dates the
#: subject's own event ("the 2022 invasion was condemned"), not the verb.
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
#: How far above the date's head a noun trigger may sit ("arrival in Russia on Tuesday").
_NOUN_REACH = 2
#: Clause links through which a verb shares its governing verb's date ("set to hold").
_SHARED = ("xcomp",)
#: Clause links by which a clause hangs off a date ("2019 when he held ...").
_ON_DATE = ("relcl", "acl", "advcl")
_MAX_HOPS = 40


def _span_of(doc: Doc, date: EventDate) -> Span | None:
    if date.start is None or date.end is None:
        return None
    return doc.char_span(date.start, date.end, alignment_mode="expand")


def _attachment(span: Span) -> Token | None:
    """The token the date phrase modifies (the head of its preposition, if it has one)."""
    root = span.root
    if root.head.i == root.i:
        return None
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        return head.head
    return head


def _chain(start: Token) -> list[Token]:
    """``start`` and its ancestors up to and including the first verb."""
    chain = [start]
    token = start
    for _ in range(_MAX_HOPS):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


def _governors(trigger: Token) -> list[Token]:
    """The trigger's clause verb and the verbs it is an xcomp of ("set" for "set to hold")."""
    verb = clause_verb(trigger)
    out: list[Token] = []
    hops = 0
    while verb is not None and hops < 6:
        out.append(verb)
        if verb.dep_ not in _SHARED or verb.head.i == verb.i:
            break
        verb = verb.head
        hops += 1
    return out


def _subject_of(verb: Token, token: Token) -> bool:
    """Whether ``token`` sits in the subject of ``verb`` (not its object or an adjunct)."""
    for _ in range(_MAX_HOPS):
        if token.head.i == verb.i:
            return token.dep_ in _SUBJECTS
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _shares_date(trigger: Token, verb: Token) -> bool:
    """A noun trigger takes its governing verb's date unless it is the subject of a verb
    that does more than report the event taking place."""
    if not _is_noun(trigger) or not _subject_of(verb, trigger):
        return True
    return verb.lemma_.lower() in vocabulary().occurrence_verbs


def _starts_with(span: Span, word: str) -> bool:
    return span[0].lower_ == word


def _is_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN", "PRON", "NUM")


def _when_before(trigger_verb: Token, span: Span) -> bool:
    """The trigger's clause opens with "when" right after the date ("in 2019, when ...")."""
    whens = [
        c for c in trigger_verb.children if c.lower_ in ("when", "where") and c.dep_ == "advmod"
    ]
    if not whens:
        return False
    first = min(whens, key=lambda t: t.i)
    gap = span.doc[span.end : first.i]
    return first.i >= span.end and all(t.is_punct for t in gap) and len(gap) <= 1


def _own(trigger: Token, chain: list[Token], since: bool) -> bool:
    """The date hangs off the trigger itself (through prepositions and nouns, not subjects)."""
    if trigger not in chain:
        return False
    at = chain.index(trigger)
    if _is_noun(trigger):
        # "his first visit since 2019": a since-date on a noun dates the comparison, not
        # the visit; on a verb ("has supplied arms since 2019") it dates the event.
        return at <= _NOUN_REACH and not since
    return at == 0 or chain[at - 1].dep_ not in _SUBJECTS


def _score(trigger: Token, span: Span) -> int | None:
    """Lower is better: 0 own dependent, 1 via the governing verb, 2 clause on the date."""
    attached = _attachment(span)
    if attached is not None:
        chain = _chain(attached)
        if _own(trigger, chain, _starts_with(span, "since")):
            return 0
        governors = _governors(trigger)
        if chain[0] in governors and trigger not in chain and _shares_date(trigger, governors[0]):
            return 1
    verb = clause_verb(trigger)
    if verb is not None:
        if verb.dep_ in _ON_DATE and verb.head in span:
            return 2
        if verb.dep_ in ("advcl", "relcl", "conj", "ccomp") and _when_before(verb, span):
            return 2
    return None


def date_for_event(trigger: Token, dates: list[EventDate]) -> EventDate | None:
    """The date phrase of the event whose trigger (verb or event noun) is ``trigger``.

    Example:
        >>> doc = nlp("Kim's arrival in Russia on Tuesday was marked by a parade.")
        >>> date_for_event(doc[2], find_dates(doc, dt.date(2023, 9, 13))).value
        '2023-09-12'
    """
    doc = trigger.doc
    if not doc.has_annotation("DEP"):
        return None  # no parse, no attachment: the coder leaves the date empty
    sentence = trigger.sent
    lo, hi = sentence.start_char, sentence.end_char
    best: tuple[int, int, EventDate] | None = None
    for date in dates:
        if date.start is None or not lo <= date.start < hi:
            continue  # dependency links never cross sentences
        span = _span_of(doc, date)
        if span is None or trigger in span:
            continue
        score = _score(trigger, span)
        if score is None:
            continue
        distance = min(abs(trigger.i - span.start), abs(trigger.i - (span.end - 1)))
        if best is None or (score, distance) < (best[0], best[1]):
            best = (score, distance, date)
    return best[2] if best else None
