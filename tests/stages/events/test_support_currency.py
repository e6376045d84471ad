"""Support verbs lend their subject to the act they carry, and a state's name before a currency
word is no party, whatever the parse hangs it on (seventh round, r7b-acled). Sentences of our own."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.actors.selection import currency_named
from geopol.nlp import load
from geopol.records import Event
from geopol_testkit import coded

PUB = "2021-06-04"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load()


def events(text: str) -> list[Event]:
    return coded(text, PUB)


def sources(evs: list[Event], type_: str) -> set[str]:
    return {a.code for e in evs if e.type == type_ for a in e.source}


@pytest.mark.parametrize(
    ("text", "type_", "doer"),
    [
        # a gerund under "resort to"
        ("On 3 May 2021, police resorted to firing on demonstrators in Kisumu, Kenya.", "ASSAULT", "KENCOP"),
        # a passive support verb with an act noun under "in"
        (
            "On 3 May 2021, Indian police were engaged in an exchange of fire with Maoist rebels "
            "near Sukma, Chhattisgarh.",
            "ASSAULT",
            "INDCOP",
        ),
        # an active one with a gerund
        ("On 3 May 2021, Ugandan soldiers engaged in shooting at traders in Kampala.", "ASSAULT", "UGAMIL"),
        # "persisted in" a gerund
        (
            "On 3 May 2021, Syrian government forces persisted in shelling the town of Kafr Nabl in Idleb.",
            "ASSAULT",
            "SYRMIL",
        ),
        # "involved in" a noun of fighting
        (
            "On 3 May 2021, a Nigerian army unit was involved in a gun battle with bandits in Zamfara.",
            "ASSAULT",
            "NGA",
        ),
        # the light verbs that already lent their subject stay so
        ("On 3 May 2021, Nigerian soldiers opened fire on protesters in Lagos.", "ASSAULT", "NGAMIL"),
        (
            "On 3 May 2021, Boko Haram militants carried out an attack on a village in Borno, Nigeria.",
            "ASSAULT",
            "NGAREB",
        ),
    ],
)
def test_a_support_verb_lends_its_subject(text: str, type_: str, doer: str) -> None:
    assert doer in sources(events(text), type_)


def test_an_accuser_is_no_support_verb() -> None:
    # "accused X of firing": the accuser does not fire
    evs = events("On 3 May 2021, the Kenyan interior minister accused protesters of firing on police in Kisumu.")
    assert "KENGOV" not in sources(evs, "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 May 2021, protesters burned tyres in Zahle over the US dollar rate.",
        "On 3 May 2021, protesters blocked a road in Bebnine over the high US dollar exchange rate.",
    ],
)
def test_a_currency_names_no_party_whatever_its_parse(text: str) -> None:
    evs = events(text)
    assert evs and not any(
        "USA" in (a.country for a in [*e.source, *e.target])
        or (e.location is not None and e.location.country == "USA")
        for e in evs
    )


def test_currency_named_reads_the_sequence(nlp: Language) -> None:
    doc = nlp("Traders protested the US dollar exchange rate, and the US imposed sanctions.")
    first = next(t.i for t in doc if t.text == "US")
    second = next(t.i for t in doc if t.text == "US" and t.i != first)
    assert currency_named(doc[first : first + 1])
    assert not currency_named(doc[second : second + 1])
