"""Attribution meeting other cues (issue 16, third round): "reported" is the last resort.
Each rule changed this round, with a sentence on each side of it. All sentences are our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.events.factuality import assess
from geopol_testkit import dyad_factuality as dyad


def reading(nlp: Language, text: str, word: str) -> str:
    tok = next(t for t in nlp(text) if t.text == word)
    return assess(tok, noun=tok.pos_ in ("NOUN", "PROPN"))[0].value


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        # a predicate adjective of the event's own clause is a cue
        ("Diplomats said a truce between Baghdad and Tehran was possible.", "truce", "speculated"),
        ("Diplomats said a truce between Baghdad and Tehran was holding.", "truce", "reported"),
        # a condition the parse hangs beside the clause, on the verb of saying
        (
            "Cairo said it would buy the jets from Paris provided the credit terms were eased.",
            "buy",
            "hypothetical",
        ),
        ("Cairo said it would buy the jets from Paris next year.", "buy", "planned"),
        # a headline's "X to do Y" is a plan; its bare present is not
        ("Greece to expel Libyan diplomats.", "expel", "planned"),
        ("Greece expels Libyan diplomats.", "expels", "asserted"),
        # "would" with an attribution beside it, not above it, is the future seen from the past
        ("Oslo, officials said, would buy two frigates from Bonn.", "buy", "planned"),
        ("According to bankers, Quito would repay the loan in May.", "repay", "planned"),
        ("Bankers said Quito knew it would suffer from the cut.", "suffer", "speculated"),
        ("Dealers said it was doubtful that Lagos would cut its output.", "cut", "speculated"),
    ],
)
def test_cues_under_attribution(nlp: Language, text: str, word: str, expected: str) -> None:
    assert reading(nlp, text, word) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # the source's own stance, said by itself, is its act toward the target
        (
            "<s>Norway</s> said it was worried about <t>Soviet</t> fishing near Svalbard.",
            "asserted",
        ),
        (
            "<s>Spain</s> said the <t>British</t> decision to shut the border was unjust.",
            "asserted",
        ),
        (
            "<s>Spain</s> said it remained committed to its fishing pact with <t>Morocco</t>.",
            "asserted",
        ),
        # ... but not when someone else reports it
        ("Diplomats said <s>Spain</s> had shut its border with <t>Gibraltar</t>.", "reported"),
        # a material act below the source's own saying stays reported; a verbal act is asserted
        ("<s>Peru</s> said it had signed a trade pact with <t>Chile</t> on Monday.", "reported"),
        ("<s>Peru</s> said it had urged <t>Chile</t> to sign the trade pact.", "asserted"),
        # "unwilling to" negates what it governs
        ("<s>Seoul</s> said it was unwilling to cut tariffs on <t>U.S.</t> cars.", "negated"),
        # a planned event noun that is the subject of a passive plan
        (
            "Officials said a visit by <s>Mubarak</s> to <t>Khartoum</t> was planned for March.",
            "planned",
        ),
        # the source says the target did it: the saying (a charge) is the source's act
        ("<s>Laos</s> said <t>Thai</t> jets had bombed a village near the border.", "asserted"),
        ("<t>Laos</t> said <s>Thai</s> jets had bombed a village near the border.", "reported"),
        # the speaker's own people as subject: its own act, reported, not a saying
        ("<s>Cairo</s> said its navy had stopped a <t>Sudanese</t> freighter.", "reported"),
        # no trigger: the noun both actors hang from is the event
        (
            "Officials said the proposed sale of rice by <s>Japan</s> to <t>Chile</t> was large.",
            "planned",
        ),
        ("Officials said the sale of rice by <s>Japan</s> to <t>Chile</t> was large.", "reported"),
        # a subject with "no" negates the predicate; a report called false is denied
        ("Diplomats said no <s>Kurdish</s> rebels had crossed into <t>Turkey</t>.", "negated"),
        ("<s>Oman</s> said reports that it had sold oil to <t>Iran</t> were false.", "negated"),
        ("<s>Oman</s> said reports that it had sold oil to <t>Iran</t> were correct.", "reported"),
        # a stance with an extraposed clause is about the event, not the speaker's stance
        ("<s>Oman</s> said it was true that it had sold oil to <t>Iran</t>.", "reported"),
        # a speculative noun hands over to its event
        (
            "<s>Chile</s> said it was weighing the possibility of selling copper to <t>Iran</t>.",
            "speculated",
        ),
    ],
)
def test_dyad_readings_under_attribution(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected
