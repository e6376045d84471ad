"""Speed changes of the tenth round give the answers of the code they replace (issue 15).

Each test runs the faster code next to a plain reference written here (the loop as it was)
on sentences written for these tests, and asks for the same answers.
"""

from __future__ import annotations

import dataclasses
import re

from spacy.language import Language

from geopol.places import afterprep
from geopol.places.afterprep import AT_WORDS, LONGEST, PAREN_POP, PLACE_NOUNS, _free, _name_token
from geopol.places.gazetteer import ALIAS, ALTERNATE, PRIMARY, Gazetteer, get


def _reference_after(doc, gaz: Gazetteer, taken: list[bool], blocked: list[bool]):  # type: ignore[no-untyped-def]
    """``after_preposition`` as it was: every token tried."""
    out = []
    lower = [t.lower_ for t in doc]
    for i in range(1, len(doc)):
        paren = lower[i - 1] == "("
        of = lower[i - 1] == "of" and i > 1 and lower[i - 2] in PLACE_NOUNS
        if not (paren or of or lower[i - 1] in AT_WORDS) or taken[i] or not _name_token(doc[i]):
            continue
        prep = doc[i - 1]
        end = i
        while end < len(doc) and _name_token(doc[end]):
            end += 1
        if end - i > LONGEST or not _free(doc, i, end, taken, blocked):
            continue
        text = doc[i:end].text
        if text.casefold() in afterprep._GENERIC:
            continue
        if any(
            c.fclass in ("P", "A")
            and (c.kind == PRIMARY or (c.kind == ALIAS and c.name == text)
                 or (paren and c.kind == ALTERNATE and c.pop >= PAREN_POP))
            for c in gaz.lookup(text)
        ):
            sure = paren or prep.lower_ in ("near", "outside") or (
                end < len(doc) and doc[end].text == "("
            )
            out.append((i, end, sure))
            for k in range(i, end):
                taken[k] = True
    return out


def test_after_preposition_tries_only_words_after_its_prepositions(nlp: Language) -> None:
    gaz = get()
    texts = [
        "Farmers marched through Ravar and gathered near Tapoa before dawn.",
        "Shelling hit the outskirts of Tarhuna, and a market (Misrata) burned.",
        "Investors in Man Utd sold shares at Christmas in London and Leeds.",
        "Aid reached villages around Kandahar, inside Helmand, and the vicinity of Lashkar Gah.",
        "(Kismaayo) In Baidoa, at Afgooye and into Jowhar the convoys moved",
    ]
    hits = 0
    for doc in nlp.pipe(texts):
        n = len(doc)
        got = afterprep.after_preposition(doc, gaz, [False] * n, [False] * n)
        assert got == _reference_after(doc, gaz, [False] * n, [False] * n)
        hits += len(got)
    assert hits >= 5


def test_topic_score_skips_only_a_pattern_of_weight_zero() -> None:
    from geopol.events.topic import _config, _score

    cfg = _config()
    sentences = [
        "The striker scored twice as the club won 3-1 in the semi-final.",
        "The actor and the singer walked the red carpet at the film premiere.",
        "Ministers met in Brussels to discuss the budget.",
    ]
    for d in cfg.domains:
        for weight in (0.0, d.pattern_weight, 2.0):
            dom = dataclasses.replace(d, pattern_weight=weight,
                                      pattern=re.compile(r"\d-\d|premiere|budget"))
            for s in sentences:
                low = s.lower()
                full = (len(dom.strong.findall(low)) + 0.5 * len(dom.weak.findall(low))
                        + cfg.name_weight * len(dom.names.findall(s))
                        + dom.pattern_weight * len(dom.pattern.findall(s)))
                assert _score(cfg, dom, s) == full


def test_cached_lemmas_keep_or_overwrite_the_ruler_s_lemmas_as_spacy_does(nlp: Language) -> None:
    from spacy.tokens import Doc

    from geopol.pipes.lemmas import CachedLemmas

    text = ("The envoys weren't given visas; they'd met the ministers' aides twice, and "
            "the talks resumed as the envoys met again.")
    names = nlp.pipe_names
    doc = nlp(text, disable=names[names.index("geopol_lemmas"):])
    spacy_lem = nlp.get_pipe("lemmatizer")
    for overwrite in (False, True):
        ours = CachedLemmas(nlp.vocab)
        ours.use(spacy_lem)
        ours.overwrite = overwrite
        got = ours(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        for tok, new in zip(doc, got, strict=True):
            want = tok.lemma_ if tok.lemma_ and not overwrite else spacy_lem.lemmatize(tok)[0]
            assert new.lemma_ == want
        assert any(t.lemma_ for t in doc)  # the ruler set some ("n't", "'d")
