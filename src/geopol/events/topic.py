"""Sport and entertainment sentences, which the coder skips (``data/events/offtopic.yaml``)."""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from geopol.yamlio import load_yaml


@functools.lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    f = resources.files("geopol") / "data" / "events" / "offtopic.yaml"
    data: dict[str, Any] = load_yaml(f.read_text(encoding="utf-8"))
    data["words"] = frozenset(str(w).lower() for w in data["words"])
    return data


def off_topic_sentences(doc: Doc) -> set[int]:
    """Indexes of sentences to skip."""
    cfg = _config()
    words: frozenset[str] = cfg["words"]
    counts = [sum(1 for t in s if t.lower_ in words) for s in doc.sents]
    total_words = sum(1 for t in doc if t.is_alpha) or 1
    dense = sum(counts) / total_words >= float(cfg["article_density"])
    limit = 1 if dense else int(cfg["sentence_threshold"])
    return {i for i, c in enumerate(counts) if c >= limit}
