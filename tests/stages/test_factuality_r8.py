"""Issue 16, eighth round: the constructions the eighth round's own sentences
(benchmarks/labels/factuality-written-r8.tsv, written by us; checked for form in test_factuality_r7.py) and its PLV_train labels
(benchmarks/labels/plv-factuality-r8-even.tsv) showed the rules missing. Each rule has a
sentence on each side; the first of each pair was misread before the rule. Our own sentences,
none of them in the r8 file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language

from geopol.records import Factuality
from geopol_testkit import dyad_factuality as dyad

LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "labels"
PLV_R8 = LABELS / "plv-factuality-r8-even.tsv"
PLV_150 = LABELS / "plv-factuality-150.tsv"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a condition the parse hangs on a threat is the threatened act's: the threat was made
        (
            "<s>Ankara</s> threatened to cut water to <t>Syria</t>, its southern neighbour, if"
            " Damascus kept sheltering rebels.",
            "asserted",
        ),
        (
            "<s>Ankara</s> may threaten <t>Syria</t> with a water cut if Damascus keeps"
            " sheltering rebels.",
            "hypothetical",
        ),
        # "deny" with a grant for object refuses it; it does not call an event untrue
        ("<s>Greece</s> denied overflight rights to <t>Turkish</t> military aircraft.", "asserted"),
        ("<s>Greece</s> denied that its jets had buzzed <t>Turkish</t> ships.", "negated"),
        # a noun coordinated with a cue noun does not hang from it
        (
            "<s>Kuwait</s> voiced its rejection and condemnation of the <t>Iranian</t> shelling.",
            "asserted",
        ),
        ("<s>Kuwait</s> confirmed its refusal to sell oil to <t>Iran</t>.", "negated"),
        # "this week" on the infinitive of a commitment is ahead of it
        ("<s>Chile</s> and <t>Peru</t> agreed to hold border talks this week.", "planned"),
        ("<s>Chile</s> and <t>Peru</t> agreed this week to a new border line.", "asserted"),
        # a verbal act by another speaker over the dyad's clause reports it
        (
            "<s>Libya</s> could attack <t>Chadian</t> outposts again, French officers warned.",
            "speculated",
        ),
        ("<s>France</s> warned <t>Libya</t> against attacking Chad.", "asserted"),
        # a verb whose own object comes before it (a reduced relative) does not govern the
        # clause before the comma
        (
            "<s>Uganda</s> accused <t>Kenya</t> of arming rebels, a charge Nairobi rejected.",
            "asserted",
        ),
        ("<s>Uganda</s> accused <t>Kenya</t> of arming rebels, Nairobi radio said.", "reported"),
        # both actors in a relative clause below the trigger: the clause's event
        (
            "Peru and Chile signed an accord under which <s>Chile</s> will sell gas to"
            " <t>Peru</t>.",
            "planned",
        ),
        (
            "<s>Chile</s>, which will sell gas to Peru, signed an accord with <t>Bolivia</t>.",
            "asserted",
        ),
        # a bare "provided" with its clause hung beside it
        (
            "<s>The World Bank</s> will lend <t>Ghana</t> 90 mln dlrs provided it cuts subsidies.",
            "hypothetical",
        ),
        (
            "<s>The IMF</s> will lend <t>Ghana</t> 90 mln dlrs, provided as a standby credit.",
            "planned",
        ),
        # the target in the content of a rejected proposal: the content, negated
        ("<s>Norway</s> rejected a plan to sell arms to <t>Iraq</t>.", "negated"),
        ("<s>Norway</s> rejected an <t>Iraqi</t> request to buy arms.", "asserted"),
    ],
)
def test_eighth_round_constructions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


def test_r8_plv_labels_are_new_even_half_rows_without_text() -> None:
    def rows(path: Path) -> dict[int, str]:
        with path.open(encoding="utf-8") as fh:
            return {int(r["row"]): r["factuality"] for r in csv.DictReader(fh, delimiter="\t")}

    new, old = rows(PLV_R8), rows(PLV_150)
    assert len(new) == 150 and not set(new) & set(old)
    # the house's even half of PLV_train: the 0-based data row is even (1-based row odd)
    assert all((n - 1) % 2 == 0 for n in new)
    assert set(new.values()) <= {f.value for f in Factuality}
