"""Re-parse a clause after a leading frame of time and place (issue 15; docs/stages/events.md).

News and conflict reports often open a sentence with where and when before the clause: a
sentence that opens "on Monday, in Goma, North Kivu," or "on 3 March, on the outskirts of
Gao,". The parser reads such a long opening badly: it hangs the doers on the place as an
apposition (the traders after "in Goma, North Kivu,"), or leaves the verb with no subject.
The same clause parsed alone is read right.

``reframe(doc, parse)`` finds such openings (comma-separated segments: a preposition phrase
or a date first, then more preposition phrases, dates or runs of capitalised place names,
each followed by a comma) whose main verb the parse left with no subject, and gives the rest
of the sentence the parse it gets alone: its heads, dependency labels, tags, parts of speech,
lemmas and morphology. The opening keeps its own parse and hangs on the clause's root. The
text, the tokens and the named entities stay as they were, so every character offset
(evidence spans, places, actors) is unchanged. A clause whose lone parse does not come out as
one sentence headed by a verb with a subject is left as it was. ``frame_end`` also tells
the doer finders where the opening ends: a name inside it is where, not who.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

logger = logging.getLogger(__name__)

#: The text hashes of the brackets and the comma ``_segments`` looks for.
_HASH = StringStore().add  # a string's hash is the same in every store
_OPEN = frozenset({_HASH("("), _HASH("[")})
_CLOSE = frozenset({_HASH(")"), _HASH("]")})
_MARKS = _OPEN | _CLOSE | {_HASH(",")}

#: What the clause's own parse replaces.
_ATTRS = [HEAD, DEP, TAG, POS, LEMMA, MORPH]

#: Prepositions that open a frame of place ("in Goma, North Kivu,").
_LOCATIVE = frozenset({"in", "at", "near", "outside", "around", "on", "along", "inside", "across"})

#: Common nouns that may stand inside a run of place names ("the Kalehe territory, North Kivu").
_PLACE_WORDS = frozenset(
    {
        "district", "province", "state", "region", "county", "municipality", "village",
        "town", "city", "governorate", "area", "department", "territory", "commune",
        "prefecture", "subdivision", "zone", "sector", "township", "division", "of", "the",
        "and", "de", "del", "la", "el", "al",
    }
)  # fmt: skip


def _segments(sent: Span) -> list[tuple[int, int]]:
    """The sentence cut at its commas outside parentheses: (start, end) token indices, each
    segment's end being its comma's index (the last segment ends at the sentence's end)."""
    out: list[tuple[int, int]] = []
    depth = 0
    start = sent.start
    # The tokens' text hashes, read as one array: no Token is made for each token.
    orths: list[int] = sent.doc.to_array(ORTH)[sent.start : sent.end].tolist()
    for i, h in enumerate(orths, sent.start):
        if h not in _MARKS:
            continue
        if h in _OPEN:
            depth += 1
        elif h in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:  # a comma
            out.append((start, i))
            start = i + 1
    out.append((start, sent.end))
    return out


def _words(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc[start:end] if not t.is_punct]


def _dated(words: list[Token]) -> bool:
    """A date alone: "2 May 2020", "Monday", "around 4 June" (all in a DATE or TIME entity)."""
    inner = [t for t in words if t.lower_ not in ("around", "about", "on", "overnight")]
    return bool(inner) and all(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in inner)


def _opening(words: list[Token]) -> str | None:
    """What a segment is as part of a frame: "prep" (a preposition phrase: "on 3 May", "in
    Goma", "on the outskirts of Gao"), "date", "reported" ("as reported on 2 May"), or None."""
    if not words:
        return None
    first = words[0]
    if _dated(words):
        return "date"
    if first.lower_ == "as" and len(words) > 2 and words[1].tag_ == "VBN":
        return "reported" if any(t.ent_type_ == "DATE" for t in words) else None
    if first.pos_ == "ADP" and first.dep_ == "prep" and len(words) > 1:
        # no finite verb inside: "in Goma, traders blocked" is a clause, not a frame
        if any(t.tag_ in ("VBD", "VBZ", "VBP") for t in words[1:]):
            return None
        return "locative" if first.lower_ in _LOCATIVE else "prep"
    return None


def _place_run(words: list[Token]) -> bool:
    """A run of place names after a place: "North Kivu", "the Sud-Kivu (Kalehe territory)"."""
    return (
        bool(words)
        and any(t.pos_ == "PROPN" for t in words)
        and all(
            t.is_title or t.is_upper or t.pos_ == "PROPN" or t.lower_ in _PLACE_WORDS or t.like_num
            for t in words
        )
    )


def frame_end(sent: Span) -> int | None:
    """The index of the first token after a leading frame of time and place, or None."""
    doc = sent.doc
    segs = _segments(sent)
    if len(segs) < 2:
        return None
    end: int | None = None
    last: str | None = None
    for start, stop in segs[:-1]:
        words = _words(doc, start, stop)
        kind = _opening(words)
        if kind is None and last == "locative" and _place_run(words):
            kind = "locative"
        if kind is None:
            break
        last = kind
        end = stop + 1
    if end is None or end >= sent.end - 2:
        return None
    return end


def _subject(root: Token) -> bool:
    """Whether ``root`` is a verb with a subject."""
    return root.pos_ in ("VERB", "AUX") and any(
        ch.dep_ in ("nsubj", "nsubjpass") for ch in root.children
    )


def _verb_root(clause: Doc) -> Token | None:
    """The lone parse's root, when it is one sentence headed by a verb with a subject."""
    sents = list(clause.sents)
    if len(sents) != 1:
        return None
    root = sents[0].root
    return root if _subject(root) else None


Parser = Callable[[str], Doc]


def reframe_sentence(doc: Doc, sent: Span, parse: Parser, arr: Any) -> bool:
    """Write the lone parse of ``sent``'s clause after a frame into ``arr`` (the doc's
    ``_ATTRS`` array); whether it did."""
    cut = frame_end(sent)
    if cut is None or _subject(sent.root):
        return False  # no frame, or the whole parse already found who did what
    end = sent.end
    while end > cut and doc[end - 1].is_space:
        end -= 1
    text = doc.text[doc[cut].idx : doc[end - 1].idx + len(doc[end - 1])]
    clause = parse(text)
    if len(clause) != end - cut or any(
        a.text != b.text for a, b in zip(clause, doc[cut:end], strict=True)
    ):
        return False  # tokenised otherwise: leave it
    root = _verb_root(clause)
    if root is None:
        return False
    new = clause.to_array(_ATTRS)
    arr[cut:end] = new
    top = cut + root.i
    for tok in doc[sent.start : cut]:
        if tok.head.i >= cut or tok.head.i == tok.i:  # the frame's tops hang on the clause
            arr[tok.i, 0] = _offset(top - tok.i)
            if tok.is_punct:
                dep = "punct"
            elif tok.pos_ == "ADP":
                dep = "prep"
            else:
                dep = "npadvmod"
            arr[tok.i, 1] = doc.vocab.strings.add(dep)
    for tok in doc[end : sent.end]:  # trailing spaces
        arr[tok.i, 0] = _offset(top - tok.i)
    return True


def _offset(offset: int) -> numpy.uint64:
    """A head offset as spaCy's arrays store it (uint64, negatives in two's complement)."""
    return numpy.int64(offset).view(numpy.uint64)


def reframe(doc: Doc, parse: Parser) -> Doc:
    """``doc`` with each framed sentence's clause given its lone parse (in place)."""
    if not doc.has_annotation("DEP"):
        return doc
    sents = list(doc.sents)
    arr: Any = doc.to_array(_ATTRS)
    changed = 0
    for sent in sents:
        try:
            changed += reframe_sentence(doc, sent, parse, arr)
        except (ValueError, IndexError) as exc:  # one odd sentence never stops the rest
            logger.debug("reframe skipped a sentence: %s", exc)
    if not changed:
        return doc
    starts = [s.start for s in sents]
    before: Any = doc.to_array(_ATTRS)
    try:
        doc.from_array(_ATTRS, arr)
    except ValueError as exc:
        logger.debug("reframe left a doc as parsed: %s", exc)
        doc.from_array(_ATTRS, before)
        return doc
    if [s.start for s in doc.sents] != starts:
        doc.from_array(_ATTRS, before)  # the sentences must stay as they were
    return doc


#: Components the clause's lone parse runs (those that set what ``_ATTRS`` holds).
_PARSE = (
    "tok2vec",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "geopol_attributes",
    "geopol_lemmas",
)


def clause_parser(nlp: Language) -> Parser:
    """A parse of a short text by ``nlp``'s tagger, parser and lemmas only (no NER)."""

    def parse(text: str) -> Doc:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name in _PARSE:
                doc = proc(doc)
        return doc

    return parse


def make_reframe(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline component: ``reframe`` with ``nlp``'s own parser."""
    parse = clause_parser(nlp)

    def component(doc: Doc) -> Doc:
        return reframe(doc, parse)

    return component


# spaCy reads a factory's argument types from its signature: real types, not the strings
# ``from __future__ import annotations`` leaves
make_reframe.__annotations__ = {"nlp": Language, "name": str}
Language.factory("geopol_reframe", func=make_reframe)
