"""Places the recogniser finds again or inside other names (issue 18, seventh round): a
name found once where the article writes it again (after its dateline, before a town's
public service, "Salem Police", after an opening quotation, "Brant" after "the County of
Brant"), the division "the County of X" names, and an event's host town ("the Cannes Film
Festival"). Sentences are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from geopol.places import find_places_for
from geopol.places.gazetteer import get
from geopol.places.recognise import Mention
from geopol.places.repeat import repeated
from geopol.records import Article
from geopol.text.dateline import find_dateline

pytestmark = pytest.mark.issue(18)


def _at(text: str, phrase: str, word: str) -> int:
    return text.index(phrase) + phrase.index(word)


def _seen(nlp: Language, text: str, name: str, first: str) -> list[int]:
    doc = nlp(text)
    at = doc.text.index(first)
    found = [Mention(at, at + len(first), first, "ner:GPE", "GPE", lookup=first)]
    return [m.start for m in repeated(doc, get(), found) if m.text == name]


def test_a_town_before_its_public_service_is_the_town(nlp: Language) -> None:
    text = ("Residents of Winnipeg, Manitoba, voted on Monday. Winnipeg Police said the vote "
            "was calm, and the Winnipeg Jets won a game.")
    assert _seen(nlp, text, "Winnipeg", "Winnipeg") == [_at(text, "Winnipeg Police", "Winnipeg")]


def test_a_town_after_an_opening_quotation_is_the_town(nlp: Language) -> None:
    text = ('The survey of Edmonton, Canada, came out on Monday.\n"Altogether Edmonton earned '
            'a good grade," the author said.')
    assert _seen(nlp, text, "Edmonton", "Edmonton") == [
        _at(text, "Altogether Edmonton", "Edmonton")
    ]
    # a name NER draws around the opening word is a title: "Hotel Winnipeg" is a film
    text = ('Residents of Winnipeg, Manitoba, voted on Monday. "Hotel Winnipeg" opens in '
            "cinemas next week.")
    assert _seen(nlp, text, "Winnipeg", "Winnipeg") == []


def test_the_name_of_a_county_of_x_is_taken_alone(nlp: Language) -> None:
    text = "Crews from the County of Brant cleared the roads. Brant OPP said the highway reopened."
    assert _seen(nlp, text, "Brant", "County of Brant") == [_at(text, "Brant OPP", "Brant")]


def test_the_datelines_town_is_a_place_where_written_again(nlp: Language) -> None:
    body = ("SALEM, Ore. (AP) - Salem Police arrested two men on Friday after a break-in at a "
            "hardware store, officers said.")
    article = Article(title="", body=body)
    found = find_dateline(article.body, offset=article.body_offset)
    assert found is not None
    whole, place = found
    text = article.text
    text = text[: whole.start] + " " * (whole.end - whole.start) + text[whole.end :]
    places, dateline = find_places_for(nlp(text), [], place)
    assert dateline is not None and dateline.country == "USA"
    again = [p for p in places if p.start == text.index("Salem Police")]
    assert again and again[0].country == "USA"


def test_a_capitalised_county_of_names_the_division(nlp: Language) -> None:
    from geopol.places import resolve_mentions
    from geopol.places.recognise import mention_for_span

    gaz = get()
    doc = nlp("Snow closed every school in the County of Brant on Tuesday.")
    at = doc.text.index("Brant")
    m = mention_for_span(doc, gaz, at, at + 5, "gold")
    assert m.hint == "admin2"
    assert resolve_mentions(gaz, [m])[0].feature_code == "ADM2"
    # a name's own last word is no formal name's head: "Orange County of California"
    doc = nlp("Fires spread in Orange County of California on Tuesday.")
    at = doc.text.index("California")
    assert mention_for_span(doc, gaz, at, at + 10, "gold").hint is None


def test_an_events_host_town_is_a_place(nlp: Language) -> None:
    from geopol.places.mislabelled import hosts_event

    doc = nlp("Her new film opened at the Cannes Film Festival last spring.")
    places = find_places_for(doc, [], None)[0]
    cannes = [p for p in places if p.text == "Cannes"]
    assert cannes and cannes[0].country == "FRA"
    doc = nlp("Thousands ran in the Boston Marathon on Monday.")  # tagged EVENT
    boston = [p for p in find_places_for(doc, [], None)[0] if p.text == "Boston"]
    assert boston and boston[0].country == "USA" and "host" in boston[0].how
    # a film's title names no host: no event word in it
    doc = nlp("The actor starred in Independence Day and in several other hits.")
    assert not hosts_event(doc[3:5])
