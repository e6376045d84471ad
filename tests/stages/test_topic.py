"""Sport and showbiz stories give (almost) no events; political stories keep theirs."""

from __future__ import annotations

from geopol.events.topic import Topic, article_topic
from geopol.nlp import load
from geopol.pipeline import code
from geopol.records import Actor

PUB = "2024-03-13"

MATCH_REPORT = """Harbourside hold on for derby win
Harbourside Rovers beat Millbrook City 2-1 in a bad-tempered league match at the stadium on Saturday.
The striker attacked down the left and scored after ten minutes, before the visitors equalised from the penalty spot.
Italy's Marco Rossi, banned for two matches last season, was charged by the league after the final whistle.
England captain Tom Hale said the team had defended well and the fans deserved the victory.
Spain attacked again in the second half, but France's keeper saved twice and the champions held on.
The club will appeal against the ban, the manager said after the game.
"""

SHOWBIZ = """Spy thriller tops the box office
The spy thriller Cold Harbour took the top spot at the UK box office at the weekend.
The film, starring a French actress as a Russian agent who attacks the British embassy, earned 4m.
Its director said the sequel would be shot in Germany and Italy next year.
The soundtrack album by the singer has also entered the charts, and the film is nominated for two awards.
"""

POLITICAL = """Leaders sign border deal
Russia and China signed a border agreement in Beijing on Tuesday{aside}.
The European Union welcomed the agreement.
"""
POLITICAL_WITH_MATCH = POLITICAL.format(aside=", hours before a football match in the city")

SPORT_BOYCOTT = """Boycott threat hangs over championships
The athletics championships open in the capital next week with 40 teams and more than 900 athletes.
Favourites for the 100m and 200m sprint titles include the defending champion, who won gold in 9.9 seconds last season.
The Nigerian government imposed sanctions on South Africa over the expulsion of its athletes.
Organisers said the tournament would go ahead and the stadium was ready for the relay finals.
Ticket sales for the opening race have been strong, and the team coaches expect records.
"""


def test_a_match_report_gives_no_events() -> None:
    assert code(MATCH_REPORT, published=PUB) == []


def test_a_match_report_is_a_sport_story() -> None:
    doc = load(None)(MATCH_REPORT)
    assert article_topic(doc).domain == "sport"


def test_a_film_story_is_showbiz_and_gives_no_events() -> None:
    assert article_topic(load(None)(SHOWBIZ)).domain == "showbiz"
    assert code(SHOWBIZ, published=PUB) == []


def test_a_political_story_mentioning_a_match_keeps_its_events() -> None:
    assert article_topic(load(None)(POLITICAL_WITH_MATCH)).domain is None

    def dyads(text: str) -> set[tuple[str, str, str]]:
        evs = code(text, published=PUB)
        return {(e.type, a.code, b.code) for e in evs for a in e.source for b in e.target}

    with_match = dyads(POLITICAL_WITH_MATCH)
    assert with_match == dyads(POLITICAL.format(aside=""))
    # "Russia and China signed": each signed with the other
    assert {src for _, src, _ in with_match} == {"RUS", "CHN", "IGO-EUIGO"}


def test_a_government_sanction_in_a_sport_story_is_kept() -> None:
    assert article_topic(load(None)(SPORT_BOYCOTT)).domain == "sport"
    evs = code(SPORT_BOYCOTT, published=PUB)
    assert [(e.type, e.source[0].code, e.target[0].country) for e in evs] == [
        ("SANCTION", "NGAGOV", "ZAF")
    ]


def _actor(kind: str, country: str | None, sector: str | None = None) -> Actor:
    return Actor(text="x", start=0, end=1, name="x", country=country, sector=sector, kind=kind)


def test_in_a_sport_story_only_governments_and_states_are_political() -> None:
    sport = Topic(domain="sport", skip=frozenset(), scores={})
    gov = _actor("agent", "NGA", "GOV")
    team = _actor("state", "GBR")
    assert sport.keeps([gov], [team])
    assert sport.keeps([_actor("igo", "IGO-UN", "IGO")], [gov])
    assert not sport.keeps([team], [_actor("state", "FRA")])  # "England beat France"
    assert not sport.keeps([gov], [])  # "charged by the authorities": an athlete
    assert not sport.keeps([_actor("capital", "ESP", "GOV")], [team])  # "Madrid" is a club
    assert not sport.keeps([_actor("ngo", "NGO-IOC", "NGO")], [team])  # a sports body
    assert not sport.keeps([_actor("adjective", "USA")], [team])  # "the American"
    news = Topic(domain=None, skip=frozenset(), scores={})
    assert news.keeps([team], [])


def test_the_names_pattern_matches_as_the_plain_alternation() -> None:
    """The names pattern checks the character before a name after its first letter (a speed
    form); it finds exactly what ``(?<!\\w)(?:...)(?!\\w)`` finds."""
    import re

    from geopol.events.topic import _alternation

    names = ["Emmy", "Emmys", "West End", "Top of the Pops", "Golden Globe"]
    fast = _alternation(names, names=True)
    plain = re.compile(rf"(?<!\w)(?:{_plain_body(names)})(?!\w)")
    for text in (
        "Emmy-winning actors came to the West End.",
        "xEmmy and Emmys, then the West\n End show",
        "Emmy",
        "-Golden Globe- and Top of the  Pops; TheEmmy GoldenGlobe",
        "",
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_word_pattern_matches_as_the_plain_alternation() -> None:
    """Words grouped by their first letter find exactly what the plain alternation finds,
    hyphens and compounds included."""
    import re

    from geopol.events.topic import _LEFT, _RIGHT, _alternation

    words = ["kick-off", "kick", "goal", "goals", "goalkeeper", "own goal", "g", "penalty"]
    fast = _alternation(words)
    plain = re.compile(f"{_LEFT}(?:{_plain_body(words)}){_RIGHT}")
    for text in (
        "an own  goal after the kick-off, two goals and a penalty",
        "the goalkeeper's kick-offs; g-force, g and goal-line",
        "xgoal goal- -goal own\ngoal",
        "",
    ):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _plain_body(words: list[str]) -> str:
    """The plain alternation of ``words``, longest first, a space matching any run of spaces."""
    import re

    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
