"""Towns NER missed, written right after a locative preposition: "held a protest in Ravar",
"clashes near Tapoa", and after an opening parenthesis, where reports write the divisions
holding a place ("Al Hishah (Misrata)"; there a well-known town's other spellings count too). Only a name the gazetteer knows as a populated place or division
under that very name (not a translation or old name), written in title case, outside any
other entity but a person's name (NER often takes an unknown town for a person).
"""

from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc, Span, Token

from geopol.docarrays import doc_arrays
from geopol.places.gazetteer import ALIAS, ALTERNATE, ARABIC_ARTICLES, PRIMARY, Gazetteer

#: Prepositions after which a bare proper name is a place.
AT_WORDS = frozenset({"in", "at", "near", "outside", "through", "into", "around", "inside"})
#: Nouns whose "of" names a place: "the countryside of Tell Abiad", "the outskirts of
#: Tarhuna".
PLACE_NOUNS = frozenset({"countryside", "outskirts", "village", "town", "city", "vicinity",
                         "suburbs", "area", "district", "province"})
#: Least population of a town found in parentheses by another spelling ("(Misrata)").
PAREN_POP = 50_000
#: Longest name tried, in tokens.
LONGEST = 4
_GENERIC = frozenset({"city", "town", "village", "district", "province", "state", "county"})


def _name_token(tok: Token) -> bool:
    return tok.is_alpha and tok.is_title and len(tok) > 1 and tok.pos_ == "PROPN"


#: Entity labels that are never a place ("in March", "at Christmas", "in 2020").
_NOT_PLACE = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL",
                        "EVENT", "LAW", "LANGUAGE"})


#: Labels NER gives unknown towns: "in Ravar" tagged PRODUCT.
_MISTAKEN = frozenset({"PERSON", "PRODUCT", "WORK_OF_ART"})


def entity_label(doc: Doc, a: int, b: int) -> str:
    """The label of the named entity spanning exactly tokens ``a`` to ``b``, or "" (read off
    the tokens' IOB tags: ``doc.ents`` builds every entity span anew on each call)."""
    if a >= b or doc[a].ent_iob_ != "B":
        return ""
    if any(doc[k].ent_iob_ != "I" for k in range(a + 1, b)):
        return ""
    if b < len(doc) and doc[b].ent_iob_ == "I":
        return ""
    return doc[a].ent_type_


def _free(doc: Doc, a: int, b: int, taken: list[bool], blocked: list[bool]) -> bool:
    if any(taken[k] or doc[k].ent_type_ in _NOT_PLACE for k in range(a, b)):
        return False
    if b < len(doc) and doc[b].text == "(":
        # its division follows in parentheses, whatever NER made of the name ("a protest
        # in Amritsar (Punjab)" tagged ORG, "in Encarnacion (Itapua" a work of art)
        return True
    if entity_label(doc, a, b) in _MISTAKEN:
        return True  # an unknown town NER took for a person or a product
    if b - a > 1 and doc[a].ent_type_ == "NORP" and not doc[b - 1].ent_type_ and not any(
        doc[k].ent_type_ not in ("", "NORP") for k in range(a, b)
    ):
        return True  # "in Kafr Qaddum" with "Kafr" taken for a nationality
    return not any(blocked[k] or doc[k].ent_type_ for k in range(a, b))


def after_preposition(
    doc: Doc, gaz: Gazetteer, taken: list[bool], blocked: list[bool]
) -> list[tuple[int, int, bool]]:
    """Token ranges of town names right after a locative preposition (see module doc), and
    whether the name is surely a place: after an opening parenthesis, "near" or "outside",
    or before its division in parentheses ("shares in Jarvis" names a company); marks them
    taken. The whole run of capitalised words must be the name: "investors in
    Man Utd" names no town Man."""
    out: list[tuple[int, int, bool]] = []
    lower = doc_arrays(doc).lower
    # only the words after "(", "of" or a preposition of ``AT_WORDS`` are tried below
    before = AT_WORDS | {"(", "of"}
    n = len(doc)
    for i in [k + 1 for k, w in enumerate(lower) if w in before and k + 1 < n]:
        paren = lower[i - 1] == "("
        of = lower[i - 1] == "of" and i > 1 and lower[i - 2] in PLACE_NOUNS
        if not (paren or of or lower[i - 1] in AT_WORDS) or taken[i] or not _name_token(doc[i]):
            continue
        prep = doc[i - 1]
        end = i
        while end < len(doc) and _name_token(doc[end]):
            end += 1
        if end - i > LONGEST or not _free(doc, i, end, taken, blocked):
            continue
        text = doc[i:end].text
        if text.casefold() in _GENERIC:
            continue
        if any(
            c.fclass in ("P", "A")
            and (c.kind == PRIMARY or (c.kind == ALIAS and c.name == text)
                 or (paren and c.kind == ALTERNATE and c.pop >= PAREN_POP))
            for c in gaz.lookup(text)
        ):
            sure = paren or prep.lower_ in ("near", "outside") or (
                end < len(doc) and doc[end].text == "("
            )
            out.append((i, end, sure))
            for k in range(i, end):
                taken[k] = True
    return out


def comma_parts(span: Span, gaz: Gazetteer) -> list[Span]:
    """A place entity that is a name and its division or country ("Nis, Serbia") and that
    the gazetteer does not know as a whole: its parts (linked inside each other later)."""
    commas = [t.i for t in span if t.text == ","]
    if not commas or gaz.lookup(span.text):
        return []
    out: list[Span] = []
    start = span.start
    for end in [*commas, span.end]:
        part = span.doc[start:end]
        if not len(part) or not part[0].text[:1].isupper():
            return []
        out.append(part)
        start = end + 1
    return out


#: Small words inside place names: "San Miguel de Tucuman", "Foz do Iguacu".
_JOINERS = frozenset({"de", "del", "la", "las", "los", "do", "da", "dos", "das", "di", "el", "al"})
#: Longest name tried beyond a shorter known one, in tokens.
LONGER = 5


def longer_name(doc: Doc, gaz: Gazetteer, i: int, n: int, taken: list[bool]) -> int:
    """The length of the longest town or division name starting at token ``i`` that goes on
    past a known name of ``n`` tokens ("San Miguel" of "San Miguel de Tucuman", "Santa Cruz"
    of "Santa Cruz de la Sierra"), else ``n``."""
    end = i + n
    while end < len(doc) and end - i < LONGER and not taken[end] and (
        _name_token(doc[end]) or doc[end].lower_ in _JOINERS
    ):
        end += 1
    for stop in range(end, i + n, -1):
        if not _name_token(doc[stop - 1]):
            continue
        if any(
            c.fclass in ("P", "A") and c.kind in (PRIMARY, ALIAS)
            for c in gaz.lookup(doc[i:stop].text)
        ):
            return stop - i
    return n


def goes_on(doc: Doc, i: int, feature_words: Container[str]) -> bool:
    """The name at token ``i`` goes on with another proper name outside any entity ("Bar
    Elias"): a longer unknown name, not the known one-word place ("Baramulla District" may
    go on with a feature word)."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and _name_token(nxt) and (
        nxt.lower_ not in feature_words and not nxt.ent_type_
    )


#: Small words inside hyphenated names: "Nawa-e Barakzayi", "Qala-i Naw", "Tell-al Abyad".
_HYPHEN_JOINERS = frozenset({"e", "i", "ye", "al", "el", "ad", "as", "ar", "an", "ash", "ul"})


def hyphen_compound(doc: Doc, gaz: Gazetteer, span: Span) -> int:
    """The token end of the longer name a town or district goes on to across a hyphen
    ("Nawa" of "Nawa-e Barakzayi", "Gourma" of "Gourma-Rharous"), else ``span.end``.
    Two places joined ("Middlesex-London", "Russia-Ukraine") and a lower-case word
    ("Kabul-based") are no longer name; nor is a country or first-level division joined
    to a word ("Pakistan-Taliban")."""
    end = span.end
    if end + 1 >= len(doc) or doc[end].text != "-" or doc[end].whitespace_:
        return end
    if any(c.precision in ("country", "admin1", "region") for c in gaz.lookup(span.text)):
        return end
    k = end + 1
    if doc[k].lower_ in _HYPHEN_JOINERS and k + 1 < len(doc):
        k += 1  # "Nawa-e Barakzayi"
    if not (doc[k].is_alpha and doc[k].is_title and len(doc[k]) > 1):
        return end
    if any(c.kind in (PRIMARY, ALIAS) for c in gaz.lookup(doc[k].text)):
        return end  # two places: "Middlesex-London"
    return k + 1


def hyphened_article(doc: Doc, i: int, taken: list[bool], blocked: list[bool]) -> bool:
    """The name at token ``i`` is written with an Arabic article and a hyphen before it
    ("Ar-Raqqa" found as "Raqqa"): the article belongs to the name."""
    return (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ARABIC_ARTICLES
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_
        and not any(taken[k] or blocked[k] for k in (i - 2, i - 1))
    )


def arabic_head(doc: Doc, i: int, taken: list[bool], blocked: list[bool]) -> bool:
    """The name at token ``i`` starts with an Arabic article after a proper name outside
    any entity, or inside the same place entity: "Ras" of "Ras Al Ain", where "Al Ain"
    alone is a town far away."""
    if i < 1 or doc[i].lower_ not in ARABIC_ARTICLES:
        return False
    head = doc[i - 1]
    same = doc[i].ent_iob_ == "I" and head.ent_type_ in ("GPE", "LOC", "FAC")
    return (
        _name_token(head) and not head.is_sent_start and (same or not head.ent_type_)
        and not taken[i - 1] and not blocked[i - 1]
    )
