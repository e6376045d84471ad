"""Issue 16, ninth round, second part: the mechanisms that 120 more PLV_train rows of the
even half (benchmarks/labels/plv-factuality-r9-even.tsv, labelled with the guide; row numbers
and labels only) showed missing. Each rule has a sentence on each side; the first of each pair
was misread before the rule (by main 07a3f20). Our own sentences, none from the eval files."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language

from geopol.records import Factuality
from geopol_testkit import dyad_factuality as dyad

LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "labels"
PLV_R9 = LABELS / "plv-factuality-r9-even.tsv"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a concession carried out by a verb that calls off another act is that act
        (
            "The <s>teachers' union</s> called off a strike against <t>the Kenyan government</t>"
            " after talks.",
            "asserted",
        ),
        (
            "The <s>teachers' union</s> did not call off its strike against <t>the Kenyan"
            " government</t>.",
            "negated",
        ),
        # a spokesman of the source's own body says the source's verbal act
        (
            "<s>The Dutch government</s> backs closer ties with <t>the African Union</t>, said a"
            " spokesman for the government in The Hague.",
            "asserted",
        ),
        (
            "<s>The Dutch government</s> backs closer ties with <t>the African Union</t>, said a"
            " spokesman for the Belgian government.",
            "reported",
        ),
        (
            "<s>The Dutch government</s> backs closer ties with <t>the African Union</t>, a"
            " government spokesman said.",
            "asserted",
        ),
        # ... but its own material act, said by its spokesman, stays reported
        (
            "<s>Poland's army</s> shelled positions near <t>Kiev</t>, an army spokesman said.",
            "reported",
        ),
        # a colon the parse hangs on the clause before it still ends that clause
        (
            "<s>The EU</s> has issued an ultimatum to <t>Belgrade</t>: if the country recognises"
            " the breakaway region, talks will be frozen.",
            "asserted",
        ),
        (
            "<s>The EU</s> would freeze talks with <t>Belgrade</t> if the country recognised the"
            " breakaway region.",
            "hypothetical",
        ),
    ],
)
def test_second_part_constructions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


def test_r9_plv_labels_are_new_even_half_rows_without_text() -> None:
    def rows(path: Path) -> dict[int, str]:
        with path.open(encoding="utf-8") as fh:
            return {int(r["row"]): r["factuality"] for r in csv.DictReader(fh, delimiter="\t")}

    new = rows(PLV_R9)
    old = rows(LABELS / "plv-factuality-150.tsv") | rows(LABELS / "plv-factuality-r8-even.tsv")
    assert len(new) == 120 and not set(new) & set(old)
    # the house's even half of PLV_train: the 0-based data row is even (1-based row odd)
    assert all((n - 1) % 2 == 0 for n in new)
    assert set(new.values()) <= {f.value for f in Factuality}
    with PLV_R9.open(encoding="utf-8") as fh:
        assert next(fh).rstrip("\n").split("\t") == ["row", "factuality"]
