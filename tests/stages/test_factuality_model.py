"""The trained close-call model of the factuality reading (issue 16, second round), its
training data (sentences we wrote), and the rule gaps those sentences showed.
All sentences here are our own."""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from geopol.eval.plv import read_plv
from geopol.events.factuality import Reading, assess, close_call_penalty
from geopol.events.factuality.model import (
    MODEL_FILE,
    choose,
    features,
    parse_model,
    rules_only,
    shipped_model,
)
from geopol.pipeline import code
from geopol.records import Factuality
from geopol_testkit import dyad_factuality as dyad

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "benchmarks" / "labels" / "factuality-written.tsv"


def reading(nlp: Language, text: str, word: str) -> Reading:
    tok = next(t for t in nlp(text) if t.text == word)
    return assess(tok, noun=tok.pos_ in ("NOUN", "PROPN"))


def test_shipped_model_loads_and_covers_every_level() -> None:
    model = shipped_model()
    assert model is not None
    assert set(model.classes) == set(Factuality)
    assert "rule=negated" in model.weights and "pair=negated+speculated" in model.weights
    data = json.loads((ROOT / "src" / "geopol" / "data" / "events" / MODEL_FILE).read_text())
    assert len(data["features"]) == len(data["weights"]) < 400  # small


@pytest.mark.parametrize(
    ("data", "fault"),
    [
        ([], "not a JSON object"),
        ({"classes": ["asserted"], "features": ["x"], "weights": [], "bias": [0.0]}, "match"),
        (
            {"classes": ["asserted"], "features": ["x"], "weights": [[1.0, 2.0]], "bias": [0.0]},
            "weights for",
        ),
    ],
)
def test_a_malformed_model_is_refused(data: object, fault: str) -> None:
    with pytest.raises(ValueError, match=fault):
        parse_model(data)


def test_the_model_decides_a_close_call_and_puts_its_cue_first(nlp: Language) -> None:
    text = "Pretoria is not expected to free the prisoners this year."
    with rules_only():
        ruled = reading(nlp, text, "free")
    assert ruled[0] is Factuality.NEGATED  # the fixed order: negation over speculation
    r = reading(nlp, text, "free")
    assert r[0] is Factuality.SPECULATED and r.rule is Factuality.NEGATED
    assert r.close and close_call_penalty(r) > 0
    assert r[1][0].text == "expected"  # the deciding cue first


def test_the_model_keeps_a_clear_reading(nlp: Language) -> None:
    r = reading(nlp, "Officials said Iraq may attack the island.", "attack")
    assert r[0] is Factuality.SPECULATED and not r.close
    r = reading(nlp, "France may not send aid to Mali.", "send")
    assert r[0] is Factuality.NEGATED  # "may not": the negation stays


def test_the_model_only_picks_a_level_the_walk_found() -> None:
    model = shipped_model()
    assert model is not None
    feats = {"rule=negated": 1.0, "has=negated": 1.0, "close": 1.0, "cue=hope": 1.0}
    level, _ = choose(model, feats, Factuality.NEGATED, close=True)
    assert level in (Factuality.NEGATED, Factuality.ASSERTED)
    # not a close call: the rules decide whatever the model thinks
    assert choose(model, feats, Factuality.NEGATED, close=False)[0] is Factuality.NEGATED


def test_features_name_levels_cues_and_tense(nlp: Language) -> None:
    doc = nlp("Japan will not buy rice.")
    buy = next(t for t in doc if t.text == "buy")
    will = next(t for t in doc if t.text == "will")
    nt = next(t for t in doc if t.text == "not")
    f = features(
        [(Factuality.PLANNED, will, 0), (Factuality.NEGATED, nt, 0)],
        buy,
        Factuality.NEGATED,
        close=True,
    )
    assert {"rule=negated", "has=planned", "pair=negated+planned", "own=negated", "close"} <= set(f)
    assert "cue=will@planned" in f and "tag=VB" in f


def test_written_training_data_is_ours_well_formed_and_covers_every_class() -> None:
    rows = read_plv(WRITTEN)
    assert len(rows) >= 400
    counts = Counter(r.factuality for r in rows)
    assert set(counts) == {f.value for f in Factuality}
    assert min(counts.values()) >= 40
    with WRITTEN.open(encoding="utf-8") as fh:
        ids = [int(r["sentence_id"]) for r in csv.DictReader(fh, delimiter="\t")]
    assert ids == list(range(1, len(ids) + 1))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Neither Chile nor Peru has signed the treaty with Bolivia.", "signed", "negated"),
        ("The United States is going to cut sugar quotas for Manila.", "cut", "planned"),
        ("Speculation grew that Syrian jets had hit the camps.", "hit", "speculated"),
        ("Rome would send a hospital ship, the defence minister said.", "send", "planned"),
        ("Rome would send a hospital ship to help the wounded.", "send", "speculated"),
        ("Ankara and Baku sign the pipeline accord on May 3, officials said.", "sign", "planned"),
        ("Ankara and Baku sign the pipeline accord on May 3.", "sign", "asserted"),
        ("Traders said Cairo is tendering for wheat on Tuesday.", "tendering", "planned"),
        ("Officials said Iraq was shelling Basra on Tuesday.", "shelling", "reported"),
        ("Moscow has bought no Canadian wheat this year, traders said.", "bought", "negated"),
        ("Moscow has no grain to sell.", "sell", "asserted"),
        ("Traders said the Soviets were rumoured to be buying corn.", "buying", "speculated"),
        ("Officials said a meeting with the Fund was due in June.", "meeting", "planned"),
        ("Talks between Lima and Quito appeared unlikely before May.", "Talks", "speculated"),
        ("Chile agreed on a loan to be signed in Lima next week.", "loan", "planned"),
        ("The decision to cut rates surprised dealers.", "decision", "asserted"),
        (
            "Dealers said the Fed would intervene should the dollar fall below 90 yen.",
            "intervene",
            "hypothetical",
        ),
        (
            "Should the Fund release the loan, Accra could finish the dam.",
            "release",
            "hypothetical",
        ),
    ],
)
def test_rule_gaps_the_written_sentences_showed(
    nlp: Language, text: str, word: str, expected: str
) -> None:
    assert reading(nlp, text, word)[0].value == expected


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("<s>Libya</s> denied attacking <t>Chadian</t> positions near the border.", "negated"),
        ("<s>Washington</s> called off the planned sale of jets to <t>Taipei</t>.", "negated"),
        ("<s>China</s> never sold <t>Iranian</t> oil abroad, officials insisted.", "negated"),
        ("<s>Japan</s> plans joint exercises with <t>Australian</t> forces.", "planned"),
        ("<s>Brazil</s> and <t>Argentina</t> are to launch a joint space programme.", "planned"),
        ("<s>The EC</s> decided not to impose quotas on <t>Korean</t> cars.", "negated"),
        ("<s>The EC</s> agreed to cut duties on <t>Korean</t> cars.", "asserted"),
        ("<s>The EC</s> agreed to hold talks with <t>Korean</t> envoys next week.", "planned"),
        ("<s>The EC</s> asked <t>Seoul</t> to open its markets next year.", "asserted"),
        ("There was no sign that <s>Iran</s> had shelled <t>Kuwaiti</t> ships.", "negated"),
        ("There were signs that <s>Iran</s> had shelled <t>Kuwaiti</t> ships.", "speculated"),
    ],
)
def test_dyad_readings_the_written_sentences_showed(
    nlp: Language, marked: str, expected: str
) -> None:
    assert dyad(nlp, marked) == expected


def test_a_close_call_still_lowers_the_event_confidence() -> None:
    plain = code("Test\nFrance will send aid to Mali.", published="2024-03-13")
    close = code("Test\nFrance is not expected to send aid to Mali.", published="2024-03-13")
    a = next(e for e in plain if e.type == "AID")
    b = next(e for e in close if e.type == "AID")
    assert b.factuality is Factuality.SPECULATED
    assert b.confidence < a.confidence
    assert b.evidence.cues[0].text == "expected"
