"""Who did it to whom: source and target actors of a trigger, read from the parse.

Works on token positions, not word order: subjects (with control through "set to",
"seek to", coordination and passives), objects and prepositional targets (also those
attached to the object: "seek aid from Russia"), possessives and modifiers of event nouns
("Kim's visit", "Western sanctions"), "between A and B", coordinated lists ("North
Korea, Russia and China") and event anaphora ("concerns about this possibility").
The target side (objects, prepositional and aimed targets) is read in ``targets.py``.
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Doc, Span, Token

from geopol.events.datafile import lowered, read_data, word_set, word_tuple
from geopol.records import Actor

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
_SEPARATORS = word_set("separators")
TARGET_PREPS = word_tuple("target_preps")
#: Nouns that refer back to an event just reported: "concerns about this possibility".
ANAPHORIC_NOUNS = word_set("anaphoric_nouns")


def identified(actors: list[Actor]) -> list[Actor]:
    """The mentions with a country (or organisation code), each code at one place once."""
    seen: set[tuple[str | None, str | None, int]] = set()
    out = []
    for a in actors:
        key = (a.country, a.sector, a.start)
        if a.country and key not in seen:
            seen.add(key)
            out.append(a)
    return out


@dataclasses.dataclass(slots=True)
class ActorIndex:
    """Actor mentions by token, and coordinated groups of them."""

    doc: Doc
    by_token: dict[int, list[Actor]]
    spans: dict[int, tuple[int, int]]  # id(actor) -> token span

    @classmethod
    def build(cls, doc: Doc, actors: list[Actor]) -> ActorIndex:
        by_token: dict[int, list[Actor]] = {}
        spans: dict[int, tuple[int, int]] = {}
        for a in actors:
            span = doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            spans[id(a)] = (span.start, span.end)
            for i in range(span.start, span.end):
                by_token.setdefault(i, []).append(a)
        return cls(doc, by_token, spans)

    def at(self, tok: Token) -> list[Actor]:
        return self.by_token.get(tok.i, [])

    def _joinable(self, tok: Token) -> bool:
        """An actor that can be one more member of a coordinated list (not "his", "its")."""
        found = self.at(tok)
        if not found or tok.tag_ in ("PRP", "PRP$") or tok.dep_ == "poss":
            return False
        return not any(t.dep_ == "case" for t in tok.rights)

    def _subject(self, a: Actor) -> bool:
        """Whether an actor's phrase is the subject of a clause."""
        start, end = self.spans[id(a)]
        return self.doc[start:end].root.dep_ in ("nsubj", "nsubjpass")

    def group(self, tok: Token) -> list[Actor]:
        """The actors at ``tok`` plus those coordinated with them in a list."""
        first = self.at(tok)
        if not first:
            return []
        out = list(first)
        start, end = self.spans[id(first[0])]
        sent = tok.sent
        # Rightwards: separators then another actor, repeatedly.
        i = end
        while i < sent.end:
            j = i
            while j < sent.end and self.doc[j].lower_ in _SEPARATORS and not self.at(self.doc[j]):
                j += 1
            if j == i or j >= sent.end or not self._joinable(self.doc[j]):
                break
            nxt = self.at(self.doc[j])
            if self._subject(nxt[0]) and not self._subject(first[0]):
                break  # "killing eight people, Syrian state media reported": a new clause
            out.extend(a for a in nxt if a not in out)
            i = self.spans[id(nxt[0])][1]
        i = start - 1
        while i >= sent.start:
            j = i
            while (
                j >= sent.start and self.doc[j].lower_ in _SEPARATORS and not self.at(self.doc[j])
            ):
                j -= 1
            if j == i or j < sent.start or not self._joinable(self.doc[j]):
                break
            prev = self.at(self.doc[j])
            if self.doc[i].lower_ not in (",", "and", "or"):
                break
            out[:0] = [a for a in prev if a not in out]
            i = self.spans[id(prev[0])][0] - 1
        return out


def _nominal_actors(tok: Token, idx: ActorIndex) -> list[Actor]:
    """Actors a noun phrase headed by ``tok`` stands for: itself, a coordinated list, or
    the actor it is "of"/"for" ("a spokesman for the President")."""
    found = idx.group(tok)
    if found:
        for ch in tok.children:
            # "the Iraqi prime minister and his Jordanian counterpart": a relational noun
            # joined to the actor names the other party
            if ch.dep_ == "conj" and not idx.at(ch) and ch.lemma_.lower() in _RELATIONAL:
                found = found + [a for a in _nominal_actors(ch, idx) if a not in found]
        return found
    for ch in tok.children:
        # "his Iranian counterpart, Mostafa Najjar": the one named in apposition
        if ch.dep_ == "appos" and any(a.country and a.kind == "person" for a in idx.at(ch)):
            return idx.group(ch)  # a person only: "giants Hitachi and ..." names no party
    mods = [ch for ch in tok.children if ch.dep_ in ("poss", "compound", "amod", "nmod")]
    # "his Saudi counterpart": a named modifier before a possessive pronoun, and a
    # counterpart is never the possessor's own
    mods.sort(key=lambda ch: ch.pos_ == "PRON")
    for ch in mods:
        if ch.pos_ == "PRON" and tok.lemma_.lower() in _RELATIONAL:
            continue
        if idx.at(ch):
            return idx.group(ch)
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in ("of", "for", "from"):
            for p in ch.children:
                if p.dep_ == "pobj" and idx.at(p):
                    return idx.group(p)
    for ch in tok.children:
        if ch.dep_ == "conj" and idx.at(ch):
            return idx.group(ch)
    return _issuer(tok, idx)


def _issuer(doc_noun: Token, idx: ActorIndex) -> list[Actor]:
    """Who a published text speaks for: "a report released by the ministry" (the agent),
    "a report released Tuesday in the Rwandan capital" (the place it came out in), or "the
    parliament passed a resolution" (the subject of the verb that put it out)."""
    if doc_noun.lemma_.lower() not in documents():
        return []
    for acl in doc_noun.children:
        if acl.dep_ != "acl" or acl.tag_ != "VBN":
            continue
        for ch in acl.children:
            for p in ch.children:
                if p.dep_ != "pobj":
                    continue
                if ch.dep_ == "agent":
                    return _nominal_actors(p, idx)
                if ch.dep_ == "prep" and ch.lower_ in ("in", "from"):
                    found = [a for a in idx.group(p) if a.country] or _inside_place(p, idx)
                    if found:
                        return found
    head = doc_noun.head
    if doc_noun.dep_ == "dobj" and head.lemma_.lower() in issue_verbs():
        # "parliament passed a resolution criticising the president": who issued it
        return subject_of(head, idx)[0]
    return []


def subject_of(verb: Token, idx: ActorIndex) -> tuple[list[Actor], bool]:
    """The source actors of a verb, and whether they were found by climbing (control, conj)."""
    tok, climbed = verb, False
    for _ in range(6):
        for ch in tok.children:
            if ch.dep_ in SUBJECT_DEPS:
                found = _nominal_actors(ch, idx)
                if not found and ch.lower_ in _SELF_PRONOUNS and tok.dep_ == "ccomp":
                    # "U.S. authorities announced they will return the uranium": the
                    # speaker's own plans (a pronoun the actor layer left unread)
                    return _speaker(tok, idx), True
                return found, climbed
        if tok.dep_ == "ROOT":
            # "USAID provided tents": a name the tagger took for an adverb before the verb
            for ch in tok.children:
                if ch.dep_ in _MISREAD_SUBJECTS and ch.i < tok.i and ch.pos_ != "PRON" and idx.at(ch):
                    return _nominal_actors(ch, idx), climbed
        for aux in tok.children:  # a parse that hangs the subject on "are" in "are mediating"
            if aux.dep_ == "aux" and aux.i < tok.i:
                for ch in aux.children:
                    if ch.dep_ in SUBJECT_DEPS:
                        return _nominal_actors(ch, idx), climbed
        for ch in tok.children:  # passive: "was attacked by X"
            if ch.dep_ == "agent":
                for p in ch.children:
                    if p.dep_ == "pobj":
                        return _nominal_actors(p, idx), climbed
        if _finite_acl(tok) and not _nominal_actors(tok.head, idx):
            # "armed men driving a car carried out a shooting": a clause's own verb the
            # parser hung on a noun that is no actor; its subject is that clause's
            return _misread_clause_subject(tok, idx), True
        if _passive(tok):
            # "were killed in Israeli shelling": the owner of the means is the agent.
            for ch in tok.children:
                if ch.dep_ == "prep" and ch.lower_ in ("in", "during", "by", "from"):
                    for p in ch.children:
                        if p.dep_ == "pobj":
                            owners = [
                                m
                                for m in p.children
                                if m.dep_ in ("amod", "poss", "compound") and idx.at(m)
                            ]
                            if owners:
                                return idx.group(owners[0]), climbed
            if tok.dep_ == "acl":
                return [], climbed  # "two men sought by police": the noun is the patient
        passive_subject = _passive_subject(tok)
        if passive_subject is not None and tok.dep_ != "nsubjpass":
            if tok.i == verb.i:
                # "hoped officials would be indicted": a passive with no agent names no source;
                # the speaker it depends on is not the one who acts.
                return [], climbed
            # "are set to hold": the passive subject of "set" is the subject of "hold".
            return _nominal_actors(passive_subject, idx), climbed
        if tok.dep_ == "acomp" and tok.head.i != tok.i:
            # "Russia is ready to hold talks": the subject of the copula is the willing one
            tok, climbed = tok.head, True
            continue
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp":
                # Object control: "urged Russia to withdraw" -> Russia withdraws.
                for ch in tok.head.children:
                    if ch.dep_ == "dobj" and idx.at(ch) and tok.head.lemma_ not in ("help",):
                        return _nominal_actors(ch, idx), True
            if tok.dep_ in ("advcl", "ccomp") and any(ch.dep_ == "mark" for ch in tok.children):
                return [], climbed
            tok, climbed = tok.head, True
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if tok.dep_ == "acl" and tok.head.lemma_.lower() in _ASKING:
                return [], True  # "pressure from Congress to help Iran": not Congress helps
            return _nominal_actors(tok.head, idx), True
        break
    return [], climbed


#: Dependencies a misparsed subject hangs on its verb by ("USAID" read as an adverb).
_MISREAD_SUBJECTS = frozenset({"advmod", "npadvmod", "dep"})
#: Pronouns that, as the subject of what someone says, are the speaker: "the rebels said
#: they will hand over their arms" (he, she and it are read by the actor layer's coreference;
#: "we" is as often everyone: "how can we accuse countries such as Zimbabwe").
_SELF_PRONOUNS = frozenset({"they"})
_SPEAKING = word_set("speaking")
_GOING_ON = word_set("going_on")


def _speaker(clause: Token, idx: ActorIndex) -> list[Actor]:
    """The subject of the verb of saying that reports ``clause`` ("announced", "said")."""
    if clause.head.lemma_.lower() not in _SPEAKING:
        return []
    speaker = next((ch for ch in clause.head.children if ch.dep_ == "nsubj"), None)
    return [] if speaker is None else _nominal_actors(speaker, idx)


def _passive_subject(verb: Token) -> Token | None:
    """The passive subject of ``verb``; of two (a date misread as one: "5 May (as
    reported), the rebels were reported to have ..."), the nearest before the verb."""
    found = [ch for ch in verb.children if ch.dep_ == "nsubjpass"]
    before = [ch for ch in found if ch.i < verb.i]
    return before[-1] if before else (found[0] if found else None)


def _finite_acl(verb: Token) -> bool:
    """A verb parsed as a participle on a noun that is a clause's own verb: a past tense
    ("two men who were refused entry at the gate proceeded to beat the guards"), or a
    phrasal participle with a direct object, which no passive keeps ("gunmen riding a
    motorbike carried out an attack")."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if verb.tag_ == "VBD":
        return True
    if verb.lemma_.lower() in _GOING_ON and any(
        ch.dep_ == "xcomp" and any(a.lower_ == "to" for a in ch.children) for ch in verb.children
    ):
        return True  # "men ... proceeded to beat": no passive has this to-clause
    return (
        verb.tag_ == "VBN"
        and not any(ch.dep_ in ("auxpass", "agent") for ch in verb.children)
        and any(ch.dep_ == "prt" for ch in verb.children)
        and any(ch.dep_ == "dobj" for ch in verb.children)
    )


def _misread_clause_subject(verb: Token, idx: ActorIndex) -> list[Actor]:
    """The subject of a clause whose verb was hung on a noun (see ``_finite_acl``): the
    subject of the gerund above it ("men driving a car"), or the noun a relative clause
    above it is on ("two men who were refused entry"); none past the first verb above."""
    cur = verb.head
    for _ in range(8):
        if cur.head.i == cur.i:
            return []
        cur = cur.head
        if cur.pos_ not in ("VERB", "AUX"):
            continue
        if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
            return _nominal_actors(cur.head, idx)
        if cur.tag_ != "VBG":
            # "estimates put the aid at $5bn, like the cash offered Central America":
            # a finite verb above is the sentence's own, its subject no doer of this one
            return []
        subjects = [
            ch
            for ch in cur.children
            if ch.dep_ == "nsubj" and ch.i < verb.i and ch.tag_ not in ("WP", "WDT")
        ]
        return _nominal_actors(subjects[-1], idx) if subjects else []
    return []


def _passive(verb: Token) -> bool:
    return verb.tag_ == "VBN" and (
        verb.dep_ == "acl" or any(ch.dep_ in ("auxpass", "nsubjpass") for ch in verb.children)
    )


_RESPONSIBILITY = word_set("responsibility")
#: Nouns whose possessor is the other side: "his counterpart".
_RELATIONAL = word_set("relational")
#: Verbs whose subject is on the receiving end of the event noun they take: "Obama faces
#: pressure from Congress", "Russia drew criticism from Turkey", "came under fire from".
RECEIVING = word_set("receiving")
#: Nouns of asking: the clause after them is what the one asked is to do, not what the asker
#: does ("pressure from Congress to help Iran": Obama is to help).
_ASKING = word_set("asking")
_CLAIM = word_set("claim")


def same_title(anaphor: Actor, antecedent: Actor) -> bool:
    """Whether a noun phrase linked back to an earlier mention is that same actor: yes for a
    pronoun, "the country" or "the president" after "Iceland's president"; no for "the prime
    minister" linked to "Iceland's president" (for its country): an office the antecedent
    does not name (``offices`` in words.yaml) is another body of the same state."""
    words = anaphor.text.lower().split()
    if not words or words[-1] not in _OFFICES:
        return True
    return words[-1] in antecedent.text.lower().split()


_OFFICES = word_set("offices")


def clause_subject(verb: Token, idx: ActorIndex, *, mandative: bool = True) -> list[Actor]:
    """The subject of a verb's that-clause: "alleged that France was aware" -> France.

    For a demand (``mandative``) only a subjunctive (bare or "should") clause is one made of
    its subject: "demanded that Chile withdraw"; "insisted it would not bow" asks nobody. An
    infinitive clause the parser gave its own subject is the one asked or refused as well:
    "rejected Netanyahu to postpone a hearing", parsed with Netanyahu as the subject of
    "to postpone"."""
    for ch in verb.children:
        aux = [a.lower_ for a in ch.children if a.dep_ in ("aux", "auxpass")]
        if ch.dep_ != "ccomp":
            continue
        if not mandative or (ch.tag_ == "VB" and all(a in ("should", "be", "to") for a in aux)):
            for s in ch.children:
                if s.dep_ in ("nsubj", "nsubjpass"):
                    return _nominal_actors(s, idx)
        if _misread_bare_verb(ch):
            # "demanded that Prime Minister Pashinian resign", parsed as a noun "resign"
            # with the name as its compound: the words before it are the clause's subject
            found: list[Actor] = []
            for t in ch.subtree:
                if t.i < ch.i and t.dep_ != "mark":
                    found.extend(a for a in idx.at(t) if a not in found)
            return found
    return []


def _misread_bare_verb(tok: Token) -> bool:
    """A that-clause's bare verb the tagger took for a noun, its subject hung on it as a
    compound, a determiner or a subject ("that Prime Minister Pashinian resign", "that the
    Iranian government resign", "that Pashinian's government resign"): a that-clause has a
    verb, so a noun heading one is a misread verb."""
    return tok.tag_ in ("NN", "NNP") and any(
        k.dep_ == "mark" and k.lower_ == "that" for k in tok.children
    )


@functools.lru_cache(maxsize=1)
def _derived_words() -> dict[str, frozenset[str]]:
    data = read_data("derived.yaml")
    return {k: lowered(data.get(k) or ()) for k in ("place_heads", "documents", "issue_verbs")}


def place_heads() -> frozenset[str]:
    return _derived_words()["place_heads"]


def issue_verbs() -> frozenset[str]:
    """Verbs of putting out a text ("passed a resolution"): derived.yaml ``issue_verbs``."""
    return _derived_words()["issue_verbs"]


def documents() -> frozenset[str]:
    """Nouns for a published text that speaks for its issuer ("report", "statement")."""
    return _derived_words()["documents"]


def _inside_place(tok: Token, idx: ActorIndex, depth: int = 3) -> list[Actor]:
    """The actor a place, facility or part of one belongs to: "a government-held part of
    Syria's second city" -> Syria, "the refineries in Iran" -> Iran. Actors are only looked
    for inside noun phrases whose head is no actor itself."""
    if depth == 0 or (
        tok.lemma_.lower() not in place_heads() and tok.lower_ not in place_heads()
    ):
        return []
    for ch in tok.children:
        if ch.dep_ in ("poss", "compound", "nmod", "amod", "appos") and idx.at(ch):
            found = [a for a in idx.group(ch) if a.country]
            if found:
                return found
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in ("of", "in", "near", "inside", "on"):
            for p in ch.children:
                if p.dep_ != "pobj":
                    continue
                found = [a for a in idx.group(p) if a.country] or _inside_place(p, idx, depth - 1)
                if found:
                    return found
    return []


def anaphoric_object(tok: Token) -> bool:
    """True when a verb's or noun's object is "this possibility", "the move", "that"."""
    cands = [ch for ch in tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    for prep in (ch for ch in tok.children if ch.dep_ == "prep"):
        cands.extend(p for p in prep.children if p.dep_ == "pobj")
    for c in cands:
        dets = {d.lower_ for d in c.children if d.dep_ == "det"}
        if c.lemma_.lower() in ANAPHORIC_NOUNS and dets & {
            "this",
            "that",
            "these",
            "those",
            "the",
            "such",
        }:
            return True
        if c.lower_ in ("this", "that") and c.dep_ in ("dobj", "pobj"):
            return True
    return False


def between(sent: Span, idx: ActorIndex, tok: Token) -> tuple[list[Actor], list[Actor]] | None:
    """ "talks between A and B" -> (A, B)."""
    for ch in tok.children:
        if ch.dep_ == "prep" and ch.lower_ in ("between", "among"):
            for p in ch.children:
                if p.dep_ == "pobj":
                    group = idx.group(p) or _nominal_actors(p, idx)
                    if len(group) >= 2:
                        return group[:1], group[1:]
    return None
