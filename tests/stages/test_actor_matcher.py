"""The actor matcher's hash-run walk gives exactly what spaCy's PhraseMatchers gave."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from geopol.actors import matcher
from geopol.actors.dictionary import ActorDictionary, Entry, Pattern
from geopol.actors.dictionary import load as load_dictionary

SENTENCES = [
    "The Labour Party and the Liberal Democrats met officials of the European Union in Brussels.",
    "Police in Nairobi said the ANC and the UN had asked the Kenyan government to act.",
    "President Bush told the Iraqi parliament that US troops would stay; the UN did not comment.",
    "Rebels of the Lord's Resistance Army attacked a village, the army of Uganda said on Tuesday.",
    "The minister met the NATO secretary-general and the WHO delegation",
    "",
]


def _key(found: list[matcher.Match]) -> list[tuple[int, int, int]]:
    return [(m.start, m.end, id(m.pattern)) for m in found]


def _matchers(nlp: Language, d: ActorDictionary) -> matcher._Compiled:
    c = matcher._Compiled(matcher.Phrases(), matcher.Phrases(), matcher.Phrases())
    c.matchers, c.table = matcher._compile_matchers(nlp.vocab, d)
    return c


def test_builtin_dictionary_matches_as_phrase_matchers(nlp: Language) -> None:
    d = load_dictionary()
    walked = matcher._compile(nlp.vocab, d)
    assert walked.matchers is None  # no two built-in forms share their tokens
    spacy_way = _matchers(nlp, d)
    for doc in nlp.pipe(SENTENCES):
        names, agents = matcher._raw(doc, walked)
        want_names, want_agents = matcher._raw(doc, spacy_way)
        assert _key(names) == _key(want_names)
        assert _key(agents) == _key(want_agents)
        assert names or not len(doc)


def _entry(name: str, country: str) -> Entry:
    return Entry(key=f"test:{name}", kind="group", name=name, country=country, sector="GOV")


def _dictionary(forms: list[tuple[str, bool]], agents: tuple[str, ...] = ()) -> ActorDictionary:
    d = ActorDictionary(sources=[f"test-{len(forms)}-{forms[0][0]}"])
    for text, exact in forms:
        d.patterns.append(Pattern(text, _entry(text, "KEN"), case_sensitive=exact))
    for word in agents:
        d.agents.append(Pattern(word, Entry(key=f"agent:{word}", kind="agent", name=word,
                                            country=None, sector="GOV")))
    return d


def test_overlapping_forms_come_by_start_then_end(nlp: Language) -> None:
    d = _dictionary([("Coast", False), ("Ivory Coast", False), ("Ivory Coast army", False),
                     ("IC", True), ("army", False)], agents=("army", "soldiers"))
    doc = nlp("Soldiers of the Ivory Coast army met the IC army. Ic said nothing about the ivory coast")
    names, agents = matcher._raw(doc, matcher._compile(nlp.vocab, d))
    spans = [(doc[m.start : m.end].text, m.pattern.text) for m in names]
    assert spans == [
        ("Ivory Coast", "Ivory Coast"),
        ("Ivory Coast army", "Ivory Coast army"),
        ("Coast", "Coast"),
        ("army", "army"),
        ("army", "army"),
        ("ivory coast", "Ivory Coast"),  # the last tokens of the Doc
        ("coast", "Coast"),
        ("IC", "IC"),  # case-sensitive forms after the others; "Ic" is not one
    ]
    assert [doc[m.start : m.end].text for m in agents] == ["Soldiers", "army", "army"]
    want_names, want_agents = matcher._raw(doc, _matchers(nlp, d))
    assert _key(names) == _key(want_names)
    assert _key(agents) == _key(want_agents)


def test_forms_sharing_their_tokens_fall_back_to_phrase_matchers(nlp: Language) -> None:
    # "al-Hurra" and "al - Hurra" are two forms but the same three tokens.
    d = _dictionary([("al-Hurra", False), ("al - Hurra", False)])
    c = matcher._compile(nlp.vocab, d)
    assert c.matchers is not None
    doc: Doc = nlp("Fighters of al-Hurra crossed the river.")
    names, _agents = matcher.match(doc, d)
    assert sorted(m.pattern.text for m in names) == ["al - Hurra", "al-Hurra"]


@pytest.mark.parametrize("text", ["", "Kenya"])
def test_empty_and_one_token_docs(nlp: Language, text: str) -> None:
    d = _dictionary([("Kenya", False)])
    names, agents = matcher.match(nlp(text), d)
    assert [(m.start, m.end) for m in names] == ([(0, 1)] if text else [])
    assert agents == []
