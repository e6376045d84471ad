"""``geopol_attributes``: spaCy's attribute ruler, applied through a table instead of the Matcher.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every token for each of its patterns
(179 in the English models: the tag map, morph rules and a few exceptions) and then sets
the attributes of each match one token at a time. Almost every pattern looks at one token,
and only at its ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE``, so what it assigns to a token
is a function of those four values: this component works that out once per distinct
combination, caches it, and writes every token's ``POS``, ``MORPH``, ``LEMMA``, ``TAG`` and
``DEP`` in one ``Doc.from_array``. Patterns over two or more tokens are checked where their
first token fits. The patterns, the attributes and their order are read from the model's
own loaded ruler (nothing is copied here), with spaCy's semantics: every pattern is matched
against the Doc as it was before the ruler ran, then the matches are applied in pattern
order, a later pattern overriding an earlier one.

``compile_ruler`` returns ``None`` for a ruler whose patterns use anything else (operators,
other attributes, extension attributes); the spaCy component is kept then.
"""


import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

logger = logging.getLogger(__name__)

#: The token attributes a pattern may test, by their key in a Matcher pattern, and their
#: column in the array this component reads.
KEYS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
READ = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]
#: The attributes it writes, in this order (the columns 0, 2, 4, 5, 6 of what it reads).
WRITE = [TAG, DEP, POS, MORPH, LEMMA]
_WRITE_COLS = [0, 2, 4, 5, 6]
_SLOT = {attr: n for n, attr in enumerate(WRITE)}
#: Values seen as strings: a token's key holds hashes, turned into strings on a cache miss.
Key = tuple[int, int, int, int]
Test = Callable[[tuple[str, str, str, bool]], bool]


@dataclass(frozen=True)
class Rule:
    """One pattern of the ruler: its place in the ruler's order, what it tests, what it sets."""

    order: int
    tokens: tuple[tuple[Test, ...], ...]
    index: int
    attrs: tuple[tuple[int, int], ...]
    #: The values the first token's TAG and LOWER must take (None: any), to index the rule.
    tags: frozenset[str] | None = None
    lowers: frozenset[str] | None = None
    #: The first token's LOWER test when the rule is not indexed by its values (a REGEX or
    #: NOT_IN); None when it is, or when the rule does not read LOWER.
    lower_test: Test | None = None


def _value_test(col: int, key: str, spec: Any) -> Test | None:
    if key == "IS_SPACE":
        if isinstance(spec, bool):
            return lambda t: t[col] is spec
        return None
    if isinstance(spec, str):
        return lambda t: t[col] == spec
    if not isinstance(spec, dict) or len(spec) != 1:
        return None
    ((op, arg),) = spec.items()
    if op == "IN" and isinstance(arg, list):
        inside = frozenset(arg)
        return lambda t: t[col] in inside
    if op == "NOT_IN" and isinstance(arg, list):
        outside = frozenset(arg)
        return lambda t: t[col] not in outside
    if op == "REGEX" and isinstance(arg, str):
        rx = re.compile(arg)
        return lambda t: rx.search(str(t[col])) is not None
    return None


def _token_tests(pattern: dict[str, Any]) -> tuple[Test, ...] | None:
    tests: list[Test] = []
    for key, spec in pattern.items():
        col = KEYS.get(key)
        if col is None:
            return None
        test = _value_test(col, key, spec)
        if test is None:
            return None
        tests.append(test)
    return tuple(tests)


def compile_ruler(ruler: AttributeRuler) -> list[Rule] | None:
    """The ruler's patterns as rules, or None when one uses what this component cannot test."""
    rules: list[Rule] = []
    for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
        if any(a not in WRITE for a in attrs):
            return None
        _, patterns = ruler.matcher.get(str(order))
        for pattern in patterns:
            tokens = [_token_tests(p) for p in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            if not -len(tokens) <= index < len(tokens):
                return None
            lowers = _exact(pattern[0].get("LOWER"))
            lower_test = None
            if lowers is None and "LOWER" in pattern[0]:
                lower_test = _value_test(KEYS["LOWER"], "LOWER", pattern[0]["LOWER"])
            rules.append(Rule(order, tuple(t for t in tokens if t is not None),
                              index % len(tokens), tuple(sorted(attrs.items())),
                              _exact(pattern[0].get("TAG")), lowers, lower_test))
    return rules


def _exact(spec: Any) -> frozenset[str] | None:
    """The values a string test accepts, when it names them (a string or an IN list)."""
    if isinstance(spec, str):
        return frozenset([spec])
    if isinstance(spec, dict) and list(spec) == ["IN"]:
        return frozenset(spec["IN"])
    return None


def _fits(tests: Sequence[Test], token: tuple[str, str, str, bool]) -> bool:
    return all(test(token) for test in tests)


Row = tuple[int, ...]


class FastAttributes:
    """Sets what the model's attribute ruler sets, from a cache keyed by the token's values."""

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        self.vocab = vocab
        self.use(rules)

    def use(self, rules: list[Rule]) -> None:
        self.rules = rules
        self._first: dict[Key, tuple[list[Rule], list[Rule]]] = {}
        self._rows: dict[Row, tuple[Row, bool]] = {}
        self._by_lower: dict[str, list[Rule]] = {}
        self._by_tag: dict[str, list[Rule]] = {}
        self._general: list[Rule] = []
        self._seq = {id(r): n for n, r in enumerate(rules)}
        # What a token gets depends on its LOWER only through the rules indexed by LOWER
        # values and the other rules' LOWER tests: tokens whose LOWER is none of those values
        # and passes the same tests share one cache entry with the rest of their row.
        self._special: frozenset[str] = frozenset().union(
            *(r.lowers for r in rules if r.lowers is not None)
        )
        self._lower_tests = [r.lower_test for r in rules if r.lower_test is not None]
        self._classes: dict[int, tuple[str, tuple[bool, ...]]] = {}
        self._by_class: dict[tuple[Any, ...], tuple[Row, bool]] = {}
        for rule in rules:
            if rule.lowers is not None:
                for lower in rule.lowers:
                    self._by_lower.setdefault(lower, []).append(rule)
            elif rule.tags is not None:
                for tag in rule.tags:
                    self._by_tag.setdefault(tag, []).append(rule)
            else:
                self._general.append(rule)

    def _strings(self, key: Key) -> tuple[str, str, str, bool]:
        s = self.vocab.strings
        return (s[key[0]], s[key[1]], s[key[2]], bool(key[3]))

    def _fitting(self, key: Key) -> tuple[list[Rule], list[Rule]]:
        """The one-token rules that fit a token with these values, and the longer rules
        whose first token it fits."""
        got = self._first.get(key)
        if got is None:
            values = self._strings(key)
            maybe = (self._by_lower.get(values[1], []) + self._by_tag.get(values[0], [])
                     + self._general)
            fit = sorted((r for r in maybe if _fits(r.tokens[0], values)),
                         key=lambda r: self._seq[id(r)])
            got = ([r for r in fit if len(r.tokens) == 1], [r for r in fit if len(r.tokens) > 1])
            self._first[key] = got
        return got

    def _apply(self, row: Row, rules: list[Rule]) -> Row:
        out = [row[c] for c in _WRITE_COLS]
        for rule in sorted(rules, key=lambda r: r.order):
            for attr, value in rule.attrs:
                out[_SLOT[attr]] = value
        return tuple(out)

    def _lower_class(self, lower: int) -> tuple[str, tuple[bool, ...]]:
        got = self._classes.get(lower)
        if got is None:
            text = self.vocab.strings[lower]
            values = ("", text, "", False)
            got = (text if text in self._special else "",
                   tuple(test(values) for test in self._lower_tests))
            self._classes[lower] = got
        return got

    def _miss(self, row: Row) -> tuple[Row, bool]:
        shared = (row[0], row[2], row[3], row[4], row[5], row[6], self._lower_class(row[1]))
        got = self._by_class.get(shared)
        if got is None:
            single, longer = self._fitting(_key(row))
            got = (self._apply(row, single), bool(longer))
            self._by_class[shared] = got
        self._rows[row] = got
        return got

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc) or not self.rules:
            return doc
        rows: list[Row] = list(map(tuple, doc.to_array(READ).tolist()))
        cache = self._rows
        out: list[Row] = []
        starts: list[int] = []
        for i, row in enumerate(rows):
            got = cache.get(row) or self._miss(row)
            out.append(got[0])
            if got[1]:
                starts.append(i)
        if starts:
            for i, extra in self._longer(rows, starts).items():
                out[i] = self._apply(rows[i], self._fitting(_key(rows[i]))[0] + extra)
        doc.from_array(WRITE, cast(Any, numpy.array(out, dtype=numpy.uint64)))
        return doc

    def _longer(self, rows: list[Row], starts: list[int]) -> dict[int, list[Rule]]:
        """Token index -> the rules over several tokens that match there and set it."""
        hits: dict[int, list[Rule]] = {}
        for i in starts:
            for rule in self._fitting(_key(rows[i]))[1]:
                n = len(rule.tokens)
                if i + n <= len(rows) and all(
                    _fits(rule.tokens[j], self._strings(_key(rows[i + j]))) for j in range(1, n)
                ):
                    hits.setdefault(i + rule.index, []).append(rule)
        return hits


def _key(row: Row) -> Key:
    return (row[0], row[1], row[2], row[3])


@Language.factory("geopol_attributes")
def make_attributes(nlp: Language, name: str) -> FastAttributes:
    """An empty component; ``geopol.nlp.load`` fills it from the model's attribute ruler."""
    return FastAttributes(nlp.vocab, [])


def take_over(nlp: Language) -> bool:
    """Put ``geopol_attributes`` in place of the model's ``attribute_ruler`` (kept, disabled).

    False when the model has no attribute ruler or one this component cannot stand for.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    rules = compile_ruler(ruler) if isinstance(ruler, AttributeRuler) else None
    if rules is None:
        logger.info("attribute_ruler kept: its patterns use more than this component reads")
        return False
    fast = nlp.add_pipe("geopol_attributes", after="attribute_ruler")
    assert isinstance(fast, FastAttributes)
    fast.use(rules)
    nlp.disable_pipe("attribute_ruler")
    return True


__all__ = ["FastAttributes", "Rule", "compile_ruler", "take_over"]
