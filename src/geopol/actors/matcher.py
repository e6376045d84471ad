"""Dictionary names and agent words matched over a Doc's token hashes, built once and reused.

Each form of the actor dictionary is tokenised once (the English tokenizer, as spaCy's
``PhraseMatcher`` patterns were) into its tokens; a name matches where a run of the Doc's
tokens has the same ``LOWER`` hashes (``ORTH`` for a case-sensitive form). The hashes of every
form are kept in the on-disk cache (``geopol.cache``; a string's hash is the same in every
vocabulary), so a process does not build a tokenizer and tokenise thousands of forms at
start-up.

Matches come in spaCy's ``PhraseMatcher`` order: by first token, then by last, case-insensitive
names before case-sensitive ones. When two forms of one kind have the same token hashes
(possible in a user's dictionary, not in the built-in one), the order among them is the
``PhraseMatcher``'s hash-table order, so those dictionaries are matched by ``PhraseMatcher``s
as before (``_compile_matchers``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from spacy import about as spacy_about
from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from geopol.actors.dictionary import ActorDictionary, Pattern


@dataclasses.dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    pattern: Pattern


Hashes = tuple[int, ...]


#: The key under which a trie node keeps the patterns of the sequence that ends there (a
#: token hash is never negative).
_END = -1


@dataclasses.dataclass(slots=True)
class Phrases:
    """Token-hash sequences -> the patterns they stand for, as a trie of dicts walked over a
    Doc's hashes (the same walk as ``PhraseMatcher``'s)."""

    root: dict[int, Any] = dataclasses.field(default_factory=dict)

    def add(self, seq: Hashes, patterns: list[Pattern]) -> bool:
        """Add a sequence; False when another form already has it (the order would differ)."""
        if not seq:
            return True
        node = self.root
        for h in seq:
            node = node.setdefault(h, {})
        if _END in node:
            return False
        node[_END] = patterns
        return True

    def runs(self, hashes: list[int]) -> list[tuple[int, int, list[Pattern]]]:
        """(start, end, patterns) of every run of ``hashes`` that is a sequence: by start, then
        by end, as ``PhraseMatcher`` returns them."""
        out = []
        n = len(hashes)
        root = self.root
        for i, h in enumerate(hashes):
            node = root.get(h)
            j = i + 1
            while node is not None:
                found = node.get(_END)
                if found is not None:
                    out.append((i, j, found))
                if j == n:
                    break
                node = node.get(hashes[j])
                j += 1
        return out


@dataclasses.dataclass(slots=True)
class _Compiled:
    lower: Phrases
    exact: Phrases
    agents: Phrases
    #: PhraseMatchers (lower, exact, agents) and their label -> patterns table, used instead
    #: of the phrases when two forms of one kind share their tokens.
    matchers: tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher] | None = None
    table: dict[int, list[Pattern]] = dataclasses.field(default_factory=dict)


_CACHE: dict[tuple[int, tuple[str, ...], int], _Compiled] = {}


def _groups(d: ActorDictionary) -> tuple[dict[tuple[str, bool], list[Pattern]], dict[str, Pattern]]:
    groups: dict[tuple[str, bool], list[Pattern]] = {}
    for p in d.patterns:
        key = p.text if p.case_sensitive else p.text.lower()
        groups.setdefault((key, p.case_sensitive), []).append(p)
    agent_groups: dict[str, Pattern] = {}
    for p in d.agents:
        agent_groups[p.text.lower()] = p
    return groups, agent_groups


def _chosen(pats: list[Pattern], case_sensitive: bool) -> list[Pattern]:
    # A later entry overrides an earlier one for the same form (earlier files' forms are
    # gone already), except an abbreviation shared by entries of other countries: the
    # article's other actors choose among those (selection._by_article_countries).
    last = pats[-1]
    return [last] + [
        p
        for p in pats[:-1]
        if p.entry.key == last.entry.key
        or (case_sensitive and p.entry.country and p.entry.country != last.entry.country)
    ]


def _hashes(vocab: Vocab, texts: list[str]) -> list[tuple[Hashes, Hashes]]:
    """The ``LOWER`` and ``ORTH`` hashes of the English tokenizer's tokens of each text (from
    the on-disk cache when it has them: a hash is the same in every vocabulary)."""
    from geopol.cache import cached

    def build() -> list[tuple[Hashes, Hashes]]:
        from geopol.nlp import tokenizer_for

        tokenizer = tokenizer_for(vocab)
        out: list[tuple[Hashes, Hashes]] = []
        for text in texts:
            doc = tokenizer(text)
            rows = doc.to_array([LOWER, ORTH]).T.tolist() if len(doc) else [[], []]
            out.append((tuple(rows[0]), tuple(rows[1])))
        return out

    content = "\0".join([spacy_about.__version__, vocab.lang, *texts])
    return cached("actor-forms", content, build)


def _compile(vocab: Vocab, d: ActorDictionary) -> _Compiled:
    groups, agent_groups = _groups(d)
    texts = [pats[0].text for pats in groups.values()] + [p.text for p in agent_groups.values()]
    hashes = _hashes(vocab, texts)
    c = _Compiled(Phrases(), Phrases(), Phrases())
    ok = True
    for ((_key, case_sensitive), pats), (lower, orth) in zip(
        groups.items(), hashes[: len(groups)], strict=True
    ):
        if case_sensitive:
            ok &= c.exact.add(orth, _chosen(pats, True))
        else:
            ok &= c.lower.add(lower, _chosen(pats, False))
    for p, (lower, _orth) in zip(agent_groups.values(), hashes[len(groups) :], strict=True):
        ok &= c.agents.add(lower, [p])
    if not ok:
        c.matchers, c.table = _compile_matchers(vocab, d)
    return c


def _compile_matchers(
    vocab: Vocab, d: ActorDictionary
) -> tuple[tuple[PhraseMatcher, PhraseMatcher, PhraseMatcher], dict[int, list[Pattern]]]:
    from geopol.nlp import tokenizer_for

    tokenizer = tokenizer_for(vocab)
    lower = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    agents = PhraseMatcher(vocab, attr="LOWER")
    table: dict[int, list[Pattern]] = {}
    groups, agent_groups = _groups(d)
    for (key, case_sensitive), pats in groups.items():
        label = f"{'E' if case_sensitive else 'L'}:{key}"
        doc = tokenizer(pats[0].text)
        if not len(doc):
            continue
        (exact if case_sensitive else lower).add(label, [doc])
        table[vocab.strings[label]] = _chosen(pats, case_sensitive)
    for key, p in agent_groups.items():
        label = f"A:{key}"
        agents.add(label, [tokenizer(p.text)])
        table[vocab.strings[label]] = [p]
    return (lower, exact, agents), table


def compiled(doc: Doc, d: ActorDictionary) -> _Compiled:
    key = (id(doc.vocab), d.fingerprint, len(d.patterns))
    c = _CACHE.get(key)
    if c is None:
        c = _compile(doc.vocab, d)
        _CACHE[key] = c
    return c


def _raw(doc: Doc, c: _Compiled) -> tuple[list[Match], list[Match]]:
    names: list[Match] = []
    if c.matchers is not None:
        lower, exact, agent_matcher = c.matchers
        for matcher in (lower, exact):
            for label, start, end in matcher(doc):
                names.extend(Match(start, end, p) for p in c.table.get(label, []))
        agents = [
            Match(s, e, p) for label, s, e in agent_matcher(doc) for p in c.table.get(label, [])
        ]
        return names, agents
    if not len(doc):
        return [], []
    lower, orth = doc.to_array([LOWER, ORTH]).T.tolist()
    for phrases, column in ((c.lower, lower), (c.exact, orth)):
        for s, e, pats in phrases.runs(column):
            names.extend(Match(s, e, p) for p in pats)
    agents = [Match(s, e, p) for s, e, pats in c.agents.runs(lower) for p in pats]
    return names, agents


def match(doc: Doc, d: ActorDictionary) -> tuple[list[Match], list[Match]]:
    """Name matches and agent-word matches in ``doc``."""
    names, agents = _raw(doc, compiled(doc, d))
    if d.tables:
        from geopol.actors.phoenix import lookup

        # A table's form yields to a pattern's match over the same tokens (later files win).
        taken = {(m.start, m.end) for m in names}
        agent_taken = {(m.start, m.end) for m in agents}
        for table in d.tables:
            t_names, t_agents = lookup(doc, table)
            names.extend(Match(s, e, p) for s, e, p in t_names if (s, e) not in taken)
            agents.extend(Match(s, e, p) for s, e, p in t_agents if (s, e) not in agent_taken)
    return names, agents
