"""Within-article coreference: pronouns and definite descriptions to the actor they mean.

Deliberately simple (Centering-style salience): the antecedent is the most recent
compatible actor, preferring the subject of its clause, within the last two sentences.
The link is recorded on the new mention (``how`` and ``coref_of``).
"""

from __future__ import annotations

import dataclasses
import re

from spacy.attrs import TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from geopol.actors.firms import heads
from geopol.docarrays import doc_arrays
from geopol.records import Actor, Origin, StandsFor

_PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_THING_PRONOUNS = frozenset({"it", "its"})
#: Definite descriptions of states and of leaders ("the isolated nation", "the president").
_STATE_NP = re.compile(
    r"^(the|this|that)\s+((isolated|reclusive|communist|secretive|nuclear-armed|hermit|oil-rich|"
    r"war-torn|gulf|island|neighbouring|neighboring|african|asian|european|embattled)\s+)?"
    r"(nation|country|state|kingdom|regime|republic)$",
    re.I,
)
_LEADER_NP = re.compile(
    r"^the\s+((two|three|four)\s+)?(leaders?|presidents?|heads? of state|prime ministers?|premiers?|"
    r"chancellors?|ministers?|foreign ministers?|officials?)$",
    re.I,
)
_COUNT = {"two": 2, "three": 3, "four": 4}
_SUBJECT = frozenset({"nsubj", "nsubjpass", "poss"})
_PERSONISH = frozenset({"person"})


def _is_person(a: Actor) -> bool:
    return a.kind in _PERSONISH or (a.kind == "agent" and a.role is not None and a.sector == "GOV")


_INSTITUTION_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _speaker_of(pronoun: Token, a: Actor, head_of: list[tuple[Actor, Token]]) -> bool:
    """"The military said it had struck": an institution is the "it" of the clause its
    own statement governs, and nothing else (companies, which no dictionary names, are the
    "it" of many other sentences)."""
    clause = pronoun.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp":
        return False
    speaker = next((ch for ch in clause.head.children if ch.dep_ == "nsubj"), None)
    return speaker is not None and any(x is a and h.i == speaker.i for x, h in head_of)


#: Verbs that report what their subject says; "he is helping" after a clause is no report.
_REPORTING = frozenset(
    {"say", "add", "tell", "argue", "insist", "claim", "warn", "write", "suggest", "explain",
     "state", "stress", "declare", "continue", "conclude"}
)


def _reported(pronoun: Token) -> set[int]:
    """Tokens of what a subject pronoun says ("This is the record Mr Blair must answer for, he
    said"): the speaker is not a person named inside his own words (he would say "I")."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORTING:
        return set()
    out = {t.i for ch in verb.children if ch.dep_ == "ccomp" for t in ch.subtree}
    if verb.dep_ == "parataxis":
        own = {t.i for t in verb.subtree}
        out |= {t.i for t in verb.head.subtree if t.i not in own}
    return out


def _is_state(a: Actor) -> bool:
    return a.kind in ("state", "capital", "seat") and a.country is not None


def _rank(cands: list[tuple[Actor, Token]], sent_of: list[int], here: int) -> list[Actor]:
    """Closest sentence first, subjects before others, then the most recent."""
    scored = sorted(
        cands,
        key=lambda c: (here - sent_of[c[1].i], 0 if c[1].dep_ in _SUBJECT else 1, -c[0].start),
    )
    return [a for a, _ in scored]


#: Kinds of actor an "it" may stand for; a name of any other kind tagged as an organisation
#: is a firm or a body of no state ("British Airways", "Turkcell").
_IT_KINDS = frozenset({"state", "capital", "seat", "group", "igo", "agent"})


def _firms(doc: Doc, actors: list[Actor]) -> list[Token]:
    """The heads of the firms named in the article: actors of the business sector ("the
    Danish shipping firm"), and names the tagger marks as organisations that are no state,
    group, international body or state organ, uncoded or coded only from a place word inside
    them ("British Airways")."""
    owned: set[int] = set()
    firms: list[Token] = []
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            continue
        if a.sector == "BUS":
            firms.append(span.root)  # "the Danish shipping company": a firm of a country
        elif a.kind in _IT_KINDS or a.sector in _INSTITUTION_SECTORS:
            owned.update(range(span.start, span.end))
    return firms + [
        ent.root
        for ent in doc.ents
        if ent.label_ == "ORG" and not any(i in owned for i in range(ent.start, ent.end))
    ]


def _things(doc: Doc, actors: list[Actor]) -> list[Token]:
    """Subjects that are things of no country ("an all-party committee", "the report": see
    ``it_things`` in data/actors/heads.yaml): nearer than a state, what "it" means."""
    owned: set[int] = set()
    for a in actors:
        if a.country is None:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            owned.update(range(span.start, span.end))
    things = heads().things
    return [
        t
        for t in doc
        if t.dep_ in ("nsubj", "nsubjpass")
        and t.tag_ == "NN"
        and t.lemma_.lower() in things
        and t.i not in owned
    ]


def _people(doc: Doc, actors: list[Actor]) -> list[Token]:
    """The heads of single people named by a common noun with no country and no office of a
    state ("the businessman", "a campaigner"): as the subject of the clause before, such a
    person is who "he" or "she" means, not a politician named further back."""
    out: list[Token] = []
    for a in actors:
        if a.kind != "agent" or a.country is not None or a.sector in _INSTITUTION_SECTORS:
            continue
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None and span.root.tag_ == "NN" and a.sector is not None:
            out.append(span.root)
    return out


def _firm_first(pronoun: Token, ante: Actor, firms: list[Token], sent_of: list[int]) -> bool:
    """A firm named as the subject of a clause, in the pronoun's sentence or the one before
    and nearer than the antecedent by the same salience ("British Airways is to halt its
    flights to Riyadh in Saudi Arabia. It suspended flights ..."), is what "it" means."""
    here = sent_of[pronoun.i]
    ante_tok = pronoun.doc.char_span(ante.start, ante.end, alignment_mode="expand")
    if ante_tok is None:
        return False
    a_root = ante_tok.root
    a_key = (here - sent_of[a_root.i], 0 if a_root.dep_ in _SUBJECT else 1, -a_root.i)
    for f in firms:
        if f.i >= pronoun.i or here - sent_of[f.i] > 1 or f.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if (here - sent_of[f.i], 0, -f.i) < a_key:
            return True
    return False


def _coded_firm(
    pronoun: Token, firms: list[Token], head_of: list[tuple[Actor, Token]], sent_of: list[int]
) -> Actor | None:
    """The nearest firm named as a subject in the pronoun's sentence or the one before, when
    it is a firm of a stated country ("Russian oil firm Yukos ... . It has threatened to sue
    the government"): what "it" means, coded as that firm."""
    here = sent_of[pronoun.i]
    near = [
        f
        for f in firms
        if f.i < pronoun.i and here - sent_of[f.i] <= 1 and f.dep_ in ("nsubj", "nsubjpass")
    ]
    if not near:
        return None
    best = max(near, key=lambda f: (sent_of[f.i], f.i))
    for a, h in head_of:
        if h.i == best.i and a.sector == "BUS" and a.country:
            return a
    return None


def resolve_coreference(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """``actors`` plus the mentions that corefer to them, in text order."""
    if not len(doc):
        return actors
    sent_of = doc_arrays(doc).sent
    covered: set[int] = set()
    generic: dict[int, Actor] = {}  # token -> an agent with no country ("the leaders")
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is None:
            continue
        if a.kind == "agent" and a.country is None:
            for i in range(span.start, span.end):
                generic[i] = a
            continue
        covered.update(range(span.start, span.end))
    head_of: list[tuple[Actor, Token]] = []
    for a in actors:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if span is not None:
            head_of.append((a, span.root))
    new: list[Actor] = []
    replaced: set[int] = set()
    # "The Israeli military said it...": a singular institution with a country is an "it".
    institutions = {
        id(a)
        for a, h in head_of
        if a.kind == "agent"
        and a.country
        and a.sector in _INSTITUTION_SECTORS
        and h.tag_ in ("NN", "NNP")
    }

    def before(tok: Token, pred: object) -> list[tuple[Actor, Token]]:
        here = sent_of[tok.i]
        return [
            (a, h)
            for a, h in head_of
            if a.end <= tok.idx and here - sent_of[h.i] <= 2 and pred(a)  # type: ignore[operator]
        ]

    def link(text: str, start: int, end: int, ante: Actor, how: str) -> Actor:
        return dataclasses.replace(
            ante,
            text=text,
            start=start,
            end=end,
            how=f"coref:{how}->{ante.name}",
            coref_of=ante.start,
            origin=Origin.COREF,
            stands_for=StandsFor.COREFERENCE,
        )

    full = doc_arrays(doc).text
    for np in list(doc.noun_chunks):
        if any(i in covered for i in range(np.start, np.end)):
            continue
        np_text = full[np.start_char : np.end_char]
        text = np_text.strip()
        if _STATE_NP.match(text):
            cands = _rank(before(np.root, _is_state), sent_of, sent_of[np.root.i])
            if cands:
                new.append(link(np_text, np.start_char, np.end_char, cands[0], text.lower()))
                covered.update(range(np.start, np.end))
                replaced.update(id(generic[t.i]) for t in np if t.i in generic)
            continue
        m = _LEADER_NP.match(text)
        if m:
            n = _COUNT.get((m.group(2) or "").strip().lower(), 1)
            cands = _rank(before(np.root, _is_person), sent_of, sent_of[np.root.i])
            picked: list[Actor] = []
            for c in cands:
                if all(c.name != p.name for p in picked):
                    picked.append(c)
                if len(picked) == n:
                    break
            if len(picked) == n:
                new.extend(
                    link(np_text, np.start_char, np.end_char, p, text.lower()) for p in picked
                )
                covered.update(range(np.start, np.end))
                replaced.update(id(generic[t.i]) for t in np if t.i in generic)
    firms = _firms(doc, actors) + _things(doc, actors)
    people = _people(doc, actors)
    pronoun_tags = {get_string_id("PRP"), get_string_id("PRP$")}
    tags: list[int] = doc.to_array(TAG).tolist()
    # Only pronouns are looked at as Token objects.
    for tok in (doc[i] for i, tag in enumerate(tags) if tag in pronoun_tags):
        if tok.i in covered:
            continue
        low = tok.lower_
        if low in _PERSON_PRONOUNS:
            words = _reported(tok)
            cands = _rank(
                [c for c in before(tok, _is_person) if c[1].i not in words],
                sent_of,
                sent_of[tok.i],
            )
            if cands and _firm_first(tok, cands[0], people, sent_of):
                continue  # "The businessman ... . And he branded": not the chancellor
        elif low in _THING_PRONOUNS:
            if tok.dep_ not in ("nsubj", "poss", "nsubjpass", "dobj", "pobj"):
                continue
            cands = _rank(
                before(
                    tok,
                    lambda a, tok=tok: _is_state(a)
                    or a.kind in ("group", "igo")
                    or (id(a) in institutions and _speaker_of(tok, a, head_of)),
                ),
                sent_of,
                sent_of[tok.i],
            )
            first = bool(cands) and _firm_first(tok, cands[0], firms, sent_of)
            firm = _coded_firm(tok, firms, head_of, sent_of) if first or not cands else None
            if firm is not None:
                cands = [firm]  # "Russian oil firm Yukos ... . It threatened to sue"
            elif first:
                continue  # "Turkcell says it may give up the deal": the firm, not Israel
        else:
            continue
        if cands:
            new.append(link(tok.text, tok.idx, tok.idx + len(tok), cands[0], low))
            owned = generic.get(tok.head.i) if tok.dep_ == "poss" else None
            if owned is not None and id(owned) not in replaced and cands[0].country:
                # "Israel said its forces struck": the forces are Israel's
                new.append(
                    dataclasses.replace(
                        owned,
                        country=cands[0].country,
                        how=f"{owned.how}+owner:{low}",
                        stands_for=owned.stands_for | StandsFor.OWNER,
                    )
                )
                replaced.add(id(owned))
    kept = [a for a in actors if id(a) not in replaced]
    return sorted(kept + new, key=lambda a: (a.start, a.end))
