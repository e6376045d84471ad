"""The speed-only rewrites in place finding give what the code they replaced gave."""

from __future__ import annotations

import random
import re

from geopol.places.build import fold
from geopol.places.gazetteer import Gazetteer, get, normalise
from geopol.places.keyfilter import KeyFilter
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


def test_a_key_filter_never_drops_a_key_it_holds() -> None:
    rng = random.Random(18)
    keys = ["".join(rng.choice("abcdefgh ") for _ in range(rng.randint(1, 12))) for _ in range(5000)]
    f = KeyFilter.of(keys, len(keys))
    assert all(k in f for k in keys)
    absent = [k + "#" for k in keys]
    assert sum(k in f for k in absent) < 100  # about 0.5% pass; all would, were it broken


def test_lookups_are_the_same_with_and_without_the_index_filters() -> None:
    gaz = get()
    assert set(gaz._filters) == {"name", "squash", "folded"}
    names = ["Kabul", "Mirpurkhas", "Tell Abiad", "Ar-Raqqa", "Bar Elias", "Goldman Sachs",
             "Jeremy Corbyn", "Tarinkot", "Zaporizhzhia", "Nowhereville Xq", "U.S.", "Ukrainian",
             "Aydin", "Princes Town", "Stoke Newington", "Quebec City"]
    with_filters = {n: (gaz.lookup(n), gaz.squashed(normalise(n)), gaz.folded(normalise(n)))
                    for n in names}
    plain = Gazetteer(gaz.path)
    plain._filters = {}
    for n in names:
        got = (plain.lookup(n), plain.squashed(normalise(n)), plain.folded(normalise(n)))
        assert got == with_filters[n], n
