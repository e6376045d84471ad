"""Named armed groups that no dictionary knows (issue 15, fourth round; ``recall.yaml``).

Local conflict reporting names militias, vigilante wings and splinter factions that no
actor dictionary lists: "10 Imbonerakure attacked a party member", "members of Ahrar al
Sharqiyah assaulted a civilian", "a Raia Mutomboki-Kabazimiya rebel shot a man". ACLED
codes each as a group of the country where it acted. ``named_group`` does the same: the
doer of a violent or coercive act is a proper name of no known country, named *as a group*
(counted, "a group of X", "members of X", or an armed agent noun with the name on it:
"X militants", "X rebel", "X Vigilantes" with the noun capitalised as part of the name), and it takes the country of the event's place (the article's
places when the sentence has none). A bare name with no such mark ("Chelsea attacked",
"Smith shot") is never taken for an armed group.
"""

from __future__ import annotations

from spacy.tokens import Token

from geopol.events.dyads import ActorIndex
from geopol.events.local_words import local_words
from geopol.events.placed import Where
from geopol.events.recall_doers import doer_phrase
from geopol.events.recall_places import country_of_act
from geopol.events.recall_table import recall_table
from geopol.records import Actor

#: Sectors an armed group's agent noun may carry ("rebels": REB); any other is UAF.
_ARMED_SECTORS = frozenset({"REB", "INS", "UAF", "CRM", "PRM"})

#: Entity types that never name an armed group ("Smith", "Monday", "Kenya").
_NOT_GROUPS = frozenset({"PERSON", "GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "MONEY"})


def _named(tok: Token) -> bool:
    """A proper name, or a capitalised noun inside the sentence ("12 Imbonerakure", which
    the tagger may read as a common noun)."""
    return tok.pos_ == "PROPN" or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start
    )


def _name_tokens(head: Token) -> list[Token]:
    """The proper-name tokens of the phrase headed by ``head`` (its compounds included)."""
    return [t for t in head.subtree if _named(t) and t.i <= head.i]


def _inner_name(noun: Token) -> Token | None:
    """The proper name after "of" on a group or member noun: "members of Ahrar al
    Sharqiyah", "a group of Imbonerakure"."""
    for ch in noun.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for p in ch.children:
                if p.dep_ == "pobj" and _named(p):
                    return p
    return None


def _armed_nouns() -> frozenset[str]:
    """``recall.yaml``'s armed nouns and those of ``local_notes.yaml`` ("tribesmen")."""
    return recall_table().armed_nouns | local_words("armed_nouns")


def group_name(phrase: Token) -> tuple[Token, Token] | None:
    """The name of an armed group in a doer phrase, and the token whose actors (if any) the
    name is: counted ("10 Imbonerakure"), after a group noun ("a group of X", "members of
    X"), or on an armed agent noun ("ISGS militants", "a Raia Mutomboki rebel")."""
    t = recall_table()
    armed = _armed_nouns()
    low = phrase.lemma_.lower()
    if _named(phrase):
        counted = any(ch.dep_ == "nummod" for ch in phrase.children)
        # "Zamfara Vigilantes", "the Bakassi Fighters": an armed noun capitalised as the
        # last word of the group's name
        titled = low in armed or phrase.lower_ in armed
        named = titled and any(ch.dep_ == "compound" and _named(ch) for ch in phrase.children)
        return (phrase, phrase) if counted or named else None
    if low in t.groups or low in armed:
        inner = _inner_name(phrase)
        if inner is not None:
            return inner, inner
    if low in armed or phrase.lower_ in armed:
        names = [ch for ch in phrase.children if ch.dep_ == "compound" and _named(ch)]
        if names:
            return names[-1], phrase
    return None


def named_group(
    trigger: Token, type_: str, where: Where, idx: ActorIndex, raw_source: list[Actor]
) -> list[Actor]:
    """The doer of a violent or coercive act named as an armed group of no known country,
    placed in the country where it acted (see the module's doc)."""
    t = recall_table()
    if type_ not in t.group_types:
        return []
    phrase = doer_phrase(trigger, type_)
    if phrase is None:
        return []
    found = group_name(phrase)
    if found is None:
        return []
    name, at = found
    tokens = _name_tokens(name)
    # after "members of" or on "militants" a name is a group's whatever the tagger says;
    # a counted bare name must not be a person's ("3 Smiths")
    # ("Zamfara Vigilantes", named by its armed noun, may be tagged a person too)
    armed = _armed_nouns()
    titled = name.lower_ in armed or name.lemma_.lower() in armed
    banned = _NOT_GROUPS if name is phrase and not titled else _NOT_GROUPS - {"PERSON"}
    if not tokens or any(tok.ent_type_ in banned for tok in tokens):
        return []
    if any(a.country for tok in (name, at, phrase) for a in idx.at(tok)):
        return []  # a known actor: the dictionaries already gave it a country
    if any(a.country for a in raw_source):
        return []
    country = country_of_act(trigger, where)
    if country is None:
        return []
    first = min(tokens[0].i, at.i)
    last = max(tokens[-1].i, at.i)
    span = trigger.doc[first : last + 1]
    text = span.text
    known = [a for a in idx.at(at) if a.sector in _ARMED_SECTORS]
    sector = known[0].sector if known else "UAF"
    return [
        Actor(
            text=text,
            start=span.start_char,
            end=span.end_char,
            name=text,
            country=country,
            sector=sector,
            kind="group",
            how="named-group,place-of-event",
        )
    ]


__all__ = ["group_name", "named_group"]

