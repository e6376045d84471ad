"""Cheap English detection: the share of common English function words among the words.

Why not a model: a stop-word ratio separates English news from other languages reliably on
anything longer than a sentence, costs microseconds, and ships no data. Short texts
(under ``MIN_WORDS`` words) are given the benefit of the doubt.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "was",
        "are",
        "be",
        "has",
        "have",
        "his",
        "its",
        "their",
        "this",
        "which",
        "said",
        "an",
        "or",
        "not",
        "were",
        "but",
        "he",
        "she",
        "they",
        "will",
        "would",
        "after",
        "over",
        "been",
        "had",
        "who",
        "more",
        "than",
        "about",
        "into",
        "also",
        "new",
        "more",
        "can",
        "could",
        "may",
        "our",
        "we",
        "you",
        "i",
    ]
)
MIN_WORDS = 12
THRESHOLD = 0.12


def english_score(text: str) -> float:
    """Share of words that are English function words (0..1)."""
    words = _WORD.findall(text[:20000].lower())
    if not words:
        return 0.0
    latin = sum(1 for w in words if w.isascii())
    if latin < len(words) * 0.5:
        return 0.0
    return sum(1 for w in words if w in _FUNCTION_WORDS) / len(words)


def detect(text: str) -> str:
    """``"en"`` for English (or too short to tell), ``"und"`` otherwise."""
    words = _WORD.findall(text[:20000])
    if len(words) < MIN_WORDS:
        return "en" if words and all(w.isascii() for w in words) else "und"
    return "en" if english_score(text) >= THRESHOLD else "und"
