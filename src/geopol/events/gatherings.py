"""Visits to gatherings abroad: "X attended a summit in Y" is a visit to Y (CAMEO 042)."""

from __future__ import annotations

from spacy.tokens import Span

from geopol.docarrays import doc_arrays
from geopol.events.arguments import _gathering_place
from geopol.events.cameo import cameo_code
from geopol.events.derived import table
from geopol.events.dyads import ActorIndex, subject_of
from geopol.events.dyads import identified as _identified
from geopol.events.lexicon import Rule
from geopol.events.triggers import Trigger
from geopol.events.verb_phrases import _lemma
from geopol.records import PloverType

#: The visit a gathering abroad stands for: "attended a summit in Switzerland".
_VISIT = Rule(
    PloverType.CONSULT,
    "visit",
    cameo_code("Make a visit"),
    (),
    frozenset(),
    False,
    False,
    False,
    False,
    0,
    gathering_visit=True,
)

def _attended(trigs: list[Trigger], sent: Span, idx: ActorIndex) -> list[Trigger]:
    """Attending or travelling to a gathering held in another country is a visit there
    (CAMEO 042): "X attended a summit in Y", "X travelled to the Beijing Games". The
    gathering's own trigger, if any, becomes the visit."""
    t = table()
    by_tok = {tr.token.i: tr for tr in trigs}
    out = list(trigs)
    arrays = doc_arrays(sent.doc)
    for i in range(sent.start, sent.end):
        if arrays.pos[i] != "VERB" or arrays.lemma[i].lower() not in t.attend:
            continue
        tok = sent.doc[i]
        nouns = [ch for ch in tok.children if ch.dep_ == "dobj"]
        for prep in (ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ in ("to", "for")):
            nouns.extend(p for p in prep.children if p.dep_ == "pobj")
        for n in nouns:
            old = by_tok.get(n.i)
            if (n.lower_ not in t.gatherings and _lemma(n) not in t.gatherings) and (
                old is None or old.rule.type != PloverType.CONSULT
            ):
                continue
            where = _gathering_place(n, idx)
            host, _ = subject_of(tok, idx)
            home = {a.country for a in _identified(host)}
            if not where or {a.country for a in where} <= home:
                continue  # "attended a summit in Paris" by France is no visit
            # The verb carries the visit: its subject visits, the gathering's place is visited.
            visit = Trigger(tok, _VISIT, noun=False, words=(tok, n))
            out = [tr for tr in out if tr is not old and tr.token.i != tok.i]
            out.append(visit)
            break
    return out
