"""A person's name written in the wrong case, recognised after a title.

The finder asks a name to be capitalised ("Obama", not "obama": a lower-case word is most
often a common word), and a surname alone or a name of common words to be tagged PERSON.
Text typed carelessly ("President obama said") or a wire headline in capitals
("PRESIDENT OBAMA SAYS ...") breaks both. A title or role word from the dictionaries'
agents ("President", "foreign minister", "King") right before the name is strong evidence
for a person; with it the name is still read when

- every word of it is in lower case, or
- every word of it is in capitals and its whole sentence is in capitals (a headline),

and none of its words is a common English word: not a stop word and not a word (or the
lemma of a word) of the model's lemmatizer vocabulary, spaCy's English word index
(``lemma_index``). So "President obama" is Barack Obama, but "the president may visit"
names no Theresa May and "the president said he would carry on" no one at all. Without a
title nothing changes.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Collection
from pathlib import Path

from spacy.tokens import Span, Token

logger = logging.getLogger(__name__)

_LOWER = re.compile(r"[a-z]")


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words of the default model's lemmatizer tables (empty when it has none:
    then no wrong-case name is recovered)."""
    import spacy.util
    from spacy.lookups import Lookups

    from geopol.nlp import model_name

    name = model_name()
    try:
        root = Path(name) if Path(name).exists() else Path(spacy.util.get_package_path(name))
    except (ImportError, OSError, ValueError):
        logger.info("no lemmatizer vocabulary for %s: wrong-case names are not recovered", name)
        return frozenset()
    words: set[str] = set()
    for path in root.rglob("lemmatizer/lookups"):
        lookups = Lookups().from_disk(path)
        if "lemma_index" in lookups:
            for forms in lookups.get_table("lemma_index").values():
                words.update(str(w).lower() for w in forms)
        if "lemma_exc" in lookups:
            for exc in lookups.get_table("lemma_exc").values():
                words.update(str(w).lower() for w in exc)
    return frozenset(words)


def _common(tok: Token, vocabulary: Collection[str]) -> bool:
    return (
        tok.is_stop
        or not tok.is_alpha
        or tok.lower_ in vocabulary
        or tok.lemma_.lower() in vocabulary
    )


def _shouted(span: Span) -> bool:
    """The span's sentence is written in capitals (a headline or a wire's slug line)."""
    letters = "".join(t.text for t in span.sent if t.is_alpha)
    return len(letters) > 8 and not _LOWER.search(letters)


def wrong_case(span: Span) -> bool:
    """All of the span's letters in lower case, or all in capitals in a sentence of capitals."""
    letters = "".join(t.text for t in span if t.is_alpha)
    if not letters:
        return False
    if letters.islower():
        return True
    return letters.isupper() and _shouted(span)


def titled_name(span: Span, title_ends: Collection[int]) -> bool:
    """Whether ``span``, a person's name in the wrong case, stands right after a title
    (``title_ends``: the token index just past each title word the dictionaries matched)
    and is made of no common word."""
    if span.start not in title_ends or not wrong_case(span):
        return False
    vocabulary = common_words()
    if not vocabulary:
        return False
    return not any(_common(t, vocabulary) for t in span)


__all__ = ["common_words", "titled_name", "wrong_case"]
