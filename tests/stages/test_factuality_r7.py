"""Issue 16, seventh round: the constructions the seventh round's own sentences
(benchmarks/labels/factuality-written-r7.tsv, written by us) showed the rules missing. Each rule
has a sentence on each side; the first of each pair was misread before the rule. Our own
sentences, none of them in the r7 file."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from geopol_testkit import check_written_labels
from geopol_testkit import dyad_factuality as dyad

LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "labels"
R6 = LABELS / "factuality-written-r6.tsv"
R7 = LABELS / "factuality-written-r7.tsv"
R8 = LABELS / "factuality-written-r8.tsv"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a saying that is negated, or opened by a subordinating mark, attributes nothing
        (
            "<s>Norway</s> promised funds to <t>Jordan</t>, although it did not say when.",
            "asserted",
        ),
        ("<s>Norway</s> sent funds to <t>Jordan</t>, officials said.", "reported"),
        # under "would", "in case (of)" states the condition of the clause
        (
            "<s>Britain</s> would fly extra jets to <t>Cyprus</t> in case of an attack on its"
            " bases.",
            "hypothetical",
        ),
        (
            "<s>Britain</s> flew extra jets to <t>Cyprus</t> in case of an attack on its bases.",
            "asserted",
        ),
        # an opening "Should" the parse leaves unattached still opens a condition
        (
            "Should <s>Ethiopia</s> attack <t>Eritrea</t> again, Cairo would be forced to act.",
            "hypothetical",
        ),
        # an indefinite event noun as the subject of "would" is a supposition
        (
            "A <s>Serbian</s> blockade of <t>Kosovo</t> would hurt trade, economists warned.",
            "hypothetical",
        ),
        (
            "The <s>Serbian</s> blockade of <t>Kosovo</t> has hurt trade, economists said.",
            "reported",
        ),
        # a clause after "in case" that the parse makes a conjunct is the condition
        (
            "Greek ships were kept in port in case <s>Turkish</s> vessels entered <t>Greek</t>"
            " waters.",
            "hypothetical",
        ),
        (
            "Greek ships were kept in port and <s>Turkish</s> vessels entered <t>Greek</t>"
            " waters.",
            "asserted",
        ),
        # "short of" negates what it takes: "stopped short of", "fell short of"
        ("<s>Peru</s> stopped short of recalling its envoy from <t>Bolivia</t>.", "negated"),
        ("<s>Peru</s> recalled its envoy from <t>Bolivia</t> a week short of the vote.", "asserted"),
    ],
)
def test_seventh_round_constructions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("path", "least", "after", "ambiguous"),
    # each round's ids follow the round before; the eighth round also marks ambiguous rows
    [(R6, 150, 1510, ("0",)), (R7, 80, 2075, ("0",)), (R8, 150, 2287, ("0", "1"))],
    ids=["sixth", "seventh", "eighth"],
)
def test_written_sentences_are_ours_well_formed_and_cover_every_class(
    path: Path, least: int, after: int, ambiguous: tuple[str, ...]
) -> None:
    check_written_labels(path, least, after, ambiguous)
