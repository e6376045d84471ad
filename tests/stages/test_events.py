"""The event coder on sentences we wrote: types, dyads, factuality, dates, alignment."""

from __future__ import annotations

import pytest

from geopol.pipeline import code
from geopol.records import Event

PUB = "2024-03-13"  # a Wednesday


def events(text: str, published: str | None = PUB) -> list[Event]:
    return code("Test article\n" + text, published=published)


def find(evs: list[Event], type_: str, src: str, tgt: str | None = None) -> Event:
    for e in evs:
        if (
            e.type == type_
            and any(a.country == src for a in e.source)
            and (tgt is None or any(a.country == tgt for a in e.target))
        ):
            return e
    raise AssertionError(
        f"no {type_} {src}->{tgt} in {[(e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in evs]}"
    )


@pytest.mark.parametrize(
    ("text", "type_", "src", "tgt"),
    [
        ("Russia and China held talks in Beijing.", "CONSULT", "RUS", "CHN"),
        (
            "Israeli jets launched an attack on Hezbollah positions in Lebanon.",
            "ASSAULT",
            "ISR",
            None,
        ),
        ("The European Union imposed sanctions against Iran.", "SANCTION", "IGO-EU", "IRN"),
        ("Japan provided humanitarian aid to Turkey after the earthquake.", "AID", "JPN", "TUR"),
        ("Ukraine accused Russia of shelling civilian areas.", "ACCUSE", "UKR", "RUS"),
        ("Iran rejected the proposal from France.", "REJECT", "IRN", None),
        ("Kenya was attacked by Somali militants.", "ASSAULT", "SOM", "KEN"),
        ("Poland urged Germany to send more tanks.", "REQUEST", "POL", "DEU"),
        ("Ukrainian President Volodymyr Zelensky visited Washington.", "CONSULT", "UKR", "USA"),
    ],
)
def test_types_and_dyads(text: str, type_: str, src: str, tgt: str | None) -> None:
    find(events(text), type_, src, tgt)


def test_nested_factuality_concern_asserted_supply_speculated() -> None:
    evs = events(
        "There is speculation about Iran potentially providing drones to Russia. "
        "The United States has expressed concerns about this possibility."
    )
    assert find(evs, "AID", "IRN", "RUS").factuality.value == "speculated"
    concern = find(evs, "ACCUSE", "USA")
    assert concern.factuality.value == "asserted"
    assert {a.country for a in concern.target} & {"IRN", "RUS"}


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("Egypt and Israel are set to hold talks on Monday.", "planned"),
        ("Egypt will hold talks with Israel next week.", "planned"),
        ("If Egypt were to attack Israel, the region would suffer.", "hypothetical"),
        ("Egypt did not attack Israel.", "negated"),
        ("Officials said Egypt attacked Israel.", "reported"),
        ("Egypt reportedly attacked Israel.", "reported"),
        ("Egypt may attack Israel.", "speculated"),
        ("Egypt attacked Israel.", "asserted"),
    ],
)
def test_factuality(text: str, factuality: str) -> None:
    evs = events(text)
    types = {"CONSULT", "ASSAULT"}
    hits = [e for e in evs if e.type in types and any(a.country == "EGY" for a in e.source)]
    assert hits, f"no event in {text!r}"
    assert hits[0].factuality.value == factuality


def test_reported_speech_keeps_embedded_event() -> None:
    evs = events("The United States said Russia attacked Ukraine.")
    e = find(evs, "ASSAULT", "RUS", "UKR")
    assert e.factuality.value == "reported"


def test_dates_resolve_against_publication() -> None:
    evs = events("The French president's arrival in Germany on Tuesday drew crowds.")
    e = find(evs, "CONSULT", "FRA", "DEU")
    assert e.date is not None and e.date.value == "2024-03-12"
    year = find(events("Iran provided missiles to Yemen's Houthis in 2022."), "AID", "IRN")
    assert year.date is not None and (year.date.value, year.date.precision) == ("2022", "year")


def test_relative_date_without_publication_date_stays_unresolved() -> None:
    evs = events("Kenya and Uganda signed a trade agreement yesterday.", published=None)
    e = find(evs, "SUPPORT", "KEN")
    assert e.date is None or e.date.value is None


def test_coordinated_sources_and_stated_alignment() -> None:
    from geopol.pipeline import code_article
    from geopol.text.reader import article_from_text

    coded = code_article(
        article_from_text(
            "Emerging economies draw closer on trade\nBrazil, India and South Africa are increasingly aligning on trade, while Canada, "
            "Australia and Britain keep their distance.",
            check_language=False,
        )
    )
    blocs = {frozenset(a.country for a in al.members) for al in coded.alignments}
    assert frozenset({"BRA", "IND", "ZAF"}) in blocs
    assert frozenset({"CAN", "AUS", "GBR"}) in blocs


def test_no_political_event_no_record() -> None:
    assert events("The weather was mild and the trains ran on time.") == []
    assert (
        events("Arsenal beat Chelsea 2-1 in the league match after a late goal from their striker.")
        == []
    )


def test_evidence_offsets_point_into_the_text() -> None:
    text = (
        "Test article\nTurkish troops attacked Kurdish militants near the Syrian border on Friday."
    )
    for e in code(text, published=PUB):
        assert text[e.evidence.trigger.start : e.evidence.trigger.end] == e.evidence.trigger.text
        for a in e.source + e.target:
            assert text[a.start : a.end] == a.text
