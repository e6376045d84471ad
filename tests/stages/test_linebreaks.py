"""Line breaks inside a sentence are blanked before parsing (text/linebreaks.py)."""

from __future__ import annotations

import pytest

from geopol.nlp import load
from geopol.pipeline import code_article, prepare
from geopol.records import Article
from geopol.text.linebreaks import join_broken_lines

WRAPPED = (
    "Engineers from the regional water board began repairing the dam north of the\n"
    "          reservoir on Friday, and the work on the spillway near the border with South\n"
    "          Africa is expected to last until the end of the rainy season next year.\n"
    "          The board said the cost would be shared with the province."
)


@pytest.mark.parametrize(
    "text",
    [
        # a wrapped line going on in lower case
        "The ministers of the two countries agreed to\n    reopen the crossing.",
        # a long line (wrapped text, not a heading) going on in capitals
        "Officials from the agency said on Thursday that the new line between the two\n"
        "    Caribbean islands would open next spring.",
        # a short line ending in a word no sentence ends in
        "The summit was held in\n    Lusaka last week.",
        # a comma at the end of the line
        "The mayor of Tromso,\n    Norway, opened the bridge.",
        # a line that goes on after a sentence ended inside it
        "It rained. Farmers near\n    Mbeya lost their crops.",
    ],
)
def test_break_inside_a_sentence_is_blanked(text: str) -> None:
    joined = join_broken_lines(text)
    assert len(joined) == len(text)
    assert "\n" not in joined
    assert joined.replace(" ", "") == text.replace(" ", "").replace("\n", "")


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph end
        "The talks ended on Monday.\n    The envoys left the next day.",
        # a heading: a short line with no final mark, then a capital
        "Border reopened\nThe crossing between the two towns reopened on Sunday.",
        "Fresh talks planned\n    Negotiators will meet again in Accra.",
        # a colon before a list, and list items
        "The agency named three causes:\n- drought\n- floods",
        "Steps taken\n1. Roads closed\n2. Schools shut",
        "- roads closed in the north\n- schools shut in the south",
        # a blank line
        "The ministers of the two countries agreed to\n\n    reopen the crossing.",
        # a quotation ended
        'He said "we are ready"\n    The crowd cheered.',
    ],
)
def test_other_breaks_are_kept(text: str) -> None:
    assert join_broken_lines(text) == text


def test_offsets_and_sentences() -> None:
    joined = join_broken_lines(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert joined.count("\n") == 1  # only the paragraph's end after "next year."
    doc = load()(joined)
    assert len(list(doc.sents)) == 2
    south = WRAPPED.index("South")
    assert any(e.start_char == south and e.text.endswith("Africa") for e in doc.ents)


def test_prepare_blanks_body_only_and_keeps_offsets() -> None:
    article = Article(title="Dam repairs begin", body=WRAPPED)
    text, _whole, _place = prepare(article)
    assert len(text) == len(article.text)
    assert text.startswith("Dam repairs begin\n")  # the headline's break stays
    assert text.count("\n") == 2


def test_place_broken_across_lines_is_found() -> None:
    coded = code_article(Article(title="Dam repairs begin", body=WRAPPED))
    names = {" ".join(p.text.split()) for p in coded.places}
    assert "South Africa" in names
    start = coded.article.text.index("South")
    assert any(p.start == start for p in coded.places)  # offsets into Article.text
