"""``geopol eval acled`` on a small ACLED-format file whose notes we wrote ourselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geopol.errors import BadInput
from geopol.eval.acled import evaluate_acled, read_acled, states_count
from geopol.eval.plv import evaluate_plv

SAMPLE = Path(__file__).parent / "data" / "acled-sample.csv"


def test_halves_split_by_data_id_parity() -> None:
    assert [r.data_id for r in read_acled(SAMPLE, half="even")] == [900002, 900004, 900006]
    assert [r.data_id for r in read_acled(SAMPLE, half="odd")] == [900001, 900003, 900005]
    assert len(read_acled(SAMPLE, half="all", limit=4)) == 4
    first = read_acled(SAMPLE)[0]
    assert first.date is not None and first.date.isoformat() == "2021-03-03"
    assert first.fatalities == 4 and first.iso3 == "NGA"


def test_scores_and_predictions_on_our_notes(tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    rep = evaluate_acled(SAMPLE, predictions=out)
    assert rep.n == 6 and rep.typed_rows == 5  # the Strategic development is not typed
    assert rep.fatal_rows == 2
    preds = {p["data_id"]: p for p in map(json.loads, out.read_text().splitlines())}
    clash = preds[900001]
    assert clash["found"] and clash["country"] and clash["type"], clash
    assert clash["within_50km"], clash
    strike = preds[900003]
    assert strike["type"] and strike["country"], strike
    assert preds[900004]["type"] is None
    assert rep.per_type["Battles"] == [1, 1]
    assert rep.found == sum(p["found"] for p in preds.values())
    text = rep.render()
    assert "within 50 km" in text and "Violence against civilians" in text
    # issue 19's casualty figure, per half: the notes that state a count ("killing four")
    assert set(rep.stated) == {"even", "odd"}
    assert rep.stated["odd"][0] == 1 and rep.stated["even"][0] == 1
    assert preds[900001]["states_count"] and not preds[900003]["states_count"]
    assert "notes stating a count (odd ids)" in text and "notes stating a count (even ids)" in text
    assert set(rep.as_dict()["casualties_stated"]) == {"even", "odd"}


@pytest.mark.parametrize(
    ("note", "states"),
    [
        ("Gunmen attacked a bus, killing 4 passengers.", True),
        ("Two soldiers were killed in the clash.", True),
        ("The shelling left three dead.", True),
        ("Police fired tear gas. No fatalities were reported.", False),
        ("Rebels killed soldiers; fatalities coded as 10 from a report.", False),
        ("Clashes left 20 dead. 20 fatalities split up between 3 events.", False),
        ("Fighting on the border: total fatalities divided equally across two events.", False),
    ],
)
def test_which_notes_state_a_count(note: str, states: bool) -> None:
    assert states_count(note) is states


def test_not_an_acled_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(BadInput, match="missing columns"):
        read_acled(bad)
    with pytest.raises(BadInput, match="--half"):
        read_acled(SAMPLE, half="middle")


def test_plv_reports_rows_with_no_event(tmp_path: Path) -> None:
    f = tmp_path / "rows.tsv"
    lines = ["sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta"]
    rows = [
        ("<s>Chile</s> condemned <t>Peru</t> for the border incident.", "ACCUSE", "3"),
        ("<s>Chile</s> and <t>Peru</t> are neighbours on the Pacific coast.", "CONSULT", "1"),
    ]
    for n, (marked, lab, quad) in enumerate(rows, 1):
        plain = marked
        for tag in ("<s>", "</s>", "<t>", "</t>"):
            plain = plain.replace(tag, "")
        lines.append(f"{n}\t{plain}\t{marked}\t-\t-\t{lab}\t{quad}")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rep = evaluate_plv(f)
    assert rep.no_event == 1, rep.render()
    assert "no event at all" in rep.render()


def test_acleds_own_country_codes_read_as_iso(tmp_path: Path) -> None:
    path = tmp_path / "ro.csv"
    path.write_text(
        "data_id,event_date,event_type,iso3,notes\n"
        '2,4-May-20,Protests,ROM,"On 4 May 2020, residents protested in Cluj."\n',
        encoding="utf-8",
    )
    assert read_acled(path)[0].iso3 == "ROU"
