"""The CAMEO bridge table and the PLOVER <-> CAMEO helpers."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from geopol.events.cameo import (
    PLOVER_INTENSITY,
    PLOVER_MODES,
    PLOVER_QUAD,
    cameo_info,
    cameo_table,
    closest_cameo,
    plover_view,
)

PLOVER_TYPES = set(PLOVER_QUAD)


def test_table_has_every_cameo_code_once_with_a_valid_row() -> None:
    table = cameo_table()
    assert len(table) >= 300
    roots = {c for c in table if len(c) == 2}
    assert roots == {f"{i:02d}" for i in range(1, 21)}
    for code, info in table.items():
        assert info.code == code and info.root == code[:2] and code[:2] in roots
        assert -10 <= info.goldstein <= 10 and info.name
        assert info.quad == {1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(
            int(code[:2]), 3 if int(code[:2]) <= 13 else 4
        )
        if info.plover_type is None:
            assert info.plover_mode is None
        else:
            assert info.plover_type in PLOVER_TYPES
            assert info.plover_mode is None or info.plover_mode in PLOVER_MODES[info.plover_type]


@pytest.mark.parametrize(
    ("code", "plover_type", "mode"),
    [
        ("010", None, None),
        ("01", None, None),
        ("020", None, None),
        ("0233", "REQUEST", "assist"),
        ("036", "AGREE", None),
        ("042", "CONSULT", "visit"),
        ("043", "CONSULT", "visit"),
        ("044", "CONSULT", "third-party"),
        ("057", "SUPPORT", None),
        ("072", "AID", "military"),
        ("083", "CONCEDE", None),
        ("0841", "RETREAT", "release"),
        ("0871", "RETREAT", "ceasefire"),
        ("091", "ACCUSE", "investigate"),
        ("111", "ACCUSE", "disapprove"),
        ("112", "ACCUSE", "allege"),
        ("1031", "REQUEST", "assist"),
        ("125", "REJECT", "meet"),
        ("138", "THREATEN", "violence"),
        ("141", "PROTEST", "demo"),
        ("154", "MOBILIZE", "troops"),
        ("163", "SANCTION", None),
        ("166", "SANCTION", "expel"),
        ("173", "COERCE", "arrest"),
        ("183", "ASSAULT", "explosives"),
        ("191", "COERCE", "restrict"),
        ("192", "COERCE", "seize"),
        ("193", "ASSAULT", "firearms"),
        ("195", "ASSAULT", "aerial"),
        ("2041", "ASSAULT", "unconventional"),
    ],
)
def test_bridge_rows_follow_the_event_model(
    code: str, plover_type: str | None, mode: str | None
) -> None:
    info = cameo_info(code)
    assert (info.plover_type, info.plover_mode) == (plover_type, mode)


def test_goldstein_values_of_known_codes() -> None:
    assert cameo_info("042").goldstein == 1.9
    assert cameo_info("043").goldstein == 2.8
    assert cameo_info("072").goldstein == 8.3
    assert cameo_info("163").goldstein == -8.0
    assert cameo_info("19").goldstein == -10.0
    assert cameo_info("155").goldstein == -7.2  # no value in CAMEO: root value used


def test_unknown_code_raises_key_error() -> None:
    with pytest.raises(KeyError):
        cameo_info("999")


@pytest.mark.parametrize(
    ("plover_type", "mode", "code"),
    [
        ("CONSULT", "visit", "042"),
        ("CONSULT", None, "040"),
        ("CONSULT", "phone", "041"),
        ("AID", "military", "072"),
        ("AID", "humanitarian", "073"),
        ("AID", None, "070"),
        ("SANCTION", None, "163"),
        ("ACCUSE", None, "111"),
        ("REQUEST", "assist", "023"),
        ("ASSAULT", None, "190"),
        ("ASSAULT", "aerial", "195"),
        ("THREATEN", "violence", "138"),
        ("RETREAT", "resign", "0831"),
        ("AGREE", "no-such-mode", "030"),
    ],
)
def test_closest_cameo(plover_type: str, mode: str | None, code: str) -> None:
    assert closest_cameo(plover_type, mode) == code


def test_every_plover_type_and_mode_maps_to_a_code_of_its_family() -> None:
    for plover_type, modes in PLOVER_MODES.items():
        for mode in (None, *modes):
            code = closest_cameo(plover_type, mode)
            info = cameo_info(code)
            assert len(code) >= 3
            # The CAMEO code's own PLOVER reading is the same type, except where CAMEO has
            # only a neighbouring category (documented in docs/formats.md).
            if (plover_type, mode) not in {
                ("REQUEST", None), ("RETREAT", None), ("RETREAT", "resign"),
            }:  # fmt: skip
                assert info.plover_type == plover_type, (plover_type, mode, code)


def test_unknown_plover_type_raises() -> None:
    with pytest.raises(ValueError, match="PLOVER type"):
        closest_cameo("GREET")


def test_intensity_and_quad_cover_the_sixteen_types() -> None:
    assert len(PLOVER_TYPES) == 16
    assert set(PLOVER_INTENSITY) == PLOVER_TYPES == set(PLOVER_MODES)
    assert PLOVER_INTENSITY["AID"] == 10 and PLOVER_INTENSITY["ASSAULT"] == -9
    assert PLOVER_INTENSITY["ACCUSE"] == -2
    assert PLOVER_QUAD["CONCEDE"] == 1 and PLOVER_QUAD["SANCTION"] == 3
    assert PLOVER_QUAD["PROTEST"] == 4 and PLOVER_QUAD["RETREAT"] == 2


@pytest.mark.parametrize(
    ("plover_type", "mode", "factuality", "view"),
    [
        ("AID", "military", "asserted", ("AID", "military")),
        ("AID", "military", "reported", ("AID", "military")),
        ("AID", "military", "planned", ("AGREE", None)),
        ("AID", "military", "speculated", ("AGREE", None)),
        ("CONSULT", "visit", "planned", ("AGREE", None)),
        ("ASSAULT", "aerial", "hypothetical", ("THREATEN", "violence")),
        ("SANCTION", None, "hypothetical", ("THREATEN", "restrict")),
        ("SANCTION", "expel", "planned", ("THREATEN", "expel")),
        ("COERCE", "arrest", "planned", ("THREATEN", "arrest")),
        ("REQUEST", "assist", "speculated", ("REQUEST", "assist")),
        ("ASSAULT", None, "negated", ("ASSAULT", None)),
    ],
)
def test_plover_view(
    plover_type: str, mode: str | None, factuality: str, view: tuple[str, str | None]
) -> None:
    assert plover_view(plover_type, mode, factuality) == view


def test_plover_view_types_and_modes_are_valid() -> None:
    for plover_type, modes in PLOVER_MODES.items():
        for mode in (None, *modes):
            for factuality in ("asserted", "planned", "speculated", "hypothetical", "negated"):
                t, m = plover_view(plover_type, mode, factuality)
                assert t in PLOVER_TYPES and (m is None or m in PLOVER_MODES[t])


def test_table_agrees_with_the_reference_on_names_and_goldstein() -> None:
    reference = Path(os.environ.get("GEOPOL_SHARED", "/work/shared")) / "docs" / "cameo-codes.tsv"
    if not reference.exists():
        pytest.skip(f"CAMEO reference table not found at {reference}")
    with reference.open(encoding="utf-8") as f:
        rows = {r["code"]: r for r in csv.DictReader(f, delimiter="\t")}
    assert set(rows) == set(cameo_table())
    for code, row in rows.items():
        if row["goldstein"] != "NA":
            assert cameo_info(code).goldstein == float(row["goldstein"]), code


def test_a_bad_table_row_names_its_line() -> None:
    from geopol.errors import DictionaryError
    from geopol.events.cameo import _parse

    head = "code\tname\tgoldstein\tplover_type\tplover_mode\tquad\n"
    with pytest.raises(DictionaryError, match="line 3"):
        _parse(head + "042\tMake a visit\t1.9\tCONSULT\tvisit\t1\n042\tX\tlots\t\t\t1\n")
    with pytest.raises(DictionaryError, match="GREET"):
        _parse(head + "042\tMake a visit\t1.9\tGREET\t\t1\n")
