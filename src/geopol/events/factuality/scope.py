"""The factuality of one event from the cues that scope over its trigger.

The walk starts at the trigger and climbs the dependency tree through the clauses the event
depends on (an xcomp of "expected", a ccomp of "said", a clause hanging from "speculation
that"), collecting cues from the cue file. An event noun first climbs to the clause that
states it ("signed an agreement", "the talks will take place", "rounds of negotiations").
Relative clauses and ordinary adverbial clauses end the walk: their events are presupposed,
and negation or modals there belong to another clause.

Which cue wins is fixed (docs/stages/factuality.md): a condition, then negation, then
speculation, then a plan or the future; any of these beats attribution, which beats nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality.conditions import (
    bare_condition,
    buried_condition,
    conditional_mood,
    consequent_before,
    consequent_modal,
    hangs_condition,
    in_condition,
    misparsed_condition,
    sibling_condition,
    trailing_condition,
)
from geopol.events.factuality.cues import Cues, cues
from geopol.events.factuality.marks import called_false as _called_false
from geopol.events.factuality.marks import misparsed_attribution
from geopol.events.factuality.marks import negating as _negating
from geopol.events.factuality.marks import preposition as _preposition
from geopol.events.factuality.marks import trailing_attribution as _trailing_attribution
from geopol.events.factuality.verdict import Cue, Reading, decide, verdict
from geopol.events.factuality.words import LINKS as _LINKS
from geopol.events.factuality.words import NOMINAL as _NOMINAL
from geopol.events.factuality.words import (
    circumstance,
    dated_present,
    dated_schedule,
    detached,
    for_to,
    future_time,
    governing,
    in_subject,
    inverted,
    not_only,
    noun_level,
    object_of,
    own_speaker,
    phrasal,
    phrase_at,
    purpose,
    purpose_clause,
    refusal,
    subject,
    supposed,
    supposition,
    threat,
    told_content,
    unsaid,
    weighed,
)
from geopol.records import Factuality

_CLIMB_DEPS = frozenset(
    {"xcomp", "ccomp", "conj", "pcomp", "acomp", "oprd", "dobj", "attr", "acl", "prep", "pobj"}
)
_STOP_DEPS = frozenset({"ROOT", "relcl", "advcl", "parataxis", "appos", "acl:relcl"})
_ARG_DEPS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "oprd", "dative", "npadvmod"})
_MODAL = (Factuality.PLANNED, Factuality.SPECULATED, Factuality.NEGATED)
#: Levels of a saying or a belief set beside the clause ("..., officials said / believe").
_ASIDES = (Factuality.REPORTED, Factuality.SPECULATED)


def _own_cues(tok: Token, c: Cues, found: list[Cue], depth: int) -> None:
    """Cues that hang on ``tok`` itself."""
    nominal = tok.pos_ in _NOMINAL
    threatened = threat(tok, c)
    for ch in tok.children:
        low, dep = ch.lower_, ch.dep_
        if not_only(ch):
            continue  # "not only ignored X but ...": no negation
        if dep == "dobj" and not nominal and tok.lemma_.lower() != "have":
            # "has bought no U.S. wheat", "sent no troops": nothing was bought or sent
            found.extend(
                Cue(Factuality.NEGATED, g, depth)
                for g in ch.children
                if g.dep_ == "det" and g.lower_ == "no"
            )
        if (
            nominal
            and dep in ("acl", "relcl")
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
            and any(g.dep_ == "auxpass" for g in ch.children)
        ):
            found.append(Cue(Factuality.PLANNED, ch, depth))  # "a loan to be signed in Paris"
        if dep in ("nsubj", "nsubjpass") and not nominal:
            # "neither Syria nor Jordan has held talks", "no Iraqi jets have attacked ships"
            found.extend(
                Cue(Factuality.NEGATED, g, depth)
                for g in ch.children
                if (g.dep_ in ("preconj", "det") and g.lower_ in ("neither", "no") and g.i < ch.i)
                or (g.dep_ == "neg" and g.i < ch.i)  # "not a single car was shipped"
            )
        if dep == "advmod":  # a two-word adverb: "no longer"
            low = next((f"{g.lower_} {low}" for g in ch.children if g.i == ch.i - 1), low)
            low = low if low in c.adverbs else ch.lower_
        if dep == "neg" or (
            dep in ("advmod", "preconj") and c.adverbs.get(low) is Factuality.NEGATED
        ):
            found.append(Cue(Factuality.NEGATED, ch, depth))
        elif dep in ("aux", "auxpass") and low in c.modals:
            found.append(Cue(c.modals[low], ch, depth))
        elif dep in ("advmod", "mark") and low in c.adverbs and not nominal and not in_subject(ch):
            found.append(Cue(c.adverbs[low], ch, depth))
        elif dep == "mark" and phrase_at(ch, c.conditionals):
            found.append(Cue(Factuality.HYPOTHETICAL, ch, depth))
        elif dep in ("amod", "det", "advmod") and nominal and low in c.adjectives:
            found.append(Cue(c.adjectives[low], ch, depth))
        elif dep in ("amod", "det") and nominal and ch.lemma_.lower() in c.adjectives:
            found.append(Cue(c.adjectives[ch.lemma_.lower()], ch, depth))
        elif hangs_condition(tok, ch, c):
            # the consequent of "if"; not a threat's ("threatened to X if Y": the threat is made)
            if not threatened:
                found.append(Cue(Factuality.HYPOTHETICAL, ch, depth))
        elif dep == "prep" and low == "according":
            found.append(Cue(Factuality.REPORTED, ch, depth))
        elif (
            dep in ("parataxis", "advcl", "ccomp")
            and (ch.i > tok.i or dep == "parataxis")
            and any(
                t.text in (",", '"', "''") for t in tok.doc[min(tok.i, ch.i) : max(tok.i, ch.i)]
            )
            and c.governing.get(ch.lemma_.lower()) in _ASIDES
            and any(g.dep_ == "nsubj" for g in ch.children)
            and not any(g.dep_ in ("ccomp", "xcomp") for g in ch.children)
            and not unsaid(ch)
        ):
            # "X attacked Y, officials said"; "its buyers, traders believe, have bought Y": speculated
            found.append(Cue(c.governing[ch.lemma_.lower()], ch, depth))
        elif (
            dep == "conj"
            and ch.i > tok.i
            and governing(ch, c) is Factuality.REPORTED
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)
            and max(t.i for t in ch.subtree) >= max(t.i for t in tok.subtree)
            and not any(g.dep_ in ("ccomp", "xcomp") and g.i > ch.i for g in ch.children)
        ):
            # "X reached agreement, but talks are likely ..., an official told Reuters"
            found.append(Cue(Factuality.REPORTED, ch, depth))
    if not threatened and (
        trailing_condition(tok, c)
        or bare_condition(tok, c) is not None
        or buried_condition(tok, c) is not None  # "supply oil in the event of an offensive"
    ):
        found.append(Cue(Factuality.HYPOTHETICAL, tok, depth))  # "resume talks provided X"
    if not nominal and conditional_mood(tok):
        # "any move by X would be met with retaliation": "any" event as the subject of "would"
        # is the supposition the clause rests on; the clause is its consequence
        found.extend(Cue(Factuality.HYPOTHETICAL, g, depth) for g in supposition(tok))
    if tok.lemma_.lower() in _LINKS:
        # "a rescheduling of the debt was likely", "said it was unwilling": the predicate
        # adjective of the event's own clause
        for ch in tok.children:
            level = governing(ch, c) if ch.dep_ == "acomp" else None
            if level in _MODAL and not any(g.dep_ in ("xcomp", "ccomp") for g in ch.children):
                found.append(Cue(level, ch, depth))
    # a headline: X to resume talks (an infinitive with a subject and no finite verb), also
    # with its attribution after it ("... to resume talks, officials say")
    if (
        (
            tok.dep_ == "ROOT"
            or (
                tok.dep_ == "ccomp"
                and tok.i < tok.head.i
                and governing(tok.head, c) is Factuality.REPORTED
            )
        )
        and tok.tag_ == "VB"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" and ch.i < tok.i for ch in tok.children)
        and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
    ):
        found.append(Cue(Factuality.PLANNED, tok, depth))
    if tok.dep_ == "ROOT":
        said = _trailing_attribution(tok, c) or misparsed_attribution(tok, c)
        if said is not None:
            found.append(Cue(Factuality.REPORTED, said, depth))
    when = future_time(tok, c)
    if when is not None:
        found.append(Cue(Factuality.PLANNED, when, depth))
    # "is to meet": a schedule; "were to supply": the subjunctive of a condition.
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_ == "be"
        and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
    ):
        were = tok.head.lower_ == "were"
        found.append(
            Cue(Factuality.HYPOTHETICAL if were else Factuality.PLANNED, tok.head, depth + 1)
        )


def _cue_noun(noun: Token, c: Cues, found: list[Cue], depth: int) -> None:
    """A noun the event hangs from ("speculation that", "plans to"), its own modifiers ("no
    plans to") and a verb that denies it ("denied reports that", "ruled out the possibility")."""
    level = noun_level(noun, c)
    if level is not None:
        found.append(Cue(level, noun, depth))
    _own_cues(noun, c, found, depth)
    _called_false(noun, c, found, depth + 1)
    head = object_of(noun)  # "denied reports that", "dismissed as groundless reports that"
    if (
        head is not None
        and (
            head.lemma_.lower() in c.denials
            or phrasal(head) in c.rejections
            or governing(head, c) is Factuality.NEGATED
        )
    ):
        _negating(head, found, depth + 1)
    elif head is not None and weighed(level, head, c):
        found.append(Cue(Factuality.SPECULATED, head, depth + 1))  # "considering a plan to"


def _climb_noun(tok: Token, c: Cues, found: list[Cue], depth: int) -> tuple[Token | None, int]:
    """From an event noun up to the clause that states it; None where the noun is presupposed
    (a modifier of a relative clause, the root of a headline) or hangs from a cue noun."""
    for _ in range(8):
        dep, head = tok.dep_, tok.head
        if head.i == tok.i or dep in _STOP_DEPS:
            return None, depth
        if dep == "pobj" and head.pos_ == "ADP":
            _preposition(head, c, found, depth)  # "ended without agreement"
            tok, dep, head = head, head.dep_, head.head
            if head.i == tok.i:
                return None, depth
        depth += 1
        lemma = head.lemma_.lower()
        if head.pos_ in _NOMINAL:
            if phrase_at(head, c.conditionals):
                found.append(Cue(Factuality.HYPOTHETICAL, head, depth))  # "in the event of war"
            # not "its rejection and condemnation of X": a coordinated noun
            if noun_level(head, c) is not None and dep != "conj":
                _cue_noun(head, c, found, depth)
                return None, depth
            if dep not in ("prep", "compound", "conj", "nmod", "amod", "poss", "appos"):
                return None, depth
            _own_cues(head, c, found, depth)
            tok = head
            continue
        if head.pos_ in ("VERB", "AUX", "ADJ"):
            if dep not in _ARG_DEPS and dep not in ("prep", "conj", "agent"):
                return None, depth
            level = governing(head, c)
            double = False
            if dep in ("dobj", "prep") and level is Factuality.NEGATED:
                _negating(head, found, depth)  # "cancelled a planned visit"
                double = found[-1].level is not Factuality.NEGATED
            elif (
                dep == "dobj"
                and level in (Factuality.SPECULATED, Factuality.PLANNED)
                and lemma not in c.verbal_acts
            ):
                found.append(Cue(level, head, depth))  # "is considering curbs", "plans talks"
            elif dep == "dobj" and lemma in c.denials and not refusal(head, c):
                _negating(head, found, depth)  # "denied charges of"
                double = found[-1].level is not Factuality.NEGATED
            before = len(found)
            _own_cues(head, c, found, depth)
            if double:
                found[before:] = [q for q in found[before:] if q.level is not Factuality.NEGATED]
            if dep in ("nsubj", "nsubjpass") and conditional_mood(head):
                # "a Chinese blockade of Taiwan would draw a response": the supposition
                seen = {q.token.i for q in found}
                found.extend(
                    Cue(Factuality.HYPOTHETICAL, g, depth) for g in supposed(tok) if g.i not in seen
                )
            if dep == "nsubj" and head.lemma_ == "be":
                # "a loan of 50 bln yen to China is to be signed next week": a schedule;
                # "were to" is the subjunctive of a condition
                found.extend(
                    Cue(
                        Factuality.HYPOTHETICAL if head.lower_ == "were" else Factuality.PLANNED,
                        head,
                        depth,
                    )
                    for ch in head.children
                    if ch.dep_ == "xcomp"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
                )
            if dep == "nsubj":
                for ch in head.children:  # "a deal was possible", "the visit is likely"
                    if ch.dep_ not in ("acomp", "oprd"):
                        continue
                    said = c.adjectives.get(ch.lemma_.lower()) or governing(ch, c)
                    if said in (Factuality.PLANNED, Factuality.SPECULATED) or (
                        said is not None and ch.lemma_.lower() in c.adjectives
                    ):
                        found.append(Cue(said, ch, depth))  # also "the meeting was due in June"
            if dep == "nsubjpass" and level is Factuality.NEGATED:
                _negating(head, found, depth)  # "the planned meeting was cancelled"
            elif dep in ("nsubj", "nsubjpass", "agent") and lemma not in c.occurrence_verbs:
                if dep == "nsubjpass" and level in (
                    Factuality.PLANNED,
                    Factuality.SPECULATED,
                    Factuality.REPORTED,
                ):
                    found.append(Cue(level, head, depth))  # "talks are planned", "was reported"
                # "the loan will not be tied to purchases": the predicate's negation is its own
                found[before:] = [q for q in found[before:] if q.level is not Factuality.NEGATED]
            return head, depth
        return None, depth
    return None, depth


def _walk(trigger: Token, *, noun: bool, c: Cues) -> list[Cue]:
    found: list[Cue] = []
    tok = trigger
    depth = 0
    _own_cues(tok, c, found, depth)
    if (
        tok.lemma_.lower() in c.denials
        and any(ch.dep_ in ("dobj", "ccomp") for ch in tok.children)
        and not refusal(tok, c)
    ):
        found.append(Cue(Factuality.NEGATED, tok, depth))  # the denied event is the dyad's
    own = governing(tok, c)
    if (
        own is Factuality.SPECULATED
        and tok.lemma_.lower() not in c.verbal_acts
        and any(ch.dep_ == "dobj" for ch in tok.children)
        and not any(ch.dep_ in ("xcomp", "oprd", "ccomp") for ch in tok.children)
    ):
        found.append(Cue(own, tok, depth))  # "is considering curbs": the event is the curbs
    clause = any(ch.dep_ in ("nsubj", "nsubjpass", "aux") for ch in tok.children)
    if (noun or tok.pos_ in _NOMINAL) and not (clause and tok.pos_ not in ("PROPN", "PRON")):
        # a "noun" with its own subject or auxiliary heads a clause ("Should the Bank
        # release the loan": a mis-tagged verb)
        up, depth = _climb_noun(tok, c, found, depth)
        if up is None:
            return _attributed(tok, c, found, depth)
        tok = up
    for _ in range(14):
        dep, head = tok.dep_, tok.head
        if (
            dep == "advcl"
            and tok.tag_ == "VBG"
            and tok.i > head.i
            and not any(ch.dep_ in ("mark", "nsubj") for ch in tok.children)
        ):
            # "shelled the city, killing three civilians, officials said": the result of the
            # main event is as sure as the main event
            tok = head
            depth += 1
            _own_cues(tok, c, found, depth)
            continue
        if purpose(tok):
            tok = head
            depth += 1
            _own_cues(tok, c, found, depth)
            continue
        if (
            (dep == "ccomp" and inverted(tok) and (tok.i > head.i or consequent_modal(head)))
            or consequent_before(tok, head)
        ):
            found.append(Cue(Factuality.HYPOTHETICAL, tok, depth))  # "should the dollar fall"
            break
        if purpose_clause(tok):
            # the modal of "so that it could buy" belongs to the purpose, which is planned
            found[:] = [q for q in found if not (q.token.dep_ == "aux" and q.token.head == tok)]
            found.append(Cue(Factuality.PLANNED, tok, depth))
            break
        if dep == "advcl" and for_to(tok):
            # "calls for Japan to buy": ahead; "it would be foolish for Japan to": the head's
            level = governing(head, c)
            if head.lemma_ != "be" or level is not None:
                found.append(Cue(level if level in _MODAL else Factuality.PLANNED, tok, depth))
            tok, depth = head, depth + 1
            _own_cues(tok, c, found, depth)
            continue
        if misparsed_condition(tok, c):
            found.append(Cue(Factuality.HYPOTHETICAL, tok, depth))
            break
        if head.i == tok.i or dep in _STOP_DEPS or detached(tok):
            if dep == "advcl" and in_condition(tok, c):
                found.append(Cue(Factuality.HYPOTHETICAL, tok, depth))  # the condition itself
            break
        if dep == "ccomp" and sibling_condition(tok, head, c):
            found.append(Cue(Factuality.HYPOTHETICAL, tok, depth))
        if dep in ("prep", "pobj", "pcomp") and head.pos_ == "ADP":
            _preposition(head, c, found, depth)  # "without signing"
            tok = head
            continue
        if dep in ("ccomp", "pcomp", "pobj", "acl", "advcl") and phrase_at(head, c.conditionals):
            found.append(Cue(Factuality.HYPOTHETICAL, head, depth))  # "provided (that) X agrees"
        if head.pos_ in _NOMINAL:
            if noun_level(head, c) is not None:
                _cue_noun(head, c, found, depth + 1)
                break
            up, depth = _climb_noun(head, c, found, depth + 1)
            if up is None:
                break
            tok = up
            continue
        if dep not in _CLIMB_DEPS and dep != "advmod":
            if governing(tok, c) is Factuality.REPORTED:
                _called_false(tok, c, found, depth + 1)  # "reports" tagged as a verb
            break
        depth += 1
        skip_neg = False
        level = governing(head, c)
        if dep == "ccomp" and level is None:
            # "it is possible that X": the adjective of an extraposed subject governs X
            adj = next((ch for ch in head.children if ch.dep_ == "acomp"), None)
            if adj is not None and governing(adj, c) is not Factuality.REPORTED:
                level = governing(adj, c)
            # "speculation grew that X", "fears mounted that X": the subject noun governs X
            subj = subject(head)
            if level is None and subj is not None:
                level = noun_level(subj, c)
        if dep in ("xcomp", "ccomp", "acl", "pcomp", "acomp", "oprd", "prep") and level is not None:
            if level is Factuality.REPORTED:
                skip_neg = True  # "did not say X": the negation is the report's
                if not (dep == "ccomp" and own_speaker(tok, head, c)):
                    found.append(Cue(level, head, depth))
            elif level is Factuality.NEGATED:
                _negating(head, found, depth)
                skip_neg = found[-1].level is not Factuality.NEGATED
            else:
                found.append(Cue(level, head, depth))
        before = len(found)
        prev, tok = tok, head
        _own_cues(tok, c, found, depth)
        if dep in ("xcomp", "ccomp") and threat(tok, c):
            # "threatened to shell the port, a naval base, if Y": the parse hangs the
            # condition on the threat; it conditions what is threatened
            found.extend(
                Cue(Factuality.HYPOTHETICAL, ch, depth)
                for ch in tok.children
                if hangs_condition(tok, ch, c)
            )
        if dep == "conj" and any(ch.dep_ in ("nsubj", "nsubjpass", "aux") for ch in prev.children):
            # "X will not be tied ..., and Paris lent": a conjunct with its own subject or
            # auxiliary keeps only the attribution of the first one
            found[before:] = [q for q in found[before:] if q.level is Factuality.REPORTED]
        elif dep == "conj" or skip_neg:
            # A coordinated verb shares the modals of its first conjunct, not its negation.
            found[before:] = [q for q in found[before:] if q.level is not Factuality.NEGATED]
    return _attributed(tok, c, found, depth)


def _attributed(tok: Token, c: Cues, found: list[Cue], depth: int) -> list[Cue]:
    """Attribution scopes over the whole sentence, modality only over its own clause: where
    the walk ended (a relative or adverbial clause, a presupposed noun), a reporting verb
    higher up still makes the event reported ("the drop in trade ..., officials said")."""
    if any(q.level is Factuality.REPORTED for q in found):
        return found
    seen = {tok.i}
    while tok.head.i != tok.i and tok.head.i not in seen and not detached(tok):
        prev = tok
        dep, tok = tok.dep_, tok.head
        seen.add(tok.i)
        depth += 1
        level = governing(tok, c)
        if level is Factuality.REPORTED and dep == "advcl" and circumstance(prev):
            return found  # "Speaking after he met Shultz, X said ...": not what X said
        if level is Factuality.REPORTED and dep in ("ccomp", "xcomp", "conj", "advcl", "dobj"):
            if dep == "dobj" and tok.lemma_.lower() == "tell" and not told_content(prev):
                continue  # "told a news conference": the audience, not the content
            found.append(Cue(level, tok, depth))
            return found
        more: list[Cue] = []
        _own_cues(tok, c, more, depth)
        reported = [q for q in more if q.level is Factuality.REPORTED]
        if reported:
            found.extend(reported)
            return found
    return found


def assess(trigger: Token, *, noun: bool, table: Cues | None = None) -> Reading:
    """The factuality of the event whose trigger is ``trigger``, with its cue tokens
    (the deciding cue first)."""
    c = table or cues()
    found = _walk(trigger, noun=noun, c=c)
    if any(q.level is Factuality.REPORTED for q in found):
        when = dated_present(trigger, c)
        if when is None and trigger.pos_ in _NOMINAL and (
            trigger.dep_ == "dobj"  # "resume talks on Monday, officials said"
            or (  # "shipments begin in June, officials said"
                trigger.dep_ == "nsubj" and trigger.head.lemma_.lower() in c.occurrence_verbs
            )
        ):
            when = dated_present(trigger.head, c)
        if when is not None:
            found.append(Cue(Factuality.PLANNED, when, 0))
    elif not found:
        when = dated_schedule(trigger, c)  # "talks open in Madrid on Wednesday"
        if when is not None:
            found.append(Cue(Factuality.PLANNED, when, 0))
    return decide(verdict(found, c), found, trigger)
