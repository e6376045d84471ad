from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from analysis_fixtures import coded, open_store

from geopol.analysis.brief import brief
from geopol.analysis.report import report
from geopol.errors import BadInput
from geopol.store import Store

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("GEOPOL_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "000_7982e40d6416ed20.txt"


def test_brief_of_a_stored_article_compares_with_the_window(tmp_path: Path) -> None:
    past = [coded(f"2024-04-{d:02d}", [("CONSULT", "RUS", "PRK", "asserted")])
            for d in range(1, 29)]
    today = coded("2024-05-10", [("AID", "RUS", "PRK", "speculated"),
                                 ("ASSAULT", "JPN", "KOR", "asserted")],
                  alignments=[(["PRK", "RUS"], ["USA"], "speculated")])
    store = open_store(tmp_path / "b.duckdb", [*past, today])
    b = brief(store, today.article.id)
    assert [e["type"] for e in b.events] == ["AID", "ASSAULT"]
    dyads = {(d.a, d.b): d for d in b.dyads}
    prk = dyads[("PRK", "RUS")]
    assert prk.past_events == 28 and prk.weighted == pytest.approx(0.3)
    assert "this article is 1%" in prk.reading()
    assert dyads[("JPN", "KOR")].past_events == 0
    assert "new dyad" in dyads[("JPN", "KOR")].reading()
    md = b.to_markdown()
    assert "speculated" in md and "PRK, RUS against USA" in md and "| PRK–RUS |" in md
    with pytest.raises(BadInput):
        brief(store, "no-such-article")
    store.close()


def test_report_writes_markdown_html_and_charts(gold_store: Store, tmp_path: Path) -> None:
    rep = report(gold_store, "2024-03-01", "2024-04-30", out_dir=tmp_path)
    files = rep.write(tmp_path)
    assert files["trend"].read_bytes()[:4] == b"\x89PNG"
    assert files["network"].read_bytes()[:4] == b"\x89PNG"
    md, page = files["markdown"].read_text(), files["html"].read_text()
    assert "JPN-KOR" in md and "sign flip cooperation to conflict" in md
    assert "![alignment network](network.png)" in md
    assert page.startswith("<!doctype html>") and "data:image/png;base64," in page
    assert rep.network.blocs and rep.totals["events"] > 0
    with pytest.raises(BadInput):
        report(gold_store, "2024-05-01", "2024-04-01")


@pytest.fixture(scope="module")
def seed_brief(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED} (set GEOPOL_SHARED)")
    store = Store.open(tmp_path_factory.mktemp("seed") / "seed.duckdb")
    b = brief(store, SEED, published=dt.date(2023, 9, 13))
    store.close()
    return b


def _has(b, etype: str, src: str, tgt: str, facts: set[str]) -> bool:  # type: ignore[no-untyped-def]
    return any(e["type"] == etype and src in e["source_countries"]
               and tgt in e["target_countries"] and e["factuality"] in facts for e in b.events)


def test_seed_brief_names_the_cooperation_concern_sanctions_and_groupings(seed_brief) -> None:  # type: ignore[no-untyped-def]
    b = seed_brief
    assert _has(b, "AID", "PRK", "RUS", {"speculated"}), "speculated arms PRK -> RUS"
    assert _has(b, "CONSULT", "PRK", "RUS", {"planned"}), "planned summit"
    assert _has(b, "ACCUSE", "USA", "PRK", {"asserted"}) or _has(
        b, "ACCUSE", "USA", "RUS", {"asserted"}), "US concern"
    assert any(e["type"] == "SANCTION" and "PRK" in e["target_countries"]
               and e["factuality"] == "hypothetical" for e in b.events), "hypothetical sanctions"
    groups = {frozenset(a["members"]) for a in b.alignments}
    assert frozenset({"PRK", "RUS", "CHN"}) in groups
    assert frozenset({"KOR", "JPN", "USA"}) in groups
    assert any(d.a == "PRK" and d.b == "RUS" for d in b.dyads)
    md = b.to_markdown()
    for needle in ("AID", "speculated", "planned", "hypothetical", "SANCTION", "ACCUSE"):
        assert needle in md
