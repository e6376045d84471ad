"""``geopol_lemmas``: spaCy's lemmatizer, asked once per distinct word, part of speech and morphology.

spaCy's ``Lemmatizer`` walks the Doc token by token in Python and, in ``rule`` mode, looks
each token up in its own cache (keyed by the token's text, part of speech and morphology),
so most of its time goes to making Token objects and setting ``lemma_`` one at a time. This
component reads every token's ``ORTH``, ``POS``, ``MORPH`` and ``LEMMA`` in one
``Doc.to_array``, asks the model's own lemmatizer only for a combination it has not seen
(the same rules, tables and exceptions), and writes every lemma back in one
``Doc.from_array``. Like spaCy's with ``overwrite = false`` (the models' setting), it leaves
a lemma already set (by the attribute ruler) alone.

It stands in only for a lemmatizer whose answer depends on nothing but those three values:
spaCy's ``Lemmatizer`` or ``EnglishLemmatizer`` in ``rule``, ``lookup`` or ``pos_lookup``
mode. Any other is kept as it is.
"""


import logging
from typing import Any, cast

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

logger = logging.getLogger(__name__)

MODES = ("rule", "lookup", "pos_lookup")
KINDS: tuple[type[Lemmatizer], ...] = (Lemmatizer, EnglishLemmatizer)


class CachedLemmas:
    """Lemmas from the model's lemmatizer, cached by (text, part of speech, morphology)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.lemmatizer: Lemmatizer | None = None
        self.overwrite = False
        self._cache: dict[tuple[int, int, int], int] = {}

    def use(self, lemmatizer: Lemmatizer) -> None:
        """Answer as ``lemmatizer`` does, through a copy whose word index is a set."""
        self.lemmatizer = _with_set_index(lemmatizer)
        self.overwrite = bool(lemmatizer.overwrite)
        self._cache = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return doc
        cache = self._cache
        orth, pos, morph, lemma = doc.to_array([ORTH, POS, MORPH, LEMMA]).T.tolist()
        keys = list(zip(orth, pos, morph, strict=True))
        # every token's cached lemma in one pass (None: not asked yet), then a lemma already
        # set kept, then the lemmatizer asked once per combination not seen
        out: list[int | None] = list(map(cache.get, keys))
        if not self.overwrite:
            out = [old or got for old, got in zip(lemma, out, strict=True)]
        for i in [i for i, got in enumerate(out) if got is None]:
            got = cache.get(keys[i])
            if got is None:
                got = self.vocab.strings.add(lemmatizer.lemmatize(doc[i])[0])
                cache[keys[i]] = got
            out[i] = got
        doc.from_array([LEMMA], cast(Any, numpy.array(out, dtype=numpy.uint64)))
        return doc


def _with_set_index(lem: Lemmatizer) -> Lemmatizer:
    """A lemmatizer like ``lem`` with its own tables, ``lemma_index`` turned from lists into sets.

    ``rule_lemmatize`` asks ``form in index`` of every form a suffix rule makes; with the
    models' lists (57,000 nouns) each question reads the whole list. A set answers alike.
    """
    if lem.mode != "rule" or "lemma_index" not in lem.lookups:
        return lem
    tables = Lookups()
    for name in lem.lookups.tables:
        old = lem.lookups.get_table(name)
        new = tables.add_table(name)
        for key, value in old.items():
            new[key] = frozenset(value) if name == "lemma_index" else value
    copy = type(lem)(lem.vocab, lem.model, lem.name, mode=lem.mode, overwrite=lem.overwrite)
    copy.initialize(lookups=tables)
    return copy


@Language.factory("geopol_lemmas")
def make_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """An empty component; ``geopol.nlp.load`` points it at the model's lemmatizer."""
    return CachedLemmas(nlp.vocab)


def take_over(nlp: Language) -> bool:
    """Put ``geopol_lemmas`` in place of the model's ``lemmatizer`` (kept, disabled).

    False when the model has no lemmatizer or one whose answer may depend on more.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lem = nlp.get_pipe("lemmatizer")
    if not isinstance(lem, Lemmatizer) or type(lem) not in KINDS or lem.mode not in MODES:
        logger.info("lemmatizer kept: %s in mode %s", type(lem).__name__, getattr(lem, "mode", "?"))
        return False
    fast = nlp.add_pipe("geopol_lemmas", after="lemmatizer")
    assert isinstance(fast, CachedLemmas)
    fast.use(lem)
    nlp.disable_pipe("lemmatizer")
    return True


__all__ = ["CachedLemmas", "take_over"]
