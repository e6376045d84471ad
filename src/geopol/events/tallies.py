"""Event nouns in lists joined by slashes (issue 15): "projectiles/explosions/shots" as one
token, and a monitor's tally split at its slashes ("33 shots / bursts of fire near X", words
in ``recall.yaml``'s ``tallies``)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from geopol.docarrays import doc_arrays
from geopol.events.lexicon import Lexicon, Rule
from geopol.events.recall_table import recall_table


def slashed_nouns(sent: Span, lex: Lexicon, taken: set[int]) -> list[tuple[Token, Rule]]:
    """Event nouns joined by slashes into one token ("projectiles/explosions/shots"): the
    first part that is an event noun codes the token."""
    out: list[tuple[Token, Rule]] = []
    arrays = doc_arrays(sent.doc)
    for i in range(sent.start, sent.end):
        if i in taken or "/" not in arrays.lower[i] or arrays.pos[i] not in ("NOUN", "PROPN"):
            continue
        tok = sent.doc[i]
        parts = tok.lower_.split("/")
        for part in parts:
            phrases = lex.nouns.get(part) or lex.nouns.get(part.rstrip("s")) or ()
            plain = [p for p in phrases if not p.rest]
            if plain:
                out.append((tok, plain[0].rule))
                break
        else:  # a monitor's tally, "shots/bursts of fire": shooting, whoever fired
            fire = [p for p in lex.nouns.get("gunfire", ()) if not p.rest]
            if fire and any(p in recall_table().tallies for p in parts):
                out.append((tok, fire[0].rule))
    out.extend(_tally(sent, lex, taken | {t.i for t, _ in out}))
    return out


def _tally(sent: Span, lex: Lexicon, taken: set[int]) -> list[tuple[Token, Rule]]:
    """The first word of a monitor's tally that the tokenizer split at its slashes
    ("33 shots / bursts of fire"), when no event noun of the list is coded already."""
    tallies = recall_table().tallies
    fire = [p for p in lex.nouns.get("gunfire", ()) if not p.rest]
    if not fire:
        return []
    doc, arrays = sent.doc, doc_arrays(sent.doc)
    for i in range(sent.start, sent.end):
        if i in taken or arrays.pos[i] != "NOUN" or arrays.lower[i] not in tallies:
            continue
        tok = doc[i]
        after = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        before = doc[tok.i - 1] if tok.i - 1 >= sent.start else None
        if (after is not None and after.text == "/") or (before is not None and before.text == "/"):
            near = {t.i for t in doc[max(sent.start, tok.i - 4) : min(sent.end, tok.i + 5)]}
            if near & taken:
                return []  # "explosions/shots": the list is coded by its event noun
            return [(tok, fire[0].rule)]
    return []
