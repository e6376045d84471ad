"""Which clause's cues reach the dyad's event in long sentences (issue 16, third round, second
part): a verb of saying the parser hangs the event on, but which by surface order cannot
govern it, does not make it reported. Each rule with a sentence on each side. Our own
sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol_testkit import dyad_factuality as dyad


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


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a headline's "X to do Y" keeps its plan under a trailing attribution
        ("<s>Kenya</s> to buy more <t>Ugandan</t> coffee, traders say.", "planned"),
        ("<s>Kenya</s> bought more <t>Ugandan</t> coffee, traders say.", "reported"),
        # a condition coordinated after the event ("but only if") makes it hypothetical
        (
            "<s>Peru</s> may sell copper to <t>Chile</t>, but only if prices rise, a minister said.",
            "hypothetical",
        ),
        (
            "<s>Peru</s> may sell copper to <t>Chile</t>, but prices must rise, a minister said.",
            "speculated",
        ),
        # "would" in a relative clause of a plan is the plan's future
        (
            "A plan under which <s>Norway</s> would lend <t>Tanzania</t> 90 mln crowns was"
            " published on Friday.",
            "planned",
        ),
        (
            "A region in which <s>Norway</s> would lend <t>Tanzania</t> 90 mln crowns was"
            " named on Friday.",
            "speculated",
        ),
    ],
)
def test_plans_and_conditions_in_long_clauses(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # the coder's trigger lies above the noun both actors hang from: the noun's event
        (
            "<s>Peru</s>'s plan to buy tanks from <t>Brazil</t> was approved by Congress on"
            " Monday.",
            "planned",
        ),
        (
            "<s>Peru</s>'s purchase of tanks from <t>Brazil</t> was approved by Congress on"
            " Monday.",
            "asserted",
        ),
    ],
)
def test_event_below_the_trigger(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a present (simple or progressive) dated with "in" or "from" under attribution
        (
            "<s>Chile</s> is sending a fisheries mission to <t>Peru</t> in April, the ministry"
            " said.",
            "planned",
        ),
        (
            "<s>Chile</s> sent a fisheries mission to <t>Peru</t> in April, the ministry said.",
            "reported",
        ),
        # a deadline ahead ("by the end of the year") on an agreement's act
        (
            "<s>Ghana</s> has agreed to ship cocoa to <t>Poland</t> by the end of the year,"
            " traders said.",
            "planned",
        ),
        ("<s>Ghana</s> has agreed to ship cocoa to <t>Poland</t>, traders said.", "reported"),
        # a sentence that opens with the inverted auxiliary of a condition
        (
            "Should <t>Libya</t> attack border posts, <s>Chad</s> would ask France for help.",
            "hypothetical",
        ),
        ("Once <t>Libya</t> attacked border posts, <s>Chad</s> asked France for help.", "asserted"),
    ],
)
def test_dates_deadlines_and_inverted_conditions(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a participle or a clause of time before the saying is its circumstance
        (
            "Speaking after he met <t>Kohl</t>, <s>Craxi</s> said the two sides had made progress.",
            "asserted",
        ),
        (
            "After he met <t>Kohl</t> in Bonn, <s>Craxi</s> said the talks had been useful.",
            "asserted",
        ),
        # a clause with its own subject before the saying is what is said
        (
            "<s>Craxi</s> met <t>Kohl</t> in Bonn on Monday, officials said.",
            "reported",
        ),
    ],
)
def test_the_circumstance_of_a_saying_is_the_writers(
    nlp: Language, marked: str, expected: str
) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # an event noun that is the subject of a dated verb of occurrence, under attribution
        ("<s>Soviet</s> grain deliveries to <t>Cuba</t> start in May, officials said.", "planned"),
        (
            "<s>Soviet</s> grain deliveries to <t>Cuba</t> started in May, officials said.",
            "reported",
        ),
        # a subject the parse hangs on "would" when a time phrase stands before the verb
        (
            "Officials said <s>Malawi</s> would from March ship its tobacco through"
            " <t>Mozambique</t>.",
            "planned",
        ),
        (
            "Officials said <s>Malawi</s> had from March shipped its tobacco through"
            " <t>Mozambique</t>.",
            "reported",
        ),
    ],
)
def test_dated_occurrence_and_a_subject_on_the_auxiliary(
    nlp: Language, marked: str, expected: str
) -> None:
    assert dyad(nlp, marked) == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        # a quote is a report: the agency that quotes the source reports its charge
        (
            "The radio quoted <s>President Mubarak</s> as saying <t>Libya</t> had armed the"
            " rebels.",
            "reported",
        ),
        ("<s>President Mubarak</s> said <t>Libya</t> had armed the rebels.", "asserted"),
        (
            "The radio quoted diplomats as saying <s>Libya</s> had armed the rebels in"
            " <t>Chad</t>.",
            "reported",
        ),
        # a dated infinitive of a commitment is ahead of it
        (
            "<s>Chile</s> and <t>Peru</t> agreed to resume border talks in October, the ministry"
            " said.",
            "planned",
        ),
        (
            "<s>Chile</s> and <t>Peru</t> agreed in October to a new border line, the ministry"
            " said.",
            "reported",
        ),
        # the infinitive of an offer that the parse hangs on it as one of purpose
        (
            "<s>Oslo</s> offered on Friday to hold talks with <t>Moscow</t> next month, officials"
            " said.",
            "planned",
        ),
        # an event noun that is the subject of "is to"
        (
            "A <s>Saudi</s> loan of 300 mln dlrs to <t>Jordan</t> is to be signed in Riyadh next"
            " week, bankers said.",
            "planned",
        ),
        (
            "A <s>Saudi</s> loan of 300 mln dlrs to <t>Jordan</t> was signed in Riyadh last"
            " week, bankers said.",
            "reported",
        ),
        # "would" under a framework ("under the agreement") is the framework's future
        (
            "Under the accord, <s>Norway</s> would supply <t>Poland</t> with 2 mln tonnes of"
            " coal a year.",
            "planned",
        ),
        (
            "In that case, <s>Norway</s> would supply <t>Poland</t> with 2 mln tonnes of coal"
            " a year.",
            "speculated",
        ),
        # a reported present dated by "effective" or "starting" is a schedule
        (
            "<s>Chile</s> raises its duty on <t>Argentine</t> wine effective May 1, customs"
            " officials said.",
            "planned",
        ),
        (
            "<s>Chile</s> raised its duty on <t>Argentine</t> wine effective May 1, customs"
            " officials said.",
            "reported",
        ),
        # a present passive takes a future time: never merely reported
        (
            "<s>Kenyan</s> President Moi is expected in <t>Kampala</t> next week for talks,"
            " officials said.",
            "planned",
        ),
        (
            "<s>Kenyan</s> President Moi was expected in <t>Kampala</t> last week for talks,"
            " officials said.",
            "reported",
        ),
        # the end of the month ahead of a present
        (
            "<s>Kenyan</s> and <t>Tanzanian</t> officials meet at the end of the month to discuss"
            " the border, diplomats said.",
            "planned",
        ),
    ],
)
def test_quotes_dated_commitments_and_is_to(nlp: Language, marked: str, expected: str) -> None:
    assert dyad(nlp, marked) == expected
