"""The factuality of a gold dyad's event (issue 16), as `geopol eval plv` reads it.

Which event the dyad (source, target) belongs to decides which cues count: the coder's
trigger when it lies between the two actors, else the lower of the two actors' predicates;
a semi-modal or a commitment hands over to the event it governs; a verbal act by the source
is the saying itself. Then "reported" is the last resort: the source's own stance or a
charge against the target, said by the source, is its act (asserted); its own material act
stays reported. docs/stages/factuality.md, "Measuring it".
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.eval.dyad_acts import speaks_for
from geopol.events.extract import Trigger
from geopol.events.factuality import assess, condition_clause, scheduled
from geopol.events.factuality import cues as fact_cues
from geopol.events.factuality.words import (
    for_to,
    governing,
    phrasal,
    purpose,
    purpose_clause,
    verb_object,
)
from geopol.records import Factuality, PloverType

#: Governing levels of a verb whose clause, said by another, is the dyad's event.
_HEDGES = (Factuality.SPECULATED, Factuality.NEGATED)

#: Event types whose trigger is a saying: said by the source, the saying is the act.
SAID = frozenset({"SUPPORT", "ACCUSE", "REQUEST", "THREATEN", "AGREE", "REJECT", "CONCEDE"})


def ancestors(tok: Token) -> list[Token]:
    out = [tok]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _clause_verb(tok: Token) -> Token:
    """The lowest verb above an actor mention: the predicate it takes part in."""
    for t in ancestors(tok):
        if t.dep_ in ("aux", "auxpass") and t.head.i != t.i:
            return t.head  # "Zambia would from July export": the parse hangs the subject on "would"
        if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT":
            return t
    return tok


def _phrasal(verb: Token) -> str:
    prt = next((ch for ch in verb.children if ch.dep_ == "prt"), None)
    return f"{verb.lemma_.lower()} {prt.lower_}" if prt is not None else verb.lemma_.lower()


def _event_below(tok: Token, *, noun: bool = False) -> tuple[Token, bool]:
    """ "are expected to sign", "plan to import", "failed to reach", "ruled out sanctions":
    the event is the verb (or the event noun) that the cue governs; an agreement about a
    scheduled act hands over to it too ("agreed to hold talks next week")."""
    c = fact_cues()
    for _ in range(4):
        if noun:
            return tok, noun
        lemma, phr = tok.lemma_.lower(), _phrasal(tok)
        level = c.governing.get(phr, c.governing.get(lemma, c.governing.get(tok.lower_)))
        below = next((ch for ch in tok.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"), None)
        if below is None and level in _AHEAD:
            below = _copula_below(tok)  # "are believed to be close to an accord"
        if below is None and (lemma in c.verbal_acts or level is Factuality.PLANNED):
            # "offered on Tuesday to hold talks next week": the parse hangs the infinitive of
            # the commitment on it as one of purpose
            below = next((ch for ch in tok.children if purpose(ch) and ch.i > tok.i), None)
        if (
            lemma == "be"
            and below is not None
            and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in below.children)
        ):
            tok = below  # "Brazil and Argentina are to launch": the schedule is on the launch
            continue
        adj = next((ch for ch in tok.children if ch.dep_ == "acomp"), None)
        inner = (
            next((g for g in adj.children if g.dep_ == "xcomp" and g.pos_ == "VERB"), None)
            if lemma == "be" and below is None and adj is not None
            else None
        )
        if inner is not None:
            tok = inner  # "officials are likely to hold talks": the event is the talks
            continue
        if lemma in c.denials and below is None:  # "denied that its troops had fired"
            below = next((ch for ch in tok.children if ch.dep_ == "ccomp"), None)
        obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        inner = _cue_content(obj) if below is None and obj is not None else None
        if inner is not None and lemma not in c.verbal_acts and phr not in c.rejections:
            return inner, inner.pos_ in ("NOUN", "PROPN")  # "studying the possibility of buying"
        if lemma in c.verbal_acts and not (phr != lemma and phr in c.governing):
            if lemma in c.denials and below is not None:
                pass  # what is denied is the event: "denied attacking Chadian positions"
            elif (
                below is None
                or not scheduled(below)
                # "asked Japan to open its markets next year": a request to an addressee is
                # the act; only a commitment hands over ("agreed to hold talks next week")
                or any(ch.dep_ in ("dobj", "dative") for ch in tok.children)
            ):
                return tok, False
        elif level not in (Factuality.PLANNED, Factuality.SPECULATED, Factuality.NEGATED):
            return tok, False
        if below is None and (phr in c.rejections or lemma in c.denials):
            obj = verb_object(tok)  # "dismissed as groundless reports that ..."
            if obj is not None and _owed(obj):
                return tok, False  # "cancelled part of Bolivia's debt": debt relief, done
            return (obj, True) if obj is not None and obj.pos_ == "NOUN" else (tok, False)
        obj = next((ch for ch in tok.children if ch.dep_ == "dobj"), None)
        if (
            below is None
            and c.nouns.get(lemma) is Factuality.PLANNED  # a verb that names a plan
            and obj is not None
            and obj.pos_ == "NOUN"
        ):
            return obj, True  # "plans joint exercises with Australia": the exercises
        subj = next((ch for ch in tok.children if ch.dep_ == "nsubjpass"), None)
        ahead = level in (Factuality.PLANNED, Factuality.SPECULATED)
        if below is None and subj is not None and subj.pos_ == "NOUN" and ahead:
            return subj, True  # "a visit to Baghdad was planned for May": the visit
        if below is None or (
            below.lemma_ == "be" and any(ch.dep_ == "dobj" for ch in tok.children)
        ):
            return tok, False  # "considered the package to be a stimulus": a judgement
        tok = below
    return tok, noun


#: Governing levels that hand over to a copular infinitive below them.
_AHEAD = (Factuality.PLANNED, Factuality.SPECULATED, Factuality.NEGATED)


def _copula_below(tok: Token) -> Token | None:
    """ "the two sides are believed to be close to an accord", "seem to be near a deal": the
    infinitive "to be" (tagged AUX) below a hedge, a plan or a negating verb is
    the clause of the event, as a verb's infinitive is ("are believed to have agreed");
    not "considered the package to be a stimulus" (a judgement of its object, which the
    parse makes the object or the subject of "be")."""
    if any(ch.dep_ == "dobj" for ch in tok.children):
        return None
    return next(
        (
            ch
            for ch in tok.children
            if ch.dep_ == "xcomp"
            and ch.lemma_ == "be"
            and ch.pos_ == "AUX"
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in ch.children)
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)
        ),
        None,
    )


def _owed(obj: Token) -> bool:
    """ "cancelled Bolivia's debt", "scrapped part of its arrears": the object is what is owed
    (``debts``), or a share of it; cancelling it is debt relief carried out, not an event
    called off."""
    debts = fact_cues().debts
    if obj.lemma_.lower() in debts:
        return True
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in debts
        for ch in obj.children
        if ch.dep_ == "prep" and ch.lower_ == "of"
        for g in ch.children
    )


def _cue_content(noun: Token) -> Token | None:
    """ "the possibility of buying jets": the event a speculative cue noun is about."""
    if fact_cues().nouns.get(noun.lemma_.lower()) is not Factuality.SPECULATED:
        return None
    for prep in (ch for ch in noun.children if ch.dep_ == "prep" and ch.lower_ in ("of", "for")):
        for ev in prep.children:
            if ev.dep_ in ("pcomp", "pobj"):
                return ev
    return None


_SELF = frozenset({"it", "they", "we", "i"})
_OWN = frozenset({"its", "their", "our", "my"})


def _own_act(said: Token) -> bool:
    """The reported clause has the speaker, or the speaker's own people, for subject: "said
    they had sold", "said its banks had lent" (the speaker's act, not a saying)."""
    return any(
        ch.dep_ == "ccomp"
        and any(
            g.dep_ in ("nsubj", "nsubjpass")
            and (
                g.lower_ in _SELF or any(p.dep_ == "poss" and p.lower_ in _OWN for p in g.children)
            )
            for g in ch.children
        )
        for ch in said.children
    )


def _dyad_verb(vs: Token, vt: Token) -> Token:
    """The lower of the two actors' predicates, unless it only hangs on the higher one as an
    adjunct ("Britain can exercise leverage because the EC is in crisis": the leverage)."""
    low, high = (vs, vt) if len(ancestors(vs)) >= len(ancestors(vt)) else (vt, vs)
    tok = low
    while tok.i != high.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "appos") or (
            tok.dep_ == "advcl"
            and not condition_clause(tok)
            and not purpose(tok)
            and not purpose_clause(tok)
        ):
            return high if high.i in {a.i for a in ancestors(low)} else low
        tok = tok.head
    return low


def dyad_factuality(best: Trigger | None, sh: Token, th: Token) -> tuple[Factuality, list[Token]]:
    """Factuality of the gold dyad's event (issue 16): read at the coder's trigger when it lies
    on the path between the two actors, else at the lower of the two actors' predicates.
    When the source is the one who says it, the saying is the act toward the target: a
    verbal act by its own speaker is asserted ("Roeller said the tax weakened Germany")."""
    reading = _dyad_reading(best, sh, th)
    fact, cue = reading
    # No trigger: the saying is the act, unless the speaker reports an act of its own
    # ("Dutch traders said they had sold sugar to Iran" is reported).
    verbal = (
        (best.rule.type in SAID or _light_verbal(best.token) is not None)
        and not (cue and _material(best.token, cue[0]))
        if best is not None
        else not (cue and _own_act(cue[0]))
    )
    if fact is Factuality.REPORTED and cue and (verbal or _stance(cue[0]) or _about(cue[0], th)):
        speaker = [ch for ch in cue[0].children if ch.dep_ == "nsubj"]
        if any(sh.i == t.i for s in speaker for t in s.subtree) or any(
            speaks_for(s, sh) for s in speaker
        ):
            return Factuality.ASSERTED, []
    return reading


def _light_verbal(trigger: Token) -> Token | None:
    """ "lodged a protest with", "made an offer to", "filed a complaint against": the verb
    whose object is a verbal-act noun (``verbal_nouns``); the act it makes is a saying."""
    noun = trigger if trigger.pos_ in ("NOUN", "PROPN") else None
    if noun is None:  # the coder's trigger is the light verb itself
        noun = next((ch for ch in trigger.children if ch.dep_ == "dobj"), None)
        if noun is None:
            return None
        verb = trigger
    else:
        verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if noun.lemma_.lower() in fact_cues().verbal_nouns else None


def _material(trigger: Token, said: Token) -> bool:
    """ "Portugal said it had signed a fishing accord with Morocco": the event's own verb,
    below the verb of saying, is not a verbal act, so saying it does not make it (reported).
    A light verb with a verbal-act noun is a verbal act ("said it had lodged a protest")."""
    verb = next((a for a in [trigger, *ancestors(trigger)] if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.i == said.i or verb.dep_ != "ccomp" or verb.head.i != said.i:
        return False
    light = _light_verbal(trigger)
    if light is not None and light.i == verb.i:
        return False
    return verb.lemma_.lower() not in fact_cues().verbal_acts and verb.lemma_.lower() != "be"


def _about(said: Token, th: Token) -> bool:
    """ "Seoul said Pyongyang had broken the armistice": the target is the subject of what
    the source says, so the saying (an accusation, a claim about the target) is the act."""
    for cl in (ch for ch in said.children if ch.dep_ == "ccomp"):
        subj = next((g for g in cl.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        if subj.i == th.i or (th.head.i == subj.i and th.dep_ in ("compound", "amod", "poss")):
            return True
    return False


_LINKS = frozenset({"be", "remain", "seem", "appear", "feel", "stay", "become"})


def _stance(said: Token) -> bool:
    """What the speaker says is its own stance, a predicate adjective or an attitude ("said
    it was concerned about", "said it remained committed to", "said the U.S. decision was
    unfair"): said by the source, the saying is its act toward the target (asserted)."""
    c = fact_cues()
    for cl in (ch for ch in said.children if ch.dep_ == "ccomp"):
        if cl.lower_ in c.attitudes and any(g.dep_ == "auxpass" for g in cl.children):
            return True  # "said it was disappointed by": parsed as a passive
        if any(g.dep_ in ("ccomp", "xcomp", "csubj") for g in cl.children):
            continue  # "said it was true that it had bought arms": the content is an event
        if cl.lemma_.lower() in _LINKS and any(
            g.dep_ == "acomp" and (g.pos_ == "ADJ" or g.lower_ in c.attitudes) for g in cl.children
        ):
            return True
    return False


def _act_above(tok: Token, sh: Token) -> Token:
    """ "Iraq refused to be a party", "Egypt agreed to build roads": when the source says it
    will or will not act, the saying (a refusal, an agreement, an offer) is its act."""
    c = fact_cues()
    while (
        tok.dep_ == "xcomp"
        and not scheduled(tok)  # "agreed to hold talks next week": the talks are planned
        and not any(ch.dep_ == "neg" for ch in tok.children)  # "decided not to impose quotas"
        and tok.head.lemma_.lower() in c.verbal_acts
        and any(
            ch.dep_ == "nsubj" and any(t.i == sh.i for t in ch.subtree) for ch in tok.head.children
        )
    ):
        tok = tok.head
    return tok


def _reports_on(said: Token, verb: Token, sh: Token) -> bool:
    """ "China never bought Iranian oil, officials insisted": a verb of saying above the dyad's
    clause whose speaker is not the source reports the event; it is not the source's act."""
    c = fact_cues()
    if said.i == verb.i:
        return False
    direct = any(ch.dep_ == "ccomp" and ch.i == verb.i for ch in said.children)
    if governing(said, c) is not Factuality.REPORTED and not (
        # "Iran could strike Saudi oil fields, analysts warned": a verbal act by another
        # speaker over the dyad's clause says what may happen; it is not the source's act.
        # "Dealers suspect that Iran sold crude to Korea": nor is a hedge or a denial by
        # another speaker whose clause the dyad's is.
        (said.lemma_.lower() in c.verbal_acts or governing(said, c) in _HEDGES)
        and direct
    ):
        return False
    if not any(a.i == said.i for a in ancestors(verb)[1:]):
        return False
    speaker = [ch for ch in said.children if ch.dep_ in ("nsubj", "nsubjpass")]
    return bool(speaker) and not any(t.i == sh.i for s in speaker for t in s.subtree)


def _dyad_reading(best: Trigger | None, sh: Token, th: Token) -> tuple[Factuality, list[Token]]:
    verb = _dyad_verb(_clause_verb(sh), _clause_verb(th))
    if best is not None and not best.noun and (
        _reports_on(best.token, verb, sh) or _in_relative(best.token, sh, th)
    ):
        best = None
    if best is not None:
        tok = best.token
        below_noun = _noun_below(tok, sh, th)
        if below_noun is not None:
            return assess(below_noun, noun=below_noun.pos_ in ("NOUN", "PROPN"))
        if _for_source(verb, sh) and any(a.i == tok.i for a in ancestors(verb)[1:]):
            return assess(verb, noun=False)  # "calls for Japan to buy beef": the buying
        on_path = any(a.i == tok.i for a in ancestors(sh) + ancestors(th))
        below = best.noun and any(a.i == tok.i for a in ancestors(verb)[1:])
        if on_path and not below:
            content = _rejected_content(tok, th) or _committed_content(tok, th)
            if content is not None:
                return assess(content, noun=False)  # "rejected a proposal to lend Manila"
            if not best.noun:
                tok = _act_above(tok, sh)
            if _stopping(best, tok):
                return assess(tok, noun=False)  # "called off a strike": the calling off
            event, noun = _event_below(tok, noun=best.noun)
            return assess(event, noun=noun)
        if best.noun and best.token.head.i == verb.i:
            return assess(best.token, noun=True)
    joint = _joint_noun(sh, th, verb) if best is None else None
    if joint is not None:
        return assess(joint, noun=True)  # "the proposed sale of jets by France to India"
    event, noun = _event_below(_act_above(verb, sh))
    return assess(event, noun=noun)


#: Types whose trigger can be a verb that stops or calls off another act: a concession carried
#: out ("called off the strike", "halted the offensive"). A SANCTION is not one: "shelved plans
#: for a levy" is coded from the levy, which did not happen.
STOPPING = frozenset({PloverType.RETREAT})


def _stopping(best: Trigger, tok: Token) -> bool:
    """ "The union called off its strike against the government", "the rebels halted their
    offensive against the army": the coder's trigger is itself the verb that negates what it governs, and its
    type is the stopping (``STOPPING``), so the event is the stopping, not the act stopped."""
    return (
        not best.noun
        and tok.i == best.token.i
        and best.rule.type in STOPPING
        and governing(tok, fact_cues()) is Factuality.NEGATED
    )


def _for_source(verb: Token, sh: Token) -> bool:
    """ "the accord calls for Japan to buy beef from Australia": the source is the subject of
    a for-to clause below the trigger, so the dyad's event is that clause, not the call
    ("asked for Uganda to close the border" stays Kenya's request to Uganda)."""
    return for_to(verb) and any(
        ch.dep_ in ("nsubj", "nsubjpass") and any(t.i == sh.i for t in ch.subtree)
        for ch in verb.children
    )


def _joint_noun(sh: Token, th: Token, verb: Token) -> Token | None:
    """The noun both actors hang from, below their clause's verb, when the coder found no
    trigger: "the proposed sale of jets by France to India was worth ...": the sale."""
    up = {a.i for a in ancestors(th)}
    common = next((a for a in ancestors(sh) if a.i in up), None)
    if common is None or common.pos_ != "NOUN" or common.i in (sh.i, th.i):
        return None
    return common if any(a.i == verb.i for a in ancestors(common)[1:]) else None


def _noun_below(trigger: Token, sh: Token, th: Token) -> Token | None:
    """ "India's plan to buy submarines from Bonn was approved": the coder's trigger lies
    above the noun both actors hang from, so the dyad's event is that noun, or the verb of
    the noun's infinitive the target hangs from (the buying, read under the plan)."""
    up = {a.i for a in ancestors(th)}
    common = next((a for a in ancestors(sh) if a.i in up), None)
    if (
        common is None
        or common.pos_ != "NOUN"
        or common.i in (sh.i, th.i, trigger.i)
        or not any(a.i == trigger.i for a in ancestors(common)[1:])
    ):
        return None
    path = ancestors(th)
    k = next(n for n, a in enumerate(path) if a.i == common.i)
    child = path[k - 1] if k > 0 else None
    if child is not None and child.dep_ == "acl" and child.pos_ == "VERB":
        return child
    return common


def _in_relative(trigger: Token, sh: Token, th: Token) -> bool:
    """ "signed a protocol under which Romania will supply Turkey": both actors sit in a
    relative clause below the coder's trigger, so the dyad's event is the clause's own."""
    for tok in ancestors(sh)[1:]:
        if tok.i == trigger.i:
            return False
        if tok.dep_ in ("relcl", "acl:relcl"):
            return any(a.i == tok.i for a in ancestors(th)) and any(
                a.i == trigger.i for a in ancestors(tok)[1:]
            )
    return False


def _rejected_content(trigger: Token, th: Token) -> Token | None:
    """ "Japan rejected a proposal to lend the Philippines 50 bln yen": the target sits in the
    infinitive of the rejected proposal, so the dyad's event is that content (negated by the
    rejection); "turned down a British request to release Mandela" keeps the rejection of
    the one who asked."""
    c = fact_cues()
    if phrasal(trigger) not in c.rejections:
        return None
    for obj in (ch for ch in trigger.children if ch.dep_ == "dobj"):
        # "rejected reports that it would send arms to Iran": the content of a report
        said = c.nouns.get(obj.lemma_.lower()) in (Factuality.REPORTED, Factuality.SPECULATED)
        for acl in (g for g in obj.children if g.dep_ == "acl" and g.pos_ == "VERB"):
            if any(a.i == acl.i for a in ancestors(th)) and (
                said or any(g.dep_ == "aux" and g.lower_ == "to" for g in acl.children)
            ):
                return acl
    return None


def _committed_content(trigger: Token, th: Token) -> Token | None:
    """ "Iran has signed a contract to deliver crude to Turkey from next month": the target
    sits in the dated infinitive of an agreement the trigger makes (``frameworks``), so the
    dyad's event is what was agreed, ahead (like "agreed to hold talks next week")."""
    c = fact_cues()
    for obj in (ch for ch in trigger.children if ch.dep_ == "dobj"):
        if obj.lemma_.lower() not in c.frameworks:
            continue
        for acl in (g for g in obj.children if g.dep_ == "acl" and g.pos_ == "VERB"):
            if (
                any(a.i == acl.i for a in ancestors(th))
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in acl.children)
                and scheduled(acl)
            ):
                return acl
    return None

