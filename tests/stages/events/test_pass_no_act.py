"""The passes ``stance-gate``, ``home-campaign`` and ``beneficiary-targets`` (module
``events/passes/no_act.py``) on sentences we wrote: a wish, a view, a description or a
condition is no act, nor a power, an ability or a need denied; a government's campaign words
to its own people and a tour at home are no act; who would be
freed, or an adjective of what is called for, is not the one asked. Each rule has cases that
must stay."""

from __future__ import annotations

import pytest
from events_passkit import coded, readings

NO_ACT = [
    # a wish: the act is only wanted
    ("The Norwegian opposition wants to meet the Danish foreign minister.", "stance-gate"),
    (
        "The Dutch opposition does not want to discuss the Belgian treaty with the EU.",
        "stance-gate",
    ),
    # a state's wish denied
    ("Denmark does not want to hold talks with Sweden.", "stance-gate"),
    # a view under a modal
    ("Swedish officials fear Denmark could offer Finland help.", "stance-gate"),
    # a description of an actor
    ("Norway is a strong supporter of more aid for Iceland.", "stance-gate"),
    ("Norway remains the main area of concern for the Danish government.", "stance-gate"),
    # a power, an ability, a need denied
    (
        "The law extends the right of the Danish parliament to overrule the Swedish court.",
        "stance-gate",
    ),
    (
        "Critics say only judges should be able to order the detention of Danish citizens.",
        "stance-gate",
    ),
    ("Swedish rebels do not need to attack Norway.", "stance-gate"),
    # a condition
    ("The talks would fail unless Swedish farmers met Norwegian officials.", "stance-gate"),
    # a government's campaign words to its own people
    ("The Danish prime minister assured voters he would not raise taxes.", "home-campaign"),
    # a tour of one's own country's places
    ("The Danish Liberal leader visits Aarhus, Odense and Aalborg this week.", "home-campaign"),
    # who would be freed is not the one asked; a request's matter is not the one asked
    (
        "A Danish MP appealed for the release of Swedish aid worker Anna Berg.",
        "beneficiary-targets",
    ),
    ("A Danish MP called for the release of Swedish aid worker Anna Berg.", "beneficiary-targets"),
    ("Denmark urged the bank chiefs to write off African debt.", "beneficiary-targets"),
]


@pytest.mark.parametrize(("text", "name"), NO_ACT)
def test_no_act_between_the_parties_codes_nothing(text: str, name: str) -> None:
    assert coded(text, without=[name]), "the sentence must give an event to drop"
    assert not coded(text)


STAY = [
    # a plain past under a verb of belief reports the act
    ("Danish officials believe Swedish troops attacked the Norwegian border post.",
     ("ASSAULT", "SWEMIL", "NOR")),
    # a view in the passive is a hedged report of the act
    ("Danish ministers are believed to have agreed to meet Sweden's foreign minister.",
     ("CONSULT", "DNKGOV", "SWEGOV")),
    # so is a reduced passive relative: the rocket is believed to be fired by the rebels
    ("A Turkish army truck was destroyed near the border by a rocket believed to be fired by "
     "Syrian rebels.", ("ASSAULT", "SYRREB", "TUR")),
    # "was able to", in the past with no modal, reports the act; "right to" as an adjective
    ("Sweden was able to attack Norway's border posts.", ("ASSAULT", "SWE", "NOR")),
    ("Norway's Labour party was right to reject Sweden's offer.", ("REJECT", "GBRPTY", "SWE")),
    # backing another country's thing, or one's own country's, stays
    ("The Danish prime minister backed Sweden's plan.", ("SUPPORT", "DNKGOV", "SWE")),
    ("The Danish government defended Denmark's strict fishing policy.", ("SUPPORT", "DNKGOV", "DNK")),
    # a visit abroad stays
    ("The Danish prime minister visits Stockholm this week.", ("CONSULT", "DNKGOV", "SWEGOV")),
    # a state's wish to meet is an intent (CAMEO 036)
    ("Denmark wants to hold talks with Sweden.", ("CONSULT", "DNK", "SWE")),
    # a state's supposed act is kept as hypothetical (unreal-events keeps it)
    ("If Egypt were to attack Israel, the region would suffer.", ("ASSAULT", "EGY", "ISR")),
    # a threat keeps its condition
    ("Denmark threatened Sweden with sanctions if it closed the bridge.", ("THREATEN", "DNK", "SWE")),
    # a government backing another country's government is an act
    ("The Danish prime minister backed the Swedish government over the bridge dispute.",
     ("SUPPORT", "DNKGOV", "SWEGOV")),
    # the release itself keeps the freed as its target
    ("Norway released the two Swedish fishermen on Tuesday.", ("RETREAT", "NOR", "SWECVL")),
    # a body named as the modifier of what is sought is the one asked
    ("The French government will seek European Union approval for the wine plan.",
     ("REQUEST", "FRAGOV", "IGO-EUIGO")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "reading"), STAY)
def test_acts_under_belief_threats_and_releases_stay(
    text: str, reading: tuple[str, str, str]
) -> None:
    assert reading in readings(coded(text))
