"""The trigger lexicon's phrases are ranked once per phrase list (``triggers._ranked``), in
the order a sort per token gave, and ranked again when a list changes."""

from __future__ import annotations

from geopol.events import triggers
from geopol.events.coder import current
from geopol.events.lexicon import Phrase


def test_ranked_as_sorted_for_every_lemma() -> None:
    lex = current().lexicon
    for table, rank in ((lex.verbs, triggers._verb_rank), (lex.nouns, triggers._noun_rank)):
        for phrases in table.values():
            assert list(triggers._ranked(phrases, rank)) == sorted(phrases, key=rank)
            # asked again: the kept order
            assert list(triggers._ranked(phrases, rank)) == sorted(phrases, key=rank)


def test_changed_list_is_ranked_again() -> None:
    lex = current().lexicon
    many = next(p for p in lex.verbs.values() if len(p) > 2)
    phrases: list[Phrase] = list(many)
    first = triggers._ranked(phrases, triggers._verb_rank)
    longest = max(phrases, key=lambda p: len(p.rest))
    phrases.append(Phrase(longest.head, (*longest.rest, "extra", "words"), longest.rule))
    again = triggers._ranked(phrases, triggers._verb_rank)
    assert again != first and again[0] is phrases[-1]
    assert list(again) == sorted(phrases, key=triggers._verb_rank)
