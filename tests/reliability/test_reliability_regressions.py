"""One test per finding of the fuzzing and fault runs (docs/reliability.md lists them)."""

from __future__ import annotations

import pytest

from geopol.errors import BadInput, DictionaryError


@pytest.mark.issue(9)
def test_charset_name_with_nul_falls_back() -> None:
    """decode_body raised ValueError ("embedded null character") for such a header charset."""
    from geopol.ingest.fetch import decode_body

    assert decode_body(b"caf\xe9", "x-\x00") == "café"


@pytest.mark.issue(9)
@pytest.mark.parametrize("words", [None, []])
def test_agent_entry_without_words_is_a_dictionary_error(words: object) -> None:
    """``words: null`` in a user dictionary raised IndexError instead of DictionaryError."""
    from geopol.actors.dictionary import parse_yaml

    with pytest.raises(DictionaryError, match=r"user\.yaml entry 1"):
        parse_yaml([{"words": words}], "user.yaml")


@pytest.mark.issue(9)
def test_text_over_the_parser_limit_is_bad_input() -> None:
    """A text under the 5 MB file limit but over spaCy's max_length raised a bare ValueError."""
    from geopol.nlp import load
    from geopol.pipeline import code

    too_long = "Headline\n" + "a" * (load().max_length + 1)
    with pytest.raises(BadInput, match="too long to code"):
        code(too_long)


@pytest.mark.issue(9)
def test_long_article_spans_point_into_the_text() -> None:
    """Event spans of a long article (their text is cut from a cached Doc text, which made
    coding linear instead of quadratic) still match the article text exactly."""
    from geopol.pipeline import code_article
    from geopol.records import Article

    para = ("Russian troops attacked the Ukrainian town of Bakhmut on Monday, officials in Kyiv "
            "said. China and India held talks in Beijing.\n\n")
    article = Article(title="Long", body=para * 60)
    coded = code_article(article)
    assert len(coded.events) >= 60
    for e in coded.events:
        t = e.evidence.trigger
        assert article.text[t.start : t.end] == t.text


@pytest.mark.issue(9)
@pytest.mark.parametrize("html", ["<html><body></body><body></body></html>",
                                  "<p>a</p></body><body><p>b</p>"])
def test_fragment_with_two_bodies_gives_text(html: str) -> None:
    """lxml's fragment parser asserted (AssertionError) on two <body> elements."""
    from geopol.ingest.feeds import html_fragment_text

    assert isinstance(html_fragment_text(html), str)
