"""Events coded from the verb that governs another event (``data/events/derived.yaml``).

PLOVER and CAMEO code what an actor says or wants as its own event: "the US said Russia
attacked Kyiv" is Russia's (reported) attack and also the US accusing Russia; "X wants Y
to withdraw" is an appeal by X to Y; "X vows to attack Y" is a threat; "X said it would
not send aid to Y" is a rejection. The content event keeps its own factuality; the
statement is the speaker's and is as factual as the governing verb.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from geopol.events.cameo import cameo_code
from geopol.events.datafile import read_data
from geopol.events.dyads import identified as _identified
from geopol.events.dyads import subject_of
from geopol.events.factuality import assess
from geopol.events.lexicon import Rule
from geopol.records import Actor, Factuality, PloverType

if TYPE_CHECKING:
    from geopol.events.context import Reading, SentenceContext

#: Types whose refusal is a rejection: cooperation that is withheld.
_COOPERATIVE = frozenset({PloverType.AID, PloverType.COOPERATE, PloverType.CONSULT, PloverType.SUPPORT, PloverType.CONCEDE, PloverType.RETREAT, PloverType.AGREE})
_GOVERNED = frozenset({"xcomp", "ccomp"})


@dataclasses.dataclass(frozen=True, slots=True)
class Table:
    speech: frozenset[str]
    accuse: dict[str, str]
    appeal: frozenset[str]
    demand: frozenset[str]
    appeal_codes: dict[str, str]
    demand_codes: dict[str, str]
    intent: frozenset[str]
    threaten: dict[str, str]
    future: frozenset[str]
    commit: frozenset[str]
    promise: dict[str, str]
    modals: frozenset[str]
    reject: dict[str, str]
    attend: frozenset[str]
    gatherings: frozenset[str]
    victim_sectors: frozenset[str]
    victim_types: frozenset[str]
    targeted: frozenset[str]
    host_targets: frozenset[str]
    party_types: frozenset[str]
    party_organs: frozenset[str]
    party_named_types: frozenset[str]
    origin_sources: frozenset[str]
    forces_abroad: frozenset[str]
    armed_sectors: frozenset[str]
    armed_types: frozenset[str]
    place_targets: frozenset[str]
    place_recipients: frozenset[str]
    complement_places: frozenset[str]
    home_places: frozenset[str]
    forces_moved: frozenset[str]
    accidents: frozenset[str]
    rioters: frozenset[str]
    riot_modes: frozenset[str | None]
    repressors: frozenset[str]

    def promise_code(self, type_: str, mode: str | None, cameo: str | None) -> str | None:
        """The CAMEO code (03x) of a stated intent to do an event of this kind."""
        for key in (f"cameo:{cameo}", f"{type_}:{mode}", type_):
            if key in self.promise:
                return self.promise[key]
        return None


def _words(xs: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in xs or ())


def _codes(d: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (d or {}).items()}


@functools.lru_cache(maxsize=1)
def table() -> Table:
    d = read_data("derived.yaml")
    return Table(
        speech=_words(d["speech"]["verbs"]),
        accuse=_codes(d["speech"]["accuse"]),
        appeal=_words(d["appeal"]["verbs"]),
        demand=_words(d["appeal"]["demand_verbs"]),
        appeal_codes=_codes(d["appeal"]["appeal_codes"]),
        demand_codes=_codes(d["appeal"]["demand_codes"]),
        intent=_words(d["intent"]["verbs"]),
        threaten=_codes(d["intent"]["threaten"]),
        future=_words(d["intent"]["future"]),
        commit=_words(d["intent"]["commit"]),
        promise=_codes(d["intent"]["promise"]),
        modals=_words(d["refusal"]["modals"]),
        reject=_codes(d["refusal"]["reject"]),
        attend=_words(d["attend"]["verbs"]),
        gatherings=_words(d["attend"]["gatherings"]),
        victim_sectors=frozenset(str(s).upper() for s in d["victims"]["sectors"]),
        victim_types=frozenset(str(t).upper() for t in d["victims"]["types"]),
        targeted=frozenset(str(t).upper() for t in d["targeted"]),
        host_targets=frozenset(str(t).upper() for t in d.get("host_targets") or ()),
        party_types=frozenset(
            str(t).upper() for t in (d.get("party_targets") or {}).get("types") or ()
        ),
        party_organs=frozenset(
            str(t).upper() for t in (d.get("party_targets") or {}).get("sectors") or ()
        ),
        party_named_types=frozenset(
            str(t).upper() for t in (d.get("party_targets") or {}).get("named_types") or ()
        ),
        origin_sources=frozenset(str(t).upper() for t in d.get("origin_sources") or ()),
        forces_abroad=frozenset(str(t).upper() for t in d.get("forces_abroad") or ()),
        armed_sectors=frozenset(
            str(t).upper() for t in (d.get("unnamed_armed") or {}).get("sectors") or ()
        ),
        armed_types=frozenset(
            str(t).upper() for t in (d.get("unnamed_armed") or {}).get("types") or ()
        ),
        place_targets=frozenset(str(t).upper() for t in d.get("place_targets") or ()),
        place_recipients=frozenset(str(t).upper() for t in d.get("place_recipients") or ()),
        complement_places=frozenset(str(t).upper() for t in d.get("complement_places") or ()),
        home_places=frozenset(str(t).upper() for t in d.get("home_places") or ()),
        forces_moved=frozenset(str(t).upper() for t in d.get("forces_moved") or ()),
        accidents=_words(d.get("accidents")),
        rioters=_words((d.get("rioters") or {}).get("doers")),
        riot_modes=frozenset([None, *_words((d.get("rioters") or {}).get("modes"))]),
        repressors=frozenset(
            str(t).upper() for t in (d.get("repression") or {}).get("sectors") or ()
        ),
    )


@dataclasses.dataclass(frozen=True, slots=True)
class Derived:
    """One event read off the verb governing another: its rule, the tokens that state it
    (the first is the trigger the date, place and factuality are read from) and its dyad."""

    rule: Rule
    words: tuple[Token, ...]
    source: list[Actor]
    target: list[Actor]


def riot_rule() -> Rule:
    """Violence or destruction by protesters: CAMEO 145, a violent protest."""
    return _rule(PloverType.PROTEST, "riot", cameo_code("Protest violently, riot"))


def repression_rule() -> Rule:
    """Violence by a state's forces against protesters: CAMEO 175, violent repression (an
    ASSAULT in CAMEO2PLOVER)."""
    return _rule(
        PloverType.ASSAULT, "crowd-control", cameo_code("Use tactics of violent repression")
    )


def _rule(type_: PloverType, mode: str | None, cameo: str) -> Rule:
    return Rule(type_, mode, cameo, (), frozenset(), False, False, False, False, 0)


def _governor(tok: Token) -> Token | None:
    """The verb whose clause (xcomp/ccomp) the event at ``tok`` is, through coordination:
    in "said ISIL had attacked Iraq and taken Mosul" both events hang from "said"."""
    cur = tok
    for _ in range(4):
        if cur.dep_ == "conj" and cur.head.i != cur.i:
            cur = cur.head
            continue
        if cur.dep_ in _GOVERNED and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        return None
    return None


def alleged(tok: Token) -> bool:
    """The event at ``tok`` is said to have happened by the subject of a verb of saying
    whose clause it is ("the US said that Iraq had attacked"): the act an accusation is
    derived from (see ``derive``)."""
    gov = _governor(tok)
    return (
        gov is not None
        and gov.lemma_.lower() in table().speech
        and _own_subject(gov)
        and _claimed(tok)
    )


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def _own_subject(tok: Token) -> bool:
    return any(ch.dep_ in ("nsubj", "nsubjpass", "csubj") for ch in tok.children)


def _negation(tok: Token, modals: frozenset[str]) -> Token | None:
    """The "not" of "would not send", "will not meet", "won't lift": a refusal."""
    neg = next((ch for ch in tok.children if ch.dep_ == "neg"), None)
    if neg is None:
        return None
    if any(ch.dep_ == "aux" and ch.lower_ in modals for ch in tok.children):
        return neg
    return None


def derive(ctx: SentenceContext, reading: Reading) -> list[Derived]:
    """The statement events that the clause of the trigger being read implies (its type,
    with its dyad; its mode and CAMEO code to code a promise of it). The triggers of the
    sentence whose own events already say it ("urged Y to", "threatened to") imply none."""
    trig, source, target = reading.trigger, reading.source, reading.target
    tok, type_, noun, mode, cameo = (
        trig.token,
        trig.rule.type,
        trig.noun,
        trig.rule.mode,
        trig.rule.cameo,
    )
    idx, triggers, identified = ctx.index, ctx.trigger_tokens, _identified
    t = table()
    out: list[Derived] = []
    if noun and tok.dep_ in ("dobj", "nsubjpass", "attr") and tok.head.pos_ == "VERB":
        tok = tok.head  # "launched an attack", "give loans": the clause is the verb's
    gov = _governor(tok)
    if gov is not None and any(ch.dep_ == "neg" for ch in gov.children):
        gov = None  # "did not say", "does not want": no statement, no appeal
    if gov is not None and gov.i not in triggers:
        lemma = gov.lemma_.lower()
        speaker: list[Actor] = identified(subject_of(gov, idx)[0])
        # "wants Putin to attack": the one asked is the subject of the content clause.
        asked = [a for a in source if a.code not in {s.code for s in speaker}]
        if not _addressee(tok, gov):
            asked = []
        if not speaker:
            pass
        elif lemma in t.speech and type_ in t.accuse and _claimed(tok):
            accused = [a for a in source if _other_side(a, speaker)]
            if accused:
                code = t.accuse[type_]
                out.append(Derived(_rule(PloverType.ACCUSE, "allege", code), (gov,), speaker, accused))
        elif (lemma in t.appeal or lemma in t.demand) and asked:
            codes = t.demand_codes if lemma in t.demand else t.appeal_codes
            code = codes.get(type_, codes["default"])
            out.append(Derived(_rule(PloverType.REQUEST, None, code), (gov,), speaker, asked))
        elif type_ in t.threaten and target and _intends(tok, lemma, source, speaker):
            # "vowed to attack Y", not "vowed that Y would be hit"
            threat = "violence" if type_ == PloverType.ASSAULT else "restrict"
            rule = _rule(PloverType.THREATEN, threat, t.threaten[type_])
            out.append(Derived(rule, (gov, tok), speaker, target))
        elif type_ in _COOPERATIVE and target and _intends(tok, lemma, source, speaker):
            # "wants to help Y", "announced it would free Y's prisoners"
            code = t.promise_code(type_, mode, cameo) or cameo_code("Express intent to cooperate")
            out.append(Derived(_rule(PloverType.AGREE, None, code), (gov, tok), speaker, target))
    if type_ in _COOPERATIVE and type_ in t.reject and source and target:
        neg = _negation(tok, t.modals)
        if neg is not None:
            out.append(Derived(_rule(PloverType.REJECT, None, t.reject[type_]), (tok, neg), source, target))
    return out


def _intends(tok: Token, lemma: str, source: list[Actor], speaker: list[Actor]) -> bool:
    """The governing verb states its subject's own intent to do the event at ``tok``:
    "wants to help", "vowed to strike" (no subject of its own), or "said it will send",
    "announced it would free" (a future clause whose doer is the speaker)."""
    t = table()
    if lemma in t.intent:
        return not _own_subject(tok)
    if lemma not in t.speech or not _own_subject(tok):
        return False
    future = any(ch.dep_ == "aux" and ch.lower_ in t.future for ch in tok.children)
    doers, own = _countries(source), _countries(speaker)
    return future and bool(doers) and doers <= own


#: Sectors of the state itself; a monitor, the opposition or the press reporting what they
#: did speaks against them even from the same country.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PRM", "ELI", None})


def _other_side(accused: Actor, speaker: list[Actor]) -> bool:
    """Whether a reported act by ``accused`` is an allegation against it by ``speaker``:
    another country, or the forces of the speaker's own state reported by a non-state
    speaker ("the Syrian Observatory said government forces killed eight")."""
    if accused.country not in _countries(speaker):
        return True
    same = [s for s in speaker if s.country == accused.country]
    return accused.sector in _STATE_SECTORS - {None} and not any(
        s.sector in _STATE_SECTORS for s in same
    )


def _claimed(tok: Token) -> bool:
    """The reported event is said to have happened (perhaps), not to be planned or refused:
    "said Y attacked" accuses Y; "said Y would attack" and "said Y did not attack" do not."""
    level, _ = assess(tok, noun=False)
    return level not in (Factuality.NEGATED, Factuality.PLANNED, Factuality.HYPOTHETICAL)


def _addressee(tok: Token, gov: Token) -> bool:
    """True when the content clause names its own actor: "wants Putin to attack" (a
    subject of the clause, or the object of the wanting verb), not "wants to attack"."""
    if _own_subject(tok):
        return True
    return tok.dep_ == "xcomp" and any(ch.dep_ == "dobj" for ch in gov.children)
