"""geopol.docarrays: the shared per-Doc arrays hold spaCy's own values, token for token."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from geopol.docarrays import doc_arrays
from geopol.nlp import join_docs

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "articles"

#: Written for this test: entities, several sentences, paragraphs, a headline.
TEXT = (
    "Rebels Shell Border Town\n\n"
    "Rebel fighters shelled the town of Kivu on Tuesday, the army said. "
    "Three soldiers were killed.\n\nThe United Nations urged both sides to hold talks in Geneva."
)


def _check(doc: Doc) -> None:
    a = doc_arrays(doc)
    assert a.text == doc.text
    assert a.pos == [t.pos_ for t in doc]
    assert a.tag == [t.tag_ for t in doc]
    assert a.dep == [t.dep_ for t in doc]
    assert a.lemma == [t.lemma_ for t in doc]
    assert a.lemma_lower == [t.lemma_.lower() for t in doc]
    assert a.lower == [t.lower_ for t in doc]
    assert a.ent_type == [t.ent_type_ for t in doc]
    assert a.ent_iob == [t.ent_iob for t in doc]
    assert a.head == [t.head.i for t in doc]
    assert a.idx == [t.idx for t in doc]
    assert a.end == [t.idx + len(t) for t in doc]
    assert a.is_punct == [t.is_punct for t in doc]
    assert a.is_space == [t.is_space for t in doc]
    assert a.is_alpha == [t.is_alpha for t in doc]
    sent_of = [n for n, s in enumerate(doc.sents) for _ in s]
    assert a.sent == sent_of
    for s in doc.sents:
        assert a.text[s.start_char : s.end_char] == s.text
        assert a.text[a.idx[s.start] : a.end[s.end - 1]] == s.text


def test_arrays_equal_spacy_attributes(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert len(list(doc.sents)) >= 3 and doc.ents
    _check(doc)


def test_arrays_equal_on_sample_articles(nlp: Language) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))[:5]]
    assert texts
    for doc in nlp.pipe(texts):
        _check(doc)


def test_joined_headline_and_body(nlp: Language) -> None:
    """The coder's Doc joins the headline's and the body's parses into one."""
    title, _, body = TEXT.partition("\n\n")
    doc = Doc.from_docs([nlp(title + "\n\n"), nlp(body)], ensure_whitespace=False)
    assert doc.text == TEXT
    _check(doc)


def test_kept_for_the_same_doc_only(nlp: Language) -> None:
    one, two = nlp("Kenya and Uganda signed a deal."), nlp("Talks failed.")
    a = doc_arrays(one)
    assert doc_arrays(one) is a
    b = doc_arrays(two)
    assert b is not a and b.lower == ["talks", "failed", "."]
    assert doc_arrays(one) is not a and doc_arrays(one).lower == a.lower
    empty = nlp("")
    assert doc_arrays(empty).sent == [] and doc_arrays(empty).head == []


def test_join_docs_equals_spacy_from_docs(nlp: Language) -> None:
    """The pipeline joins a headline's and a body's parses with ``join_docs``: the same Doc
    as spaCy's ``Doc.from_docs`` (every token attribute, the text, the tensor)."""
    title, _, body = TEXT.partition("\n\n")
    for parts in (
        [nlp(title + "\n\n"), nlp(body)],
        [nlp("Talks"), nlp(" failed. ")],
        [nlp(""), nlp("Kenya and Uganda signed a deal.")],
        [nlp("A"), nlp(""), nlp("B")],
    ):
        ours, theirs = join_docs(parts), Doc.from_docs(parts, ensure_whitespace=False)
        assert ours.text == theirs.text
        assert ours.to_bytes() == theirs.to_bytes()
        _check(ours)
    parts = [nlp("Talks"), nlp("failed.")]
    parts[0].user_data["note"] = 1  # spaCy's own join keeps user data (with a warning)
    assert join_docs(parts).text == "Talksfailed."
