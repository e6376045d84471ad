"""Alignment that an article states outright: "A, B and C aligning, while D, E and F ...".

Stored as its own record (``StatedAlignment``) with factuality, so analysts can tell
what reporters claim about blocs from what the coded events imply.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from geopol.docarrays import doc_arrays
from geopol.events.dyads import ActorIndex
from geopol.events.factuality import assess
from geopol.records import Actor, Factuality, StatedAlignment
from geopol.records import Span as TextSpan
from geopol.yamlio import load_yaml


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    f = resources.files("geopol") / "data" / "events" / "alignment.yaml"
    data: dict[str, Any] = load_yaml(f.read_text(encoding="utf-8"))
    return data


def _groups(sent: Span, idx: ActorIndex) -> list[tuple[int, list[Actor]]]:
    """Coordinated lists of two or more distinct countries in a sentence, by position."""
    out: list[tuple[int, list[Actor]]] = []
    covered: set[int] = set()
    for tok in sent:
        if tok.i in covered or not idx.at(tok):
            continue
        group = [a for a in idx.group(tok) if a.country]
        for a in group:
            s, e = idx.spans[id(a)]
            covered.update(range(s, e))
        if len({a.country for a in group}) >= 2:
            out.append((tok.i, group))
    return out


@functools.cache
def _cue_words() -> tuple[frozenset[str], frozenset[str]]:
    w = _words()
    return frozenset(w["verbs"]), frozenset(w["nouns"])


def _cue(sent: Span) -> Token | None:
    verbs, nouns = _cue_words()
    arrays = doc_arrays(sent.doc)
    for i in range(sent.start, sent.end):
        pos, lemma = arrays.pos[i], arrays.lemma[i].lower()
        if (pos == "VERB" and lemma in verbs) or (pos == "NOUN" and lemma in nouns):
            return sent.doc[i]
    return None


def stated_alignments(doc: Doc, idx: ActorIndex, article_id: str) -> list[StatedAlignment]:
    marks = set(_words()["contrast_marks"])
    out: list[StatedAlignment] = []
    for si, sent in enumerate(doc.sents):
        cue = _cue(sent)
        if cue is None:
            continue
        groups = _groups(sent, idx)
        if not groups:
            continue
        contrast = next((t.i for t in sent if t.lower_ in marks), None)
        members_pos, members = min(groups, key=lambda g: abs(g[0] - cue.i))
        against: list[Actor] = []
        if contrast is not None:
            others = [g for p, g in groups if (p > contrast) != (members_pos > contrast)]
            against = others[0] if others else []
        factuality, _ = assess(cue, noun=cue.pos_ == "NOUN")
        if any(t.lower_ in ("seemingly", "apparently", "reportedly") for t in sent):
            factuality = Factuality.SPECULATED if factuality is Factuality.ASSERTED else factuality
        evidence = TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text)
        out.append(
            StatedAlignment(
                members=members,
                against=against,
                factuality=factuality,
                evidence=evidence,
                article_id=article_id,
                sentence_index=si,
            )
        )
        if against:
            out.append(
                StatedAlignment(
                    members=against,
                    against=members,
                    factuality=factuality,
                    evidence=evidence,
                    article_id=article_id,
                    sentence_index=si,
                )
            )
    return out
