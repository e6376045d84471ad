"""What the factuality model sees about a dyad's attribution (issue 16, fifth round).

The cue walk reads "reported" wherever a verb of saying scopes over the event; whether the
saying is the source's own act (asserted) or a schedule it reports (planned) depends on who
speaks and what is said. These features give the model that view, so that it can choose
asserted or planned over a lone "reported" when it is sure (``model.choose``):

- ``dyad``: the reading went through the dyad check (the model may weigh the features below);
- ``dyad:speaker=source|other|none``: the speaker of the saying is (or holds) the source,
  someone else, or nobody named ("according to", a passive);
- ``dyad:verbal``: the event itself is a verbal act (say, urge, demand, accuse ...);
- ``dyad:depth=1|2``: how many verbs of saying stand over the event;
- ``dyad:clause=past|present|future``: the tense of the attributed clause;
- ``dyad:ahead``: a future time phrase in the attributed clause ("next month").
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.factuality import cues as fact_cues
from geopol.events.factuality.words import future_time, governing
from geopol.records import Factuality

_FUTURE = frozenset({"will", "shall", "would", "'ll", "to"})
_PAST = frozenset({"was", "were", "had", "did", "'d"})


def _speaker(said: Token, sh: Token) -> str:
    subj = [ch for ch in said.children if ch.dep_ in ("nsubj", "nsubjpass")]
    if not subj or subj[0].dep_ == "nsubjpass":
        return "none"
    # "Iran's foreign ministry said", "the Iranian spokesman said": the source holds the office
    if any(t.i == sh.i for s in subj for t in s.subtree):
        return "source"
    return "other"


def _tense(clause: Token) -> str:
    aux = [ch.lower_ for ch in clause.children if ch.dep_ in ("aux", "auxpass")]
    if any(a in _FUTURE for a in aux):
        return "future"
    if clause.tag_ == "VBD" or any(a in _PAST for a in aux):
        return "past"
    return "present"


def dyad_features(
    trigger: Token | None, cue: list[Token], sh: Token, *, verbal: bool
) -> dict[str, float]:
    """The attribution features of a dyad whose event the cue rules read as reported."""
    c = fact_cues()
    out: dict[str, float] = {"dyad": 1.0}
    if verbal:
        out["dyad:verbal"] = 1.0
    sayings = [t for t in cue if governing(t, c) is Factuality.REPORTED]
    out[f"dyad:depth={min(len(sayings), 2)}"] = 1.0
    if sayings:
        out[f"dyad:speaker={_speaker(sayings[0], sh)}"] = 1.0
    said = sayings[0] if sayings else None
    clause = next((ch for ch in said.children if ch.dep_ == "ccomp"), None) if said else None
    if clause is None:
        clause = trigger if trigger is not None else (said if said is not None else sh.head)
    out[f"dyad:clause={_tense(clause)}"] = 1.0
    if future_time(clause, c) is not None:
        out["dyad:ahead"] = 1.0
    return out
