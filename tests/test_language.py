"""The language check's numpy walk gives py3langid's own counts and scores, float for float."""

from __future__ import annotations

import pytest
from py3langid import langid

from geopol.text import language

TEXTS = [
    "The finance ministers of five countries met in a small hotel on Tuesday to talk about grain.",
    "Opposition deputies walked out of the chamber after the speaker cut off the debate.\n\n"
    "The vote on the budget was put off until next week.",
    "Der Minister hat am Montag in der Hauptstadt mit den Gewerkschaften verhandelt.",
    "La ministra visitó ayer el puerto y prometió más barcos para la costa norte.",
    "Министр обороны прибыл в город в среду вечером.",
    "总统周三在首都会见了来访的代表团。",
    "Zürich, Gdańsk, Łódź, Málaga and Tromsø signed a pact on trams.",
    "ATTACK ON CONVOY NEAR THE BORDER",
    "a",
    "  \n\t ",
    "1999 2000 2001",
    "Talks" * 900,
]


@pytest.fixture(scope="module")
def identifiers() -> tuple[object, langid.LanguageIdentifier]:
    ours = language._identifier()
    plain = langid.LanguageIdentifier(
        ours.nb_ptc, ours.nb_pc, ours.nb_classes, ours.tk_nextmove, ours.tk_output,
        norm_probs=True, tk_row=ours.tk_row,
    )
    return ours, plain


@pytest.mark.parametrize("text", TEXTS)
def test_walk_counts_as_py3langid_does(identifiers: tuple[object, langid.LanguageIdentifier],
                                       text: str) -> None:
    ours, plain = identifiers
    data = plain._encode(text[: language.SAMPLE])
    theirs = langid.visit_counts(plain.tk_nextmove, plain._rowbase, plain.tk_output, data) or {}
    got = language._visits(ours.walk, data)  # type: ignore[attr-defined]
    assert list(got.items()) == list(theirs.items())  # the same counts in the same order


@pytest.mark.parametrize("text", TEXTS)
def test_rank_is_py3langid_rank(identifiers: tuple[object, langid.LanguageIdentifier],
                                text: str) -> None:
    ours, plain = identifiers
    sample = text[: language.SAMPLE]
    assert ours.rank(sample) == plain.rank(sample)  # type: ignore[attr-defined]


def test_walk_depth_is_the_tries_depth(identifiers: tuple[object, langid.LanguageIdentifier]) -> None:
    ours, _ = identifiers
    nxt, base, _out, deep = ours.walk  # type: ignore[attr-defined]
    assert deep == language._depth(nxt, base)
    assert 4 <= deep <= 16


def test_decisions() -> None:
    assert language.detect(TEXTS[0]) == "en"
    assert language.detect(TEXTS[2]) == "und"
    assert language.detect(TEXTS[4]) == "und"


def test_function_words_decide_plain_english_alone() -> None:
    english = "The minister said that the talks with the unions were over and that the strike would go on."
    words = language._WORD.findall(english)
    share = sum(1 for w in words if w.lower() in language.FUNCTION_WORDS) / len(words)
    assert share >= language.FUNCTION_SHARE
    assert language.detect(english) == "en"
    # prose in other languages of the Latin script stays far below the share, quotes and all
    for text in (
        "Le ministre a dit que les négociations avec the Guardian et les syndicats sont finies.",
        "Der Minister sagte, dass die Gespräche mit den Gewerkschaften beendet seien, and so on.",
        "De minister zei dat de gesprekken met de bonden in het weekend waren mislukt.",
    ):
        words = language._WORD.findall(text)
        assert sum(1 for w in words if w.lower() in language.FUNCTION_WORDS) < language.FUNCTION_SHARE * len(words)
        assert language.detect(text) == "und"
