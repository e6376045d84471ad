"""Property-based tests: on arbitrary text the coder never raises, every offset points into
the text, and every event has a type, a factuality and a source actor."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geopol.events.lexicon import PLOVER_TYPES
from geopol.pipeline import code_article
from geopol.records import Article, Factuality

WORDS = st.sampled_from(
    ["Russia", "China", "the", "United", "States", "Kim", "Jong", "Un", "Putin", "said", "attacked", "met", "talks", "with", "sanctions", "against", "reportedly", "may", "will", "not", "if", "were", "to", "in", "on", "Tuesday", "2022", "North", "Korea's", "foreign", "minister", "troops", "aid", "provided", "rockets", "to", "Wagner", "Group", ",", ".", "and", "–", "—", "(", ")", '"', "'", "’", "UN", "Kremlin", "protesters", "police"]
)
TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(WORDS, max_size=80).map(" ".join),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=TEXT, body=TEXT)
def test_coder_total_and_offsets_valid(title: str, body: str) -> None:
    article = Article(title=title.replace("\n", " "), body=body, published=None)
    coded = code_article(article)
    text = article.text
    for a in coded.actors:
        assert 0 <= a.start <= a.end <= len(text)
        assert text[a.start : a.end] == a.text
    for p in coded.places:
        assert 0 <= p.start <= p.end <= len(text)
    for e in coded.events:
        assert e.type in PLOVER_TYPES
        assert isinstance(e.factuality, Factuality)
        assert e.source
        ev = e.evidence
        for span in [ev.sentence, ev.trigger, *ev.source, *ev.target, *ev.cues]:
            assert text[span.start : span.end] == span.text
