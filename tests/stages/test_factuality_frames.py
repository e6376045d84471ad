"""Issue 16, sixth round: the constructions the sixth round's probe sentences
(benchmarks/labels/factuality-written-r6.tsv, written by us) showed the rules missing. Each rule
has a sentence on each side; the first of each pair was misread before the rule. Our own
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol_testkit import dyad_factuality as dyad


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a condition's mark the parse makes a conjunct of the clause it conditions
        (
            "<s>Brazil</s> will resume talks with <t>the IMF</t> provided its creditor banks"
            " agree to a new plan.",
            "hypothetical",
        ),
        ("<s>Brazil</s> resumed talks with <t>the IMF</t> and provided new figures.", "asserted"),
        # an inverted condition after its consequent, which the parse hangs on the condition
        (
            "<s>Turkey</s> will cut water to <t>Syria</t> should Damascus keep backing the rebels,"
            " a minister said.",
            "hypothetical",
        ),
        ("<s>Turkey</s> will cut water to <t>Syria</t>, a minister said.", "planned"),
        # "refrain from", "abstain from": the event did not happen
        ("<s>Jordan</s> has refrained from criticising <t>Syria</t> in public.", "negated"),
        ("<s>Jordan</s> has criticised <t>Syria</t> in public.", "asserted"),
        # a for-to clause with its own subject states what is to happen
        (
            "The accord calls for <s>Japan</s> to buy more beef from <t>Australia</t> over five"
            " years.",
            "planned",
        ),
        (
            "The agreement provides for <s>China</s> to supply coal to <t>Japan</t> until 1990.",
            "planned",
        ),
        ("<s>Japan</s> bought more beef from <t>Australia</t> under the accord.", "asserted"),
    ],
)
def test_conditions_abstentions_and_for_to_clauses(
    nlp: Language, marked: str, expected: str
) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # "no longer": a two-word negating adverb
        ("<s>Iraq</s> no longer buys arms from <t>France</t>, diplomats said.", "negated"),
        ("<s>Iraq</s> buys arms from <t>France</t>, diplomats said.", "reported"),
        # a link verb's predicate ("seems ready to"): the seeming governs too
        ("<s>Syria</s> seems ready to let <t>Lebanese</t> troops into the camps.", "speculated"),
        ("<s>Syria</s> is ready to let <t>Lebanese</t> troops into the camps.", "planned"),
        # a clause of purpose with its own mark is what is meant to happen
        (
            "<s>Japan</s> cut its rice price so that it could buy more rice from <t>Thailand</t>.",
            "planned",
        ),
        (
            "<s>France</s> devalued the franc in order to sell more goods to <t>West Germany</t>.",
            "planned",
        ),
        ("<s>Japan</s> cut its rice price and bought more rice from <t>Thailand</t>.", "asserted"),
    ],
)
def test_no_longer_link_predicates_and_purpose(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # an inverted condition first, which the parse takes for a complement of the consequent
        (
            "Should <s>Russia</s> attack <t>NATO</t> territory, the alliance would respond.",
            "hypothetical",
        ),
        ("<s>Russia</s> attacked <t>NATO</t> territory, the alliance said.", "reported"),
        # a rejected report shifted behind its predicate: "dismissed as groundless reports that"
        (
            "<s>Beijing</s> dismissed as groundless reports that it had hacked <t>Australian</t>"
            " ministries.",
            "negated",
        ),
        ("Reports said <s>Beijing</s> had hacked <t>Australian</t> ministries.", "reported"),
    ],
)
def test_fronted_conditions_and_shifted_rejections(
    nlp: Language, marked: str, expected: str
) -> None:
    assert dyad(nlp, marked) == expected
