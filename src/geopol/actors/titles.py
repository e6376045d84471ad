"""A person titled by a party ("Tory leader Michael Howard", "Lib Dem leader Charles Kennedy",
"the Tory shadow chancellor"): the party's country and sector, not the government's.
A person whose title is a shadow office ("shadow foreign secretary Michael Ancram", "the
shadow home secretary") speaks for the opposition: the sector OPP, not GOV.

The actor finder reads "leader", "chancellor" or "minister" as a government title; when a
party's name stands in the title itself, the person speaks for that party (in opposition or
not), and a person of no country takes the party's country.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from geopol.actors.firms import member_title
from geopol.records import Actor

#: How many words back a title may reach ("Tory shadow chancellor Oliver Letwin").
REACH = 3
#: Sectors a party's title replaces: a government title, or none.
REPLACED = frozenset({"GOV", None})
#: Words of a title that make a government office the opposition's.
SHADOW = frozenset({"shadow"})
#: Kinds of actor a party title may name.
PEOPLE = frozenset({"person", "agent", "ner"})


def _tokens(doc: Doc, a: Actor) -> tuple[int, int] | None:
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def _title_words(doc: Doc, start: int) -> list[Token]:
    """The words of the title before a name: nouns, names and adjectives next to it."""
    out: list[Token] = []
    i = start - 1
    while i >= 0 and len(out) < REACH:
        tok = doc[i]
        if tok.pos_ not in ("PROPN", "NOUN", "ADJ") or tok.is_punct:
            break
        out.append(tok)
        i -= 1
    return out


def party_titled(doc: Doc, actors: list[Actor], parties: list[tuple[int, int, str]]) -> list[Actor]:
    """Each person whose title names a party ("Tory leader Michael Howard") gets that party's
    country and the sector PTY, when it had a government title or no sector. ``parties``:
    (start token, end token, country) of each capitalised party name the dictionaries
    matched, accepted as a mention or not ("Tory" inside a tagged name)."""
    party_at: dict[int, str] = {}
    for start, end, country in parties:
        if doc[start].text[:1].isupper():
            for i in range(start, end):
                party_at[i] = country
    if not party_at:
        return actors
    out: list[Actor] = []
    for a in actors:
        sp = _tokens(doc, a)
        member = member_title(a.text)  # "a Labour MEP": the party's, not the assembly's
        if sp is None or (not member and (a.sector not in REPLACED or a.kind not in PEOPLE)):
            out.append(a)
            continue
        # the party may stand inside the mention's own words ("Lib Dem leader Charles Kennedy")
        words = [doc[i] for i in range(*sp)] + _title_words(doc, sp[0])
        home = next((party_at[t.i] for t in words if t.i in party_at), None)
        if home is None or (a.country and a.country != home and not member):
            out.append(a)
            continue
        out.append(dataclasses.replace(a, country=home, sector="PTY", how=f"{a.how}+party-title"))
    return out


def shadow_titled(doc: Doc, actors: list[Actor]) -> list[Actor]:
    """Each person of a government title that is a shadow office ("shadow foreign secretary
    Michael Ancram") gets the sector OPP: the opposition's spokesman, not the government."""
    out: list[Actor] = []
    for a in actors:
        # with no country yet, pass named-parties reads the title once the country is known
        sp = _tokens(doc, a) if a.sector == "GOV" and a.country and a.kind in PEOPLE else None
        if sp is None:
            out.append(a)
            continue
        words = [doc[i] for i in range(*sp)] + _title_words(doc, sp[0])
        if any(t.lower_ in SHADOW for t in words):
            out.append(dataclasses.replace(a, sector="OPP", how=f"{a.how}+shadow-title"))
        else:
            out.append(a)
    return out
