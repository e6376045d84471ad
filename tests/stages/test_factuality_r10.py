"""Issue 16, tenth round: what a fresh batch of newswire sentences of our own
(benchmarks/labels/factuality-written-r10.tsv, read once before any change) showed missing.
Each rule has sentences on both sides; the first of each group was misread by main df852d0.
Our own sentences, none from the eval files and none from the r10 file."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from geopol_testkit import check_written_labels
from geopol_testkit import dyad_factuality as dyad

R10 = Path(__file__).resolve().parents[2] / "benchmarks" / "labels" / "factuality-written-r10.tsv"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a hedge over a copular infinitive: "are believed to be close to an accord"
        (
            "<s>Chile</s> and <t>Bolivia</t> are thought to be near a settlement of their"
            " border dispute.",
            "speculated",
        ),
        (
            "<s>Chile</s> and <t>Bolivia</t> appear to be close to a deal on transit rights.",
            "speculated",
        ),
        ("<s>Chile</s> and <t>Bolivia</t> are close to a deal on transit rights.", "asserted"),
        (
            "<s>Chile</s> and <t>Bolivia</t> are said to be near a settlement of their border"
            " dispute, diplomats said.",
            "reported",
        ),
        # a plan noun that is only weighed: "is considering an invitation to meet X"
        (
            "<s>Peru</s> is weighing a plan to buy fighter jets from <t>France</t>.",
            "speculated",
        ),
        (
            "<s>Peru</s> has drawn up a plan to buy fighter jets from <t>France</t>.",
            "planned",
        ),
        # batch 2 of the r10 file, read after the rules above
        # "provided" made a verb whose only argument is the condition's subject
        (
            "<s>Swiss banks</s> would be willing to lend to <t>Hungary</t> provided the Soviet"
            " Union guaranteed the credits, bankers said.",
            "hypothetical",
        ),
        # ... or a bare mark before the condition's verb, which the parse makes a conjunct
        (
            "<s>Kenya</s> would reopen the border with <t>Uganda</t> provided Kampala paid its"
            " transit fees, officials said.",
            "hypothetical",
        ),
        (
            "<s>Kenya</s> reopened the border with <t>Uganda</t> and Kampala paid its transit"
            " fees, officials said.",
            "reported",
        ),
        (
            "<s>Kenya</s> provided <t>Uganda</t> with fuel during the crisis.",
            "asserted",
        ),
        # an indefinite event as the subject of "would": the clause is its consequence, also
        # an event noun of the clause other than its subject
        (
            "Any move by <t>Japan</t> to close its rice market would be answered with sanctions"
            " by <s>the United States</s>, officials said.",
            "hypothetical",
        ),
        (
            "Any attack on <t>Kuwait</t> would draw a swift response from <s>the United"
            " States</s>, officials said.",
            "hypothetical",
        ),
        (
            "An attack on <t>Kuwait</t> drew a swift response from <s>the United States</s>,"
            " officials said.",
            "reported",
        ),
        # cancelling what is owed is debt relief carried out, not an act called off
        (
            "<s>France</s> had cancelled half of <t>Senegal</t>'s debt, the Senegalese"
            " finance ministry said.",
            "reported",
        ),
        ("<s>France</s> cancelled a planned visit to <t>Algeria</t>.", "negated"),
        # a trailing "conceded" is a verb of saying, not the act of the dyad
        (
            "<s>Zambia</s> has failed to meet <t>the World Bank</t>'s targets for copper"
            " output, mining officials conceded.",
            "negated",
        ),
    ],
)
def test_tenth_round_constructions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


def test_r10_sentences_are_ours_well_formed_and_cover_every_class() -> None:
    check_written_labels(R10, 100, 3168, ("0", "1"))  # after the ninth round's ids
