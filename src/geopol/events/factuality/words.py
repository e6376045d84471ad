"""Small readings of tokens for the factuality walk: phrases, governing levels, subjects."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality.cues import Cues
from geopol.records import Factuality

#: Link verbs: a predicate after them is what is said of the subject ("seems ready to").
LINKS = frozenset({"be", "remain", "seem", "appear", "look"})
#: Parts of speech that head a noun phrase.
NOMINAL = ("NOUN", "PROPN", "PRON", "NUM")


def phrase_at(tok: Token, phrases: frozenset[str]) -> bool:
    """A (multi-word) phrase of ``phrases`` starts at or runs through ``tok``."""
    doc = tok.doc
    for p in phrases:
        ws = p.split()
        for k, w in enumerate(ws):
            if w != tok.lower_:
                continue
            start = tok.i - k
            if (
                start >= 0
                and start + len(ws) <= len(doc)
                and all(doc[start + j].lower_ == ws[j] for j in range(len(ws)))
            ):
                return True
    return False


def opened_by(clause: Token, phrases: frozenset[str]) -> bool:
    """The words just before the clause are one of ``phrases`` ("in case" parsed apart)."""
    first = min(t.i for t in clause.subtree)
    doc = clause.doc
    for p in phrases:
        ws = p.split()
        start = first - len(ws)
        if start >= 0 and all(doc[start + j].lower_ == w for j, w in enumerate(ws)):
            return True
    return False


def in_subject(adv: Token) -> bool:
    """ "Indonesia, Malaysia and, perhaps, Thailand will meet": the hedge is on a conjunct of
    the subject (even one the parser split into two subjects), not on the event."""
    spans = [list(ch.subtree) for ch in adv.head.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not spans:
        return False
    first = min(sp[0].i for sp in spans)
    last = max(sp[-1].i for sp in spans)
    return first < adv.i < last


def not_only(tok: Token) -> bool:
    doc = tok.doc
    return (
        tok.lower_ == "not" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("only", "just")
    )


def purpose(tok: Token) -> bool:
    """An infinitive of purpose: "declined to renew contracts to lift crude"."""
    return (
        tok.dep_ == "advcl"
        and tok.tag_ == "VB"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
        and not any(ch.dep_ in ("mark", "nsubj") for ch in tok.children)
    )


def governing(tok: Token, c: Cues) -> Factuality | None:
    """The level a governing verb gives, phrasal verbs included ("ruled out"); none for a
    denial that refuses a grant ("denied entry to")."""
    lemma = tok.lemma_.lower()
    if lemma in c.denials and refusal(tok, c):
        return None
    for ch in tok.children:
        if ch.dep_ in ("prt", "advmod"):
            level = c.governing.get(f"{lemma} {ch.lower_}")
            if level is not None:
                return level
    level = c.governing.get(lemma)
    if level is None and tok.lower_ != lemma:
        level = c.governing.get(tok.lower_)  # the file lists a form: "going to", "scheduled"
    return level


_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})


def own_speaker(event: Token, said: Token, c: Cues) -> bool:
    """ "Greece said it urged Turkey": the speaker reports its own verbal act, which is asserted."""
    if event.lemma_.lower() not in c.verbal_acts:
        return False
    subj, speaker = subject(event), subject(said)
    if subj is None or speaker is None:
        return False
    return subj.lower_ in _PRONOUNS or subj.lower_ == speaker.lower_


def phrasal(verb: Token) -> str:
    """The lemma with its particle: "turn down", "rule out"."""
    prt = next((ch for ch in verb.children if ch.dep_ == "prt"), None)
    lemma = verb.lemma_.lower()
    return f"{lemma} {prt.lower_}" if prt is not None else lemma


def subject(verb: Token) -> Token | None:
    return next((ch for ch in verb.children if ch.dep_ in ("nsubj", "nsubjpass")), None)


#: Auxiliaries that open a condition when put before their subject ("should the dollar fall").
INVERTING_AUX = frozenset({"should", "were", "had"})


def inverted(clause: Token) -> bool:
    """ "should the dollar fall": the clause opens with an auxiliary before its subject."""
    first = min(t.i for t in clause.subtree)
    return any(
        ch.dep_ in ("aux", "auxpass") and ch.i == first and ch.lower_ in INVERTING_AUX
        for ch in clause.children
    ) and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > first for s in clause.children)


#: Prepositions of a date that names when a present (simple or progressive) takes place.
_DATE_PREPS = frozenset({"on", "in", "from"})
#: Words that put a date on the start of what the verb states ("effective April 17").
_ONSET = frozenset({"effective", "starting", "beginning"})


def dated_present(tok: Token, c: Cues) -> Token | None:
    """ "sign the accord on April 10", "is tendering for wheat on Tuesday", "is sending a
    mission in March", "opens its market from July": a bare present (simple or
    progressive) with a date names a schedule."""
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "auxpass", "neg")]
    progressive = (
        tok.tag_ == "VBG" and len(aux) == 1 and aux[0].lower_ in ("is", "are", "'s", "'re")
    )
    finite = tok.tag_ in ("VBZ", "VBP") or (  # a finite present the tagger took for "VB"
        tok.tag_ == "VB" and any(ch.dep_ == "nsubj" for ch in tok.children)
    )
    if not progressive and (not finite or aux):
        return None
    # "raises its tariffs effective April 17", "cuts the duty, starting on Monday"
    around = [g for ch in tok.children if ch.lower_ in _ONSET for g in ch.children]
    for ch in [*tok.children, *around]:
        date = ch.lower_ in c.schedule_dates
        if date and (ch.dep_ == "npadvmod" or (ch in around and ch.dep_ in ("dobj", "pobj"))):
            return ch
        if _dated_prep(ch, c):
            return ch
    return None


def dated_schedule(tok: Token, c: Cues) -> Token | None:
    """ "talks open in Madrid on Wednesday", "leaves for Tokyo on Sunday", "the levy takes
    effect on July 1": a dated present of a verb of schedule (``schedule_verbs``) is planned
    without anyone reporting it; an event noun as its subject or object takes the schedule."""
    verb = tok
    if tok.pos_ in NOMINAL and tok.dep_ in ("nsubj", "dobj"):
        verb = tok.head
    if verb.lemma_.lower() not in c.schedule_verbs:
        return None
    return dated_present(verb, c)


def noun_level(noun: Token, c: Cues) -> Factuality | None:
    """The level a cue noun gives what hangs from it: "speculation that", "plans to"; a noun
    of ``singular_hedges`` only in the singular ("talk of a purchase", not "talks on")."""
    level = c.nouns.get(noun.lemma_.lower())
    if level is None and noun.lower_ in c.singular_hedges and noun.tag_ == "NN":
        return Factuality.SPECULATED
    return level


def _dated_prep(ch: Token, c: Cues) -> bool:
    """ "on Monday", "in June": a preposition of date whose object is a schedule date."""
    return (
        ch.dep_ == "prep"
        and ch.lower_ in _DATE_PREPS
        and any(g.dep_ == "pobj" and g.lower_ in c.schedule_dates for g in ch.children)
    )


def dated_infinitive(tok: Token, c: Cues) -> Token | None:
    """ "agreed to hold talks in June", "promised to send a mission on Monday": the infinitive of
    a commitment or a plan, dated, is ahead of the commitment (a schedule)."""
    if (
        tok.dep_ != "xcomp"
        or tok.tag_ != "VB"
        or not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
    ):
        return None
    head = tok.head
    if head.lemma_.lower() not in c.verbal_acts and governing(head, c) is not Factuality.PLANNED:
        return None
    for ch in tok.children:
        if ch.dep_ == "npadvmod" and ch.lower_ in c.schedule_dates:
            return ch
        if _dated_prep(ch, c) or _this_period(ch, c):
            return ch
    return None


def _this_period(ch: Token, c: Cues) -> bool:
    """ "this month", "this week": a current period (``current_periods``) with "this"."""
    return (
        ch.dep_ == "npadvmod"
        and ch.lower_ in c.current_periods
        and any(g.dep_ == "det" and g.lower_ == "this" for g in ch.children)
    )


def refusal(verb: Token, c: Cues) -> bool:
    """ "denied entry to", "denied landing rights to", "denied him a visa": a denial whose
    object is a grant (``grants``) refuses it; it does not call an event untrue."""
    if verb.lemma_.lower() not in c.denials:
        return False
    return any(
        ch.dep_ in ("dobj", "nsubjpass")
        and (
            ch.lemma_.lower() in c.grants
            or any(g.dep_ == "compound" and g.lower_ in c.grants for g in ch.children)
        )
        for ch in verb.children
    )


def threat(tok: Token, c: Cues) -> bool:
    """A threat, a warning, an ultimatum (``threats``), or the light verb of one of these
    nouns ("issued an ultimatum"): its content is conditional, the act itself is not. A
    threat under a modal is not yet made ("may threaten shipping if the war escalates")."""
    if any(ch.dep_ == "aux" and ch.lower_ in c.modals for ch in tok.children):
        return False
    if tok.lemma_.lower() in c.threats:
        return True
    return tok.pos_ in ("VERB", "AUX") and any(
        ch.dep_ == "dobj" and ch.lemma_.lower() in c.threats for ch in tok.children
    )


def present_passive(tok: Token) -> bool:
    """ "is expected in Paris next week", "talks are scheduled next month": a participle with a
    present (or future) auxiliary takes a future time like a present does."""
    aux = [ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
    return bool(aux) and aux[0] in ("is", "are", "'s", "'re", "will", "shall") and "been" not in aux


_TIME_DEPS = frozenset({"npadvmod", "advmod", "prep", "tmod", "pobj"})


def future_time(tok: Token, c: Cues) -> Token | None:
    """The time phrase that puts ``tok`` in the future ("hold talks next week"), if any."""
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and not present_passive(tok)):
        return None
    dated = dated_infinitive(tok, c)  # "agreed to hold talks in June"
    if dated is not None:
        return dated
    # the time phrase on the verb, or one the parser hangs on its object ("provide PNG with
    # 300 mln dlrs in aid over the next three years"): phrases, never a clause below
    near = [ch for ch in tok.children if ch.dep_ in _TIME_DEPS]
    for ch in tok.children:
        if ch.dep_ in ("dobj", "dative") or (ch.dep_ == "prep" and ch.lower_ == "with"):
            for g in ch.subtree:
                if (
                    g.dep_ in ("prep", "npadvmod")
                    and g.head.pos_ in NOMINAL
                    and g.i > ch.i
                ):
                    near.append(g)
    for ch in near:
        sub = list(ch.subtree)
        if len(sub) > 6:
            continue
        text = f" {' '.join(t.lower_ for t in sub)} "
        for p in c.future_times:
            if f" {p} " in text:
                return ch
    return None


def detached(clause: Token) -> bool:
    """The parser hangs ``clause`` on a verb of saying that by surface order cannot govern it:
    "freed the prisoners; the ministry said it may review ..." (a semicolon or
    colon ends the clause before the saying), "after talks which officials said could last
    weeks, Canada imposed a duty" (the saying sits in a relative clause, and a comma
    separates it from the clause). The clause is then its own sentence."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i:
        return False
    doc = clause.doc
    if clause.i < head.i:
        end = max(t.i for t in clause.subtree)
        # "has issued an ultimatum to Belgrade: if it recognises the region, talks will be
        # frozen": the parse may hang the colon on the clause before it, as its last word
        words = max((t.i for t in clause.subtree if not t.is_punct), default=end)
        if any(t.text in (";", ":") for t in doc[words + 1 : head.i]):
            return True
        # "asked the banks for a rollover, a move bankers said could come too late": the
        # saying has its own content after it, so the clause before it is not what it says;
        # "accused Pakistan of X, a charge Islamabad denied": its object comes before it (a
        # reduced relative clause on that object)
        return any(
            (ch.dep_ == "ccomp" and ch.i > head.i and ch.i != clause.i)
            or (ch.dep_ == "dobj" and end < ch.i < head.i)
            for ch in head.children
        ) and any(t.text == "," for t in doc[end + 1 : head.i])
    if head.dep_ not in ("relcl", "acl:relcl"):
        return False
    subj = next(
        (
            ch
            for ch in clause.children
            if ch.dep_ in ("nsubj", "nsubjpass") and ch.tag_ not in ("WDT", "WP")
        ),
        None,
    )
    if subj is None or subj.i < head.i:
        return False
    return any(t.text == "," for t in doc[head.i + 1 : subj.i])


#: Marks of an adverbial clause that tells when a saying took place, not what was said.
_WHEN_MARKS = frozenset({"after", "before", "when", "while", "since", "once", "until"})


def circumstance(clause: Token) -> bool:
    """ "Speaking after talks with X, Y said ...", "After he met X, Y said ...": an adverbial
    clause before the verb of saying, opened by a participle without a subject or by a mark of
    time, is the saying's circumstance; the writer states it."""
    if clause.i > clause.head.i:
        return False
    kids = list(clause.children)
    participle = clause.tag_ in ("VBG", "VBN") and not any(
        ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in kids
    )
    return participle or any(ch.dep_ == "mark" and ch.lower_ in _WHEN_MARKS for ch in kids)


def for_to(clause: Token) -> bool:
    """ "the accord calls for Japan to buy more beef", "it is time for Seoul to act": an
    infinitive clause with its own subject after "for" states what is to happen, not what did."""
    kids = list(clause.children)
    return (
        clause.tag_ == "VB"
        and any(k.dep_ == "mark" and k.lower_ == "for" for k in kids)
        and any(k.dep_ == "aux" and k.lower_ == "to" for k in kids)
        and any(k.dep_ in ("nsubj", "nsubjpass") for k in kids)
    )


def purpose_clause(tok: Token) -> bool:
    """ "cut its price so that it could buy more rice", "devalued in order to sell more": a
    clause of purpose with its own mark states what is meant to happen (planned)."""
    if tok.dep_ == "advcl":
        marks = " ".join(ch.lower_ for ch in tok.children if ch.dep_ == "mark" and ch.i < tok.i)
        return marks in ("so that", "in order that", "so as")
    head = tok.head
    return (
        tok.dep_ == "acl"
        and head.lower_ == "order"
        and head.dep_ == "pobj"
        and head.head.lower_ == "in"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
    )


def verb_object(verb: Token) -> Token | None:
    """The verb's direct object, or the object a predicate "as" shifts behind it ("dismissed
    as groundless reports that ...", "rejected as baseless claims of ...")."""
    obj = next((ch for ch in verb.children if ch.dep_ == "dobj"), None)
    if obj is not None:
        return obj
    as_ = next((ch for ch in verb.children if ch.dep_ == "prep" and ch.lower_ == "as"), None)
    return None if as_ is None else next((g for g in as_.children if g.dep_ == "pobj"), None)


def weighed(level: Factuality | None, verb: Token, c: Cues) -> bool:
    """ "is considering an invitation to meet X", "weighing a plan to buy jets": a plan noun
    (``level`` planned) is the object of a hedging verb that is no verbal act, so the plan
    itself is only weighed and what it plans is speculated."""
    return (
        level is Factuality.PLANNED
        and governing(verb, c) is Factuality.SPECULATED
        and verb.lemma_.lower() not in c.verbal_acts
    )


def object_of(noun: Token) -> Token | None:
    """The verb whose object (``verb_object``) ``noun`` is, if any."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ != "dobj":
        return None
    obj = verb_object(head) if head.i != noun.i else None
    return head if obj is not None and obj.i == noun.i else None


#: Marks of a subordinate clause that can state an attribution ("as officials said").
_ATTRIBUTING_MARKS = frozenset({"as"})


def unsaid(verb: Token) -> bool:
    """A verb of saying after the event that is no attribution of it: negated ("pledged aid,
    though it did not say how much") or opened by a subordinating mark ("although",
    "because", "before"; "as officials said" still attributes)."""
    return any(
        ch.dep_ == "neg"
        or (ch.dep_ == "mark" and ch.i < verb.i and ch.lower_ not in _ATTRIBUTING_MARKS)
        for ch in verb.children
    )


#: Determiners of an event noun that only supposes the event ("a blockade", "any attack").
_SUPPOSING = frozenset({"a", "an", "any"})
#: Named-entity types of a modifier that names a party ("a Chinese blockade").
_PARTY_TYPES = frozenset({"NORP", "GPE", "ORG"})


def supposed(noun: Token) -> list[Token]:
    """The determiner of an indefinite event noun that names its parties ("a Chinese blockade
    of Taiwan", "any attack on Kuwait"), which as the subject of "would" is a supposition;
    "such a deal" points back to one under discussion and is left alone."""
    if any(ch.dep_ == "predet" for ch in noun.children):
        return []
    parties = any(
        (ch.dep_ == "prep" and ch.lower_ in ("of", "on", "by", "against", "with", "to", "into"))
        or (ch.dep_ in ("amod", "compound", "poss") and ch.ent_type_ in _PARTY_TYPES)
        for ch in noun.children
    )
    if not parties:
        return []
    return [ch for ch in noun.children if ch.dep_ == "det" and ch.lower_ in _SUPPOSING]


def supposition(verb: Token) -> list[Token]:
    """ "any move by Japan to close its market would be met with sanctions": the "any" of a
    subject of ``verb`` that is a supposition (``supposed``); "a consortium of banks would
    lend" is no event, so only "any" counts here, where the subject is not the event."""
    return [
        g
        for s in verb.children
        if s.dep_ in ("nsubj", "nsubjpass")
        for g in supposed(s)
        if g.lower_ == "any"
    ]


def told_content(audience: Token) -> bool:
    """ "told a news conference that Japan had cut its imports": the parse makes what was
    told a relative clause on the audience; opened by "that" with a subject of its own (not
    "that" itself), it is the content of the telling."""
    for cl in (ch for ch in audience.children if ch.dep_ == "relcl" and ch.i > audience.i):
        first = cl.doc[cl.left_edge.i]
        subj = subject(cl)
        if first.lower_ == "that" and subj is not None and subj.i != first.i:
            return True
    return False
