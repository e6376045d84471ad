"""Faster stand-ins for spaCy components, giving the same token attributes (docs/stages/spacy-pipes.md)."""

from __future__ import annotations

from spacy.language import Language

from geopol.pipes import attributes, lemmas


def speed_up(nlp: Language) -> list[str]:
    """Replace the model's attribute ruler and lemmatizer where the stand-ins apply.

    The replaced components stay in the pipeline, disabled. Returns the names replaced.
    """
    done = []
    if attributes.take_over(nlp):
        done.append("attribute_ruler")
    if lemmas.take_over(nlp):
        done.append("lemmatizer")
    return done


__all__ = ["speed_up"]
