"""Which act of the dyad's clause the file labels (issue 16): the speaker who speaks for the
source, and the refusal a negated act makes. Helpers of eval/dyad_factuality.py and
eval/plv.py; docs/stages/factuality.md, "Measuring it"."""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.derived import table as derived_table
from geopol.events.extract import Trigger
from geopol.events.factuality import assess
from geopol.events.factuality import cues as fact_cues
from geopol.events.factuality.words import governing
from geopol.records import Factuality

_BODY_DEPS = frozenset({"compound", "poss", "amod"})


def speaks_for(speaker: Token, sh: Token) -> bool:
    """ "The Dutch government backs the plan, said a spokesman for the government", "..., a
    ministry official said" of "the Dutch ministry": the speaker is one of ``spokespeople``
    of the source's own body (a noun of the source's phrase, hung on the speaker by "for" or
    "of", or as its compound or possessor), so the saying is the source's own. Words that
    qualify that body must be words of the source's phrase too ("a spokesman for the Belgian
    government" does not speak for the Dutch one)."""
    if speaker.lemma_.lower() not in fact_cues().spokespeople:
        return False
    words = {t.lemma_.lower() for t in sh.subtree if not t.is_punct}
    bodies = [ch for ch in speaker.children if ch.dep_ in ("compound", "poss")]
    for prep in (ch for ch in speaker.children if ch.dep_ == "prep" and ch.lower_ in ("for", "of")):
        bodies.extend(g for g in prep.children if g.dep_ == "pobj")
    for body in bodies:
        if body.pos_ not in ("NOUN", "PROPN") or body.lemma_.lower() not in words:
            continue
        marks = [ch for ch in body.children if ch.dep_ in _BODY_DEPS and not ch.is_punct]
        marks += [ch for ch in speaker.children if ch.dep_ == "amod"]
        if all(m.lemma_.lower() in words for m in marks):
            return True
    return False


def refused(reading: tuple[Factuality, list[Token]]) -> bool:
    """The negated reading's deciding cue is a "not" or "never" on a verb with a future or
    conditional auxiliary ("will not lift", "would never send"): a refusal, the one the coder
    derives a REJECT from (events/derived.py, ``refusal.modals``). "failed to reach" and
    "cancelled a planned visit" say the act did not happen; they are not refusals."""
    if reading[0] is not Factuality.NEGATED or not reading[1]:
        return False
    cue = reading[1][0]
    modals = derived_table().modals
    return cue.dep_ == "neg" and any(
        ch.dep_ == "aux" and ch.lower_ in modals for ch in cue.head.children
    )


def refusal_reading(best: Trigger, sh: Token) -> tuple[Factuality, list[Token]]:
    """ "Spain will not lift the embargo on Cuba", "Madrid said it would not sell jets to Rabat":
    when the dyad's event is the refusal (REJECT) that a negated act makes (``refused``), the negation is
    the event, not a cue over it. The refusal is as factual as the clause that states it, as
    the coder's derived REJECT is (passes/derived.py): stated by the writer, asserted; said by
    the source itself, as factual as its saying ("Madrid said it will not lift": asserted);
    said by another speaker, reported ("Spain will not lift it, diplomats said")."""
    verb = best.token
    if (
        best.noun
        and verb.dep_ in ("dobj", "nsubjpass", "attr")
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        verb = verb.head  # "will not hold talks": the clause is the verb's
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return Factuality.ASSERTED, []
    said = verb.head
    speaker = [ch for ch in said.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if any(t.i == sh.i for s in speaker for t in s.subtree):
        return assess(said, noun=False)
    c = fact_cues()
    if governing(said, c) is Factuality.REPORTED or said.lemma_.lower() in c.verbal_acts:
        return Factuality.REPORTED, [said]
    return assess(said, noun=False)
