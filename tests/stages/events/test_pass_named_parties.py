"""The ``named-parties`` pass on sentences we wrote: the empty "it" of an extraposed clause is
no party, a thing of the doer's that would bring something about is a forecast, and a government person out of office or in opposition is not the government; and
the ``venue-parties`` rule that a place read as the only doer, beside a doer the coder did not
code, gives no event."""

from __future__ import annotations

import pytest
from events_passkit import before, coded, readings

from geopol.events.passes.venue_parties import _uncoded_subject

OPINIONS = [
    # "it is <adjective> to <act>": a view of what should be done, nobody acts
    "The Danish foreign minister said it was vital to support Poland in the dispute.",
    'The Danish minister spoke to Polish radio: "It is really important to support Ukraine."',
    "The Swedish premier said it would be wiser to reject the Norwegian offer.",
    "Norway's envoy said it was right to back Denmark over the fishing quotas.",
]


@pytest.mark.parametrize("text", OPINIONS)
def test_the_empty_it_of_an_opinion_is_no_doer(text: str) -> None:
    assert coded(text, without=["named-parties"]), "the sentence must give an event to drop"
    assert not coded(text)


@pytest.mark.parametrize(
    "text", ["Dutch cooperation would help Belgium control its borders, he argued."]
)
def test_what_a_thing_of_the_doer_would_bring_is_a_forecast(text: str) -> None:
    assert coded(text, without=["named-parties"]), "the sentence must give an event to drop"
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        ("EU leaders would discuss the dispute with Turkey.", ("CONSULT", "IGO-EUGOV", "TUR")),
        ("Russian regulators could force Ukraine to pay more.", ("COERCE", "RUS", "UKR")),
        ("Israeli air strikes could hit Syria.", ("ASSAULT", "ISR", "SYR")),
    ],
)
def test_people_and_force_under_a_modal_still_act(text: str, reading: tuple[str, str, str]) -> None:
    assert reading in readings(coded(text))


def test_it_standing_for_a_party_stays() -> None:
    # the same words with "it" the subject of the act itself: the government acts
    text = "The Dutch government said it would support Belgium in the dispute."
    assert ("SUPPORT", "NLDGOV", "BEL") in readings(coded(text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Former Spanish prime minister Jose Ramos criticised the French government.", "ESPELI"),
        ("Spain's ex-prime minister criticised Morocco.", "ESPELI"),
        ("Spain's shadow foreign minister criticised the French government.", "ESPOPP"),
        ("The British shadow chancellor criticised the French government.", "GBROPP"),
    ],
)
def test_out_of_office_and_shadow_ministers_are_not_the_government(text: str, code: str) -> None:
    assert any(s == code for _, s, _ in readings(coded(text)))
    assert not any(s.endswith("GOV") for _, s, _ in readings(coded(text)))


@pytest.mark.parametrize(
    "text",
    [
        "The Spanish foreign minister criticised the French government.",
        "The former government of Iraq attacked Kuwait.",  # an institution, not a person
    ],
)
def test_ministers_in_office_stay_the_government(text: str) -> None:
    assert any(s.endswith("GOV") for _, s, _ in readings(coded(text)))


def test_an_uncoded_named_subject_is_seen() -> None:
    ctx = before("In Madrid, Ms Okonkwo met the Spanish foreign minister.", "venue-parties", "met")
    assert ctx.reading is not None
    assert _uncoded_subject(ctx.reading.trigger.token, ctx.index)
    ctx = before(
        "In Madrid, the French minister met the Spanish foreign minister.", "venue-parties", "met"
    )
    assert ctx.reading is not None
    assert not _uncoded_subject(ctx.reading.trigger.token, ctx.index)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "The Irish prime minister apologised to the families of the victims.",
            ("CONCEDE", "IRLGOV", "IRLCVL"),
        ),
    ],
)
def test_people_acted_on_are_of_the_sentences_country(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading not in readings(coded(text, without=["named-parties"]))
    assert reading in readings(coded(text))


def test_people_stay_of_no_country_where_two_countries_are_named() -> None:
    text = "Syrian troops and Turkish troops attacked civilians."
    assert any(t == "---CVL" for _, _, t in readings(coded(text)))


@pytest.mark.parametrize(
    "text",
    [
        "Dutch soldiers beat civilians at a checkpoint.",
        "Belgian troops fired on protesters outside the base.",
    ],
)
def test_soldiers_lend_the_people_they_act_on_no_country(text: str) -> None:
    """Troops act abroad: their own country is no evidence of the people's."""
    targets = [t for _, _, t in readings(coded(text))]
    assert targets, "the sentence must give an event"
    assert "NLDCVL" not in targets and "BELCVL" not in targets


def test_police_lend_the_people_they_act_on_their_country() -> None:
    text = "Dutch police beat protesters outside parliament."
    assert ("ASSAULT", "NLDCOP", "NLDCVL") in readings(coded(text))
