"""The actor table converted from the Phoenix dictionaries: schema, licence, no form taken
from geopol's own files, and user tables of the same shape (checked, loaded, overridden)."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
import yaml
from spacy.language import Language

import geopol
from geopol.actors.dictionary import load_file
from geopol.actors.find import find_in_doc
from geopol.actors.phoenix import KINDS, parse_row, parse_table
from geopol.errors import DictionaryError

ACTORS = Path(geopol.__file__).resolve().parent / "data" / "actors"
TABLE = ACTORS / "phoenix-actors.tsv"
TEXT = TABLE.read_text(encoding="utf-8")
ROWS = [
    (n, line)
    for n, line in enumerate(TEXT.splitlines(), 1)
    if line.strip() and not line.startswith("#")
]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_every_row_follows_the_schema() -> None:
    table = parse_table(TEXT, str(TABLE), check=True)  # raises on the first bad row
    assert len(table.rows) == len(ROWS) > 15000
    kinds = collections.Counter(line.split("\t")[0] for _, line in ROWS)
    assert set(kinds) == KINDS
    assert kinds["person"] > 10000 and kinds["group"] > 500 and kinds["igo"] > 50


def test_countries_are_geopol_codes() -> None:
    countries = yaml.load((ACTORS / "countries.yaml").read_text(encoding="utf-8"), SAFE_LOADER)
    known = {c["code"] for c in countries}
    for n, line in ROWS:
        entry, _ = parse_row(line, f"line {n}")
        codes = {entry.country} | {r.country for r in entry.roles}
        for code in codes - {None}:
            assert code in known or code[:4] in ("IGO-", "NGO-", "IMG-"), (n, code)


def test_the_mit_notice_travels_with_the_table() -> None:
    assert "The MIT License (MIT)" in TEXT[:2000]
    assert "Open Event Data Alliance" in TEXT[:2000]
    notice = (ACTORS / "NOTICE").read_text(encoding="utf-8")
    assert "phoenix-actors.tsv" in notice and "Permission is hereby granted" in notice


def test_no_form_is_claimed_twice_or_taken_from_geopol_files() -> None:
    ours: set[str] = set()
    for name in ("countries.yaml", "orgs.yaml", "groups.yaml", "people.yaml"):
        for item in yaml.load((ACTORS / name).read_text(encoding="utf-8"), SAFE_LOADER):
            for key in ("name", "names", "aliases", "abbreviations", "adjectives", "capitals"):
                value = item.get(key)
                for v in [value] if isinstance(value, str) else value or []:
                    ours.add(str(v).lower())
    seen: dict[str, int] = {}
    for n, line in ROWS:
        cols = line.split("\t")
        if cols[0] == "agent":
            continue
        for form in cols[4].split("|"):
            key = form.lstrip("=~?").lower()
            assert key not in ours, (n, form)
            assert seen.setdefault(key, n) == n, (n, form, seen[key])


def test_one_word_forms_are_never_plain() -> None:
    # A one-word name is a surname (~), needs the tagger (?) or is case-sensitive (=).
    for n, line in ROWS:
        cols = line.split("\t")
        if cols[0] == "agent":
            continue
        for form in cols[4].split("|"):
            if len(form.split()) == 1:
                assert form[0] in "=~?", (n, form)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("person\tX Y\tUSA\tGOV\tX Y\t", "needs at least one role"),
        ("group\tX Y\tUSA\tWIZ\tX Y\t", "unknown sector"),
        ("group\tX Y\tusa\tREB\tX Y\t", "bad country code"),
        ("person\tX Y\tUSA\tGOV\tX Y\tUSA:GOV:2010-13-01:", "bad date"),
        ("person\tX Y\tUSA\tGOV\tX Y\tUSA:GOV:2010-01-01:2009-01-01", "ends before"),
        ("tribe\tX Y\tUSA\tGOV\tX Y\t", "unknown kind"),
        ("group\tX Y\tUSA\tREB", "6 tab-separated columns"),
    ],
)
def test_a_bad_user_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text("# my actors\ngroup\tGood Group\tFRA\tREB\tGood Group\t\n" + row + "\n")
    with pytest.raises(DictionaryError, match=message) as err:
        load_file(path)
    assert "mine.tsv line 3" in str(err.value)


def test_a_user_table_adds_actors_and_a_later_yaml_overrides_it(
    nlp: Language, tmp_path: Path
) -> None:
    from geopol.actors.dictionary import load

    table = tmp_path / "mine.tsv"
    table.write_text(
        "person\tZorblat Quenn\tFRA\tGOV\tZorblat Quenn|~Quenn\tFRA:GOV:2020-01-01:\n"
    )
    yml = tmp_path / "over.yaml"
    yml.write_text("- name: Quenn Front\n  names: [Zorblat Quenn]\n  country: BEL\n  sector: REB\n")
    doc = nlp("On Monday the French minister Zorblat Quenn rejected the plan.")
    found = find_in_doc(doc, published=None, dictionary=load((str(table),)))
    assert [(a.country, a.sector) for a in found if "Quenn" in a.text] == [("FRA", "GOV")]
    found = find_in_doc(doc, published=None, dictionary=load((str(table), str(yml))))
    assert [(a.country, a.sector) for a in found if "Quenn" in a.text] == [("BEL", "REB")]


def test_an_override_does_not_change_the_built_in_table(nlp: Language, tmp_path: Path) -> None:
    from geopol.actors.dictionary import load

    yml = tmp_path / "over.yaml"
    yml.write_text("- name: Nordic Council\n  names: [Nordic Council]\n  country: NOR\n  sector: LEG\n")
    doc = nlp("The Nordic Council criticised the new fishing quotas.")

    def council(d: object) -> list[tuple[str | None, str | None]]:
        found = find_in_doc(doc, published=None, dictionary=d)  # type: ignore[arg-type]
        return [(a.country, a.sector) for a in found if "Nordic" in a.text]

    assert council(load((str(yml),))) == [("NOR", "LEG")]
    assert council(load(())) == [("IGO-SCN", "IGO")]  # the cached built-in table is intact
