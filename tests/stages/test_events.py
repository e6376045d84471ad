"""The event coder on sentences we wrote: types, dyads, factuality, dates, alignment."""

from __future__ import annotations

from pathlib import Path

import pytest

from geopol.pipeline import code
from geopol.records import Event
from geopol_testkit import coded

PUB = "2024-03-13"  # a Wednesday


def events(text: str, published: str | None = PUB) -> list[Event]:
    return coded(text, published)


def find(evs: list[Event], type_: str, src: str | None, tgt: str | None = None) -> Event:
    for e in evs:
        if (
            e.type == type_
            and any(a.country == src for a in e.source)
            and (tgt is None or any(a.country == tgt for a in e.target))
        ):
            return e
    raise AssertionError(
        f"no {type_} {src}->{tgt} in {[(e.type, [a.code for a in e.source], [a.code for a in e.target]) for e in evs]}"
    )


@pytest.mark.parametrize(
    ("text", "type_", "src", "tgt"),
    [
        ("Russia and China held talks in Beijing.", "CONSULT", "RUS", "CHN"),
        (
            "Israeli jets launched an attack on Hezbollah positions in Lebanon.",
            "ASSAULT",
            "ISR",
            None,
        ),
        ("The European Union imposed sanctions against Iran.", "SANCTION", "IGO-EU", "IRN"),
        ("Japan provided humanitarian aid to Turkey after the earthquake.", "AID", "JPN", "TUR"),
        ("Ukraine accused Russia of shelling civilian areas.", "ACCUSE", "UKR", "RUS"),
        ("Iran rejected the proposal from France.", "REJECT", "IRN", None),
        ("Kenya was attacked by Somali militants.", "ASSAULT", "SOM", "KEN"),
        ("Poland urged Germany to send more tanks.", "REQUEST", "POL", "DEU"),
        ("Ukrainian President Volodymyr Zelensky visited Washington.", "CONSULT", "UKR", "USA"),
    ],
)
def test_types_and_dyads(text: str, type_: str, src: str, tgt: str | None) -> None:
    find(events(text), type_, src, tgt)


def test_nested_factuality_concern_asserted_supply_speculated() -> None:
    evs = events(
        "There is speculation about Iran potentially providing drones to Russia. "
        "The United States has expressed concerns about this possibility."
    )
    assert find(evs, "AID", "IRN", "RUS").factuality.value == "speculated"
    concern = find(evs, "ACCUSE", "USA")
    assert concern.factuality.value == "asserted"
    assert {a.country for a in concern.target} & {"IRN", "RUS"}


@pytest.mark.parametrize(
    ("text", "factuality"),
    [
        ("Egypt and Israel are set to hold talks on Monday.", "planned"),
        ("Egypt will hold talks with Israel next week.", "planned"),
        ("If Egypt were to attack Israel, the region would suffer.", "hypothetical"),
        ("Egypt did not attack Israel.", "negated"),
        ("Officials said Egypt attacked Israel.", "reported"),
        ("Egypt reportedly attacked Israel.", "reported"),
        ("Egypt may attack Israel.", "speculated"),
        ("Egypt attacked Israel.", "asserted"),
    ],
)
def test_factuality(text: str, factuality: str) -> None:
    evs = events(text)
    types = {"CONSULT", "ASSAULT"}
    hits = [e for e in evs if e.type in types and any(a.country == "EGY" for a in e.source)]
    assert hits, f"no event in {text!r}"
    assert hits[0].factuality.value == factuality


def test_reported_speech_keeps_embedded_event() -> None:
    evs = events("The United States said Russia attacked Ukraine.")
    e = find(evs, "ASSAULT", "RUS", "UKR")
    assert e.factuality.value == "reported"


def test_dates_resolve_against_publication() -> None:
    evs = events("The French president's arrival in Germany on Tuesday drew crowds.")
    e = find(evs, "CONSULT", "FRA", "DEU")
    assert e.date is not None and e.date.value == "2024-03-12"
    year = find(events("Iran provided missiles to Yemen's Houthis in 2022."), "AID", "IRN")
    assert year.date is not None and (year.date.value, year.date.precision) == ("2022", "year")


def test_relative_date_without_publication_date_stays_unresolved() -> None:
    evs = events("Kenya and Uganda signed a trade agreement yesterday.", published=None)
    e = find(evs, "SUPPORT", "KEN")
    assert e.date is None or e.date.value is None


def test_coordinated_sources_and_stated_alignment() -> None:
    from geopol.pipeline import code_article
    from geopol.text.reader import article_from_text

    coded = code_article(
        article_from_text(
            "Emerging economies draw closer on trade\nBrazil, India and South Africa are increasingly aligning on trade, while Canada, "
            "Australia and Britain keep their distance.",
            check_language=False,
        )
    )
    blocs = {frozenset(a.country for a in al.members) for al in coded.alignments}
    assert frozenset({"BRA", "IND", "ZAF"}) in blocs
    assert frozenset({"CAN", "AUS", "GBR"}) in blocs


def test_no_political_event_no_record() -> None:
    assert events("The weather was mild and the trains ran on time.") == []
    assert (
        events("Arsenal beat Chelsea 2-1 in the league match after a late goal from their striker.")
        == []
    )


def test_evidence_offsets_point_into_the_text() -> None:
    text = (
        "Test article\nTurkish troops attacked Kurdish militants near the Syrian border on Friday."
    )
    for e in code(text, published=PUB):
        assert text[e.evidence.trigger.start : e.evidence.trigger.end] == e.evidence.trigger.text
        for a in e.source + e.target:
            assert text[a.start : a.end] == a.text


# --- one event per trigger, sentence cues, dyads from the parse --------------------------------


def types_of(evs: list[Event]) -> set[str]:
    return {e.type for e in evs}


def test_content_of_a_request_is_not_a_second_event() -> None:
    evs = events("The United States urged Russia to withdraw its troops from Georgia.")
    find(evs, "REQUEST", "USA", "RUS")
    assert "RETREAT" not in types_of(evs)


def test_offer_to_send_troops_is_an_agreement_not_a_mobilization() -> None:
    evs = events("Australia offered to send troops to help the Philippines.")
    find(evs, "AGREE", "AUS")
    assert "MOBILIZE" not in types_of(evs)


def test_denial_keeps_the_denied_attack() -> None:
    evs = events("Russia denied attacking Ukraine.")
    find(evs, "ASSAULT", "RUS", "UKR")


def test_peacekeepers_are_military_aid() -> None:
    e = find(
        events("Japan is sending troops to the peacekeeping force in South Sudan."), "AID", "JPN"
    )
    assert e.mode == "military"
    assert e.cameo == "074"


def test_troops_without_peacekeeping_stay_a_mobilization() -> None:
    find(events("Japan is sending troops to South Sudan."), "MOBILIZE", "JPN")


def test_verb_object_noun_is_not_a_second_event() -> None:
    evs = events("Armenian militias violated the ceasefire with Azerbaijan.")
    find(evs, "ASSAULT", "ARM")
    assert "RETREAT" not in types_of(evs)


def test_suspension_of_aid_is_a_sanction() -> None:
    evs = events("Denmark announced a suspension of aid to Egypt.")
    find(evs, "SANCTION", "DNK", "EGY")
    assert "AID" not in types_of(evs)


def test_multiword_trigger_through_a_preposition() -> None:
    e = find(
        events("French rail workers went on strike against the government of France."),
        "PROTEST",
        "FRA",
    )
    assert e.mode == "strike"


def test_passive_without_agent_names_no_source() -> None:
    evs = events("Rwanda's minister said she hoped French officials would be indicted.")
    assert not [e for e in evs if e.type == "ACCUSE" and any(a.country == "RWA" for a in e.source)]


def test_received_weapons_from_swaps_the_roles() -> None:
    e = find(events("Georgian rebels received weapons from Russia."), "AID", "RUS", "GEO")
    assert e.mode == "military"


def test_warrant_for_targets_the_wanted() -> None:
    find(
        events("A court in Guyana issued arrest warrants for two Brazilian men."),
        "COERCE",
        "GUY",
        "BRA",
    )


def test_a_visit_needs_a_destination() -> None:
    evs = events("The British minister said it is going to be a difficult year.")
    assert "CONSULT" not in types_of(evs)


def test_plover_view_reads_imposed_sanctions_as_coerce() -> None:
    from geopol.events.cameo import plover_view

    assert plover_view("SANCTION", "discontinue", "asserted") == ("COERCE", "restrict")
    assert plover_view("SANCTION", "discontinue", "planned")[0] == "THREATEN"
    assert plover_view("SANCTION", "withdraw", "asserted") == ("SANCTION", "withdraw")


def test_retype_entries_are_checked() -> None:
    from geopol.errors import DictionaryError
    from geopol.events.lexicon import parse

    lex = parse(
        {
            "entries": [],
            "retype": [{"words": ["x"], "from": ["MOBILIZE"], "to": {"type": "AID"}}],
        },
        "t",
    )
    assert lex.retypes[0].rule.type == "AID"
    with pytest.raises(DictionaryError):
        parse(
            {"entries": [], "retype": [{"words": ["x"], "from": ["NOPE"], "to": {"type": "AID"}}]},
            "t",
        )


# ---------------------------------------------------------------- statements read off governing
# verbs, reciprocal pairs, visits to gatherings, located victims, targetless directed events


def _texts(e: Event) -> tuple[str, list[str], list[str]]:
    return (
        e.evidence.trigger.text,
        [s.text for s in e.evidence.source],
        [t.text for t in e.evidence.target],
    )


def test_reported_attack_is_also_the_speakers_accusation() -> None:
    text = "Germany said on Tuesday that Russian troops attacked Ukrainian villages."
    evs = events(text)
    attack = find(evs, "ASSAULT", "RUS")
    assert attack.factuality.value == "reported"
    acc = find(evs, "ACCUSE", "DEU", "RUS")
    assert acc.factuality.value == "asserted"
    assert acc.cameo_root == "11"
    trigger, sources, targets = _texts(acc)
    assert trigger == "said" and sources == ["Germany"] and targets == ["Russian troops"]
    body = "Test article\n" + text
    assert body[acc.evidence.trigger.start : acc.evidence.trigger.end] == "said"


def test_a_speaker_reporting_its_own_attack_accuses_nobody() -> None:
    evs = events("Russia said its troops attacked Ukrainian positions near Kharkiv.")
    assert "ACCUSE" not in types_of(evs)


def test_reported_cooperation_is_no_accusation() -> None:
    evs = events("Chile said that Peru sent aid to Bolivia.")
    find(evs, "AID", "PER", "BOL")
    assert "ACCUSE" not in types_of(evs)


def test_compound_reciprocal_subject_gives_every_ordered_pair() -> None:
    from geopol.formats.rows import dyad_rows

    evs = [
        e for e in events("France, Italy and Spain met in Rome on Monday.") if e.type == "CONSULT"
    ]
    pairs = {(r["source_country"], r["target_country"]) for e in evs for r in dyad_rows(e)}
    countries = {"FRA", "ITA", "ESP"}
    assert pairs == {(a, b) for a in countries for b in countries if a != b}


def test_two_actors_meeting_are_a_dyad_both_ways() -> None:
    evs = events("Kenya and Uganda held talks.")
    find(evs, "CONSULT", "KEN", "UGA")
    find(evs, "CONSULT", "UGA", "KEN")


def test_wanting_another_actor_to_act_is_an_appeal() -> None:
    evs = events("Canada wants Brazil to send aid to Haiti.")
    req = find(evs, "REQUEST", "CAN", "BRA")
    assert req.cameo_root == "02"
    assert req.factuality.value == "asserted"
    assert find(evs, "AID", "BRA", "HTI").factuality.value == "planned"


def test_demanding_verbs_are_demands() -> None:
    evs = events("Argentina demanded that Chile withdraw its troops from the border.")
    assert find(evs, "REQUEST", "ARG", "CHL").cameo_root == "10"


def test_stated_will_to_attack_is_a_threat() -> None:
    for text in ("Pakistan vowed to strike India.", "Pakistan wants to attack India."):
        evs = events(text)
        threat = find(evs, "THREATEN", "PAK", "IND")
        assert threat.cameo == "138"
        assert threat.factuality.value == "asserted"
        assert "REQUEST" not in types_of(evs)


def test_saying_it_would_not_cooperate_is_a_rejection() -> None:
    evs = events("Japan said it would not give loans to Argentina.")
    rej = find(evs, "REJECT", "JPN", "ARG")
    assert rej.cameo == "121"
    assert rej.factuality.value == "asserted"
    assert find(evs, "AID", "JPN", "ARG").factuality.value == "negated"
    assert rej.evidence.trigger.text == "not give"


def test_a_plain_negation_is_no_rejection() -> None:
    evs = events("Japan did not give loans to Argentina last year.")
    assert "REJECT" not in types_of(evs)


def test_target_inside_a_passive_subject() -> None:
    evs = events("New evidence against Syria was presented to the council by France.")
    find(evs, "ACCUSE", "FRA", "SYR")


def test_attending_a_gathering_abroad_is_a_visit() -> None:
    e = find(
        events("The Kenyan president will attend a conference in Germany next week."),
        "CONSULT",
        "KEN",
        "DEU",
    )
    assert e.cameo == "042"
    assert e.factuality.value == "planned"


def test_a_gathering_at_home_is_no_visit() -> None:
    evs = events("The German chancellor attended a conference in Germany.")
    assert not [e for e in evs if e.cameo == "042"]


def test_unnamed_victims_take_the_country_of_the_attack() -> None:
    e = find(
        events("Five villagers were killed in a Turkish air strike in northern Iraq."),
        "ASSAULT",
        "TUR",
        "IRQ",
    )
    assert all(a.country == "IRQ" for a in e.target)


def test_accusation_addressed_to_nobody_is_dropped() -> None:
    evs = events("Iran condemned the decision on Tuesday.")
    assert "ACCUSE" not in types_of(evs)


def test_request_and_refusal_codes_follow_what_is_asked_or_refused() -> None:
    appeal = find(events("Norway urged Sudan to release the detained reporters."), "REQUEST", "NOR")
    assert appeal.cameo == "025"
    refusal = find(events("Iran refused to meet France's envoy."), "REJECT", "IRN", "FRA")
    assert refusal.cameo == "125"


def test_visit_during_which_the_subject_acts() -> None:
    e = find(
        events("The Chinese foreign minister held talks with officials during a visit to Kenya."),
        "CONSULT",
        "CHN",
        "KEN",
    )
    assert e.cameo == "042"


def test_no_accusation_for_a_predicted_or_denied_attack() -> None:
    for text in (
        "Germany said Russian troops would attack Ukrainian villages.",
        "Germany said Russian troops did not attack Ukrainian villages.",
    ):
        assert "ACCUSE" not in types_of(events(text))


def test_not_wanting_is_no_appeal() -> None:
    assert "REQUEST" not in types_of(events("Canada does not want Brazil to send aid to Haiti."))


def test_target_is_the_country_a_place_belongs_to() -> None:
    for text in (
        "Turkish jets bombed a government-held part of Iraq's second city.",
        "Turkish jets bombed the oil refineries in northern Iraq.",
    ):
        find(events(text), "ASSAULT", "TUR", "IRQ")


def test_insisting_on_a_fact_asks_nobody() -> None:
    evs = events("Turkey insisted that Greece is responsible for the dispute.")
    assert not [e for e in evs if e.type == "REQUEST" and e.target]
@pytest.mark.parametrize(
    ("text", "type_", "mode", "src", "tgt"),
    [
        # the parser splits a hyphenated noun: "cease - fire"
        (
            "The Colombian army announced a week-long cease-fire with the rebels on Monday.",
            "RETREAT",
            "ceasefire",
            "COL",
            None,
        ),
        ("Japan handed over medical equipment and medicines to Nepal.", "AID", "humanitarian", "JPN", "NPL"),
        ("Canada provided logistical support to Haiti.", "AID", None, "CAN", "HTI"),
        ("The United States reduced tariffs on Vietnamese exports.", "RETREAT", None, "USA", "VNM"),
        ("The United States deported a Mexican businessman on Friday.", "COERCE", "deport", "USA", "MEX"),
        ("Iran quit the negotiations with France.", "REJECT", "meet", "IRN", "FRA"),
        ("Sweden sent election observers to Georgia.", "AID", None, "SWE", "GEO"),
        ("Turkey gave Sweden a deadline to extradite the suspects.", "THREATEN", "relations", "TUR", None),
        ("Iran executed a British national on Saturday.", "ASSAULT", "beat", "IRN", "GBR"),
        ("Serbia will seek peace with Kosovo.", "AGREE", None, "SRB", "XKX"),
        ("Kenya sought aid from Japan.", "REQUEST", "assist", "KEN", "JPN"),
        ("Belarusian police beat the journalists.", "ASSAULT", "beat", "BLR", None),
        # force against protesters is violent repression (CAMEO 175)
        ("Belarusian police beat the protesters.", "ASSAULT", "crowd-control", "BLR", None),
    ],
)
def test_vocabulary(text: str, type_: str, mode: str | None, src: str, tgt: str | None) -> None:
    assert find(events(text), type_, src, tgt).mode == mode


def test_verbal_support_stays_support() -> None:
    evs = events("Canada provided political support to the Haitian government.")
    assert "SUPPORT" in types_of(evs) and "AID" not in types_of(evs)


def test_stance_section_is_read_and_merged(tmp_path: Path) -> None:
    from geopol.errors import DictionaryError
    from geopol.events.lexicon import load, parse

    base = load()
    assert "say" in base.stance.speech and "must" in base.stance.demand
    assert base.stance.demand_rule is not None and base.stance.demand_rule.type == "REQUEST"
    assert base.stance.blame_rule is not None and base.stance.blame_rule.type == "ACCUSE"
    user = tmp_path / "mine.yaml"
    user.write_text("entries: []\nstance:\n  speech: [whisper]\n", encoding="utf-8")
    merged = load((str(user),))
    assert {"whisper", "say"} <= merged.stance.speech
    assert merged.stance.demand_rule == base.stance.demand_rule
    with pytest.raises(DictionaryError):
        parse({"entries": [], "stance": {"demand": {"words": ["must"]}}}, "t")


def test_experts_sent_to_investigate_are_no_troops() -> None:
    evs = events("Spain sent a team of experts to investigate Morocco over the crash.")
    assert "MOBILIZE" not in types_of(evs) and "ACCUSE" in types_of(evs)


def test_executing_a_plan_is_no_killing() -> None:
    assert "ASSAULT" not in types_of(events("Iran executed the plan to build a dam with Iraq."))


def test_releasing_a_document_is_no_release_of_people() -> None:
    assert "RETREAT" not in types_of(events("Russia released a report on Poland's border guards."))
    assert "RETREAT" not in types_of(events("A report released by Kenya blamed Uganda."))
    find(events("Israel released 50 Palestinian prisoners."), "RETREAT", "ISR", "PSE")


def test_deepening_ties_is_intent_to_cooperate_both_ways() -> None:
    evs = events("Brazil and Argentina are seeking to deepen their partnership in energy.")
    e = find(evs, "AGREE", "BRA", "ARG")
    assert e.factuality.value == "planned"
    find(evs, "AGREE", "ARG", "BRA")
    find(events("India wants to strengthen ties with Japan."), "AGREE", "IND", "JPN")


def test_own_possessive_object_gives_way_to_a_named_target() -> None:
    find(events("China increased its aid to Kenya."), "AID", "CHN", "KEN")


def test_light_verb_subject_does_the_event_a_modifier_names_the_target() -> None:
    find(events("Japan offered Ukraine new aid."), "AID", "JPN", "UKR")
    # with its own target the modifier stays the doer
    find(events("It could escalate the Western sanctions against Iran."), "SANCTION", "WST", "IRN")


def test_the_coder_codes_demands_and_blame_stated_in_speech() -> None:
    e = find(events("Russia said Israel must end the strikes on Gaza."), "REQUEST", "RUS", "ISR")
    assert e.factuality.value == "asserted"
    find(events("Egypt said Sudan was behind the bombing."), "ACCUSE", "EGY", "SDN")
    assert "ACCUSE" not in types_of(events("Egypt said Sudan was not behind the bombing."))


def test_a_show_of_force_staged_together_is_military_cooperation() -> None:
    evs = events("China and Russia staged military exercises near Japan.")
    assert "MOBILIZE" not in types_of(evs)
    assert find(evs, "COOPERATE", "CHN", "RUS").cameo == "062"
    find(evs, "COOPERATE", "RUS", "CHN")
    find(events("Russia held naval drills."), "MOBILIZE", "RUS")


def test_transnational_armed_groups_source_events() -> None:
    e = find(events("Islamic State fighters attacked a Kurdish checkpoint in Iraq."), "ASSAULT", "IMG-IS")
    assert e.source[0].sector == "REB"


def test_unnamed_insurgents_take_the_country_they_are_placed_in() -> None:
    e = find(events("Insurgents attacked an army base in northern Mali."), "ASSAULT", "MLI", "MLI")
    assert "sentence-place" in e.source[0].how
    # a country they attack is not theirs
    evs = events("Militants fired rockets at Israel.")
    assert not [e for e in evs if any(a.country == "ISR" for a in e.source)]


def test_an_agreement_commits_its_maker_to_the_promised_event() -> None:
    evs = events("Canada has agreed to lift the sanctions on Cuba.")
    agree = find(evs, "AGREE", "CAN", "CUB")
    assert agree.cameo == "0354" and agree.factuality == "asserted"
    lift = find(evs, "RETREAT", "CAN", "CUB")
    assert lift.factuality == "planned"


def test_what_others_are_to_do_is_no_promise_of_the_maker() -> None:
    evs = events("Peru agreed to let Chile send inspectors to the mine.")
    assert not [e for e in evs if e.type != "AGREE" and any(a.country == "PER" for a in e.source)]


def test_stated_intent_to_cooperate_is_an_agreement() -> None:
    evs = events("Norway announced it would free 20 Russian fishermen next week.")
    agree = find(evs, "AGREE", "NOR", "RUS")
    assert agree.cameo == "0353"
    assert find(evs, "RETREAT", "NOR", "RUS").factuality == "planned"
    assert find(events("Ghana wants to help Togo rebuild its roads."), "AGREE", "GHA", "TGO").cameo.startswith("03")


def test_saying_what_someone_else_will_do_is_no_intent() -> None:
    evs = events("Spain said Morocco will free the detained sailors.")
    assert not [e for e in evs if e.type == "AGREE" and any(a.country == "ESP" for a in e.source)]


def test_missiles_aimed_at_a_target_are_an_attack_a_launch_alone_is_a_test() -> None:
    assert find(events("Syria launched missiles at Turkish positions."), "ASSAULT", "SYR", "TUR").cameo == "195"
    assert find(events("Iran launched two ballistic missiles on Tuesday."), "MOBILIZE", "IRN").cameo == "152"


def test_an_attack_from_a_place_is_sourced_to_its_country() -> None:
    evs = events("Lebanon said rockets were fired at it from Syria overnight.")
    attack = find(evs, "ASSAULT", "SYR", "LBN")
    assert attack.source[0].how == "place-of-origin"
    find(evs, "ACCUSE", "LBN", "SYR")


def test_foreign_protesters_protest_to_the_host_government() -> None:
    e = find(events("Kenyan students staged a protest in Kampala on Monday."), "PROTEST", "KEN", "UGA")
    assert e.target[0].how == "place-of-event" and e.target[0].sector == "GOV"
    home = find(events("Ugandan students staged a protest in Kampala on Monday."), "PROTEST", "UGA")
    assert not home.target


def test_travel_warnings_reduce_relations() -> None:
    e = find(events("Australia advised against travel to Fiji after the riots."), "SANCTION", "AUS", "FJI")
    assert e.cameo == "160"


def test_an_officials_visit_to_a_sporting_event_abroad_is_a_visit() -> None:
    e = find(events("The French president will attend the Tokyo Olympics."), "CONSULT", "FRA", "JPN")
    assert e.cameo == "042" and e.factuality == "planned"


def test_a_gathering_named_after_an_organisation_visits_the_host() -> None:
    find(events("Brazil's president attended the G20 summit in Rome."), "CONSULT", "BRA", "ITA")


def test_a_direction_and_a_country_resolve_to_that_country() -> None:
    from geopol.pipeline import code_article
    from geopol.records import Article

    coded = code_article(Article(title="", body="Clashes continued in Eastern Chad on Friday.", path="t"))
    assert [p.country for p in coded.places if p.text == "Eastern Chad"] == ["TCD"]


def test_deaths_in_an_accident_are_no_attack() -> None:
    evs = events("Eleven passengers were killed by the Air Zambia crash near Lusaka.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_victims_of_an_attack_by_a_named_group_are_its_targets() -> None:
    evs = events("Six Nigerian soldiers were killed in an ambush by Boko Haram fighters.")
    find(evs, "ASSAULT", "NGA", "NGA")
    assert any(a.sector == "REB" for e in evs for a in e.source)


def test_forces_owned_by_a_pronoun_take_its_antecedents_country() -> None:
    e = find(events("Chad said its forces struck targets in Khartoum."), "ASSAULT", "TCD", "SDN")
    assert e.source[0].sector == "MIL" and "owner:its" in e.source[0].how


def test_a_bare_place_attacked_stands_for_its_country() -> None:
    e = find(events("Turkish jets shelled Kirkuk on Monday."), "ASSAULT", "TUR", "IRQ")
    assert e.target[0].how == "place-as-target"


def test_non_state_speakers_reporting_their_own_states_forces_accuse_them() -> None:
    evs = events("Syrian opposition activists said government forces shelled a village near Idlib.")
    accuse = find(evs, "ACCUSE", "SYR", "SYR")
    assert (accuse.source[0].sector, accuse.target[0].sector) == ("OPP", "MIL")
    assert not [e for e in events("Chad said its forces struck targets in Khartoum.") if e.type == "ACCUSE"]


def test_gunmen_take_the_country_where_they_act_not_the_one_they_target() -> None:
    e = find(events("Gunmen killed four police officers in eastern Chad on Sunday."), "ASSAULT", "TCD", "TCD")
    assert e.source[0].sector == "UAF"
    evs = events("Analysts said terrorists wanted to attack Norway.")
    assert not [e for e in evs if any(a.sector == "UAF" and a.country for a in e.source)]


def test_the_claimant_of_an_attack_did_it_where_it_happened() -> None:
    e = find(events("Islamic State claimed responsibility for the bombing in Brussels."), "ASSAULT", "IMG-IS", "BEL")
    assert e.target[0].how == "place-as-target"


def test_victims_of_a_participle_attack_take_the_country_of_the_attack() -> None:
    evs = events("Coalition jets from Saudi Arabia bombed a market in Yemen, killing 20 people.")
    kill = [e for e in evs if e.evidence.trigger.text == "killing"]
    assert kill and kill[0].target and kill[0].target[0].country == "YEM"


def test_unnamed_protesters_take_the_country_of_the_protest() -> None:
    e = find(events("Thousands of people marched in Tbilisi on Sunday."), "PROTEST", "GEO")
    assert e.source[0].how.endswith("place-of-protest")


def test_a_counterpart_is_not_the_possessors_own() -> None:
    find(events("Iran's foreign minister met his Saudi counterpart in Beijing."), "CONSULT", "IRN", "SAU")
    evs = events("Iran's foreign minister met his counterpart in Beijing.")
    assert not [e for e in evs if any(a.country == "IRN" for a in e.target)]


def test_an_institution_is_an_it() -> None:
    e = find(events("The Israeli military said it had carried out strikes on Hezbollah targets."), "ASSAULT", "ISR", "LBN")
    assert e.source[0].sector == "MIL"


def test_hostages_taken_are_an_abduction_and_a_missile_fired_at_nothing_a_test() -> None:
    e = find(events("Gunmen from Mali took ten hostages in northern Niger."), "ASSAULT", "MLI")
    assert e.mode == "abduct"
    assert find(events("Iran fired a cruise missile on Friday."), "MOBILIZE", "IRN").cameo == "152"


def test_a_truce_brokered_between_parties_targets_them() -> None:
    evs = events("Norway brokered a truce between Colombia and Venezuela.")
    e = find(evs, "AGREE", "NOR", "COL")
    assert {a.country for a in e.target} == {"COL", "VEN"}


def test_the_doers_own_thing_is_no_target_but_where_it_goes_is() -> None:
    e = find(events("Peru recalled its ambassador to Bolivia."), "SANCTION", "PER", "BOL")
    assert all(a.country != "PER" for a in e.target)
    # recalling one's own envoy from nobody named is no sanction of anyone (and not of Peru)
    assert not any(e.type.value == "SANCTION" for e in events("Peru recalled its envoy."))
    find(events("Turkey boosted its presence near Syria."), "MOBILIZE", "TUR", "SYR")


def test_being_ready_to_meet_is_an_intent_to_meet() -> None:
    e = find(events("Armenia is ready to hold talks with Azerbaijan."), "AGREE", "ARM", "AZE")
    assert e.cameo == "036"


def test_unnamed_troops_sent_leave_the_destination_as_target() -> None:
    find(events("Serbia threatened to send troops to Kosovo."), "THREATEN", "SRB", "XKX")


def test_people_arrested_take_the_country_of_the_arrest() -> None:
    find(events("Police arrested dozens of protesters in Nairobi on Tuesday."), "COERCE", "KEN", "KEN")


def test_suspending_support_is_a_sanction() -> None:
    e = find(events("The European Union suspended budget support to Mali after the coup."), "SANCTION", "IGO-EU", "MLI")
    assert e.cameo == "161"


def test_reaching_a_goal_is_no_meeting_and_considering_is_no_agreement() -> None:
    evs = events("Portugal said it would meet its deficit target and was considering new taxes.")
    assert not [e for e in evs if e.type in ("CONSULT", "AGREE")]


def test_an_it_after_a_company_is_not_a_nearby_institution() -> None:
    evs = events("Yukos is due in a Texas court on Thursday as it continues to fight for its survival.")
    assert not [e for e in evs if e.type == "ASSAULT"]


def test_a_named_actor_beside_a_possessive_stays_the_target() -> None:
    find(events("Ethiopia threatened its neighbour Eritrea."), "THREATEN", "ETH", "ERI")


def test_talks_are_coded_in_both_directions() -> None:
    evs = events("The US envoy held talks with President Michel Aoun of Lebanon.")
    there, back = find(evs, "CONSULT", "USA", "LBN"), find(evs, "CONSULT", "LBN", "USA")
    assert there.evidence.trigger == back.evidence.trigger
    # a visit has a direction: the host does not visit
    evs = events("President Macron visited Nigeria on Tuesday.")
    find(evs, "CONSULT", "FRA", "NGA")
    assert not [e for e in evs if any(a.country == "NGA" for a in e.source)]


def test_a_host_hosts_the_visit_it_receives() -> None:
    # the guest visits (CAMEO 042) and the host hosts (043): both directions, two codes
    evs = events("The Kenyan president received his Ugandan counterpart in Nairobi on Monday.")
    assert find(evs, "CONSULT", "UGA", "KEN").cameo == "042"
    assert find(evs, "CONSULT", "KEN", "UGA").cameo == "043"
    evs = events("Chile will host Peru's foreign minister next week.")
    assert find(evs, "CONSULT", "PER", "CHL").cameo == "042"
    assert find(evs, "CONSULT", "CHL", "PER").cameo == "043"


def test_a_purpose_clause_pronoun_is_the_one_the_verb_acted_on() -> None:
    # "called X to congratulate him": the congratulation is X's too
    evs = events("The Norwegian premier phoned the new Finnish president to congratulate him.")
    find(evs, "CONSULT", "NOR", "FIN")
    assert find(evs, "SUPPORT", "NOR", "FIN").cameo == "051"
    evs = events("The Greek minister met the Turkish ambassador to condemn them over the raid.")
    find(evs, "ACCUSE", "GRC", "TUR")
    # no pronoun: the purpose clause names its own target or none
    evs = events("The Polish president visited Lithuania to attend a festival.")
    assert not [e for e in evs if e.type == "SUPPORT"]


def test_granting_a_request_is_a_concession_to_whoever_made_it() -> None:
    # a light verb whose entry names its object acts on that object ("approved a request")
    evs = events("The Polish defence minister approved a request from the Lithuanian government.")
    find(evs, "CONCEDE", "POL", "LTU")
    assert not [e for e in evs if e.type == "REQUEST"]
    evs = events("The Chilean president honoured a request by Bolivia to reopen the border post.")
    find(evs, "CONCEDE", "CHL", "BOL")
    # an event noun the entry does not name stays the trigger ("launched an attack")
    evs = events("Syrian forces launched a rocket attack on Turkish positions.")
    find(evs, "ASSAULT", "SYR", "TUR")


def test_a_meeting_in_a_third_country_is_a_visit_there() -> None:
    evs = events("The foreign ministers of Armenia and Azerbaijan will meet in Geneva next week.")
    visit = find(evs, "CONSULT", "ARM", "CHE")
    assert visit.cameo == "042" and visit.factuality == "planned"
    assert visit.target[0].how == "place-of-meeting"
    find(evs, "CONSULT", "AZE", "CHE")
    # at home, nobody travels
    evs = events("Chancellor Scholz met Italian Prime Minister Meloni in Berlin.")
    assert not [e for e in evs if e.cameo == "042" and e.source[0].country == "DEU"]


def test_a_published_text_speaks_for_its_issuer() -> None:
    e = find(
        events("A report released on Monday in the Kenyan capital alleged that Uganda armed the rebels."),
        "ACCUSE",
        "KEN",
        "UGA",
    )
    assert e.cameo.startswith("11")
    find(events("A statement issued by the Iranian foreign ministry condemned the raid on Syria."), "ACCUSE", "IRN")


def test_pressure_received_comes_from_the_one_who_presses() -> None:
    evs = events("The Greek government faces mounting pressure from Germany to cut spending.")
    find(evs, "REQUEST", "DEU", "GRC")
    # what the pressed side is asked to do is not the presser's act
    assert not [e for e in evs if e.type != "REQUEST" and any(a.country == "DEU" for a in e.source)]
    find(events("Venezuela came under pressure from Brazil."), "REQUEST", "BRA", "VEN")


def test_protesters_violence_is_a_violent_protest() -> None:
    e = find(events("The Danish embassy was torched by Syrian protesters."), "PROTEST", "SYR", "DNK")
    assert e.cameo == "145"
    # armed attacks by protesters stay attacks
    e = find(events("Georgian demonstrators fired rockets at the Russian embassy."), "ASSAULT", "GEO", "RUS")


def test_forces_killed_abroad_by_nobody_named_were_attacked_from_there() -> None:
    e = find(events("Four French soldiers were killed in Mali on Sunday."), "ASSAULT", "MLI", "FRA")
    assert e.source[0].how == "place-of-attack"
    # civilians abroad are not assumed attacked by the country they were in
    evs = events("Two Canadian tourists were killed in Peru on Sunday.")
    assert not [e for e in evs if any(a.country == "PER" for a in e.source)]


def test_unnamed_armed_groups_take_the_country_where_they_acted() -> None:
    # the direction (ACLED's convention): unnamed militants attacking a district on
    # the ground acted inside its country
    e = find(events("Insurgents shelled a government-held district of Aleppo overnight."), "ASSAULT", "SYR", "SYR")
    assert e.source[0].code == "SYRREB"
    # acting on nobody named: no event
    assert not events("Gunmen opened fire overnight.")


def test_a_protest_by_a_stadium_is_kept_in_a_sport_sentence() -> None:
    evs = events(
        "Swedish activists staged a protest in Doha near the stadium where the World Cup final "
        "will be played, unfurling banners before the match."
    )
    find(evs, "PROTEST", "SWE", "QAT")


def test_a_military_exercise_abroad_is_aimed_at_the_host() -> None:
    e = find(events("Russia is conducting military exercises in Venezuela."), "MOBILIZE", "RUS", "VEN")
    assert e.target[0].how == "place-of-event"


def test_an_amount_in_aid_goes_to_its_recipient() -> None:
    e = find(events("Norway pledged 200 million crowns in humanitarian aid to Yemen."), "AID", "NOR", "YEM")
    assert e.cameo == "073"


def test_a_shot_at_a_ship_is_aimed_at_its_flag_state() -> None:
    find(events("Iranian boats fired warning shots at a British tanker."), "ASSAULT", "IRN", "GBR")


def test_mediators_act_on_both_parties() -> None:
    evs = events("Egypt and Qatar are mediating between Israel and Hamas.")
    e = find(evs, "AGREE", "EGY", "ISR")
    assert {a.country for a in e.target} == {"ISR", "PSE"}


def test_fighting_between_two_sides_is_coded_both_ways() -> None:
    evs = events("Fighting broke out between Kyrgyzstan and Tajikistan on Wednesday.")
    find(evs, "ASSAULT", "KGZ", "TJK")
    find(evs, "ASSAULT", "TJK", "KGZ")


def test_a_visit_to_a_place_targets_its_country() -> None:
    e = find(events("The Saudi foreign minister visited the West Bank on Sunday."), "CONSULT", "SAU", "PSE")
    assert e.target[0].how == "place-visited"
    # a visit at home is no dyad
    assert not [e for e in events("Biden visited Texas.") if e.target]


def test_a_military_aid_package_is_military_aid() -> None:
    e = find(events("The Pentagon announced a new $300 million military aid package for Taiwan."), "AID", "USA", "TWN")
    assert e.cameo == "072"


def test_a_participle_result_is_as_sure_as_its_attack() -> None:
    evs = events("Russian forces shelled the city of Kharkiv, killing two civilians, Ukrainian officials said.")
    kill = [e for e in evs if e.evidence.trigger.text == "killing"]
    assert kill and kill[0].factuality == "reported" and kill[0].target[0].country == "UKR"


def test_what_is_wanted_is_planned_but_what_is_ordered_is_done() -> None:
    evs = events("Canada wants Brazil to send aid to Haiti.")
    aid = [e for e in evs if e.type == "AID"]
    assert aid and all(e.factuality == "planned" for e in aid)
    evs = events("Mali's junta ordered French troops to leave the country.")
    leave = [e for e in evs if e.evidence.trigger.text == "leave"]
    assert leave and leave[0].factuality == "asserted"


def test_traded_accusations_are_accusations_both_ways() -> None:
    evs = events("Ethiopia and Eritrea traded accusations over the border.")
    find(evs, "ACCUSE", "ETH", "ERI")
    find(evs, "ACCUSE", "ERI", "ETH")
    assert "COOPERATE" not in types_of(evs)


def test_talks_on_a_country_do_not_target_it() -> None:
    evs = events("China and Russia held talks on Ukraine.")
    find(evs, "CONSULT", "CHN", "RUS")
    assert not [e for e in evs if any(a.country == "UKR" for a in e.source + e.target)]


def test_a_denial_does_not_swallow_an_accusation() -> None:
    evs = events("Iran denied accusing Saudi Arabia of the attack.")
    assert find(evs, "ACCUSE", "IRN", "SAU").factuality == "negated"


def test_revoking_a_cooperation_agreement_reduces_relations() -> None:
    e = find(events("Niger revoked its military cooperation agreement with the United States."), "SANCTION", "NER", "USA")
    assert e.cameo.startswith("16")


def test_in_exchange_for_is_no_event() -> None:
    evs = events("Hamas released three Thai hostages in exchange for 50 Palestinian prisoners.")
    find(evs, "RETREAT", "PSE", "THA")
    assert "COOPERATE" not in types_of(evs)
