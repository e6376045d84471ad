"""Issue 16, ninth round: the constructions the ninth round's own sentences
(benchmarks/labels/factuality-written-r9.tsv, written by us, five batches) showed the rules
missing. Each rule has a sentence on each side; the first of each pair was misread before the
rule (by main e348acc). Our own sentences, none of them in the r9 file, except the last test,
which reads rows of the file whose parse the rule was written for."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language

from geopol_testkit import check_written_labels
from geopol_testkit import dyad_factuality as dyad

R9 = Path(__file__).resolve().parents[2] / "benchmarks" / "labels" / "factuality-written-r9.tsv"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a dated present of a verb of schedule is planned without attribution
        ("<s>Kenyan</s> Foreign Minister Ouko flies to <t>Addis Ababa</t> on Monday.", "planned"),
        ("<s>Kenyan</s> Foreign Minister Ouko flew to <t>Addis Ababa</t> on Monday.", "asserted"),
        # "talk of" (singular) hedges what it is about
        ("Talk of a <s>Libyan</s> loan to <t>Malta</t> unsettled the markets.", "speculated"),
        ("The <s>Libyan</s> loan to <t>Malta</t> unsettled the markets.", "asserted"),
        # "assuming" / "supposing" open a condition
        (
            "Assuming prices recover, <s>Nigeria</s> will raise its crude sales to <t>Ghana</t>.",
            "hypothetical",
        ),
        (
            "Assuming office in May, <s>Nigeria</s>'s new oil minister raised crude sales to"
            " <t>Ghana</t>.",
            "asserted",
        ),
        # "decided against" negates what it takes
        ("<s>Ottawa</s> decided against recalling its envoy from <t>Havana</t>.", "negated"),
        ("<s>Ottawa</s> decided to recall its envoy from <t>Havana</t>.", "asserted"),
        # an inverted "were" after the clause, parsed as a conjunct, is its condition
        (
            "<s>Iraqi</s> oil sales to <t>Jordan</t> would double, were the pipeline to open.",
            "hypothetical",
        ),
        ("<s>Iraqi</s> oil sales to <t>Jordan</t> would double, the ministry said.", "planned"),
        # "..., a spokesman was quoted as saying": a passive saying parsed as a conjunct
        (
            "<s>Zairean</s> soldiers detained two <t>Angolan</t> officials, a government"
            " spokesman in Kinshasa was quoted as saying.",
            "reported",
        ),
        ("<s>Zairean</s> soldiers detained two <t>Angolan</t> officials.", "asserted"),
        # a hedge by another speaker, taken by the coder for the act, hedges its clause
        ("Bankers suspect that <s>Oman</s> lent <t>Jordan</t> 50 mln dlrs.", "speculated"),
        ("<s>Oman</s> lent <t>Jordan</t> 50 mln dlrs.", "asserted"),
        # the content of rejected reports is negated; the rejection of a target's report is not
        ("<s>Cairo</s> rejected reports that it had sold tanks to <t>Iraq</t>.", "negated"),
        (
            "<s>Cairo</s> rejected an <t>Iraqi</t> report that its tanks had crossed the border.",
            "asserted",
        ),
        # a trailing saying the parse hangs on a noun of the clause is its attribution
        (
            "<s>Libyan</s> troops shelled <t>Chadian</t> garrisons in the north, a French"
            " military source alleged on Monday.",
            "reported",
        ),
        (
            "<s>Ugandan</s> gunmen raided a <t>Kenyan</t> police post, a Kenyan army officer"
            " claimed on Friday.",
            "reported",
        ),
        (
            "<s>Ugandan</s> gunmen raided a <t>Kenyan</t> police post, a building Kenya"
            " abandoned in May.",
            "asserted",
        ),
        # "not a single X" negates the clause of which X is the subject
        ("Not a single <s>Greek</s> ship has docked in <t>Turkish</t> ports this year.", "negated"),
        ("A single <s>Greek</s> ship has docked in <t>Turkish</t> ports this year.", "asserted"),
        # a belief set beside the clause hedges it, like a saying reports it
        (
            "<s>Libyan</s> agents, diplomats believe, have smuggled arms to <t>Irish</t>"
            " guerrillas.",
            "speculated",
        ),
        (
            "<s>Libyan</s> agents, diplomats said, have smuggled arms to <t>Irish</t> guerrillas.",
            "reported",
        ),
        # "told a news briefing that X": the parse's relative clause is what was told
        (
            "A ministry spokesman told a news briefing that <s>Peru</s> had suspended fishing"
            " licences for <t>Soviet</t> trawlers.",
            "reported",
        ),
        (
            "<s>Peru</s> suspended fishing licences for <t>Soviet</t> trawlers after a news"
            " briefing.",
            "asserted",
        ),
        # the dated infinitive of a signed agreement is what was agreed, ahead
        (
            "<s>Iraq</s> has signed a protocol to export crude to <t>Brazil</t> from next month.",
            "planned",
        ),
        ("<s>Iraq</s> has signed a protocol to export crude to <t>Brazil</t>.", "asserted"),
    ],
)
def test_ninth_round_constructions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


def _rows() -> list[dict[str, str]]:
    with R9.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_r9_sentences_are_ours_well_formed_and_cover_every_class() -> None:
    check_written_labels(R9, 300, 2760, ("0", "1"), per_class=20)  # after the eighth round's ids


@pytest.mark.parametrize(
    "sentence_id",
    [
        "3050",  # a condition's phrase the parse hangs inside the clause's object ("with more
        # oil in the event of an offensive")
        "2999",  # "..., an Indian army spokesman alleged on Sunday": a participle on the speaker
    ],
)
def test_r9_rows_the_parse_shapes_were_written_for(nlp: Language, sentence_id: str) -> None:
    row = next(r for r in _rows() if r["sentence_id"] == sentence_id)
    assert dyad(nlp, row["marked_sentence"]) == row["factuality"]
