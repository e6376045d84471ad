"""Head nouns that decide what a country word or a party name before them names
(vocabulary: ``data/actors/heads.yaml``).

- **A country's firm**: a country word on a firm, market or industry noun ("US agrochemical
  giant Monsanto", "the European bourse Euronext") or heading a product noun ("Chinese
  wine") names a firm of that country, sector BUS, not the state; the firm's own name,
  where the noun is its title, is the mention.
- **A firm's own name**: a tagged organisation's name with a country word in it that ends in
  a firm's name word ("British Airways", "US Airways") is a firm of that country (BUS).
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
    names: frozenset[str]
    offices: frozenset[str]


#: The schema of ``data/actors/heads.yaml``, checked by the events stage's data-file checker
#: (line-numbered errors, misspelt keys named).
HEADS_SCHEMA = {
    key: datafile.words(True)
    for key in ("firm_nouns", "product_nouns", "member_titles", "it_things")
} | {"firm_name_words": datafile.words(), "firm_offices": datafile.words()}


@functools.lru_cache(maxsize=1)
def heads() -> Heads:
    text = (resources.files("geopol") / "data" / "actors" / "heads.yaml").read_text("utf-8")
    data = datafile.check(text, "geopol:data/actors/heads.yaml", HEADS_SCHEMA)
    return Heads(
        datafile.lowered(data["firm_nouns"]),
        datafile.lowered(data["product_nouns"]),
        datafile.lowered(data["member_titles"]),
        datafile.lowered(data["it_things"]),
        datafile.lowered(data.get("firm_name_words") or []),
        datafile.lowered(data.get("firm_offices") or []),
    )


def firm_office(noun: Token, taken: dict[int, Mention]) -> bool:
    """An office in a firm: an office noun with "of" and an organisation of no state sector
    ("co-head of EADS", "boss of Airbus"; not "head of the Foreign Office")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in heads().offices:
        return False
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            mn = taken.get(obj.i)
            if mn is None:
                return obj.ent_type_ == "ORG"  # a tagged name the dictionaries lack
            return mn.kind == "org" and mn.sector in (None, "BUS")
    return False


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
    firm = (
        _firm_word(root)
        or (root.pos_ == "PROPN" and any(_firm_word(t) for t in between))
        or firm_office(root, taken)
    )
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


def _named_firm(doc: Doc, mn: Mention) -> bool:
    """A tagged organisation with a country whose own name ends in a firm's name word
    ("British Airways", "US Airways", "Delta Air Lines'")."""
    if mn.kind != "org" or not mn.country or mn.sector or not mn.how.startswith("ner"):
        return False
    last = doc[mn.end - 1]
    if last.tag_ == "POS" and mn.end - 1 > mn.start:
        last = doc[mn.end - 2]
    word = last.lower_.rstrip("'")
    return last.pos_ == "PROPN" and word in heads().names


def country_firms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country words on a firm's noun made that country's firm (sector BUS); a tagged
    organisation's name ending in a firm's name word made a firm of its country."""
    taken: dict[int, Mention] = {}
    for mn in mentions:
        for i in range(mn.start, mn.end):
            taken[i] = mn
    gone: set[int] = set()
    out: list[Mention] = []
    for mn in mentions:
        if id(mn) in gone:
            continue
        if _named_firm(doc, mn):
            out.append(dataclasses.replace(mn, sector="BUS", how=f"firm-name+{mn.how}"))
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


def _own_name(doc: Doc, mn: Mention) -> str:
    """A name's words, without a possessive ending ("Yukos'", "Hardie's": "yukos", "hardie")."""
    return " ".join(t.lower_ for t in doc[mn.start : mn.end] if t.tag_ != "POS").strip("' ")


def _titled(doc: Doc, mn: Mention) -> bool:
    """A tagged name the dictionaries lack, titled by a firm noun ("oil firm Yukos", "milk
    firm Yili", "insurance broker Marsh & McLennan")."""
    if not mn.how.startswith("ner") or mn.sector or mn.start == 0:
        return False
    prev = doc[mn.start - 1]
    if not _firm_word(prev):
        return False
    inside = range(mn.start, mn.end)
    return prev.head.i in inside or any(doc[i].head.i == prev.i for i in inside)


def _title_country(doc: Doc, mn: Mention, taken: dict[int, Mention]) -> str | None:
    """The country word among the modifiers of a firm noun titling a name ("Russian oil firm
    Yukos", where the tagger took the name for a person's)."""
    i = mn.start - 1  # the firm noun
    while i > 0:
        i -= 1
        tok = doc[i]
        if tok.dep_ not in MODIFIERS or not i < tok.head.i < mn.end:
            return None
        other = taken.get(i)
        if other is not None and _country_word(doc, other):
            return other.country
    return None


def same_firms(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name titled by a firm noun is a firm (BUS, its country where one is stated); the
    same name elsewhere in the article is that firm ("Russian oil firm Yukos ... dismissed
    Yukos' claims"), of the one country any of its titles states. A name given two
    countries is left as it is."""
    firms: dict[str, set[str | None]] = {}
    out: list[Mention] = []
    taken = {i: mn for mn in mentions for i in range(mn.start, mn.end)}
    for mn in mentions:
        if _titled(doc, mn):
            country = mn.country or _title_country(doc, mn, taken)
            mn = dataclasses.replace(
                mn, country=country, sector="BUS", how=f"firm-titled+{mn.how}"
            )
        if mn.sector == "BUS" and mn.how.startswith(("firm-titled", "firm-name")):
            firms.setdefault(_own_name(doc, mn), set()).add(mn.country)
        elif mn.sector == "BUS" and mn.how.startswith("firm+") and mn.name != doc[mn.start : mn.end].text:
            # "Russian oil firm Yukos": the firm's own name was joined into the mention
            firms.setdefault(mn.name.lower().removesuffix("'s").strip("' "), set()).add(mn.country)
        out.append(mn)
    for i, mn in enumerate(out):
        if mn.sector or not mn.how.startswith("ner"):
            continue
        countries = firms.get(_own_name(doc, mn))
        if countries is None:
            continue
        stated = countries - {None}
        if len(stated) > 1:
            continue  # a name given two countries
        country = next(iter(stated), None)
        if mn.country and country and mn.country != country:
            continue
        out[i] = dataclasses.replace(
            mn, country=mn.country or country, sector="BUS", how=f"firm-same+{mn.how}"
        )
    return out


def member_title(text: str) -> bool:
    """A title of an assembly's member ("MEP", "MEPs")."""
    return text.strip().lower() in heads().members


__all__ = ["Heads", "country_firms", "firm_office", "heads", "member_title", "same_firms"]
