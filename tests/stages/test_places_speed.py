"""The speed-only rewrites in place finding give what the code they replaced gave."""

from __future__ import annotations

import random
import re

from geopol.places.build import fold
from geopol.places.repeat import _occurrences


def _regex(text: str, name: str) -> list[tuple[int, int]]:
    pattern = r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])"
    return [m.span() for m in re.finditer(pattern, text)]


def test_occurrences_match_the_regular_expression() -> None:
    pieces = ["Aba", "aba", "Ab", " ", ".", "-", "_", "é", "1", "\u0663", "\u00b2", "'", "\n", "(", ","]
    rng = random.Random(15)
    for _ in range(20_000):
        name = rng.choice(["Aba", "Ab.a", "Ab a", "Abab", "é1", "Aba-Aba"])
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        assert _occurrences(text, name) == _regex(text, name), (text, name)


def test_occurrences_on_a_sentence() -> None:
    text = "Edmonton, Alberta. The Edmonton Oilers left West-Edmonton; Edmonton_x and Edmonton."
    assert _occurrences(text, "Edmonton") == _regex(text, "Edmonton")
    assert _occurrences(text, "Edmonton") == [(0, 8), (23, 31), (74, 82)]


def test_fold_is_memoised_and_unchanged() -> None:
    assert fold("tell abiad") == fold("tall abyad")
    assert fold("tell abiad") is fold("tell abiad")
    assert fold("abc") == ""
