"""The ``venue-parties`` pass on sentences we wrote: a place in a place phrase is no party,
and a warning is a threat only when it names an act."""

from __future__ import annotations

from events_passkit import coded, readings


def test_the_city_of_a_meeting_is_no_party() -> None:
    text = "At their meeting in Paris, G7 trade ministers backed plans to cut the debts of poor nations."
    assert ("SUPPORT", "FRAGOV", "IGO-G7GOV") in readings(coded(text, without=["venue-parties"]))
    assert not any("FRAGOV" in (s + t) for _, s, t in readings(coded(text)))


def test_a_place_attacked_keeps_its_place_phrase() -> None:
    text = "Rebels fired rockets at army positions in Kandahar on Tuesday."
    assert coded(text) == coded(text, without=["venue-parties"])


def test_a_warning_of_no_act_is_dropped() -> None:
    text = "The German chancellor warned Poland about complacency."
    assert ("THREATEN", "DEUGOV", "POL") in readings(coded(text, without=["venue-parties"]))
    assert not any(k == "THREATEN" for k, _, _ in readings(coded(text)))


def test_a_warning_that_someone_else_may_act_is_dropped() -> None:
    text = "The Spanish interior minister warned Portugal that an attack could happen at any time."
    assert not any(k == "THREATEN" for k, _, _ in readings(coded(text)))


def test_a_warning_of_force_is_a_threat() -> None:
    text = "Turkey warned Syria of military action if Damascus does not withdraw its troops."
    assert ("THREATEN", "TUR", "SYR") in readings(coded(text))


def test_a_warning_of_the_warners_own_act_is_a_threat() -> None:
    text = "Japan warned China that it would impose duties on steel."
    assert any(k == "THREATEN" for k, _, _ in readings(coded(text)))


def test_every_conjoined_target_phrase_is_a_target() -> None:
    text = "The EU imposed sanctions on Iran and on Syria."
    assert ("SANCTION", "IGO-EUIGO", "IRN+SYR") in readings(coded(text))


def test_a_place_that_locates_the_acts_object_stays_the_target() -> None:
    text = "UN inspectors will examine the refineries in Iran."
    assert any(t == "IRN" for _, _, t in readings(coded(text)))


def test_a_place_of_the_act_beside_another_target_still_leaves() -> None:
    text = "At their meeting in Paris, G7 trade ministers backed plans to cut the debts of poor nations."
    assert not any("FRAGOV" in t for _, _, t in readings(coded(text)))
