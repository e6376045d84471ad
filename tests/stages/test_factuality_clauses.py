"""Which clause's cues reach the dyad's event in long sentences (issue 16, third round, second
part): a verb of saying the parser hangs the event on, but which by surface order cannot
govern it, does not make it reported. Each rule with a sentence on each side. Our own
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.eval.plv import _span, _strip, classify


def dyad(nlp: Language, marked: str) -> str:
    text, spans = _strip(marked)
    doc = nlp(text)
    source, target = _span(doc, spans["s"]), _span(doc, spans["t"])
    assert source is not None and target is not None
    return classify(doc, source, target)[1] or "asserted"


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a semicolon ends the event's clause before the saying
        (
            "<s>Chile</s> freed ten <t>Bolivian</t> fishermen on Monday; the foreign ministry"
            " said it may lodge a protest.",
            "asserted",
        ),
        (
            "<s>Chile</s> freed ten <t>Bolivian</t> fishermen on Monday, the foreign ministry"
            " said.",
            "reported",
        ),
        # the saying sits in a relative clause, a comma before the event's own subject
        (
            "After negotiations which the officials said could last weeks, <s>Canada</s> imposed"
            " a duty on <t>U.S.</t> corn imports.",
            "asserted",
        ),
        (
            "The duty, which officials said <s>Austria</s> had raised on <t>Hungarian</t> steel,"
            " hurt exports.",
            "reported",
        ),
    ],
)
def test_saying_that_cannot_govern(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected
