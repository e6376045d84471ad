"""Geoparsing evaluation: XML reading, scoring, predictions file, CLI, and TR-News figures."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geopol.cli.app import app
from geopol.eval.geo import KM_THRESHOLD, evaluate, haversine, read_xml
from geopol_testkit import need_shared

# Invented articles in TR-News layout; the second toponym's offsets are off by one on purpose
# (some files count line ends differently) and must be repaired.
SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <title>Ferry talks</title>
    <text><![CDATA[Ministers from Norway met in Bergen on Monday. Talks moved to Oslo.]]></text>
    <toponyms>
      <toponym><phrase>Norway</phrase><start>15</start><end>21</end>
        <gaztag geonameid="3144096"><name>Norway</name><fclass>A</fclass><fcode>PCLI</fcode>
          <lat>62</lat><lon>10</lon><country geonameid="3144096">Norway</country></gaztag>
      </toponym>
      <toponym><phrase>Bergen</phrase><start>31</start><end>37</end>
        <gaztag geonameid="3161732"><name>Bergen</name><fclass>P</fclass><fcode>PPLA</fcode>
          <lat>60.39299</lat><lon>5.32415</lon><country geonameid="3144096">Norway</country>
        </gaztag>
      </toponym>
      <toponym><phrase>Oslo</phrase><start>62</start><end>66</end>
        <gaztag geonameid="3143244"><name>Oslo</name><fclass>P</fclass><fcode>PPLC</fcode>
          <lat>59.91273</lat><lon>10.74609</lon><country geonameid="3144096">Norway</country>
        </gaztag>
      </toponym>
      <toponym><phrase>Monday</phrase><start>41</start><end>47</end></toponym>
    </toponyms>
  </article>
</articles>
"""


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.xml"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_read_xml_repairs_offsets(sample: Path) -> None:
    (article,) = read_xml(sample)
    assert article.docid == "1" and article.title == "Ferry talks"
    for t in article.toponyms:
        assert article.text[t.start : t.end] == t.phrase
    assert [t.geonameid for t in article.toponyms] == ["3144096", "3161732", "3143244", None]


def test_gold_spans_scores_and_predictions(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "pred.jsonl"
    with out.open("w") as fh:
        scores = evaluate(read_xml(sample), gold_spans=True, predictions=fh)
    d = scores.as_dict()
    assert d["gold_toponyms"] == 4 and d["gold_with_id"] == 3
    assert d["exact_accuracy"] == 1.0 and d["within_161km"] == 1.0
    assert d["country_accuracy"] == 1.0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["phrase"] for x in lines] == ["Norway", "Bergen", "Oslo", "Monday"]
    assert lines[1]["gazetteer_id"] == "geonames:3161732" and lines[1]["country"] == "NOR"
    # an unknown name takes the point of the article's (first-named) city (fifth round)
    assert lines[3]["name"] == "Bergen" and lines[3]["gazetteer_id"] == "geonames:3161732"


def test_recognised_spans_recall_and_precision(sample: Path) -> None:
    d = evaluate(read_xml(sample), gold_spans=False).as_dict()
    assert d["recall"] == pytest.approx(3 / 4)  # "Monday" is no place
    assert d["precision"] == 1.0
    assert d["within_161km"] == 1.0


def test_haversine() -> None:
    assert haversine(0, 0, 0, 0) == 0
    assert haversine(51.5, -0.13, 48.86, 2.35) == pytest.approx(343, abs=5)
    assert KM_THRESHOLD == 161.0


def test_cli_eval_geo(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "p.jsonl"
    res = CliRunner().invoke(
        app,
        [
            "eval",
            "geo",
            str(sample),
            "--format",
            "trnews",
            "--gold-spans",
            "--predictions",
            str(out),
        ],
    )
    assert res.exit_code == 0, res.output
    assert "within 161 km:         100.0%" in res.output
    assert len(out.read_text().splitlines()) == 4
    bad = CliRunner().invoke(app, ["eval", "geo", str(sample), "--format", "kml"])
    assert bad.exit_code == 2
    for half, n in (("even", 1), ("odd", 0)):
        res = CliRunner().invoke(
            app, ["eval", "geo", str(sample), "--gold-spans", "--json", "--half", half]
        )
        assert res.exit_code == 0, res.output
        assert json.loads(res.output)["articles"] == n


def test_cli_places(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text(
        "Summit\nVOSTOCHNY, Russia (Reuters) - The leaders met at the Vostochny Cosmodrome.\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(app, ["places", str(art), "--json"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.output.splitlines()]
    text = "Summit\nVOSTOCHNY, Russia (Reuters) - The leaders met at the Vostochny Cosmodrome."
    for r in rows:
        assert text[r["start"] : r["end"]] == r["text"]
    assert rows[0]["dateline"] is True and rows[0]["gazetteer_id"] == "geopol:vostochny-cosmodrome"
    assert {r["country"] for r in rows} == {"RUS"}
    table = CliRunner().invoke(app, ["places", str(art)])
    assert table.exit_code == 0 and "Vostochny Cosmodrome" in table.output
    missing = CliRunner().invoke(app, ["places", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1


def _trnews() -> Path:
    shared = Path(os.environ.get("GEOPOL_SHARED", "/work/shared"))
    if not (shared / "eval").exists():
        shared = Path(__file__).resolve().parents[2] / ".." / "shared"
    return shared / "eval" / "tr-news" / "TR-News.xml"


@pytest.mark.slow
def test_trnews_gold_spans_subset() -> None:
    path = _trnews()
    if not path.exists():
        pytest.skip(f"TR-News not found at {path}")
    articles = read_xml(path)[:30]
    d = evaluate(articles, gold_spans=True).as_dict()
    assert d["within_161km"] >= 0.85
    assert d["country_accuracy"] >= 0.93


@pytest.mark.slow
@pytest.mark.issue(4)
def test_trnews_gold_spans_country_and_distance() -> None:
    """The whole set, gold spans: the figures the places docs quote, as floors."""
    d = evaluate(read_xml(need_shared("eval", "tr-news", "TR-News.xml")), gold_spans=True)
    scores = d.as_dict()
    assert scores["country_accuracy"] >= 0.97
    assert scores["within_161km"] >= 0.88


# Invented articles in GeoWebNews layout: <extractedName>, <geonamesID>, <latitude>/<longitude>,
# a toponym type, and non-locational mentions (flagged, or typed Non_Lit_Expression).
GWN_SAMPLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article id="7">
    <title>Harbour</title>
    <text>Fishermen from Bergen sailed to Oslo. The Oslo consensus held. Critics in Norway agreed.</text>
    <toponyms>
      <toponym><start>15</start><end>21</end><extractedName>Bergen</extractedName>
        <type>Literal</type><nonLocational>No</nonLocational><geonamesID>3161732</geonamesID>
        <latitude>60.39299</latitude><longitude>5.32415</longitude></toponym>
      <toponym><start>32</start><end>36</end><extractedName>Oslo</extractedName>
        <type>Literal</type><geonamesID>3143244</geonamesID>
        <latitude>59.91273</latitude><longitude>10.74609</longitude></toponym>
      <toponym><start>42</start><end>46</end><extractedName>Oslo</extractedName>
        <type>Non_Lit_Expression</type></toponym>
      <toponym><start>74</start><end>80</end><extractedName>Norway</extractedName>
        <type>Literal</type><nonLocational>Yes</nonLocational></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_geowebnews_layout(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_SAMPLE, encoding="utf-8")
    (article,) = read_xml(path)
    assert [t.phrase for t in article.toponyms] == ["Bergen", "Oslo", "Oslo", "Norway"]
    for t in article.toponyms:
        assert article.text[t.start : t.end] == t.phrase
    assert [t.non_locational for t in article.toponyms] == [False, False, True, True]
    assert article.toponyms[0].lat == pytest.approx(60.39299)
    out = tmp_path / "pred.jsonl"
    with out.open("w") as fh:
        d = evaluate([article], gold_spans=True, predictions=fh).as_dict()
    assert d["gold_with_id"] == 2 and d["non_locational"] == 2
    assert d["exact_accuracy"] == 1.0 and d["within_161km"] == 1.0
    assert d["country_accuracy"] == 1.0  # the country of the gold GeoNames entry
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["phrase"] for x in lines] == ["Bergen", "Oslo", "Oslo", "Norway"]
    assert lines[0]["gazetteer_id"] == "geonames:3161732" and lines[0]["country"] == "NOR"
    assert lines[2]["non_locational"] is True
