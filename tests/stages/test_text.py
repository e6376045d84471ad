"""Reading articles: datelines, language, bad bytes."""

from __future__ import annotations

import pytest

from geopol.errors import BadInput, NotEnglish
from geopol.pipeline import code_article, prepare
from geopol.records import Article
from geopol.text.dateline import find_dateline
from geopol.text.reader import article_from_text, decode


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("VOSTOCHNY, Russia (Reuters) - The two leaders met.", "VOSTOCHNY, Russia"),
        ("Vostochny Space Centre, Russia – The two leaders met.", "Vostochny Space Centre, Russia"),
        ("WASHINGTON (AP) — Lawmakers voted on Tuesday.", "WASHINGTON"),
        ("SAN FRANCISCO - The union sued the agency.", "SAN FRANCISCO"),
        # wire forms: a dash before the agency, a date inside it, no dash after it
        ("FRANKFORT, KY--(Newswire - March 3, 2014) - Acme Corp said it sold a mill.",
         "FRANKFORT, KY"),
        ("Bowling Green, Ky. (June 9, 2015) – Troopers closed a road.", "Bowling Green, Ky."),
        ("RALEIGH (XNS) Farmers marched to the capitol.", "RALEIGH"),
        ("TAMPA --Two bridges were shut for repairs.", "TAMPA"),
        # no mark: an ALL-CAPS place before an article
        ("OMAHA The council approved the budget.", "OMAHA"),
        ("BOISE, Idaho A judge blocked the law.", "BOISE, Idaho"),
        ("BOISE, New Mexico The judge ruled.", "BOISE, New Mexico"),
        # a date after the place
        ("HARARE, Feb. 9 (XNS) - Teachers went on strike.", "HARARE"),
        ("QUITO, Ecuador, 14 July 2019 (XNS) -- Ministers met.", "QUITO, Ecuador"),
        ("Lima, June 2, XNA - The cabinet resigned.", "Lima"),
        # a headline line first
        ("Council backs new park.\n    NORWICH — The council voted on Monday.", "NORWICH"),
    ],
)
def test_datelines_found(body: str, place: str) -> None:
    found = find_dateline(body)
    assert found is not None
    whole, where = found
    assert where.text == place
    assert body[where.start : where.end] == place
    assert body[whole.end :].strip()[0].isupper()


@pytest.mark.parametrize(
    "body",
    [
        "The minister said - in a statement - that talks would go on.",
        "Russia and China met today.",
        "UN Secretary General spoke on Monday.",
        "OPEC (the oil cartel) Ministers met in Vienna.",
        "Acme (ACME) Shares rose sharply.",
        "Officials The report was late.",
        "Council backs new park.\nThe council voted - narrowly - on Monday.",
        "Talks fail\nUN Envoys left Geneva.",
    ],
)
def test_ordinary_sentences_are_not_datelines(body: str) -> None:
    assert find_dateline(body) is None


def test_dateline_blanked_but_offsets_kept() -> None:
    a = Article(title="Summit", body="KAZAN, Russia (Wire) - Brazilian and Indian leaders met in Kazan.")
    text, whole, place = prepare(a)
    assert len(text) == len(a.text)
    assert whole is not None and place is not None
    assert a.text[place.start : place.end] == "KAZAN, Russia"
    assert text[whole.start : whole.end].strip() == ""
    coded = code_article(a)
    assert coded.dateline is not None
    assert all(a.text[x.start : x.end] == x.text for x in coded.actors)


def test_agency_on_its_own_line() -> None:
    body = "Springfield (XNS)\nThe mayor resigned on Friday."
    found = find_dateline(body)
    assert found is not None
    assert found[1].text == "Springfield"
    assert body[found[0].end :].lstrip().startswith("The mayor")


def test_state_code_in_a_dateline_is_the_state() -> None:
    coded = code_article(
        Article(title="Mill sold", body="FRANKFORT, KY--(Newswire - March 3, 2014) - Acme Corp "
                "said on Monday it had sold its paper mill to a rival.")
    )
    where = [p for p in coded.places if "dateline" in p.how]
    assert [p.name for p in where] == ["Frankfort", "Kentucky"]
    assert all(p.country == "USA" for p in where)


def test_headline_first_line_body_after() -> None:
    a = article_from_text("A headline\n\nThe body of the report about the talks in Geneva.\n")
    assert a.title == "A headline"
    assert a.body.startswith("The body")
    assert a.text.index("The body") == a.body_offset


def test_decode_errors() -> None:
    with pytest.raises(BadInput, match="empty"):
        decode(b"   \n")
    with pytest.raises(BadInput, match="UTF-8"):
        decode(b"caf\xe9 au lait")
    with pytest.raises(BadInput, match="binary"):
        decode(b"\x00\x01\x02abc")


def test_non_english_is_refused_and_english_accepted() -> None:
    with pytest.raises(NotEnglish):
        article_from_text(
            "Cumbre en Madrid\nEl gobierno anunció el martes un acuerdo con los países vecinos para "
            "reforzar la cooperación en materia de energía y de seguridad en la región."
        )
    a = article_from_text(
        "Summit in Madrid\nThe government announced on Tuesday an agreement with neighbouring "
        "countries to strengthen cooperation on energy and security in the region."
    )
    assert a.language == "en"
