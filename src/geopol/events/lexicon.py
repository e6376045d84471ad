"""The trigger lexicon: ``data/events/triggers.yaml`` (plus user files) indexed by head lemma."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from typing import Any

from geopol.errors import DictionaryError
from geopol.events.datafile import SCHEMAS, check, lowered, read_data, read_user_file
from geopol.records import PloverType

PLOVER_TYPES: tuple[PloverType, ...] = tuple(PloverType)


@dataclasses.dataclass(frozen=True, slots=True)
class Rule:
    """One trigger entry: the event a verb or noun denotes, and its constraints."""

    type: PloverType
    mode: str | None
    cameo: str | None
    contexts: tuple[str, ...]
    objects: frozenset[str]
    reciprocal: bool
    intransitive: bool
    swap: bool
    needs_object: bool
    order: int
    #: Objects that make the verb mean something else ("released a report" is no release).
    not_objects: frozenset[str] = frozenset()
    #: The verb only counts when aimed at something ("launched missiles at the base").
    aimed: bool = False
    #: Both sides do it: "A met with B" is also B meeting A.
    mutual: bool = False
    #: The visit that attending a gathering abroad stands for ("attended a summit in
    #: Switzerland"); made by the coder, never read from a trigger file.
    gathering_visit: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Phrase:
    """A trigger word with its extra words: "call for" is head "call" + particle "for"."""

    head: str
    rest: tuple[str, ...]
    rule: Rule


@dataclasses.dataclass(frozen=True, slots=True)
class Retype:
    """A sentence cue that changes what a trigger means: troops sent on a peacekeeping
    mission are aid, not a show of force."""

    words: frozenset[str]
    types: frozenset[str]
    rule: Rule


@dataclasses.dataclass(frozen=True, slots=True)
class Stance:
    """What a speaker states about the target in a reported clause with no trigger of its
    own: "X said Y must withdraw" (a demand), "X said Y was behind it" (an accusation)."""

    speech: frozenset[str] = frozenset()
    demand: frozenset[str] = frozenset()
    demand_rule: Rule | None = None
    blame: frozenset[str] = frozenset()
    blame_rule: Rule | None = None


@dataclasses.dataclass(slots=True)
class Lexicon:
    verbs: dict[str, list[Phrase]]
    nouns: dict[str, list[Phrase]]
    light_verbs: frozenset[str]
    retypes: tuple[Retype, ...] = ()
    stance: Stance = Stance()


def _phrases(words: list[str], rule: Rule, *, noun: bool) -> list[Phrase]:
    out = []
    for w in words:
        parts = str(w).lower().split()
        if not parts:
            continue
        # Nouns are keyed by their last word ("food aid" -> aid); verbs by their first.
        if noun:
            out.append(Phrase(parts[-1], tuple(parts[:-1]), rule))
            split = " ".join(parts).replace("-", " - ").split()
            if len(split) > len(parts):  # the parser splits "cease-fire" into cease - fire
                out.append(Phrase(split[-1], tuple(split[:-1]), rule))
        else:
            out.append(Phrase(parts[0], tuple(parts[1:]), rule))
    return out


def parse(data: Any, source: str, start: int = 0) -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise DictionaryError(f"{source}: expected a mapping with an 'entries' list")
    verbs: dict[str, list[Phrase]] = {}
    nouns: dict[str, list[Phrase]] = {}
    for i, e in enumerate(data["entries"]):
        rule = _rule(e, f"{source} entry {i + 1}", start + i)
        for p in _phrases(list(e.get("verbs") or ()), rule, noun=False):
            verbs.setdefault(p.head, []).append(p)
        for p in _phrases(list(e.get("nouns") or ()), rule, noun=True):
            nouns.setdefault(p.head, []).append(p)
    retypes = []
    for i, r in enumerate(data.get("retype") or ()):
        where = f"{source} retype {i + 1}"
        if not isinstance(r, dict) or not isinstance(r.get("to"), dict):
            raise DictionaryError(f"{where}: expected 'words', 'from' and a 'to' entry")
        bad = [t for t in r.get("from") or () if t not in PLOVER_TYPES]
        if bad:
            raise DictionaryError(f"{where}: unknown type(s) in 'from': {', '.join(map(str, bad))}")
        retypes.append(
            Retype(
                lowered(r.get("words")),
                frozenset(r.get("from") or ()),
                _rule(r["to"], where, start + i),
            )
        )
    light = frozenset(str(v).lower() for v in data.get("light_verbs") or ())
    return Lexicon(verbs, nouns, light, tuple(retypes), _stance(data.get("stance"), source, start))


def _stance(data: Any, source: str, order: int) -> Stance:
    if data is None:
        return Stance()
    if not isinstance(data, dict):
        raise DictionaryError(f"{source} stance: expected 'speech', 'demand' and 'blame'")
    rules: dict[str, tuple[frozenset[str], Rule | None]] = {}
    for key in ("demand", "blame"):
        part = data.get(key)
        if part is None:
            rules[key] = (frozenset(), None)
            continue
        if not isinstance(part, dict) or not isinstance(part.get("to"), dict):
            raise DictionaryError(f"{source} stance {key}: expected 'words' and a 'to' entry")
        rules[key] = (lowered(part.get("words")), _rule(part["to"], f"{source} stance {key}", order))
    return Stance(lowered(data.get("speech")), *rules["demand"], *rules["blame"])


def _rule(e: Any, where: str, order: int) -> Rule:
    if not isinstance(e, dict) or e.get("type") not in PLOVER_TYPES:
        raise DictionaryError(f"{where}: 'type' must be one of {', '.join(PLOVER_TYPES)}")
    cameo = e.get("cameo")
    return Rule(
        type=PloverType(e["type"]),
        mode=e.get("mode"),
        cameo=str(cameo) if cameo is not None else None,
        contexts=tuple(e.get("contexts") or ()),
        objects=frozenset(str(o).lower() for o in e.get("objects") or ()),
        reciprocal=bool(e.get("reciprocal", False)),
        intransitive=bool(e.get("intransitive", False)),
        swap=bool(e.get("swap", False)),
        needs_object=bool(e.get("needs_object", False)),
        order=order,
        not_objects=frozenset(str(o).lower() for o in e.get("not_objects") or ()),
        aimed=bool(e.get("aimed", False)),
        mutual=bool(e.get("mutual", False)),
    )


def _merge(base: Lexicon, over: Lexicon) -> Lexicon:
    """``over``'s entries are tried before ``base``'s for the same word."""
    verbs = {k: list(v) for k, v in base.verbs.items()}
    nouns = {k: list(v) for k, v in base.nouns.items()}
    for k, v in over.verbs.items():
        verbs[k] = v + verbs.get(k, [])
    for k, v in over.nouns.items():
        nouns[k] = v + nouns.get(k, [])
    b, o = base.stance, over.stance
    stance = Stance(
        b.speech | o.speech,
        b.demand | o.demand,
        o.demand_rule or b.demand_rule,
        b.blame | o.blame,
        o.blame_rule or b.blame_rule,
    )
    return Lexicon(
        verbs, nouns, base.light_verbs | over.light_verbs, over.retypes + base.retypes, stance
    )


@functools.lru_cache(maxsize=8)
def load(user_files: Sequence[str] = ()) -> Lexicon:
    lex = parse(read_data("triggers.yaml"), "geopol:data/events/triggers.yaml")
    from geopol.events.verbdict import with_fallback  # recall (issue 15)

    lex = with_fallback(lex)  # recall (issue 15): CAMEO verbs nobody wrote an entry for
    for n, path in enumerate(user_files):
        text = read_user_file(path, "trigger")
        data = check(text, str(path), SCHEMAS["triggers.yaml"])
        if not isinstance(data, dict):
            raise DictionaryError(f"{path}: expected a mapping with an 'entries' list")
        data.setdefault("light_verbs", [])
        lex = _merge(lex, parse(data, str(path), start=-100_000 * (n + 1)))
    return lex
