"""English detection with py3langid, a maintained language identifier (BSD-3-Clause).

Its model (a naive Bayes over byte n-grams, trained on 97 languages) ships inside the wheel:
nothing is downloaded at run time. A text is English when English is the most probable
language, or when English is close behind the best guess on a text whose letters are Latin
(short notes full of place names, "Baqim district (Sadah)", can lean towards another
language; non-English prose does not come close). Texts with too few words to tell are given
the benefit of the doubt when they are written in Latin letters.
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


@functools.cache
def _identifier() -> Any:
    """py3langid's bundled model, decompressed in memory (py3langid's own loader goes through
    a temporary file, which fails on a full disk; reading articles must not write: the
    cache's copy is written only where it can be, and its failure is silent)."""
    import io
    import lzma

    import numpy as np
    from py3langid import langid, modelio

    from geopol.cache import cached

    packed = (langid.MODEL_DIR / langid.MODEL_FILE).read_bytes()
    # Decompressing the model takes longer than the rest of start-up's language work: once
    # per model file, then the plain arrays come from geopol.cache.
    plain = cached("langid", packed, lambda: lzma.decompress(packed))
    with np.load(io.BytesIO(plain), allow_pickle=False) as data:
        return langid.LanguageIdentifier(
            np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
            modelio._to_array(data["nextmove"]), data["out_feat"].tolist(),
            norm_probs=True, tk_row=modelio._to_array(data["nextmove_row"]),
        )


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
    best, p_best, p_en = english_probability(text)
    if best == "en" or (latin and p_en >= CLOSE_BEHIND * p_best):
        return "en"
    logger.debug("language %s (p=%.2f, English %.2f)", best, p_best, p_en)
    return "und"
