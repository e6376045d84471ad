"""Head nouns that decide what a country word or a party name before them names
(vocabulary: ``data/actors/heads.yaml``).

- **A country's firm**: a country word on a firm, market or industry noun ("US agrochemical
  giant Monsanto", "the European bourse Euronext") or heading a product noun ("Chinese
  wine") names a firm of that country, sector BUS, not the state; the firm's own name,
  where the noun is its title, is the mention.
- **A party's member of an assembly**: "a Labour MEP" is the party's (see
  ``titles.party_titled``), not the European Parliament.
"""

from __future__ import annotations

import dataclasses
import functools
from importlib import resources

from spacy.tokens import Doc, Token

from geopol.actors.mention import Mention
from geopol.events import datafile

#: Kinds of mention a firm's country word may be ("the Madrid exchange" names a capital).
COUNTRY_WORDS = frozenset({"state", "adjective", "bloc", "capital"})
#: Dependencies that tie a modifier into its noun phrase.
MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})


@dataclasses.dataclass(frozen=True)
class Heads:
    firms: frozenset[str]
    products: frozenset[str]
    members: frozenset[str]
    things: frozenset[str]


#: The schema of ``data/actors/heads.yaml``, checked by the events stage's data-file checker
#: (line-numbered errors, misspelt keys named).
HEADS_SCHEMA = {
    key: datafile.words(True)
    for key in ("firm_nouns", "product_nouns", "member_titles", "it_things")
}


@functools.lru_cache(maxsize=1)
def heads() -> Heads:
    text = (resources.files("geopol") / "data" / "actors" / "heads.yaml").read_text("utf-8")
    data = datafile.check(text, "geopol:data/actors/heads.yaml", HEADS_SCHEMA)
    return Heads(
        datafile.lowered(data["firm_nouns"]),
        datafile.lowered(data["product_nouns"]),
        datafile.lowered(data["member_titles"]),
        datafile.lowered(data["it_things"]),
    )


def _firm_word(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (
        tok.lower_ in heads().firms or tok.lemma_.lower() in heads().firms
    )


def _phrase_root(tok: Token) -> Token:
    """The noun the modifier ``tok`` belongs to, up its chain of modifiers to the right."""
    while tok.dep_ in MODIFIERS and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok


def _firm_span(doc: Doc, mn: Mention, taken: dict[int, Mention]) -> tuple[int, Mention | None] | None:
    """The end of the firm's phrase a country word opens, and the firm's named mention in it."""
    last = doc[mn.end - 1]
    if last.dep_ not in MODIFIERS or last.head.i < mn.end:
        return None
    root = _phrase_root(last)
    between = [doc[i] for i in range(mn.end, root.i + 1)]
    others = {id(taken[t.i]): taken[t.i] for t in between if t.i in taken}
    name = next(iter(others.values())) if len(others) == 1 else None
    if len(others) > 1 or (name is not None and (name.kind != "org" or name.sector)):
        return None  # another actor in the phrase: "the US Senate's banking committee"
    if name is not None and name.start < mn.end:
        return None
    # the firm noun heads the phrase, or titles the name that heads it ("giant Monsanto");
    # "the Chinese market regulator" is a regulator, not a market
    firm = _firm_word(root) or (root.pos_ == "PROPN" and any(_firm_word(t) for t in between))
    product = root.pos_ == "NOUN" and root.lower_ in heads().products
    if not (firm or product):
        return None
    nxt = taken.get(root.i + 1)
    if (
        name is None
        and firm
        and nxt is not None
        and nxt.start == root.i + 1
        and nxt.kind == "org"
        and not nxt.sector
        and not nxt.country
    ):
        name = nxt  # the name in apposition: "the Dutch brewing giant Heineken"
    end = max(root.i + 1, name.end if name else 0)
    return end, name


def _country_word(doc: Doc, mn: Mention) -> bool:
    """A country's name or adjective, or a tagged adjective with one in it ("Pan-European")."""
    if not mn.country:
        return False
    if mn.kind in COUNTRY_WORDS:
        return True
    return mn.kind == "org" and mn.how.startswith("ner+dictionary") and doc[mn.end - 1].pos_ == "ADJ"


def country_firms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country words on a firm's noun made that country's firm (sector BUS)."""
    taken: dict[int, Mention] = {}
    for mn in mentions:
        for i in range(mn.start, mn.end):
            taken[i] = mn
    gone: set[int] = set()
    out: list[Mention] = []
    for mn in mentions:
        if id(mn) in gone:
            continue
        found = _firm_span(doc, mn, taken) if _country_word(doc, mn) else None
        if found is None:
            out.append(mn)
            continue
        end, name = found
        if name is not None:
            gone.add(id(name))
        out.append(
            Mention(
                start=mn.start,
                end=end,
                name=name.name if name is not None else doc[mn.start : end].text,
                country=mn.country,
                sector="BUS",
                role=None,
                kind="org",
                how=f"firm+{mn.how}",
                stands_for=mn.stands_for,
            )
        )
    return [mn for mn in out if id(mn) not in gone]


def member_title(text: str) -> bool:
    """A title of an assembly's member ("MEP", "MEPs")."""
    return text.strip().lower() in heads().members


__all__ = ["Heads", "country_firms", "heads", "member_title"]
