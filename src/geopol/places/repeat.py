"""One sense per article for recognition: a place name found once is a place where the
same article writes it again and NER missed it or called it a person ("Edmonton received a
B ranking" after "Edmonton, Alberta"), unless it is part of a longer name there
("Edmonton Oilers"). A town's public service ("London Police", "Brant OPP") is no longer
name: the town is still named. The dateline's places seed the names too ("LONDON, Ky."
then "London Police have arrested")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span

from geopol.places.gazetteer import ALIAS, PRIMARY, Gazetteer
from geopol.places.notplaces import word_list
from geopol.places.recognise import Mention

#: Least population of a town whose name is taken again: small places share their names
#: with people ("Brunson", "Bingham").
REPEAT_POP = 10_000

#: Sources whose names are surely places of the article: NER's place labels and the
#: gazetteer's multi-word names of countries, divisions and curated places.
_SURE = ("ner:GPE", "ner:LOC", "gazetteer", "dateline")


#: "County of Brant": the division's word before "of"; the name after it is written alone too.
_OF_WORDS = frozenset({"county", "city", "province", "state", "district", "town",
                       "municipality", "region", "borough"})


def _seed_names(m: Mention) -> list[str]:
    """The name as running text writes it: a dateline's capitals ("LONDON") in title case,
    and "County of Brant" also as "Brant"."""
    if m.source == "dateline" and m.text.isupper():
        return [m.text.title()]
    word, of, rest = m.text.partition(" of ")
    if of and word.casefold() in _OF_WORDS and rest[:1].isupper():
        return [m.text, rest]
    return [m.text]


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a sentence, or a quotation that does (\"Overall Edmonton ...)."""
    tok = doc[i]
    if tok.is_sent_start:
        return True
    if i == 0:
        return False
    before = doc[i - 1]
    return (before.is_quote or before.is_left_punct) and (before.is_sent_start or i == 1)


def _well_known(gaz: Gazetteer, name: str) -> bool:
    return any(
        c.kind in (PRIMARY, ALIAS) and (c.pop >= REPEAT_POP or c.fclass != "P")
        for c in gaz.lookup(name)
    )


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what \w matches in a regular expression


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """The spans ``re.finditer(r"(?<![\\w.-])" + re.escape(name) + r"(?![\\w-])", text)``
    gives, found with ``str.find`` (no pattern compiled per name)."""
    out: list[tuple[int, int]] = []
    n, end = len(name), len(text)
    at = text.find(name)
    while at >= 0:
        b = at + n
        if (at == 0 or not (_word_char(text[at - 1]) or text[at - 1] in ".-")) and (
            b == end or not (_word_char(text[b]) or text[b] == "-")
        ):
            out.append((at, b))
            at = text.find(name, b) if n else -1
        else:
            at = text.find(name, at + 1)
    return out


#: A spaced dash right before the name: NER joined two names across it ("won by Mr Smith -
#: Ohio and Iowa" tagged as one person), so the entity is no longer name of the place.
_DASH_JOIN = re.compile(r"\s[-–—]{1,2}\s+$")


def _longer(doc: Doc, span: Span, s: int, e: int) -> bool:
    """Whether the entity at chars ``s``..``e`` around ``span`` is a longer name: it
    starts before the name ("Hotel Rwanda", a film; not across a spaced dash) or goes on
    past it with more than a town's services ("Edmonton Oilers", not "Winnipeg Police")."""
    if s < span.start_char and not _DASH_JOIN.search(span.doc.text, s, span.start_char):
        return True
    services = word_list("local_services")
    k = span.end
    while k < len(doc) and doc[k].idx < e:
        if doc[k].lower_ not in services:
            return True
        k += 1
    return False


def repeated(
    doc: Doc,
    gaz: Gazetteer,
    found: Sequence[Mention],
    ents: Sequence[Span] | None = None,
    text: str | None = None,
) -> list[Mention]:
    """Mentions for the further occurrences of names in ``found`` that nothing covers
    (``ents``, ``text``: the doc's entities and text when the caller has read them already:
    spaCy builds both anew on every access)."""
    names = sorted({
        name for m in found
        if m.source in _SURE and not m.demonym and not m.weak
        and (m.inside is None or m.source == "dateline")
        and m.text[:1].isupper()
        for name in _seed_names(m)
        if len(name) > 3 and not name.isupper() and _well_known(gaz, name)
    })
    if not names:
        return []
    covered = sorted((m.start, m.end) for m in found)
    ents_at = [(e.start_char, e.end_char) for e in (doc.ents if ents is None else ents)]
    text = doc.text if text is None else text
    out: list[Mention] = []
    for name in names:
        for a, b in _occurrences(text, name):
            if any(s < b and a < e for s, e in covered):
                continue
            span = doc.char_span(a, b)
            if span is None:
                continue
            # a longer name it is part of: an entity reaching past it, or a capitalised word
            # right before or after ("Edmonton Oilers", "West Edmonton"); not a word that
            # opens the sentence nor a public service after it ("Edmonton Police")
            nxt = doc[span.end] if span.end < len(doc) else None
            prev = doc[span.start - 1] if span.start > 0 else None
            if nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha and (
                nxt.lower_ not in word_list("local_services")
            ):
                continue
            if prev is not None and prev.is_alpha and (prev.is_title or prev.is_upper) and not (
                _opens_sentence(doc, prev.i)
            ):
                continue
            if any(
                s <= a and b <= e and (s, e) != (a, b) and _longer(doc, span, s, e)
                for s, e in ents_at
            ):
                continue
            out.append(Mention(a, b, name, "repeat", "", lookup=name))
            covered.append((a, b))
    return out
