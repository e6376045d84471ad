"""geopol.pipes: the stand-ins set the same token attributes as the spaCy components they replace.

Each text is parsed up to the attribute ruler, copied, and finished once by spaCy's own
attribute ruler and lemmatizer (kept in the pipeline, disabled) and once by the stand-ins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from geopol.nlp import load
from geopol.pipes.attributes import FastAttributes, compile_ruler

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "articles"

#: Written for these tests: the ruler's exceptions (pronouns, auxiliaries, "there is",
#: contractions, "gonna", "y'all", spaces) and ordinary news prose.
SENTENCES = [
    "The ministers met in Geneva on Tuesday and agreed to resume the talks.",
    "There is no sign that the rebels have left, and there were reports they'd return.",
    "I'd say we're gonna see more of 'em; y'all know it ain't over, and let's be clear.",
    "She has been saying that he did not, and they had never, done anything like that.",
    "Something's got ta give: nobody wants a war  but everyone fears one.\n\nNew paragraph here.",
    "Those who could have stopped it didn't, whereas these states wouldn't sign.",
    "Being there, itself a risk, was what it was; c'mon, said the officer, doin' his job.",
    "It is the army that is to blame, said its commander, who gets paid and got promoted.",
    "   ",
    "",
]


def _parsed(nlp: Language, text: str) -> Doc:
    """``text`` run through every enabled component before the stand-ins."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "geopol_attributes":
            break
        doc = proc(doc)
    return doc


def _values(doc: Doc) -> list[tuple[str, str, str, str, str, int]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def _both(nlp: Language, text: str) -> tuple[Doc, Doc]:
    doc = _parsed(nlp, text)
    theirs = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    ours = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    theirs = nlp.get_pipe("lemmatizer")(nlp.get_pipe("attribute_ruler")(theirs))
    ours = nlp.get_pipe("geopol_lemmas")(nlp.get_pipe("geopol_attributes")(ours))
    return theirs, ours


def test_the_default_pipeline_runs_the_stand_ins(nlp: Language) -> None:
    assert "geopol_attributes" in nlp.pipe_names and "geopol_lemmas" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.disabled)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_attributes_as_spacy_on_our_sentences(nlp: Language, text: str) -> None:
    theirs, ours = _both(nlp, text)
    assert _values(ours) == _values(theirs)


def test_same_attributes_as_spacy_on_the_sample_articles(nlp: Language) -> None:
    files = sorted(SAMPLES.glob("*.txt"))
    assert files
    for f in files:
        theirs, ours = _both(nlp, f.read_text(encoding="utf-8"))
        assert _values(ours) == _values(theirs), f.name


def test_the_ruler_s_exceptions_are_applied(nlp: Language) -> None:
    """Not only the tag map: contractions get their lemma, an expletive's verb is a VERB."""
    _, ours = _both(nlp, "There were talks. They'll go, we're told, gonna win.")
    by_text = {t.text: t for t in ours}
    assert by_text["'ll"].lemma_ == "will"
    assert by_text["were"].pos_ == "VERB"
    assert by_text["'re"].lemma_ == "be" and by_text["'re"].pos_ == "AUX"
    assert by_text["gon"].lemma_ == "go" and by_text["na"].lemma_ == "to"


def test_a_ruler_with_patterns_it_cannot_read_is_left_to_spacy() -> None:
    """A pattern with an operator: the stand-in declines, the model keeps its ruler."""
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"LEMMA": "very"})
    assert compile_ruler(ruler) is None
    ruler2 = spacy.blank("en").add_pipe("attribute_ruler")
    ruler2.add([[{"TAG": "NN", "LOWER": {"IN": ["thing"]}}]], {"POS": "NOUN"})
    rules = compile_ruler(ruler2)
    assert rules is not None and len(rules) == 1
    assert isinstance(FastAttributes(blank.vocab, rules), FastAttributes)


def test_spacy_s_own_components_on_request() -> None:
    plain = load(stand_ins=False)
    assert "attribute_ruler" in plain.pipe_names and "geopol_attributes" not in plain.pipe_names


def test_words_share_a_cache_entry_only_when_no_rule_tells_them_apart() -> None:
    """Tokens alike but for their LOWER share one entry unless a LOWER value or test of some
    rule separates them: an ordinary word first must not hand its answer to a word a REGEX
    or a listed LOWER picks out (or to one a NOT_IN list leaves out)."""
    import spacy

    blank = spacy.blank("en")
    ruler = blank.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"REGEX": "^wh?ere?$"}}]], {"POS": "ADV"})
    ruler.add([[{"TAG": "NN", "LOWER": {"IN": ["river", "lake"]}}]], {"LEMMA": "water"})
    ruler.add([[{"TAG": "NN", "LOWER": {"NOT_IN": ["town", "river"]}}]], {"MORPH": "Number=Sing"})
    rules = compile_ruler(ruler)
    assert rules is not None
    words = ["bridge", "were", "town", "river", "road", "where", "lake", "tower", "ere", "bridge"]
    tags = ["NN"] * len(words)

    def doc() -> Doc:
        return Doc(blank.vocab, words=words, tags=tags)

    theirs, ours = ruler(doc()), FastAttributes(blank.vocab, rules)(doc())
    assert [(t.pos_, t.lemma_, str(t.morph)) for t in ours] == [
        (t.pos_, t.lemma_, str(t.morph)) for t in theirs
    ]
    assert [t.pos_ for t in ours].count("ADV") == 2  # were, where (not "ere")
    assert [t.lemma_ for t in ours].count("water") == 2  # river, lake
