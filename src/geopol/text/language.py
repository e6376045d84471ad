"""English detection with py3langid, a maintained language identifier (BSD-3-Clause).

Its model (a naive Bayes over byte n-grams, trained on 97 languages) ships inside the wheel:
nothing is downloaded at run time. A text is English when English is the most probable
language, or when English is close behind the best guess on a text whose letters are Latin
(short notes full of place names, "Baqim district (Sadah)", can lean towards another
language; non-English prose does not come close). Texts with too few words to tell are given
the benefit of the doubt when they are written in Latin letters, and a text whose words are
a fifth or more English function words is English without asking the model.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Fewer words than this: too short to tell (accepted when written in Latin letters).
MIN_WORDS = 5
#: English is accepted when its probability is at least this share of the best language's.
CLOSE_BEHIND = 0.2
#: Characters looked at: enough for any article's language, cheap on huge inputs.
SAMPLE = 4000
#: English function words no other language of the Latin script uses as common words
#: ("in", "a", "is", "an", "he" and the like are left out: Dutch, German, Spanish have them).
FUNCTION_WORDS = frozenset({
    "the", "of", "and", "to", "that", "with", "was", "were", "said", "has", "have", "for",
    "from", "this", "which", "by", "its", "their", "would", "will", "been", "are", "it",
    "they", "she", "we", "but", "not", "at", "as", "be", "than", "who",
})  # fmt: skip
#: A text in Latin letters whose words are at least this share English function words is
#: English without asking the model (ordinary English prose runs at 0.3-0.4; prose in other
#: languages of the Latin script, with a quoted English name or two, stays far below).
FUNCTION_SHARE = 0.2


@functools.cache
def _identifier() -> Any:
    """py3langid's bundled model, decompressed in memory (py3langid's own loader goes through
    a temporary file, which fails on a full disk; reading articles must not write: the
    cache's copy is written only where it can be, and its failure is silent)."""
    import io
    import lzma

    import numpy as np
    from py3langid import langid

    from geopol.cache import cached

    packed = (langid.MODEL_DIR / langid.MODEL_FILE).read_bytes()

    def arrays() -> tuple[Any, ...]:
        with np.load(io.BytesIO(lzma.decompress(packed)), allow_pickle=False) as data:
            nxt = np.ascontiguousarray(data["nextmove"])
            base = np.asarray(data["nextmove_row"], dtype=np.int64) << 8
            return (
                np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                nxt, data["out_feat"].tolist(), data["nextmove_row"].tolist(),
                _depth(nxt, base),
            )

    # Decompressing the model and reading its arrays take longer than the rest of
    # start-up's language work: once per model file, then the arrays come from geopol.cache.
    ptc, pc, classes, nxt, out, row, deep = cached("langid-arrays", packed, arrays)

    class Walker(langid.LanguageIdentifier):  # type: ignore[misc]
        """py3langid's identifier, its automaton walked by ``_visits`` (numpy)."""

        __slots__ = ("walk",)

        def _raw_score(self, text: bytes) -> Any:
            visits = _visits(self.walk, text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(b"")  # no features: py3langid's own answer for none

    ident = Walker(ptc, pc, classes, nxt, out, norm_probs=True, tk_row=row)
    base = np.asarray(ident._rowbase, dtype=np.int64)
    ident.walk = (nxt, base, np.asarray(out, dtype=np.int64), deep)
    return ident


def _depth(nxt: Any, base: Any) -> int:
    """The depth of the automaton's trie: its states breadth first from the root (state 0)."""
    import numpy as np

    seen = np.zeros(len(base), dtype=bool)
    seen[0] = True
    front = np.zeros(1, dtype=np.int64)
    depth = 0
    while True:
        reached = np.unique(nxt[base[front][:, None] + np.arange(256)])
        reached = reached[~seen[reached]]
        if not len(reached):
            return depth
        seen[reached] = True
        front = reached
        depth += 1


def _visits(walk: tuple[Any, Any, Any, int], text: bytes) -> dict[int, int]:
    """py3langid's ``visit_counts`` (feature -> count), computed in numpy.

    py3langid walks an Aho-Corasick automaton over the text's bytes in a Python loop (about
    2 ms an article) and counts the features of the states it visits. The state after a byte
    is the longest suffix of the text so far that is a node of the automaton's trie; no node
    is deeper than ``deep`` bytes, so it is also the state reached from the root by reading
    only the last ``deep`` bytes, which numpy works out for every position at once in
    ``deep`` steps. The features are counted in the order of their first visit, as
    py3langid's ``Counter`` is, so the scores are the same floats
    (tests/test_language.py compares both walks).
    """
    import numpy as np

    nxt, base, out, deep = walk
    data = np.frombuffer(text, dtype=np.uint8).astype(np.int64)
    n = len(data)
    if not n:
        return {}
    state = np.zeros(n, dtype=np.int64)
    for back in range(min(deep, n) - 1, -1, -1):
        # position i reads the byte ``back`` places before it (none before the text's start)
        state[back:] = nxt[base[state[back:]] + data[: n - back]]
    feats = out[state]
    feats = feats[feats >= 0]
    if not len(feats):
        return {}
    keys, first, counts = np.unique(feats, return_index=True, return_counts=True)
    order = np.argsort(first, kind="stable")
    return dict(zip(keys[order].tolist(), counts[order].tolist(), strict=True))


def english_probability(text: str) -> tuple[str, float, float]:
    """(best language, its probability, English's probability) of a text sample."""
    ident = _identifier()
    ranked = ident.rank(text[:SAMPLE])
    best, p_best = ranked[0]
    p_en = next((p for lang, p in ranked if lang == "en"), 0.0)
    return str(best), float(p_best), float(p_en)


def detect(text: str) -> str:
    """``"en"`` for English (or too short to tell), ``"und"`` otherwise."""
    words = _WORD.findall(text[:SAMPLE])
    if not words:
        return "und"
    latin = sum(1 for w in words if w.isascii()) >= 0.8 * len(words)
    if len(words) < MIN_WORDS:
        return "en" if latin else "und"
    if latin and sum(1 for w in words if w.lower() in FUNCTION_WORDS) >= FUNCTION_SHARE * len(words):
        return "en"  # plainly English: the model would say so, at about 1 ms an article
    best, p_best, p_en = english_probability(text)
    if best == "en" or (latin and p_en >= CLOSE_BEHIND * p_best):
        return "en"
    logger.debug("language %s (p=%.2f, English %.2f)", best, p_best, p_en)
    return "und"
