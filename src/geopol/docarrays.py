"""Per-Doc arrays that the coder's stages share: ``doc_arrays(doc)``.

Reading ``token.pos_`` or ``span.text`` makes a spaCy ``Token`` object for every word each
time a pass walks a sentence, and a string lookup for every attribute; the coder's passes walk
every sentence many times (about 16,000 Token objects per article). ``doc_arrays(doc)`` reads
each attribute once per Doc with ``Doc.to_array`` into plain Python lists (strings, ints),
built on first use, so a pass can test ``arrays.pos[i]`` and make a Token only for the words
it keeps. The values are spaCy's own: ``arrays.pos[i] == doc[i].pos_``, ``arrays.head[i] ==
doc[i].head.i``, ``arrays.text[s.start_char : s.end_char] == s.text`` for a span ``s``, and so
on (tests/test_docarrays.py checks each on parsed articles).

The arrays of the last Doc asked for are kept (one per thread): the stages of one article
ask for the same Doc again and again, and the next article replaces it. A Doc is never
changed after parsing in geopol; code that does change one (retokenizes, sets entities) must
not read arrays built before the change.
"""

from __future__ import annotations

import functools
import threading

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_IOB,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
    TAG,
)
from spacy.tokens import Doc


class DocArrays:
    """One Doc's token attributes as lists indexed by token number (see the module doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.n = len(doc)

    def _strings(self, attr: int) -> list[str]:
        hashes = self._ints(attr)
        strings = self.doc.vocab.strings
        names = {h: strings[h] for h in set(hashes)}
        return [names[h] for h in hashes]

    def _ints(self, attr: int) -> list[int]:
        out: list[int] = self.doc.to_array(attr).tolist()
        return out

    def _flags(self, attr: int) -> list[bool]:
        return [bool(x) for x in self._ints(attr)]

    @functools.cached_property
    def text(self) -> str:
        """``doc.text``."""
        return str(self.doc.text)

    @functools.cached_property
    def pos(self) -> list[str]:
        """``token.pos_`` of each token."""
        return self._strings(POS)

    @functools.cached_property
    def tag(self) -> list[str]:
        """``token.tag_``."""
        return self._strings(TAG)

    @functools.cached_property
    def dep(self) -> list[str]:
        """``token.dep_``."""
        return self._strings(DEP)

    @functools.cached_property
    def lemma(self) -> list[str]:
        """``token.lemma_``."""
        return self._strings(LEMMA)

    @functools.cached_property
    def lemma_lower(self) -> list[str]:
        """``token.lemma_.lower()``: each distinct lemma lowered once per Doc."""
        hashes = self._ints(LEMMA)
        strings = self.doc.vocab.strings
        names = {h: strings[h].lower() for h in set(hashes)}
        return [names[h] for h in hashes]

    @functools.cached_property
    def lower(self) -> list[str]:
        """``token.lower_``."""
        return self._strings(LOWER)

    @functools.cached_property
    def ent_type(self) -> list[str]:
        """``token.ent_type_`` ("" outside entities)."""
        return self._strings(ENT_TYPE)

    @functools.cached_property
    def ent_iob(self) -> list[int]:
        """``token.ent_iob``: 0 unset, 1 inside, 2 outside, 3 beginning."""
        return self._ints(ENT_IOB)

    @functools.cached_property
    def head(self) -> list[int]:
        """``token.head.i``."""
        rel = self.doc.to_array(HEAD).astype(np.int64)
        out: list[int] = (rel + np.arange(self.n, dtype=np.int64)).tolist()
        return out

    @functools.cached_property
    def idx(self) -> list[int]:
        """``token.idx``: the token's character offset."""
        return self._ints(IDX)

    @functools.cached_property
    def end(self) -> list[int]:
        """``token.idx + len(token)``: the character offset after the token's text."""
        return [i + n for i, n in zip(self.idx, self._ints(LENGTH), strict=True)]

    @functools.cached_property
    def is_punct(self) -> list[bool]:
        """``token.is_punct``."""
        return self._flags(IS_PUNCT)

    @functools.cached_property
    def is_space(self) -> list[bool]:
        """``token.is_space``."""
        return self._flags(IS_SPACE)

    @functools.cached_property
    def is_alpha(self) -> list[bool]:
        """``token.is_alpha``."""
        return self._flags(IS_ALPHA)

    @functools.cached_property
    def sent(self) -> list[int]:
        """The number of each token's sentence (the position of ``token.sent`` in
        ``doc.sents``)."""
        if not self.n:
            return []
        starts = self.doc.to_array(SENT_START).astype(np.int64) == 1
        starts[0] = False
        out: list[int] = np.cumsum(starts).tolist()
        return out


_LAST = threading.local()


def doc_arrays(doc: Doc) -> DocArrays:
    """The arrays of ``doc``, built once (kept for the last Doc asked for in this thread)."""
    last: DocArrays | None = getattr(_LAST, "arrays", None)
    if last is not None and last.doc is doc and last.n == len(doc):
        return last
    arrays = DocArrays(doc)
    _LAST.arrays = arrays
    return arrays
