"""Factuality on sentences we wrote: each cue class, scope, and the precedence rules.

The first sentences rewrite the issue's examples (issue 16) in our own words.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Token

from geopol.errors import BadInput, DictionaryError
from geopol.eval.factuality_score import FactScore, Half, read_labels
from geopol.eval.plv import _span, _strip, classify, read_plv
from geopol.events.factuality import (
    Reading,
    assess,
    close_call_penalty,
    cues,
    load_factuality,
    set_factuality,
)
from geopol.pipeline import code
from geopol.records import Factuality

ROOT = Path(__file__).resolve().parents[2]


def trigger(nlp: Language, text: str, word: str) -> Token:
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


def reading(nlp: Language, text: str, word: str) -> Reading:
    tok = trigger(nlp, text, word)
    return assess(tok, noun=tok.pos_ in ("NOUN", "PROPN"))


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Ministers from the two blocs are expected to give the visiting envoy a cool response.",
            "give",
            "speculated",
        ),
        ("Seoul may bow to American pressure over beef imports.", "bow", "speculated"),
        ("Washington has not lived up to the accord it signed with Havana.", "lived", "negated"),
        ("Kabul has denied charges of shelling Pakistani border villages.", "denied", "negated"),
        ("Kabul has denied charges of shelling Pakistani border villages.", "shelling", "negated"),
        (
            "Washington will retaliate if the Community adopts the new levy.",
            "retaliate",
            "hypothetical",
        ),
        (
            "Washington will retaliate if the Community adopts the new levy.",
            "adopts",
            "hypothetical",
        ),
        (
            "Caracas will lend Quito 40,000 barrels of crude a day, the minister said.",
            "lend",
            "planned",
        ),
        ("Athens urged Ankara to withdraw its warships.", "urged", "asserted"),
        (
            "The loan from Paris to Dakar will not be tied to purchases of French goods, and Paris lent the money last week.",
            "lent",
            "asserted",
        ),
        (
            "Paris will make a loan to Dakar that will not be tied to purchases of French goods.",
            "loan",
            "planned",
        ),
        (
            "Rebel forces attacked an army base near the border, officials said.",
            "attacked",
            "reported",
        ),
        (
            "According to state radio, rebel forces attacked an army base near the border.",
            "attacked",
            "reported",
        ),
        ("Rebel forces reportedly attacked an army base near the border.", "attacked", "reported"),
        ("Tokyo said it rejected the proposal from Seoul.", "rejected", "asserted"),
        (
            "Egypt signed a trade accord with Sudan, an Egyptian diplomat said.",
            "signed",
            "reported",
        ),
        ("The two foreign ministers are set to meet in Vienna next week.", "meet", "planned"),
        ("The two foreign ministers are to meet in Vienna.", "meet", "planned"),
        ("The two foreign ministers meet in Vienna next week.", "meet", "planned"),
        ("Manila plans to import rice from Bangkok.", "import", "planned"),
        (
            "There is speculation that Brussels will impose sanctions on Minsk.",
            "sanctions",
            "speculated",
        ),
        ("Analysts raised the possibility of an attack by Iraq on Kuwait.", "attack", "speculated"),
        ("The potential arms deal between Paris and Riyadh worries Israel.", "deal", "speculated"),
        ("The alleged raid by Indian troops on the village angered Islamabad.", "raid", "reported"),
        ("Tokyo decided not to renew its oil contracts with Tehran.", "renew", "negated"),
        ("The two sides failed to agree on a ceasefire.", "agree", "negated"),
        ("Bonn refused to send troops to the Gulf.", "send", "negated"),
        ("The minister ruled out an attack on Syria.", "attack", "negated"),
        ("The minister ruled out sanctions against Syria.", "sanctions", "negated"),
        ("There will be no talks between Seoul and Pyongyang this year.", "talks", "negated"),
        ("Canberra is considering new curbs on Chinese steel.", "considering", "speculated"),
        ("Canberra is considering new curbs on Chinese steel.", "curbs", "speculated"),
        ("Unless Belgrade withdraws, NATO would send troops.", "send", "hypothetical"),
        (
            "Provided that the UN agrees, the alliance will bomb the bridges.",
            "bomb",
            "hypothetical",
        ),
        ("Traders said Moscow may have sold grain to Cairo.", "sold", "speculated"),
        (
            "The minister said the EC not only ignored Manila's request but raised the levy.",
            "ignored",
            "reported",
        ),
        ("Diplomats said the two leaders could meet later this month.", "meet", "speculated"),
        ("The president is due to visit Beijing in May.", "visit", "planned"),
        ("The president is about to visit Beijing.", "visit", "planned"),
        ("The president is likely to visit Beijing.", "visit", "speculated"),
        ("France condemned the attack on the embassy.", "condemned", "asserted"),
        ("Iraq did not attack the tanker, the ministry said.", "attack", "negated"),
        ("Tokyo has no plans to buy more wheat from Ottawa.", "buy", "negated"),
        (
            "The ministry denied reports that its troops had attacked the border post.",
            "attacked",
            "negated",
        ),
        ("The ministry ruled out the possibility of an attack on the island.", "attack", "negated"),
        ("The minister did not rule out sanctions against Syria.", "sanctions", "speculated"),
        ("Jakarta has yet to sign the accord with Canberra.", "sign", "negated"),
        ("Lagos stopped buying oil from Accra last year.", "buying", "negated"),
        (
            "Officials said there was no agreement between Brazil and its creditors.",
            "agreement",
            "negated",
        ),
        (
            "Traders said a deal between Egypt and the United States was possible.",
            "deal",
            "speculated",
        ),
        (
            "Egypt signed a deal with Sudan, according to the official news agency.",
            "deal",
            "reported",
        ),
        ("Egypt will sign a deal with Sudan next month, the agency reported.", "deal", "planned"),
        ("The president might visit Beijing if he is invited.", "visit", "hypothetical"),
        (
            "The Soviet Union has bought 200,000 tonnes of wheat from Canada, trade sources said.",
            "bought",
            "reported",
        ),
        (
            "Japan bought Saudi crude last month, according to industry sources.",
            "bought",
            "reported",
        ),
        (
            "Iran attacked a Kuwaiti tanker in the Gulf, shipping sources said.",
            "attacked",
            "reported",
        ),
        (
            "The newspaper said Brazil had suspended interest payments to its creditor banks.",
            "suspended",
            "reported",
        ),
        (
            "Iraq's news agency reported that its jets hit Iranian oil installations.",
            "hit",
            "reported",
        ),
        (
            "Brazil is believed to have bought 500,000 tonnes of sugar from Cuba.",
            "bought",
            "speculated",
        ),
        (
            "Argentina and Brazil signed a trade pact on Tuesday, the agency said.",
            "signed",
            "reported",
        ),
        ("Japan plans to buy more American beef next year.", "buy", "planned"),
        ("Egypt is to receive 200 mln dlrs in aid from Washington.", "receive", "planned"),
        ("Talks between Canada and Washington will resume next week.", "resume", "planned"),
        ("Ministers from the EC and Japan meet next Monday in Brussels.", "meet", "planned"),
        ("Britain intends to sell arms to Jordan.", "sell", "planned"),
        ("The two countries agreed to hold talks next month.", "hold", "planned"),
        ("Iraq agreed to cut its oil exports to Turkey.", "agreed", "asserted"),
        ("Analysts expect Japan to cut its imports from Australia.", "cut", "speculated"),
        ("Japan is likely to increase its purchases from Washington.", "increase", "speculated"),
        (
            "Dealers said the Bank of Japan probably intervened to buy dollars.",
            "intervened",
            "speculated",
        ),
        ("Washington could impose tariffs on Japanese goods.", "impose", "speculated"),
        ("Officials believe Iran has bought missiles from China.", "bought", "speculated"),
        (
            "If Japan fails to open its markets, Washington will impose sanctions.",
            "impose",
            "hypothetical",
        ),
        ("Washington would retaliate unless the EC dropped the tax.", "retaliate", "hypothetical"),
        (
            "Should Iran close the strait, Washington would impose a blockade.",
            "impose",
            "hypothetical",
        ),
        (
            "Should Iran close the strait, Washington would impose a blockade.",
            "close",
            "hypothetical",
        ),
        ("Japan did not buy any American wheat last week.", "buy", "negated"),
        ("Iran denied that its forces had attacked a Kuwaiti tanker.", "attacked", "negated"),
        ("Iraq has no plans to cut oil exports to Turkey.", "cut", "negated"),
        (
            "Canada rejected charges that it was dumping potash in the American market.",
            "dumping",
            "negated",
        ),
        ("Canada rejected the American proposal on potash.", "rejected", "asserted"),
        ("Canada rejected a proposal to cut tariffs on American steel.", "cut", "negated"),
        ("Japan rejected the American request for talks.", "request", "asserted"),
        ("Washington will not impose sanctions on Tokyo.", "impose", "negated"),
        (
            "The Soviets did not attend the meeting with the Chinese delegation.",
            "attend",
            "negated",
        ),
        ("Iran has never recognised Israel.", "recognised", "negated"),
        (
            "Officials said Washington was unlikely to lift the ban on Libyan oil.",
            "lift",
            "speculated",
        ),
        ("Such a deal would allow Iraq to export more oil through Turkey.", "deal", "speculated"),
        ("Bonn said it would send aid to Ankara.", "send", "planned"),
        ("Bonn said it would not send aid to Ankara.", "send", "negated"),
        ("Greece urged Turkey to withdraw its warships from the Aegean.", "urged", "asserted"),
        ("The minister criticised Japan for its trade surplus.", "criticised", "asserted"),
        ("Japan said it rejected the proposal from the EC.", "said", "asserted"),
        (
            "Officials know that the EC states would suffer as much as Japan.",
            "suffer",
            "speculated",
        ),
        (
            "Canadian and Egyptian negotiators failed to conclude an agreement on wheat exports.",
            "agreement",
            "negated",
        ),
        (
            "The Soviet Union has agreed to cut its coal prices to Japanese mills, industry sources said.",
            "agreed",
            "reported",
        ),
        ("The prime minister is scheduled to visit Washington in May.", "visit", "planned"),
        ("The EC has ruled out sanctions against South Africa.", "sanctions", "negated"),
        ("The EC has not ruled out sanctions against South Africa.", "sanctions", "speculated"),
        (
            "Japan is expected to announce new measures to open its markets to American goods.",
            "announce",
            "speculated",
        ),
        (
            "The talks, which are expected to last two days, began in Geneva on Monday.",
            "talks",
            "asserted",
        ),
        ("Bolivia's debt to Brazil will be rescheduled, officials said.", "rescheduled", "planned"),
        ("The IMF is likely to approve a loan to Zambia next month.", "approve", "speculated"),
        (
            "Ecuador has suspended payments to its creditor banks, the finance minister said.",
            "suspended",
            "reported",
        ),
        ("Ecuador has not paid interest to its creditor banks since January.", "paid", "negated"),
        ("Ecuador said it had not paid interest to its creditor banks.", "paid", "negated"),
        (
            "Japan warned that it would retaliate if the EC imposed duties.",
            "retaliate",
            "hypothetical",
        ),
        ("Nigeria may resume oil sales to Ghana.", "resume", "speculated"),
        ("China agreed to buy American wheat, the department said.", "agreed", "reported"),
        ("There were reports that Iraqi jets attacked Kharg Island.", "attacked", "reported"),
        ("Iran is reported to have bought arms from China.", "bought", "reported"),
        ("Kuwait has asked Washington to protect its tankers.", "protect", "planned"),
        ("Kuwait has asked Washington to protect its tankers.", "asked", "asserted"),
        ("Saudi Arabia will not cut prices, Nazer said.", "cut", "negated"),
        ("Bonn is ready to help Paris with the loan.", "help", "planned"),
        ("The Soviet Union could become a member of the GATT.", "become", "speculated"),
        ("The planned meeting between the two ministers was cancelled.", "meeting", "negated"),
        ("Tokyo called off the visit to Seoul.", "visit", "negated"),
        ("Talks between Seoul and Pyongyang are possible next year.", "Talks", "speculated"),
        (
            "Iranian artillery shelled Basra overnight, Iraq's news agency said.",
            "shelled",
            "reported",
        ),
        ("Iranian artillery, the agency said, shelled Basra overnight.", "shelled", "reported"),
        ("No attack on the tanker was reported.", "attack", "negated"),
        (
            "Japan would lend the money to Manila if the IMF approved the program.",
            "lend",
            "hypothetical",
        ),
        (
            "Japan will lend Manila the money in case the IMF approves the program.",
            "lend",
            "planned",
        ),
        (
            "Japan will lend Manila the money as long as the IMF approves the program.",
            "lend",
            "hypothetical",
        ),
        ("It is possible that Iraq will invade Kuwait.", "invade", "speculated"),
        ("Iraq might invade Kuwait, some analysts fear.", "invade", "speculated"),
        ("Washington has refused to lift the ban on Libyan oil.", "lift", "negated"),
        ("Seoul has yet to sign the accord with Tokyo.", "sign", "negated"),
        (
            "The Soviet Union will buy 4 mln tonnes of grain from Washington under the pact, the minister said.",
            "buy",
            "planned",
        ),
        ("Traders said the Soviet Union may buy more grain from Washington.", "buy", "speculated"),
        (
            "Traders speculated that the Soviet Union would buy more grain from Washington.",
            "buy",
            "speculated",
        ),
        ("Canberra is not considering curbs on Chinese steel.", "curbs", "negated"),
        ("Talks between Iran and Iraq are planned for next month.", "Talks", "planned"),
        ("The talks between Tokyo and Washington ended without agreement.", "agreement", "negated"),
        ("Iraq left the talks without signing the accord with Iran.", "signing", "negated"),
        ("In the event of war with Iraq, Kuwait would close its ports.", "war", "hypothetical"),
        ("The lack of agreement between OPEC and Mexico worried traders.", "agreement", "negated"),
        (
            "Japanese purchases of American goods could rise sharply this year.",
            "purchases",
            "speculated",
        ),
        ("Soviet grain purchases from Washington fell last year.", "purchases", "asserted"),
        ("A meeting between the two foreign ministers is set for next week.", "meeting", "planned"),
        ("The proposed sale of fighter jets to Jordan angered Israel.", "sale", "planned"),
        ("Talks with Managua broke down on Friday.", "Talks", "asserted"),
        ("The sale of arms to Iran totalled 30 mln dlrs, the report said.", "sale", "reported"),
        ("Kohl's visit to Moscow next month will focus on trade.", "visit", "planned"),
        ("Dealers said a deal between Brazil and its creditors was likely.", "deal", "speculated"),
        (
            "Brazil held talks with its creditor banks in New York, a spokesman said.",
            "talks",
            "reported",
        ),
        ("Brazil will hold talks with its creditor banks next week.", "talks", "planned"),
        ("Brazil has not held talks with its creditor banks.", "talks", "negated"),
        ("Brazil may hold talks with its creditor banks.", "talks", "speculated"),
        (
            "Brazil will hold talks with the banks if the IMF approves its plan.",
            "talks",
            "hypothetical",
        ),
        (
            "The two countries signed a trade accord, the official news agency reported.",
            "accord",
            "reported",
        ),
        ("Japan will extend a loan of 50 bln yen to China.", "loan", "planned"),
        (
            "Japan extended a loan of 50 bln yen to China, Kyodo news agency said.",
            "loan",
            "reported",
        ),
        ("Japan is considering a loan to China.", "loan", "speculated"),
        ("Japan plans a loan to China.", "loan", "planned"),
        ("Japan has no plans for a new loan to China.", "loan", "negated"),
        (
            "An Iraqi attack on a Greek tanker was reported by shipping sources.",
            "attack",
            "reported",
        ),
        (
            "Cambodian troops remained on alert in case fighting erupts near the Thai border.",
            "remained",
            "asserted",
        ),
        (
            "Cambodian troops remained on alert in case fighting erupts near the Thai border.",
            "erupts",
            "hypothetical",
        ),
        ("Mogadishu said it will never stop its war on the rebels.", "war", "planned"),
        (
            "Envoys from Hanoi, Vientiane and, perhaps, Phnom Penh will meet here tomorrow.",
            "meet",
            "planned",
        ),
        (
            "Manila and the IMF have reached agreement on reforms, but tough talks are likely "
            "before the IMF lends more, a finance official told reporters.",
            "reached",
            "reported",
        ),
        ("Iraq attacked the island and officials said the raid was a success.", "attacked", "asserted"),
    ],
)
def test_factuality_of_the_event(nlp: Language, text: str, word: str, expected: str) -> None:
    level, cue_tokens = reading(nlp, text, word)
    assert level.value == expected, [t.text for t in cue_tokens]


def test_deciding_cue_comes_first(nlp: Language) -> None:
    level, toks = reading(
        nlp, "Diplomats said the two leaders could meet later this month.", "meet"
    )
    assert level is Factuality.SPECULATED
    assert toks[0].text == "could"
    assert "said" in [t.text for t in toks[1:]]  # the overruled attribution follows


def test_modality_beats_attribution_and_is_a_close_call(nlp: Language) -> None:
    r = reading(nlp, "Officials said Iraq may attack the island.", "attack")
    assert r[0] is Factuality.SPECULATED
    assert not r.close  # attribution under modality is no rival reading
    r2 = reading(nlp, "Officials said Iraq may not attack the island.", "attack")
    assert r2[0] is Factuality.NEGATED  # negation outranks speculation
    assert r2.close and close_call_penalty(r2) > 0


def test_condition_outranks_negation(nlp: Language) -> None:
    r = reading(
        nlp, "Brazil would not have stopped payments if the banks had lent more.", "stopped"
    )
    assert r[0] is Factuality.HYPOTHETICAL


def test_negation_of_another_clause_is_left_alone(nlp: Language) -> None:
    text = "Caracas will lend Quito crude, and the loan will not be tied to purchases."
    assert reading(nlp, text, "lend")[0] is Factuality.PLANNED
    assert reading(nlp, "The loan will not be tied to purchases of arms.", "loan")[0] is not (
        Factuality.NEGATED
    )
    assert reading(nlp, "The summit will not take place.", "summit")[0] is Factuality.NEGATED


def test_negated_report_is_not_a_negated_event(nlp: Language) -> None:
    r = reading(nlp, "The ministry did not say whether troops attacked the town.", "attacked")
    assert r[0] is not Factuality.NEGATED


def test_relative_clause_keeps_its_own_modals(nlp: Language) -> None:
    text = "Seoul condemned the attack, which could spoil the talks with Tokyo."
    assert reading(nlp, text, "condemned")[0] is Factuality.ASSERTED


def test_attribution_reaches_an_adverbial_clause(nlp: Language) -> None:
    text = "Iraq shelled Basra after Iran attacked its oil fields, officials said."
    assert reading(nlp, text, "attacked")[0] is Factuality.REPORTED


def test_user_file_moves_a_word_and_adds_a_list(tmp_path: Path, nlp: Language) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "adverbs:\n  speculated: [reportedly]\nconditionals: [supposing]\n", encoding="utf-8"
    )
    c = load_factuality([extra])
    assert c.adverbs["reportedly"] is Factuality.SPECULATED
    assert "supposing" in c.conditionals and "if" in c.conditionals
    assert cues().adverbs["reportedly"] is Factuality.REPORTED  # the built-in is untouched
    tok = trigger(nlp, "Rebels reportedly attacked the base.", "attacked")
    assert assess(tok, noun=False, table=c)[0] is Factuality.SPECULATED
    try:
        set_factuality([extra])
        assert assess(tok, noun=False)[0] is Factuality.SPECULATED
    finally:
        set_factuality(())
    assert assess(tok, noun=False)[0] is Factuality.REPORTED


@pytest.mark.parametrize(
    ("text", "fault"),
    [
        ("modals:\n  probable: [may]\n", "unknown level"),
        ("modal:\n  speculated: [may]\n", "unknown section"),
        ("conditionals: if\n", "list of words"),
        ("schema: 2\n", "schema"),
        ("- just\n- a list\n", "mapping"),
        ("modals: [\n", "not valid YAML"),
    ],
)
def test_bad_cue_files_are_refused_clearly(tmp_path: Path, text: str, fault: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DictionaryError, match=fault):
        load_factuality([bad])


def test_missing_cue_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="cannot read"):
        load_factuality([tmp_path / "absent.yaml"])


def test_close_call_lowers_the_event_confidence() -> None:
    plain = code("Test\nFrance will send aid to Mali.", published="2024-03-13")
    close = code("Test\nFrance may not send aid to Mali.", published="2024-03-13")
    a = next(e for e in plain if e.type == "AID")
    b = next(e for e in close if e.type == "AID")
    assert a.factuality is Factuality.PLANNED and b.factuality is Factuality.NEGATED
    assert b.confidence < a.confidence
    assert b.evidence.cues[0].text == "not"


def test_scores_per_class_and_macro() -> None:
    s = FactScore()
    for g, p in [("asserted", "asserted"), ("asserted", "reported"), ("reported", "reported")]:
        s.add(g, p)
    s.add("negated", "asserted", ambiguous=True)
    n, acc, f1, macro = s.figures(clear_only=True)
    assert (n, round(acc, 3)) == (3, 0.667)
    assert f1 == {"asserted": pytest.approx(2 / 3), "reported": pytest.approx(2 / 3)}
    assert macro == pytest.approx(2 / 3)
    n_all, _, f1_all, _ = s.figures(clear_only=False)
    assert n_all == 4 and f1_all["negated"] == 0.0
    assert "macro-F1" in "\n".join(s.render())


def test_halves_split_by_document_parity(tmp_path: Path) -> None:
    f = tmp_path / "fact.tsv"
    head = "marked_sentence\tgold_root\tfactuality\tambiguous\treuters_newid\n"
    rows = [
        "<s>Iraq</s> attacked <t>Iran</t>.\tASSAULT\tasserted\t0\t4\n",
        "<s>Iraq</s> may attack <t>Iran</t>.\tASSAULT\tspeculated\t1\t7\n",
    ]
    f.write_text(head + "".join(rows), encoding="utf-8")
    even = read_plv(f, half=Half.EVEN)
    odd = read_plv(f, half=Half.ODD)
    assert [r.factuality for r in even] == ["asserted"] and not even[0].ambiguous
    assert [r.factuality for r in odd] == ["speculated"] and odd[0].ambiguous


def test_label_file_reads_and_refuses_bad_rows(tmp_path: Path) -> None:
    good = tmp_path / "l.tsv"
    good.write_text("row\tfactuality\n3\treported\n", encoding="utf-8")
    assert read_labels(good) == {3: "reported"}
    bad = tmp_path / "b.tsv"
    bad.write_text("row\tfactuality\n3\tprobable\n", encoding="utf-8")
    with pytest.raises(BadInput, match="row number"):
        read_labels(bad)


def test_kept_labels_are_row_numbers_and_labels_only() -> None:
    labels = read_labels(ROOT / "benchmarks" / "labels" / "plv-factuality-150.tsv")
    assert len(labels) == 150
    text = (ROOT / "benchmarks" / "labels" / "plv-factuality-150.tsv").read_text(encoding="utf-8")
    assert all(len(line.split("\t")) == 2 for line in text.splitlines())


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        (
            "<s>Iraqi</s> warplanes attacked <t>Iranian</t> oil platforms in the Gulf, shipping sources said.",
            "reported",
        ),
        (
            "Shipping sources said <s>Iraqi</s> warplanes attacked <t>Iranian</t> oil platforms in the Gulf.",
            "reported",
        ),
        (
            "<s>Greece</s> urged <t>Turkey</t> to withdraw its survey ship from the Aegean.",
            "asserted",
        ),
        ("<s>Japan</s> said it rejected the proposal from <t>the EC</t>.", "asserted"),
        (
            "<s>Dutch traders</s> said they had sold 20,000 tonnes of sugar to <t>Iran</t>.",
            "reported",
        ),
        (
            "<s>The Soviet Union</s> will buy four mln tonnes of grain from <t>the United States</t>, the minister said.",
            "planned",
        ),
        (
            "Traders said <s>the Soviet Union</s> may buy more wheat from <t>Canada</t>.",
            "speculated",
        ),
        (
            "<s>Japan</s> is expected to cut its purchases of beef from <t>Australia</t>.",
            "speculated",
        ),
        ("<s>Japan</s> has not cut its purchases of beef from <t>Australia</t>.", "negated"),
        (
            "<s>Kabul</s> denied charges that it had shelled <t>Pakistani</t> border villages.",
            "negated",
        ),
        (
            "<s>Washington</s> will retaliate against <t>the EC</t> if the Community adopts the levy.",
            "hypothetical",
        ),
        (
            "Washington will retaliate if <s>the EC</s> imposes the levy on <t>American</t> oilseeds.",
            "hypothetical",
        ),
        (
            "<s>Venezuela</s> will lend <t>Ecuador</t> 50,000 barrels of oil a day, and the loan will not be tied to purchases.",
            "planned",
        ),
        ("<s>Seoul</s> may bow to <t>American</t> pressure on beef imports.", "speculated"),
        ("<s>Iraq</s> refused to sign the accord with <t>Iran</t>.", "asserted"),
        ("<s>Egypt</s> has agreed to buy wheat from <t>Canada</t>.", "asserted"),
        (
            "<s>Egypt</s> and <t>Canada</t> agreed to hold talks next week on wheat sales.",
            "planned",
        ),
        (
            "<s>Canadian</s> and <t>Egyptian</t> negotiators failed to reach an agreement on wheat sales.",
            "negated",
        ),
        ("<s>Brazil</s> is to resume talks with its <t>creditor banks</t> next month.", "planned"),
        (
            "There is speculation that <s>the Bundesbank</s> will cut rates to help <t>Washington</t>.",
            "speculated",
        ),
        ("<s>The EC</s> ruled out sanctions against <t>South Africa</t>.", "negated"),
        ("According to diplomats, <s>Iran</s> bought missiles from <t>China</t>.", "reported"),
        ("<s>Iran</s> reportedly bought missiles from <t>China</t>.", "reported"),
        ("<s>Iran</s> may have bought missiles from <t>China</t>, diplomats said.", "speculated"),
        ("<s>Thatcher</s> is due to visit <t>Moscow</t> in March.", "planned"),
        ("<s>Thatcher</s> is likely to visit <t>Moscow</t> in March.", "speculated"),
        ("<s>Bonn</s> is considering new credits for <t>Poland</t>.", "speculated"),
        ("<s>Bonn</s> has no plans to grant new credits to <t>Poland</t>.", "negated"),
        ("<s>The minister</s> criticised <t>Japan</t> for its trade surplus.", "asserted"),
        (
            "Officials said <s>the minister</s> criticised <t>Japan</t> for its trade surplus.",
            "reported",
        ),
        ("<s>France</s> condemned the attack on <t>the embassy</t>.", "asserted"),
        ("<s>Nakasone</s> will meet <t>Reagan</t> in Washington.", "planned"),
        ("<s>Nakasone</s> will not meet <t>Reagan</t> in Washington.", "negated"),
        (
            "<s>Tokyo</s> would impose tariffs on <t>American</t> goods unless Washington lifted its sanctions.",
            "hypothetical",
        ),
        (
            "<s>Iraq</s> attacked <t>Iran</t>'s Kharg island terminal, Iraq's news agency said.",
            "reported",
        ),
        (
            "<s>Japan</s> and <t>the United States</t> will hold talks on semiconductors next month, officials said.",
            "planned",
        ),
        (
            "<s>Japan</s>'s talks with <t>the United States</t> on semiconductors will resume next month.",
            "planned",
        ),
        (
            "The <s>Japanese</s> delegation will meet <t>American</t> officials on Monday.",
            "planned",
        ),
        (
            "<s>China</s> has bought 500,000 tonnes of wheat from <t>Australia</t>, the Australian Wheat Board said.",
            "reported",
        ),
        (
            "The Australian Wheat Board said <s>China</s> had bought 500,000 tonnes of wheat from <t>Australia</t>.",
            "reported",
        ),
        (
            "<s>Brazil</s> suspended interest payments to <t>foreign banks</t> in February.",
            "asserted",
        ),
        ("<s>Iran</s> plans to buy more arms from <t>China</t>.", "planned"),
        ("<s>The World Bank</s> approved a 300 mln dlr loan to <t>Nigeria</t>.", "asserted"),
        (
            "<s>The World Bank</s> is expected to approve a loan to <t>Nigeria</t> next week.",
            "speculated",
        ),
        ("<t>Nigeria</t> will receive a loan from <s>the World Bank</s>.", "planned"),
        ("A <s>Soviet</s> delegation is to visit <t>Tokyo</t> next week.", "planned"),
        ("<s>Britain</s> is sending a trade mission to <t>China</t> next month.", "planned"),
        ("The minister said <s>Japan</s> would import more beef from <t>Australia</t>.", "planned"),
        (
            "<s>Japanese</s> imports from <t>Australia</t> rose 10 pct in March, the ministry said.",
            "reported",
        ),
        ("<s>Iraq</s> said its jets hit an <t>Iranian</t> tanker in the Gulf.", "reported"),
        ("<s>Iraq</s> accused <t>Iran</t> of attacking its tankers.", "asserted"),
        ("<s>Iraq</s> accused <t>Iran</t> of attacking its tankers, the agency said.", "reported"),
        ("<s>Iran</s> denied that it had attacked a <t>Kuwaiti</t> tanker.", "negated"),
        (
            "<s>Saudi Arabia</s> will not sell oil below <t>OPEC</t> prices, the minister said.",
            "negated",
        ),
        ("<s>Saudi Arabia</s> could leave <t>OPEC</t>, analysts said.", "speculated"),
        ("<s>Saudi Arabia</s> would leave <t>OPEC</t> if the accord collapsed.", "hypothetical"),
        ("<s>Mexico</s> is ready to join <t>OPEC</t> in cutting output.", "planned"),
        (
            "<s>Kuwait</s> sold oil to <t>Japan</t> above official prices last month, according to traders.",
            "reported",
        ),
        (
            "<s>Kuwait</s> may have sold oil to <t>Japan</t> above official prices, traders said.",
            "speculated",
        ),
        (
            "<s>The United States</s> imposed tariffs on <t>Japanese</t> electronics last week.",
            "asserted",
        ),
        (
            "<s>The United States</s> will impose tariffs on <t>Japanese</t> electronics on April 17.",
            "planned",
        ),
        (
            "Diplomats say <s>Britain</s> can press the point because <t>the EC</t> is in a crisis.",
            "speculated",
        ),
    ],
)
def test_factuality_of_a_marked_dyad(nlp: Language, marked: str, expected: str) -> None:
    """What ``geopol eval plv`` scores: the factuality of the event between <s> and <t>."""
    text, spans = _strip(marked)
    doc = nlp(text)
    source, target = _span(doc, spans["s"]), _span(doc, spans["t"])
    assert source is not None and target is not None
    assert (classify(doc, source, target)[1] or "asserted") == expected


def test_halves_of_a_file_without_document_ids_split_by_row(tmp_path: Path) -> None:
    f = tmp_path / "plv.tsv"
    head = "marked_sentence\tgold_root\n"
    rows = [
        "<s>Iraq</s> attacked <t>Iran</t>.\tASSAULT\n",
        "<s>Chile</s> condemned <t>Peru</t>.\tACCUSE\n",
        "<s>Norway</s> sent aid to <t>Sudan</t>.\tAID\n",
    ]
    f.write_text(head + "".join(rows), encoding="utf-8")
    assert [r.n for r in read_plv(f, half=Half.EVEN)] == [1, 3]  # 0-based rows 0 and 2
    assert [r.n for r in read_plv(f, half=Half.ODD)] == [2]
