"""Names used as a stance ("pro-Russia rebels", "anti-American protesters", "Iranian-backed
militias"): dropped as actors and folded into the agent noun they modify, no country added."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc

from geopol.actors.mention import Mention

#: Prefixes that turn a name into a stance: "pro-Russia rebels" are not Russia's rebels.
STANCE_PREFIXES = frozenset({"pro", "anti"})
_STATE_WORDS = frozenset({"government", "regime", "state"})
#: "<name>-backed": the name is a sponsor or ally of the group, not its country.
BACKING = frozenset({"backed", "supported", "sponsored", "funded", "allied", "aligned"})


def stance_starts(doc: Doc) -> dict[int, int]:
    """Token index after "pro-"/"anti-" -> index of the prefix ("pro-Russia", "anti-American")."""
    out: dict[int, int] = {}
    prefixes = {get_string_id(p) for p in STANCE_PREFIXES}
    lowers: list[int] = doc.to_array(LOWER).tolist()[: max(len(doc) - 2, 0)]
    # Only the tokens whose lower-case form is a prefix are looked at as Token objects.
    for i in (i for i, low in enumerate(lowers) if low in prefixes):
        tok = doc[i]
        hyphen = doc[tok.i + 1]
        if (
            tok.lower_ in STANCE_PREFIXES
            and not tok.whitespace_
            and hyphen.text == "-"
            and not hyphen.whitespace_
        ):
            out[tok.i + 2] = tok.i
    return out


def drop_stances(
    doc: Doc, mentions: list[Mention], starts: dict[int, int]
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Names used as a stance are not actors; return the rest and the stance spans.

    "pro-Russia rebels" in Ukraine, "anti-American protesters" in Pakistan, "Iranian-backed
    militias" in Iraq: the name says whom the group supports, opposes or is helped by, not
    whose it is, so it must neither become an actor nor lend its country to the noun it
    modifies.
    """
    ends = {mn.start: mn.end for mn in mentions if mn.start in starts}
    # A word the dictionaries do not name ("pro-government", "anti-war") is a stance too.
    spans = [(a, ends.get(i, i + 1)) for i, a in starts.items()]
    backers = {id(mn) for mn in mentions if _backed(doc, mn.end)}
    spans += [(mn.start, mn.end + 2) for mn in mentions if id(mn) in backers]
    kept = [mn for mn in mentions if mn.start not in starts and id(mn) not in backers]
    return kept, spans


def _backed(doc: Doc, i: int) -> bool:
    """ "Iranian-backed militias", "Moscow-backed separatists": a sponsor, not the owner."""
    return (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].lower_ in BACKING
    )


def within_spans(mn: Mention, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= mn.start and mn.end <= b for a, b in spans)


def attach_stances(doc: Doc, mentions: list[Mention], spans: Sequence[tuple[int, int]]) -> None:
    """Widen an agent over the stance that modifies it: "pro-Russia rebels", no country added."""
    ends = {b: a for a, b in spans}
    for mn in mentions:
        if mn.kind == "agent" and mn.start in ends and mn.country is None:
            a = ends[mn.start]
            mn.name = f"{doc[a : mn.start].text} {mn.name}"
            if (
                doc[a].lower_ == "anti"
                and doc[a + 2].lower_ in _STATE_WORDS
                and mn.sector in ("PRM", "UAF")
            ):
                mn.sector = "REB"  # an armed group against the state is an insurgent one
            mn.start = a
            mn.how = f"{mn.how}+stance"
