"""The word lists of ``data/events/recall.yaml`` and the people nouns they define (issue 15).

Split from recall.py (sixth round): the table is read by many modules (argument scoring,
tallies, crowd acts, trigger objects) that need no more of recall.py.
"""

from __future__ import annotations

import dataclasses
import functools

from spacy.tokens import Token

from geopol.events.datafile import lowered, read_data


@dataclasses.dataclass(frozen=True, slots=True)
class RecallTable:
    doer_types: frozenset[str]
    implicit_types: frozenset[str]
    sectors: dict[str, str]
    means: frozenset[str]
    groups: frozenset[str]
    not_doers: frozenset[str]
    yield_modes: frozenset[str]
    assembly: frozenset[str] = frozenset()
    obstruct: frozenset[str] = frozenset()
    purpose: frozenset[str] = frozenset()
    perception: frozenset[str] = frozenset()
    support: frozenset[str] = frozenset()
    contact: frozenset[str] = frozenset()
    messages: frozenset[str] = frozenset()
    borders: frozenset[str] = frozenset()
    judgement: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()
    implicit_verbs: frozenset[str] = frozenset()
    implicit_nouns: frozenset[str] = frozenset()
    protest_verbs: frozenset[str] = frozenset()
    remains: frozenset[str] = frozenset()
    found: frozenset[str] = frozenset()
    not_crowds: frozenset[str] = frozenset()
    street_means: frozenset[str] = frozenset()
    armed_nouns: frozenset[str] = frozenset()
    group_types: frozenset[str] = frozenset()
    tallies: frozenset[str] = frozenset()
    ways: frozenset[str] = frozenset()
    buildings: frozenset[str] = frozenset()
    protesters: frozenset[str] = frozenset()
    dispersal: frozenset[str] = frozenset()
    missions: dict[str, str] = dataclasses.field(default_factory=dict)
    #: named armed groups (by country code "IMG-IS" or name) -> the countries they fight in
    theatres: dict[str, frozenset[str]] = dataclasses.field(default_factory=dict)


@functools.cache
def recall_table() -> RecallTable:
    """``data/events/recall.yaml``, read by the schema-checked loader (events/datafile.py)."""
    d = read_data("recall.yaml")

    def words(key: str) -> frozenset[str]:
        return lowered(d.get(key))

    return RecallTable(
        doer_types=frozenset(str(t) for t in d.get("doer_types") or ()),
        implicit_types=frozenset(str(t) for t in d.get("implicit_types") or ()),
        sectors={str(k): str(v) for k, v in (d.get("sectors") or {}).items()},
        means=words("means"),
        groups=words("groups"),
        not_doers=words("not_doers"),
        yield_modes=words("yield_modes"),
        assembly=words("assembly"),
        obstruct=words("obstruct"),
        purpose=words("purpose"),
        perception=words("perception"),
        support=words("support"),
        contact=words("contact"),
        messages=words("messages"),
        borders=words("borders"),
        judgement=words("judgement"),
        people=words("people"),
        implicit_verbs=words("implicit_verbs"),
        implicit_nouns=words("implicit_nouns"),
        protest_verbs=words("protest_verbs"),
        remains=words("remains"),
        found=words("found"),
        not_crowds=words("not_crowds"),
        street_means=words("street_means"),
        armed_nouns=words("armed_nouns"),
        tallies=words("tallies"),
        ways=words("ways"),
        buildings=words("buildings"),
        protesters=words("protesters"),
        dispersal=words("dispersal"),
        missions={str(k): str(v).upper() for k, v in (d.get("missions") or {}).items()},
        group_types=frozenset(str(t) for t in d.get("group_types") or ()),
        theatres={
            str(k).lower(): frozenset(str(v).upper().split())
            for k, v in (d.get("theatres") or {}).items()
        },
    )


def people_noun(noun: Token) -> bool:
    """Whether a plain noun names people: a listed word or an agent noun (-ers, -ists...)."""
    t = recall_table()
    low, lemma = noun.lower_, noun.lemma_.lower()
    if low in t.people or lemma in t.people:
        return True
    return low.endswith(("ers", "ors", "ists", "ians")) and noun.tag_ == "NNS"


#: People nouns that name a body rather than persons: "beat the party" is an election.
_BODIES = frozenset(
    {"party", "parties", "union", "unions", "committee", "association", "community",
     "communities", "family", "families", "army", "force", "forces", "group", "crowd", "crowds",
     "clan", "militia", "militias", "gang", "gangs", "staff", "personnel", "unknown"}
)  # fmt: skip


def person_noun(noun: Token) -> bool:
    """Whether a plain noun names persons (a listed people noun, not a body): what a rule's
    ``@people`` object stands for ("beat a local leader", "beat two farmers")."""
    low, lemma = noun.lower_, noun.lemma_.lower()
    if noun.pos_ != "NOUN" or low in _BODIES or lemma in _BODIES:
        return False
    people = recall_table().people
    return low in people or lemma in people
