"""The people dictionary: schema, consistent dated roles, unambiguous names, spot checks.

A wrong date range silently mis-codes real events, so these tests check the data itself:
no two presidents of one country at once, no name claimed by two people, and known office
holders on known days.
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

PEOPLE = Path(geopol.__file__).resolve().parent / "data" / "actors" / "people.yaml"

ENTRY_KEYS = {"name", "aliases", "short", "abbreviations", "ambiguous", "roles"}
ROLE_KEYS = {"country", "sector", "role", "start", "end"}
SECTORS = {"GOV", "IGO", "REB", "PRM", "MIL", "OPP"}
ROLES = {
    "president",
    "vice president",
    "acting president",
    "head of state",
    "supreme leader",
    "general secretary",
    "monarch",
    "crown prince",
    "pope",
    "prime minister",
    "head of government",
    "chancellor",
    "foreign minister",
    "defence minister",
    "military chief",
    "secretary-general",
    "commission president",
    "council president",
    "high representative",
    "general assembly president",
    "senior official",
    "director-general",
    "managing director",
}
GROUP_ROLE = re.compile(r"^leader of (?:the )?[A-Z][\w' -]+$")
COUNTRY = re.compile(r"^(?:[A-Z]{3}|IGO-[A-Z]+)$")
STATE_ROLES = {"president", "head of state", "supreme leader", "monarch", "acting president"}
GOVERNMENT_ROLES = {"prime minister", "chancellor"}

# Countries whose heads of state and of government are covered in full from 2015.
CORE = frozenset(
    {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN"}
    | {"KOR", "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA", "PRK", "UKR"}
)
# Realms whose head of state is the British monarch, listed under GBR only.
REALMS = {"AUS", "CAN"}
# Forms deliberately shared by two entries: none at present.
SHARED_FORMS: set[str] = set()
# Offices deliberately held by two people at once: none at present.
SHARED_OFFICES: set[tuple[str, str]] = set()
COVERED_UNTIL = dt.date(2026, 5, 31)
# The C build of the same safe loader: pure-Python parsing alone takes over a second here.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.fixture(scope="module")
def people() -> list[dict[str, Any]]:
    data = yaml.load(PEOPLE.read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    assert isinstance(data, list), "people.yaml must be a list of entries"
    return data


def _roles(people: list[dict[str, Any]]) -> Iterator[tuple[str, dict[str, Any]]]:
    for person in people:
        for role in person["roles"]:
            yield person["name"], role


def _active(role: dict[str, Any], day: dt.date) -> bool:
    end = role["end"]
    return bool(role["start"] <= day and (end is None or day < end))


Offices = dict[tuple[str, str], list[tuple[str, dict[str, Any]]]]


@pytest.fixture(scope="module")
def offices(people: list[dict[str, Any]]) -> Offices:
    """Every period of every office, keyed by (country, role)."""
    out: Offices = defaultdict(list)
    for name, role in _roles(people):
        out[(role["country"], role["role"])].append((name, role))
    return out


def holders(offices: Offices, country: str, role: str, day: dt.date) -> list[str]:
    return [name for name, r in offices.get((country, role), []) if _active(r, day)]


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    far = dt.date.max
    return bool(a["start"] < (b["end"] or far) and b["start"] < (a["end"] or far))


def test_entries_follow_the_schema(people: list[dict[str, Any]]) -> None:
    problems = []
    for i, person in enumerate(people):
        where = f"entry {i + 1} ({person.get('name')!r})"
        if not isinstance(person, dict) or not {"name", "aliases", "roles"} <= person.keys():
            problems.append(f"{where}: needs name, aliases and roles")
            continue
        if extra := person.keys() - ENTRY_KEYS:
            problems.append(f"{where}: unknown keys {sorted(extra)}")
        for key in ("aliases", "short", "abbreviations", "ambiguous"):
            forms = person.get(key, [])
            if not isinstance(forms, list) or not all(isinstance(f, str) and f for f in forms):
                problems.append(f"{where}: {key} must be a list of non-empty strings")
        if not person["aliases"] or not person["roles"]:
            problems.append(f"{where}: aliases and roles must not be empty")
        for j, role in enumerate(person["roles"]):
            w = f"{where} role {j + 1}"
            if set(role) != ROLE_KEYS:
                problems.append(f"{w}: keys must be exactly {sorted(ROLE_KEYS)}")
                continue
            if not COUNTRY.match(str(role["country"])):
                problems.append(f"{w}: bad country {role['country']!r}")
            if role["sector"] not in SECTORS:
                problems.append(f"{w}: sector {role['sector']!r} not in {sorted(SECTORS)}")
            if role["role"] not in ROLES and not GROUP_ROLE.match(str(role["role"])):
                problems.append(f"{w}: role {role['role']!r} not in the closed list")
            if type(role["start"]) is not dt.date:
                problems.append(f"{w}: start must be an ISO date, got {role['start']!r}")
            elif role["end"] is not None and (
                type(role["end"]) is not dt.date or role["end"] <= role["start"]
            ):
                problems.append(f"{w}: end must be null or an ISO date after start")
            if str(role["country"]).startswith("IGO-") != (role["sector"] == "IGO"):
                problems.append(f"{w}: IGO codes go with sector IGO and only with it")
    assert not problems, "\n".join(problems)


def test_names_are_unique(people: list[dict[str, Any]]) -> None:
    names = [p["name"] for p in people]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


def test_no_form_is_claimed_by_two_people(people: list[dict[str, Any]]) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for p in people:
        forms = [p["name"], *p["aliases"], *p.get("short", []), *p.get("abbreviations", [])]
        for form in forms:
            owners[form.casefold()].add(p["name"])
    clashes = {f: sorted(o) for f, o in owners.items() if len(o) > 1 and f not in SHARED_FORMS}
    assert not clashes, clashes


def test_one_role_at_a_time_per_person(people: list[dict[str, Any]]) -> None:
    """The resolver reports the first active role, so a person's periods must not overlap."""
    clashes = []
    for p in people:
        roles = sorted(p["roles"], key=lambda r: r["start"])
        for a, b in itertools.pairwise(roles):
            if _overlap(a, b):
                clashes.append(f"{p['name']}: {a['role']} overlaps {b['role']}")
    assert not clashes, clashes


def test_no_office_has_two_holders_at_once(offices: Offices) -> None:
    clashes = []
    for office, periods in offices.items():
        if office in SHARED_OFFICES:
            continue
        held = sorted(periods, key=lambda x: x[1]["start"])
        for i, (name_a, a) in enumerate(held):
            for name_b, b in held[i + 1 :]:
                if _overlap(a, b):
                    clashes.append(f"{office}: {name_a} and {name_b}")
    assert not clashes, clashes


@pytest.mark.parametrize(
    ("day", "country", "role", "name"),
    [
        ("2023-09-13", "RUS", "president", "Vladimir Putin"),
        ("2023-09-13", "PRK", "head of state", "Kim Jong Un"),
        ("2023-09-13", "USA", "president", "Joe Biden"),
        ("2023-09-13", "KOR", "president", "Yoon Suk Yeol"),
        ("2023-09-13", "JPN", "prime minister", "Fumio Kishida"),
        ("2023-09-13", "PRK", "foreign minister", "Choe Son Hui"),
        ("2019-06-01", "USA", "president", "Donald Trump"),
        ("2025-06-01", "USA", "president", "Donald Trump"),
        ("2010-06-01", "RUS", "prime minister", "Vladimir Putin"),
        ("2023-09-13", "CHN", "president", "Xi Jinping"),
        ("2023-09-13", "CHN", "foreign minister", "Wang Yi"),
        ("2023-05-01", "CHN", "foreign minister", "Qin Gang"),
        ("2023-09-13", "UKR", "president", "Volodymyr Zelensky"),
        ("2023-09-13", "RUS", "defence minister", "Sergei Shoigu"),
        ("2024-06-01", "RUS", "defence minister", "Andrei Belousov"),
        ("2022-10-01", "GBR", "prime minister", "Liz Truss"),
        ("2019-06-01", "GBR", "prime minister", "Theresa May"),
        ("2022-06-01", "DEU", "chancellor", "Olaf Scholz"),
        ("2021-01-19", "USA", "vice president", "Mike Pence"),
        ("2021-01-20", "USA", "vice president", "Kamala Harris"),
        ("2016-12-31", "IGO-UN", "secretary-general", "Ban Ki-moon"),
        ("2017-01-01", "IGO-UN", "secretary-general", "António Guterres"),
        ("2024-10-01", "IGO-NATO", "secretary-general", "Mark Rutte"),
        ("2023-07-01", "RUS", "leader of Wagner Group", "Yevgeny Prigozhin"),
        ("2025-06-01", "IRN", "supreme leader", "Ali Khamenei"),
        ("2026-04-01", "IRN", "supreme leader", "Mojtaba Khamenei"),
        ("2026-02-01", "UKR", "defence minister", "Mykhailo Fedorov"),
    ],
)
def test_known_office_holders(
    offices: Offices, day: str, country: str, role: str, name: str
) -> None:
    assert holders(offices, country, role, dt.date.fromisoformat(day)) == [name]


def test_office_ends_on_the_handover_day(offices: Offices) -> None:
    assert holders(offices, "USA", "president", dt.date(2021, 1, 19)) == ["Donald Trump"]
    assert holders(offices, "USA", "president", dt.date(2021, 1, 20)) == ["Joe Biden"]
    assert holders(offices, "RUS", "leader of Wagner Group", dt.date(2023, 8, 23)) == []


def _months(start: dt.date, stop: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= stop:
        yield day
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


@pytest.mark.parametrize("country", sorted(CORE))
def test_core_countries_always_have_a_leader(offices: Offices, country: str) -> None:
    wanted = GOVERNMENT_ROLES if country in REALMS else STATE_ROLES
    missing = [
        day.isoformat()
        for day in _months(dt.date(2015, 1, 1), COVERED_UNTIL)
        if not any(holders(offices, country, role, day) for role in wanted)
    ]
    assert not missing, f"{country}: no head of state on {missing}"


@pytest.mark.parametrize("country", sorted(CORE))
def test_core_countries_have_foreign_and_defence_ministers(offices: Offices, country: str) -> None:
    held = {role for c, role in offices if c == country}
    assert {"foreign minister", "defence minister"} <= held, f"{country}: only {sorted(held)}"


def test_the_shipped_loader_resolves_roles_by_date(people: list[dict[str, Any]]) -> None:
    d = parse_yaml(people, str(PEOPLE))
    entries = {p.entry.name: p.entry for p in d.patterns if p.entry.kind == "person"}
    putin = entries["Vladimir Putin"]
    assert putin.resolve(dt.date(2010, 6, 1)).role == "prime minister"
    assert putin.resolve(dt.date(2023, 9, 13)).role == "president"
    biden = entries["Joe Biden"].resolve(dt.date(2025, 6, 1))
    assert (biden.country, biden.sector, biden.role) == ("USA", "ELI", "former president")
    kim = {p.text for p in d.patterns if p.short and p.entry.name == "Kim Jong Un"}
    assert kim == {"Kim"}
