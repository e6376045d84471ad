"""A verb's phrase in the parse: the words of a multi-word verb among its dependents ("called
the strike off", "took three activists into custody", "hold talks"), the forms of its objects a
rule's ``objects`` are tested against ("food aid", "@people"), and the objects of the phrase's own
preposition ("set fire to a lorry"). Used by ``events/triggers.py`` to match the lexicon's verb
phrases; split from it in the tenth round (same output).
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.datafile import word_set
from geopol.events.recall_table import person_noun

#: Verbs whose object is parsed as the subject of the clause after it ("allow X to deliver").
_SMALL_CLAUSE = word_set("small_clause")


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _object_words(verb: Token) -> list[str]:
    """Forms of a verb's objects to test against a rule's ``objects``: "food aid", "aid"."""
    objs = [ch for ch in verb.children if ch.dep_ in ("dobj", "nsubjpass")]
    if not objs and verb.dep_ == "acl" and verb.tag_ == "VBN":
        objs.append(verb.head)  # "a report released by Kenya", "weapons supplied by Iran"
    small: list[Token] = []
    if not objs and _lemma(verb) in _SMALL_CLAUSE:
        # "allow UN inspectors to visit": the parser makes the object the clause's subject
        small = [
            s
            for ch in verb.children
            if ch.dep_ in ("ccomp", "xcomp")
            and ch.i > verb.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children)
            for s in ch.children
            if s.dep_ == "nsubj" and s.i < ch.i
        ]
        objs.extend(small)
    for o in list(objs):
        objs.extend(ch for ch in o.children if ch.dep_ == "conj")
    if not objs:  # "provided to Russia 94% of its arms": look one level further
        for ch in verb.children:
            if ch.dep_ in ("dative", "prep"):
                objs.extend(p for p in ch.children if p.dep_ == "pobj")
    out: list[str] = []
    for o in objs:
        mods = [m for m in o.children if m.dep_ in ("compound", "amod") and m.i < o.i]
        lemma, low = _lemma(o), o.lower_
        out.extend([lemma, low])
        if not o.ent_type_ and person_noun(o):
            out.append("@people")  # "a local leader", "two farmers": any persons
        if o.ent_type_:
            out.append(f"@{o.ent_type_.lower()}")  # "@person": any named person
        if o in small:
            # "allow X to": a rule may ask for an object that is let do something
            out.extend([f"{lemma} to", f"{low} to"])
            if o.ent_type_:
                out.append(f"@{o.ent_type_.lower()} to")
        for m in mods:
            out.extend([f"{m.lower_} {low}", f"{m.lower_} {lemma}"])
            if m.dep_ == "compound":  # "curfew hours", "aid convoy": the modifier names it
                out.extend([m.lower_, _lemma(m)])
        # "94% of military equipment", "dozens of weapons", "500 million euros in food aid"
        for p in o.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "in"):
                for q in p.children:
                    if q.dep_ == "pobj":
                        out.extend([_lemma(q), q.lower_])
                        out.extend(
                            f"{m.lower_} {q.lower_}"
                            for m in q.children
                            if m.dep_ in ("compound", "amod")
                        )
    return out


def _rest_present(verb: Token, rest: tuple[str, ...]) -> tuple[Token, ...] | None:
    """The extra words of a multi-word verb among its dependents: a particle anywhere
    ("called the strike off"), a preposition right after the verb ("call on", not "called
    him on Monday"), or an object word ("hold talks")."""
    if not rest:
        return ()
    found: list[Token] = []
    for n, word in enumerate(rest):
        hit = None
        # "went on strike": a word may be the object of a preposition already matched.
        near = [g for f in found if f.dep_ == "prep" for g in f.children if g.dep_ == "pobj"]
        for k in [*verb.children, *near]:
            if k in found or (k.lower_ != word and _lemma(k) != word):
                continue
            if (
                k.dep_ in ("prt", "pobj")
                or k.dep_ in ("dobj", "acomp", "oprd", "xcomp", "advmod", "ccomp")
                or (k.dep_ in ("prep", "agent", "dative") and verb.i < k.i <= verb.i + 2)
                or (k.dep_ == "prep" and n + 1 < len(rest) and _after_object(verb, k))
            ):
                hit = k
                break
        if hit is None:
            nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
            if nxt is not None and nxt.lower_ == word and nxt not in found:
                hit = nxt
        if hit is None:
            return None
        found.append(hit)
    return tuple(found)


def _after_object(verb: Token, prep: Token) -> bool:
    """``prep`` comes after the verb with only the verb's object between them ("took three
    activists into custody", "placed the former minister under house arrest"): every word
    between is in the subtree of a direct object of the verb. Asked only of a phrase whose own
    words go on past the preposition ("into custody"), so "called him on Monday" is no "call
    on"."""
    if prep.i <= verb.i + 1:
        return False
    between = set(range(verb.i + 1, prep.i))
    for obj in verb.children:
        if obj.dep_ in ("dobj", "dative") and obj.i in between:
            between -= {t.i for t in obj.subtree}
    return not between


def _phrase_objects(extra: tuple[Token, ...]) -> list[str]:
    """The objects of a multi-word verb's own preposition: "set fire to a lorry" acts on the
    lorry, not on the fire."""
    return [
        w for k in extra if k.dep_ == "prep" for q in k.children if q.dep_ == "pobj"
        for w in (_lemma(q), q.lower_)
    ]
