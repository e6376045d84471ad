"""The ``act-needs`` pass of the event coder on sentences we wrote: a retreat must yield
something toward a party, a bare verb of force needs people or force, backing the doer's own
country's things is domestic, and backing firms is commerce."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings

DROPPED = [
    # a party moving its own people or staff yields nothing
    "Italy began evacuating its citizens from Abidjan after two days of riots.",
    "Britain's Ministry of Defence will evacuate 400 staff from its Basra office.",
    "The Dutch government will relocate 2,000 tax officials out of Amsterdam.",
    # returning with nothing handed back: a recess, a post
    "The Scottish parliament returns from its summer recess on Monday.",
    "The Danish minister returned to the cabinet after a year in opposition.",
    # pledging its own country's things: domestic policy, not an act toward a party
    "The French government pledged to protect France's nuclear industry.",
    # a deal with a company is commerce, even by a government
    "The Polish government signed a deal with the oil company Orlen.",
    # what voters would do, by a poll, is the poll's finding
    "British voters would reject the European constitution by two to one, according to a poll.",
    # a verb of force with no party, no people, no force and no armed doer
    "The Italian prime minister attacked the way the reform was sold to voters.",
    # a parliament back from recess and a premier back home yield nothing
    "Parliament returned from its summer recess on Monday, and the Polish prime minister"
    " returned to Warsaw.",
    # civil doers with no party acted on: a leader speaking of attacks
    "The Portuguese president said he would not tolerate attacks such as last week's bombing.",
    # a word of contest with no force: a court battle, a battle against tax evasion
    "The Norwegian telecoms firm Telenor lost its court battle with the Danish regulator.",
    "The Greek government launched a battle against tax evasion.",
]


@pytest.mark.parametrize("text", DROPPED)
def test_acts_toward_nobody_are_dropped(text: str) -> None:
    assert coded(text, without=["act-needs"]), "the sentence must give an event to drop"
    assert not coded(text)


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # forces leaving, people released or handed back, a resignation: yieldings
        ("Ukrainian troops will leave the town of Avdiivka by Friday.", ("RETREAT", "UKRMIL", "")),
        (
            "Russia released the two Estonian border guards on Tuesday.",
            ("RETREAT", "RUS", "ESTCOP"),
        ),
        (
            "Syria agreed to return the bodies of the Israeli soldiers.",
            ("RETREAT", "SYR", "ISRMIL"),
        ),
        ("The Czech prime minister resigned on Friday.", ("RETREAT", "CZEGOV", "")),
        # force on people named, by armed men or police
        ("Gunmen killed three villagers near Kano.", ("ASSAULT", "NGAUAF", "NGACVL")),
        ("Kenyan police arrested six protesters in Nairobi.", ("COERCE", "KENCOP", "KENCVL")),
        # a battle by troops, a crackdown by the army, an attack by a bomber: force
        (
            "Colombian troops fought a battle with FARC rebels near Cali.",
            ("ASSAULT", "COLMIL", "COLREB"),
        ),
        ("The Nigerian army cracked down in the Delta on Tuesday.", ("COERCE", "NGAMIL", "")),
        ("The Russian suicide bomber attacked a checkpoint.", ("ASSAULT", "RUSUAF", "")),
        # a word of violence, or armed forces in the sentence: force, whoever is named
        (
            "In September, a car bomb in Kiev killed another ethnic Chechen who had fought on"
            " the Ukrainian side.",
            ("ASSAULT", "UKRGOV", ""),
        ),
        (
            "The Syrian government launched fresh attacks near Idlib, sending troops and tanks.",
            ("ASSAULT", "SYRGOV", ""),
        ),
        # pledging another country's things is an act toward it
        ("Belgium pledged to support Congo's election.", ("SUPPORT", "BEL", "COD")),
        # things handed back to a party
        (
            "The Libyan government returned the two Tunisian fishermen to Tunisia.",
            ("RETREAT", "LBYGOV", "TUN"),
        ),
        # a forceless attack among one country's politicians is criticism
        (
            "The Canadian finance minister fired both barrels at the opposition in his budget"
            " speech.",
            ("ACCUSE", "CANGOV", "OPP"),
        ),
    ],
)
def test_acts_toward_a_party_stay(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert any(r[0] == reading[0] and r[1] == reading[1] and reading[2] in r[2] for r in got), got


def test_a_forceless_attack_on_the_opposition_is_no_assault() -> None:
    text = "The Canadian finance minister fired both barrels at the opposition in his budget speech."
    assert "ASSAULT" in {e.type.value for e in coded(text, without=["act-needs"])}
    assert "ASSAULT" not in {e.type.value for e in coded(text)}


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        # no country holds the article: the army takes the one country of its sentence
        (
            "Britain, France and Germany criticised the decision. The army closed Tehran's new"
            " airport on its opening day.",
            ("COERCE", "IRNMIL", "IRNGOV"),
        ),
        # one country's own politicians on both sides are coded alike
        (
            "Britain, France and Germany met on Monday. The British prime minister will ask the"
            " Queen to dissolve Parliament.",
            ("REQUEST", "GBRGOV", "GBRGOV"),
        ),
    ],
)
def test_organs_of_no_country_take_the_sentence_country(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading in readings(coded(text))


@pytest.mark.parametrize(
    "text",
    [
        "Laws were tightened after the US terror attacks of 11 September 2001.",
        "Spending recovered after the Spanish terrorist bombings.",
    ],
)
def test_a_state_before_an_attack_of_terror_is_where_it_happened(text: str) -> None:
    assert coded(text, without=["act-gate"]), "the sentence must give an event to drop"
    assert not coded(text)


def test_a_state_before_an_air_strike_is_its_doer() -> None:
    got = readings(coded("Israeli airstrikes killed 12 people in Gaza on Monday."))
    assert any(r[0] == "ASSAULT" and r[1] == "ISR" for r in got), got


@pytest.mark.parametrize(
    ("text", "reading"),
    [
        (
            "The Turkish government refuses to accept Greece's denials that it armed the militia.",
            ("ACCUSE", "TURGOV", "GRC"),
        ),
        (
            "The Irish finance minister rejected the opposition leader's comment, saying the"
            " economy was strong.",
            ("ACCUSE", "IRLGOV", "OPP"),
        ),
    ],
)
def test_rejecting_a_remark_is_criticism(text: str, reading: tuple[str, str, str]) -> None:
    got = readings(coded(text))
    assert any(r[0] == reading[0] and r[1] == reading[1] and reading[2] in r[2] for r in got), got
    assert not any(r[0] == "REJECT" for r in got), got


def test_rejecting_calls_stays_a_refusal() -> None:
    got = readings(coded("Ethiopia rejected US calls for a ceasefire in Tigray."))
    assert ("REJECT", "ETH", "USA") in got, got


@pytest.mark.parametrize(
    "text",
    [
        'The Spanish prime minister has called the EU rebate "unjustified".',
        'The Dutch premier called the German chancellor a "giant" of European politics.',
    ],
)
def test_a_call_that_names_is_no_consultation(text: str) -> None:
    assert "CONSULT" in {r[0] for r in readings(coded(text, without=["act-needs"]))}
    assert "CONSULT" not in {r[0] for r in readings(coded(text))}


def test_a_phone_call_stays_a_consultation() -> None:
    got = readings(coded("The Kenyan president called the Ugandan leader on Tuesday."))
    assert any(r[0] == "CONSULT" and r[1] == "KENGOV" for r in got), got


def test_taking_charge_is_no_accusation() -> None:
    text = "The Irish prime minister took personal charge of Ireland's response on Tuesday."
    assert "ACCUSE" in {r[0] for r in readings(coded(text, without=["act-needs"]))}
    assert "ACCUSE" not in {r[0] for r in readings(coded(text))}
    got = readings(coded("Spanish prosecutors brought charges against the Catalan leader."))
    assert ("ACCUSE", "ESPJUD", "ESPGOV") in got, got


@pytest.mark.parametrize(
    "text",
    [
        "The Swedish Green Party suspended two candidates over their remarks about the war.",
        "Foreign suspects can be detained in Danish jails without trial under the new law.",
    ],
)
def test_a_coercion_of_uncoded_people_by_no_force_is_dropped(text: str) -> None:
    assert "COERCE" in {r[0] for r in readings(coded(text, without=["act-needs"]))}
    assert "COERCE" not in {r[0] for r in readings(coded(text))}


def test_a_detention_by_police_stays() -> None:
    got = readings(coded("Chinese police have detained three managers at the dairy firm."))
    assert ("COERCE", "CHNCOP", "") in got, got


@pytest.mark.parametrize(
    ("text", "accuser", "accused"),
    [
        ("Pakistan said that India had attacked first.", "PAK", "IND"),
        ("Armenia said on Sunday that Azerbaijan had attacked overnight.", "ARM", "AZE"),
    ],
)
def test_a_state_said_to_have_attacked_is_an_allegation(
    text: str, accuser: str, accused: str
) -> None:
    got = readings(coded(text))
    assert ("ASSAULT", accused, "") in got, got
    assert ("ACCUSE", accuser, accused) in got, got


def test_a_state_attacking_a_plan_it_speaks_of_is_no_assault() -> None:
    text = "France said that Britain had attacked the plan."
    assert "ASSAULT" not in {e.type.value for e in coded(text)}
