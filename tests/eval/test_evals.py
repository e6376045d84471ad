"""The evaluation commands: the seed acceptance reading, PETRARCH dictionaries, PLV format."""

from __future__ import annotations

import json
from pathlib import Path

from geopol.actors.petrarch import load_petrarch
from geopol.eval.petrarch import evaluate_petrarch
from geopol.eval.plv import evaluate_plv
from geopol.eval.seed import evaluate_expected, score
from geopol.pipeline import code_article
from geopol.text.reader import article_from_text
from geopol_testkit import need_shared


def test_seed_article_reading_is_complete() -> None:
    expected = need_shared("acceptance", "seed-expected.json")
    need_shared("seed")
    result = evaluate_expected(expected)
    failed = [c for c in result.checks if not c.passed]
    assert not failed, result.render()
    ids = {c.id for c in result.checks}
    assert {f"event:{e['id']}" for e in json.loads(expected.read_text())["required_events"]} <= ids


def test_user_written_expectation_file_is_scored(tmp_path: Path) -> None:
    text = (
        "Border talks resume\nIndian and Chinese officials held talks in New Delhi on Monday, "
        "officials said, but India may impose new tariffs on China."
    )
    coded = code_article(article_from_text(text, check_language=False))
    expected = {
        "required_events": [
            {
                "id": "talks",
                "type": "CONSULT",
                "source": "IND",
                "target": "CHN",
                "factuality": ["asserted", "reported"],
                "evidence": "held talks in New Delhi",
            },
            {
                "id": "tariffs",
                "type": "SANCTION",
                "source": "IND",
                "target": "CHN",
                "factuality": ["speculated"],
                "evidence": "India may impose new tariffs on China",
            },
        ]
    }
    result = score(coded, expected)
    assert result.passed, result.render()
    wrong = dict(expected)
    wrong["required_events"] = [dict(expected["required_events"][1], factuality=["asserted"])]
    assert not score(coded, wrong).passed


def test_petrarch_dictionaries_load() -> None:
    base = need_shared("eval", "petrarch-unittest")
    actors = load_petrarch(base / "PETR.Validate.actors.txt")
    agents = load_petrarch(base / "PETR.Validate.agents.txt")
    assert len(actors.patterns) > 100 and len(agents.agents) > 100
    windows = [p.entry for p in actors.patterns if p.entry.roles]
    assert windows, "date windows were not read"


def test_petrarch_unit_records_resolve_actor_codes() -> None:
    path = need_shared("eval", "petrarch-unittest", "PETR.UnitTest.records.xml")
    rep = evaluate_petrarch(path)
    assert rep.actor_codes > 300
    assert rep.actor_codes_found / rep.actor_codes > 0.8, rep.render()


def test_plv_format_on_our_own_rows(tmp_path: Path) -> None:
    rows = [
        ("1", "<s>Chile</s> condemned <t>Peru</t> for the border incident.", "ACCUSE", "3"),
        ("2", "<s>Norway</s> sent humanitarian aid to <t>Sudan</t>.", "AID", "2"),
        ("3", "<s>Egypt</s> refused to meet <t>Ethiopia</t> over the dam.", "REJECT", "3"),
        ("4", "<s>Police</s> arrested <t>dozens of protesters</t> in Nairobi.", "COERCE", "4"),
    ]
    f = tmp_path / "mini.tsv"
    lines = ["sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta"]
    for n, marked, label, quad in rows:
        plain = marked.replace("<s>", "").replace("</s>", "").replace("<t>", "").replace("</t>", "")
        lines.append(f"{n}\t{plain}\t{marked}\t-\t-\t{label}\t{quad}")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "pred.tsv"
    rep = evaluate_plv(f, predictions=out)
    assert rep.n == 4 and rep.correct == 4, rep.render()
    preds = [line.split("\t") for line in out.read_text().splitlines()]
    assert [p[0] for p in preds] == ["1", "2", "3", "4"]
    assert [p[1] for p in preds] == ["ACCUSE", "AID", "REJECT", "COERCE"]


def _plv_file(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    f = tmp_path / "rows.tsv"
    lines = ["sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta"]
    for n, (marked, label, quad) in enumerate(rows, 1):
        plain = marked
        for tag in ("<s>", "</s>", "<t>", "</t>"):
            plain = plain.replace(tag, "")
        lines.append(f"{n}\t{plain}\t{marked}\t-\t-\t{label}\t{quad}")
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return f


def test_plv_demands_and_blame_in_reported_speech(tmp_path: Path) -> None:
    rows = [
        ("<s>Kenya</s> said <t>Uganda</t> must withdraw its troops from the border.", "REQUEST", "3"),
        ("<s>The Dutch minister</s> said that <t>Belgium</t> should reopen the crossing.", "REQUEST", "3"),
        ("<s>Ghana</s> says <t>Togo</t> needs to release the fishermen.", "REQUEST", "3"),
        ("<s>Chile</s> said <t>Peru</t> was behind the raid on its consulate.", "ACCUSE", "3"),
        ("<s>Oman</s> said <t>the militia</t> was responsible for the blast.", "ACCUSE", "3"),
    ]
    out = tmp_path / "pred.tsv"
    rep = evaluate_plv(_plv_file(tmp_path, rows), predictions=out)
    preds = [line.split("\t")[1] for line in out.read_text().splitlines()]
    assert preds == [r[1] for r in rows], rep.render()


def test_plv_negated_blame_is_no_accusation(tmp_path: Path) -> None:
    rows = [("<s>Chile</s> said <t>Peru</t> was not behind the raid.", "ACCUSE", "3")]
    out = tmp_path / "pred.tsv"
    evaluate_plv(_plv_file(tmp_path, rows), predictions=out)
    assert out.read_text().split("\t")[1] != "ACCUSE"


def test_plv_trigger_choice_prefers_the_governing_act(tmp_path: Path) -> None:
    rows = [
        # equal distance: the reiteration governs the supporting it is about
        (
            "<s>The alliance</s> reiterated its commitment to supporting <t>Moldova</t>'s sovereignty.",
            "SUPPORT",
            "1",
        ),
        # a call made to congratulate is the congratulation
        (
            "<s>The Danish premier</s> called <t>the new Swedish prime minister</t> on Monday to "
            "congratulate him on his victory.",
            "SUPPORT",
            "1",
        ),
        # a show of force staged together is a joint exercise
        (
            "The naval exercise was staged by <s>Greek marines</s> and <t>Cypriot forces</t>.",
            "COOPERATE",
            "2",
        ),
        # a trigger inside the actor's own span describes the actor
        (
            "<s>The alliance fighting the insurgents</s> declared a truce with <t>Mali</t>.",
            "YIELD",
            "2",
        ),
    ]
    out = tmp_path / "pred.tsv"
    rep = evaluate_plv(_plv_file(tmp_path, rows), predictions=out)
    assert rep.correct == len(rows), rep.render()


def test_plv_calls_for_hostile_acts_against_the_target(tmp_path: Path) -> None:
    rows = [
        # the target is the one the sanctions would hit, not the one asked
        ("<s>The senator</s> called for sanctions against <t>Venezuela</t>.", "THREATEN", "3"),
        # the target is the one asked
        ("<s>Poland</s> urged <t>Germany</t> to impose sanctions on the regime.", "REQUEST", "3"),
    ]
    out = tmp_path / "pred.tsv"
    rep = evaluate_plv(_plv_file(tmp_path, rows), predictions=out)
    assert rep.correct == len(rows), rep.render()


def test_petrarch_scorer_compares_organisations_by_class_and_unknown_countries_by_sector(
    tmp_path: Path,
) -> None:
    xml = tmp_path / "gsr.xml"
    xml.write_text(
        """<Sentences>
<Sentence date="20140916" id="A_1" sentence="true">
<EventCoding sentenceid="A_1" eventcode="051" sourcecode="UKRLEG" targetcode="IGOEUREEC"/>
<Text>Ukrainian lawmakers endorsed an association agreement with the European Union.</Text>
</Sentence>
<Sentence date="20140916" id="A_2" sentence="true">
<EventCoding sentenceid="A_2" eventcode="023" sourcecode="---LEG" targetcode="USAGOV"/>
<Text>Congress is asking Obama to help Iran.</Text>
</Sentence>
<Sentence date="20140916" id="A_3" sentence="true">
<EventCoding sentenceid="A_3" eventcode="190" sourcecode="---REB" targetcode="KEN"/>
<Text>Kenya condemned the decision.</Text>
</Sentence>
</Sentences>
""",
        encoding="utf-8",
    )
    rep = evaluate_petrarch(xml)
    assert rep.gold_events == 3
    # IGOEUREEC is our IGO-EU; ---LEG is a legislature of any country; the third has no event.
    assert rep.root_correct == 2 and rep.matched_dyads == 2, rep.render()
    assert (rep.plover_correct, rep.plover_events) == (2, 3)


def test_plv_end_to_end_follows_a_pronoun_to_the_marked_speaker(tmp_path: Path) -> None:
    # a row of our own in the PLV_train layout: the marked source is the speaker, and the coder
    # codes the act with the "he" that stands for him
    text = "Chilean President Juan Ortega said on Monday he had rejected a request from Peru."
    marked = (
        "<s>Chilean President Juan Ortega</s> said on Monday he had rejected a request from "
        "<t>Peru</t>."
    )
    path = tmp_path / "plv.tsv"
    path.write_text(
        "sentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\tgold_penta\n"
        f"1\t{text}\t{marked}\tChilean President Juan Ortega\tPeru\tREJECT\t3\n",
        encoding="utf-8",
    )
    coded = code_article(article_from_text("Test\n" + text))
    assert any(a.text == "he" and a.coref_of is not None for e in coded.events for a in e.source)
    rep = evaluate_plv(path)
    assert rep.e2e_found == 1


def test_plv_reads_cyber_attacks_and_convictions_in_the_files_scheme(tmp_path: Path) -> None:
    rows = [
        ("<s>Belarus</s> launched cyber attacks on <t>Lithuania</t> last week.", "ASSAULT", "4"),
        ("<s>A Dutch court</s> convicted <t>two Moldovan smugglers</t> on Friday.", "ACCUSE", "3"),
        # other modes of the same types keep their type
        ("<s>Serbian police</s> arrested <t>three Albanian men</t>.", "COERCE", "4"),
    ]
    out = tmp_path / "pred.tsv"
    rep = evaluate_plv(_plv_file(tmp_path, rows), predictions=out)
    assert rep.correct == len(rows), rep.render()
    assert rep.e2e_found == len(rows), rep.render()


def test_petrarch_halves_split_records_by_index(tmp_path: Path) -> None:
    from geopol.eval.factuality_score import Half

    sentences = [
        ("A1", "Chile condemned Peru for the border incident.", "112", "CHL", "PER"),
        ("A2", "Norway sent humanitarian aid to Sudan.", "070", "NOR", "SDN"),
        ("A3", "President macron met Chancellor scholz in Berlin.", "040", "FRAGOV", "DEUGOV"),
    ]
    xml = "<Sentences>\n" + "".join(
        f'<Sentence date="20230105" id="{i}">\n'
        f'<EventCoding eventcode="{c}" sourcecode="{s}" targetcode="{t}" />\n'
        f"<Text>\n{text}\n</Text>\n</Sentence>\n"
        for i, text, c, s, t in sentences
    ) + "</Sentences>\n"
    path = tmp_path / "records.xml"
    path.write_text(xml, encoding="utf-8")
    even = evaluate_petrarch(path, half=Half.EVEN)
    odd = evaluate_petrarch(path, half=Half.ODD)
    assert (even.records, odd.records) == (2, 1)
    assert even.gold_events + odd.gold_events == 3
