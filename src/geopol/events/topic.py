"""Sport and entertainment, which reuse the verbs of politics (``data/events/offtopic.yaml``).

Two decisions: the article's domain (a sport or showbiz story, from the density of its
vocabulary, the sports bodies, clubs, competitions and awards it names and its match scores),
and, in any other article, which sentences are about sport or showbiz. In a sport or showbiz
story only events between governments, states and intergovernmental bodies are kept; in
other articles the dense sentences are skipped.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from importlib import resources
from typing import Any

from spacy.tokens import Doc

from geopol.docarrays import doc_arrays
from geopol.records import Actor
from geopol.yamlio import load_yaml

_LEFT = r"(?<![\w-])"
_RIGHT = r"(?![\w-])"


@dataclasses.dataclass(frozen=True, slots=True)
class _Domain:
    name: str
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    names: re.Pattern[str]
    pattern: re.Pattern[str]
    pattern_weight: float


@dataclasses.dataclass(frozen=True, slots=True)
class _Config:
    domains: tuple[_Domain, ...]
    name_weight: float
    density: float
    min_score: float
    sentence_threshold: float
    leaning_density: float
    leaning_threshold: float
    leaning_min_score: float
    political_sectors: frozenset[str]
    unpolitical_kinds: frozenset[str]
    kept_types: frozenset[str]


def _alternation(words: Sequence[Any], *, names: bool = False) -> re.Pattern[str]:
    """One pattern for a word list, longest first.

    A word next to a hyphen is part of a compound ("semi-final" is not "final"); a name is
    still a name there ("Oscar-nominated").
    """
    forms = sorted({str(w) for w in words}, key=len, reverse=True)
    if not forms or any(not f or f[0].isspace() for f in forms):
        body = "|".join(_spaced(f) for f in forms) or "(?!)"
        left, right = (r"(?<!\w)", r"(?!\w)") if names else (_LEFT, _RIGHT)
        return re.compile(f"{left}(?:{body}){right}")
    # The same matches, faster: the forms grouped by their first letter (in their order, so
    # at any position the same form is tried first), one literal per group where the scan
    # tried every form. A name checks the character before it after its first letter
    # ("O(?<!\wO)scar" is "(?<!\w)Oscar"), so the scan skips the positions no name starts at.
    groups: dict[str, list[str]] = {}
    for f in forms:
        groups.setdefault(f[0], []).append(_spaced(f[1:]))
    if names:
        body = "|".join(
            f"{re.escape(c)}(?<!\\w{re.escape(c)})(?:{'|'.join(rest)})"
            for c, rest in groups.items()
        )
        return re.compile(f"(?:{body})(?!\\w)")
    body = "|".join(f"{re.escape(c)}(?:{'|'.join(rest)})" for c, rest in groups.items())
    return re.compile(f"{_LEFT}(?:{body}){_RIGHT}")


def _spaced(form: str) -> str:
    return re.escape(form).replace(r"\ ", r"\s+")


@functools.lru_cache(maxsize=1)
def _config() -> _Config:
    f = resources.files("geopol") / "data" / "events" / "offtopic.yaml"
    data: dict[str, Any] = load_yaml(f.read_text(encoding="utf-8"))
    domains = tuple(
        _Domain(
            name=str(name),
            strong=_alternation([str(w).lower() for w in d.get("strong", [])]),
            weak=_alternation([str(w).lower() for w in d.get("weak", [])]),
            names=_alternation(d.get("names", []), names=True),
            pattern=re.compile(str(d.get("pattern", "(?!)"))),
            pattern_weight=float(d.get("pattern_weight", 0)),
        )
        for name, d in data["domains"].items()
    )
    return _Config(
        domains=domains,
        name_weight=float(data["name_weight"]),
        density=float(data["domain_density"]),
        min_score=float(data["domain_min_score"]),
        sentence_threshold=float(data["sentence_threshold"]),
        leaning_density=float(data["leaning_density"]),
        leaning_threshold=float(data["leaning_sentence_threshold"]),
        leaning_min_score=float(data["leaning_min_score"]),
        political_sectors=frozenset(str(s) for s in data["political_sectors"]),
        unpolitical_kinds=frozenset(str(k) for k in data["unpolitical_kinds"]),
        kept_types=frozenset(str(k) for k in data.get("kept_in_skipped_sentences", [])),
    )


def _score(cfg: _Config, d: _Domain, text: str) -> float:
    low = text.lower()
    score = (
        len(d.strong.findall(low))
        + 0.5 * len(d.weak.findall(low))
        + cfg.name_weight * len(d.names.findall(text))
    )
    if d.pattern_weight:  # a weight of 0 adds 0.0 whatever the pattern finds: not scanned
        score += d.pattern_weight * len(d.pattern.findall(text))
    return score


@dataclasses.dataclass(frozen=True, slots=True)
class Topic:
    """An article's domain (``sport``, ``showbiz`` or None) and the sentences to skip."""

    domain: str | None
    skip: frozenset[int]
    scores: dict[str, float]

    def keeps(
        self, source: Sequence[Actor], target: Sequence[Actor], *, visit: bool = False
    ) -> bool:
        """Whether an event with this dyad is political in this article.

        Outside sport and showbiz stories every event is. Inside one, the source must be a
        government, state organ or intergovernmental body and the target a state, government
        or intergovernmental body: athletes, clubs, sports bodies and entertainers are not
        political actors, and a bare country name there is a national team. An official's
        visit abroad to a match or a festival is political wherever it is told (``visit``).
        """
        if visit:
            return self.domain is None or any(_governmental(a) for a in source)
        if self.domain is None:
            return True
        return any(_governmental(a) for a in source) and any(
            _governmental(a) or a.kind in ("state", "bloc") for a in target
        )


def kept_in_skipped_sentence(type_: str) -> bool:
    """Whether an event of this type stays in a sentence skipped as sport or showbiz."""
    return type_ in _config().kept_types


def _governmental(a: Actor) -> bool:
    cfg = _config()
    if a.kind in cfg.unpolitical_kinds:
        return False
    if a.country and a.country.startswith("IGO-"):
        return True
    return a.sector in cfg.political_sectors


def article_topic(doc: Doc) -> Topic:
    """Decide the article's domain, then (outside sport and showbiz) the sentences to skip."""
    cfg = _config()
    sents = list(doc.sents)
    arrays = doc_arrays(doc)
    text = arrays.text
    per_sent: list[dict[str, float]] = []
    for s in sents:
        s_text = text[s.start_char : s.end_char]
        per_sent.append({d.name: _score(cfg, d, s_text) for d in cfg.domains})
    totals = {d.name: sum(p[d.name] for p in per_sent) for d in cfg.domains}
    words = sum(arrays.is_alpha) or 1
    domain = None
    best = max(totals, key=lambda k: totals[k], default=None)
    if best is not None and totals[best] >= cfg.min_score and totals[best] / words >= cfg.density:
        domain = best
    if domain is not None:
        return Topic(domain=domain, skip=frozenset(), scores=totals)
    limit = cfg.sentence_threshold
    if (
        best is not None
        and totals[best] >= cfg.leaning_min_score
        and totals[best] / words >= cfg.leaning_density
    ):
        limit = cfg.leaning_threshold  # a story leaning to sport or showbiz
    # A sentence is about one domain: "record" or "fans" is not counted twice.
    skip = frozenset(i for i, p in enumerate(per_sent) if max(p.values(), default=0) >= limit)
    return Topic(domain=None, skip=skip, scores=totals)
