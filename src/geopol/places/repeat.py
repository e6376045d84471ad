"""One sense per article for recognition: a place name found once is a place where the
same article writes it again and NER missed it or called it a person ("Edmonton received a
B ranking" after "Edmonton, Alberta"), unless it is part of a longer name there
("Edmonton Oilers")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from geopol.places.gazetteer import ALIAS, PRIMARY, Gazetteer
from geopol.places.recognise import Mention

#: Least population of a town whose name is taken again: small places share their names
#: with people ("Brunson", "Bingham").
REPEAT_POP = 10_000

#: Sources whose names are surely places of the article: NER's place labels and the
#: gazetteer's multi-word names of countries, divisions and curated places.
_SURE = ("ner:GPE", "ner:LOC", "gazetteer")


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
        m.text for m in found
        if m.source in _SURE and not m.demonym and not m.weak and m.inside is None
        and m.text[:1].isupper() and len(m.text) > 3 and not m.text.isupper()
        and _well_known(gaz, m.text)
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
            # a longer name it is part of: an entity reaching past it, or a capitalised word
            # right before or after ("Edmonton Oilers", "West Edmonton")
            if any(s <= a and b <= e and (s, e) != (a, b) for s, e in ents_at):
                continue
            span = doc.char_span(a, b)
            if span is None:
                continue
            nxt = doc[span.end] if span.end < len(doc) else None
            prev = doc[span.start - 1] if span.start > 0 else None
            if nxt is not None and (nxt.is_title or nxt.is_upper) and nxt.is_alpha:
                continue
            if prev is not None and prev.is_alpha and (prev.is_title or prev.is_upper) and not (
                prev.is_sent_start
            ):
                continue
            out.append(Mention(a, b, name, "repeat", "", lookup=name))
            covered.append((a, b))
    return out
