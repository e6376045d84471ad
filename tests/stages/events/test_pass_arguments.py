"""The ``arguments`` pass of the event coder, alone, on sentences we wrote."""

from __future__ import annotations

from events_passkit import before, coded, readings

from geopol.events.passes.arguments import arguments


def test_subject_and_object() -> None:
    ctx = before("Russia attacked Ukraine.", "arguments", "attacked")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["RUS"]
    assert [a.code for a in ctx.current.target] == ["UKR"]


def test_unnamed_actors_stay_raw_only() -> None:
    ctx = before("Gunmen attacked the Ukrainian army.", "arguments", "attacked")
    arguments(ctx)
    assert ctx.current.source == [] and [a.text for a in ctx.current.raw_source] == ["Gunmen"]


def test_they_in_what_a_party_says_is_the_speaker() -> None:
    text = "Egyptian officials said they would send aid to Gaza."
    ctx = before(text, "arguments", "send")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["EGYGOV"]
    assert ("AID", "EGYGOV", "PSE") in readings(coded(text))


def test_they_of_no_reported_speech_is_nobody() -> None:
    ctx = before("They would send aid to Gaza.", "arguments", "send")
    arguments(ctx)
    assert ctx.current.source == []


def test_a_name_misread_as_an_adverb_is_the_subject() -> None:
    ctx = before("USAID provided tents to Haiti.", "arguments", "provided")
    arguments(ctx)
    assert [a.code for a in ctx.current.source] == ["USAGOV"]


def test_a_demand_that_a_misread_verb_s_subject_resign_asks_that_subject() -> None:
    # "resign" tagged as a noun, with "government" as its subject
    text = "Armenia's generals demanded that Prime Minister Nikol Pashinian's government resign."
    ctx = before(text, "arguments", "demanded")
    arguments(ctx)
    assert any("Pashinian" in a.text for a in ctx.current.raw_target)
    assert ("REQUEST", "ARMMIL", "ARMGOV") in readings(coded(text))


def test_an_infinitive_clause_s_own_subject_is_the_one_refused() -> None:
    text = "Israel's attorney general rejected Prime Minister Benjamin Netanyahu to delay a hearing."
    ctx = before(text, "arguments", "rejected")
    arguments(ctx)
    assert [a.code for a in ctx.current.target] == ["ISRGOV"]
    assert ("REJECT", "ISRGOV", "ISRGOV") in readings(coded(text))


def test_a_body_of_the_same_state_may_be_asked_but_the_doer_is_not_its_own_target() -> None:
    asked = "Iran's parliament demanded that the Iranian government resign."
    assert any(r[:2] == ("REQUEST", "IRNLEG") and r[2].startswith("IRN")
               for r in readings(coded(asked)))
    itself = "Iran demanded that Iran be heard."
    assert not any(r[0] == "REQUEST" and r[2] == "IRN" for r in readings(coded(itself)))


def test_a_clause_of_saying_is_no_demand() -> None:
    # "insisted it would": an indicative clause asks nobody
    text = "France insisted that Germany would pay."
    assert not any(r[0] == "REQUEST" for r in readings(coded(text)))


def test_an_appeal_against_a_decision_asks_nobody_named_in_it() -> None:
    text = "The Welsh government lost an appeal against a prisoner's compensation award."
    assert not any(r[0] == "REQUEST" for r in readings(coded(text)))
    asked = readings(coded("Egypt made an urgent appeal to Israel to halt the raids."))
    assert ("REQUEST", "EGY", "ISR") in asked, asked
