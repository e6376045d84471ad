"""spaCy PhraseMatchers built once per (vocabulary, dictionary) and reused for every Doc."""

from __future__ import annotations

import dataclasses

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from geopol.actors.dictionary import ActorDictionary, Pattern


@dataclasses.dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    pattern: Pattern


@dataclasses.dataclass(slots=True)
class _Compiled:
    lower: PhraseMatcher
    exact: PhraseMatcher
    agents: PhraseMatcher
    table: dict[int, list[Pattern]]


_CACHE: dict[tuple[int, tuple[str, ...], int], _Compiled] = {}


def _tokenize(vocab: Vocab, text: str, tokenizer: Tokenizer) -> Doc:
    doc: Doc = tokenizer(text)
    return doc


def _compile(vocab: Vocab, d: ActorDictionary, tokenizer: Tokenizer) -> _Compiled:
    lower = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    agents = PhraseMatcher(vocab, attr="LOWER")
    table: dict[int, list[Pattern]] = {}
    groups: dict[tuple[str, bool], list[Pattern]] = {}
    for p in d.patterns:
        key = p.text if p.case_sensitive else p.text.lower()
        groups.setdefault((key, p.case_sensitive), []).append(p)
    for (key, case_sensitive), pats in groups.items():
        label = f"{'E' if case_sensitive else 'L'}:{key}"
        doc = _tokenize(vocab, pats[0].text, tokenizer)
        if not len(doc):
            continue
        (exact if case_sensitive else lower).add(label, [doc])
        # A later entry overrides an earlier one for the same form (earlier files' forms are
        # gone already), except an abbreviation shared by entries of other countries: the
        # article's other actors choose among those (selection._by_article_countries).
        last = pats[-1]
        table[vocab.strings[label]] = [last] + [
            p
            for p in pats[:-1]
            if p.entry.key == last.entry.key
            or (case_sensitive and p.entry.country and p.entry.country != last.entry.country)
        ]
    agent_groups: dict[str, Pattern] = {}
    for p in d.agents:
        agent_groups[p.text.lower()] = p
    for key, p in agent_groups.items():
        label = f"A:{key}"
        agents.add(label, [_tokenize(vocab, p.text, tokenizer)])
        table[vocab.strings[label]] = [p]
    return _Compiled(lower, exact, agents, table)


def compiled(doc: Doc, d: ActorDictionary) -> _Compiled:
    from geopol.nlp import tokenizer_for

    key = (id(doc.vocab), d.fingerprint, len(d.patterns))
    c = _CACHE.get(key)
    if c is None:
        c = _compile(doc.vocab, d, tokenizer_for(doc.vocab))
        _CACHE[key] = c
    return c


def match(doc: Doc, d: ActorDictionary) -> tuple[list[Match], list[Match]]:
    """Name matches and agent-word matches in ``doc``."""
    c = compiled(doc, d)
    names: list[Match] = []
    for matcher in (c.lower, c.exact):
        for label, start, end in matcher(doc):
            names.extend(Match(start, end, p) for p in c.table.get(label, []))
    agents = [Match(s, e, p) for label, s, e in c.agents(doc) for p in c.table.get(label, [])]
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
