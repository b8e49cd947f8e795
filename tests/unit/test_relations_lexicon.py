"""The widened cue lexicon (issue 14, point 3) and the nominal-event slots, each
cue class on sentences written for these tests: what it must read, the sense
it must not read, and that negation or hypothesis keeps it from being a fact.

Real pipeline (spaCy + gazetteer + resolve + relations), since the cues are
only meaningful on real parses. The CAMEO/PLOVER source of each cue is in
docs/lexicon.md.
"""

from __future__ import annotations

import ast
import collections
from pathlib import Path

import pytest

from graph.models import Article, Claim, Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, Polarity
from ingest.extract import Extractor
from ingest.relations.lexicon import NOUN_CUES, VERB_CUES


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"test:{hash(text)}", text=text))


def triples(e: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject_id, c.type, c.object_id) for c in e.claims}


def facts(e: Extraction) -> set[tuple[str, str, str]]:
    return {
        (c.subject_id, c.type, c.object_id)
        for c in e.claims
        if c.polarity == Polarity.AFFIRMED and c.modality in DEFAULT_FACT_MODALITIES
    }


def of_type(e: Extraction, rtype: str) -> list[Claim]:
    return [c for c in e.claims if c.type == rtype]


# --- the table itself ------------------------------------------------------------------
def test_cue_conditions_name_real_slots() -> None:
    slots = {"dobj", "ctl", "dative", "iobj", "owner", "mutual", "xobj"}
    for lemma, cues in VERB_CUES.items():
        for cue in cues:
            for slot in cue.objects:
                assert slot in slots or slot.startswith("prep:"), (lemma, slot)
            if "owner" in cue.objects:
                assert cue.requires_dobj is not None, f"{lemma}: an owner slot needs the noun it owns"
    for lemma, ncues in NOUN_CUES.items():
        for ncue in ncues:
            assert all(s.startswith("prep:") for s in ncue.objects), lemma


def test_no_cue_lemma_is_listed_twice() -> None:
    # a repeated key in a dict literal silently drops the first entry's cues
    from ingest.relations import lexicon

    tree = ast.parse(Path(lexicon.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated = [k for k, n in collections.Counter(keys).items() if n > 1]
            assert not repeated, repeated


# --- DEMANDS (CAMEO 10, 02; PLOVER REQUEST) ----------------------------------------------
def test_ask_to_is_a_demand_ask_about_is_not(extractor: Extractor) -> None:
    e = run(extractor, "Germany asked Russia to release the prisoners.")
    assert ("DEU", "DEMANDS", "RUS") in facts(e)
    e = run(extractor, "Germany asked Russia about the prisoners.")
    assert not of_type(e, "DEMANDS")


def test_call_on_upon_and_call_for_to(extractor: Extractor) -> None:
    assert ("FRA", "DEMANDS", "TUR") in facts(run(extractor, "France called upon Turkey to halt the drilling."))
    e = run(extractor, "The European Union called for the government of Ukraine to reduce corruption.")
    assert ("org:european-union", "DEMANDS", "UKR") in facts(e)
    # "called for" without a clause names a thing asked for, not an addressee
    assert not of_type(run(extractor, "Greece called for Turkish restraint."), "DEMANDS")


def test_demand_from_on_the_object(extractor: Extractor) -> None:
    e = run(extractor, "Germany demanded an explanation from Russia.")
    assert ("DEU", "DEMANDS", "RUS") in facts(e)


def test_press_needs_a_complement(extractor: Extractor) -> None:
    assert ("USA", "DEMANDS", "IRQ") in facts(run(extractor, "The United States pressed Iraq to protect the embassy."))
    assert not of_type(run(extractor, "The United States pressed Iraq."), "DEMANDS")


def test_push_to_is_a_demand_push_out_is_fighting(extractor: Extractor) -> None:
    assert ("USA", "DEMANDS", "IRN") in facts(run(extractor, "The United States pushed Iran to accept the deal."))
    e = run(extractor, "Iraqi forces pushed ISIL out of Mosul.")
    assert any(c.type == "FIGHTS" and "group:isil" in (c.subject_id, c.object_id) for c in e.claims)


def test_negated_and_hypothetical_demands_are_not_facts(extractor: Extractor) -> None:
    e = run(extractor, "Germany did not ask Russia to release the prisoners.")
    assert ("DEU", "DEMANDS", "RUS") not in facts(e)
    e = run(extractor, "Germany may ask Russia to release the prisoners.")
    assert ("DEU", "DEMANDS", "RUS") not in facts(e)


def test_subpoena(extractor: Extractor) -> None:
    e = run(extractor, "The Senate subpoenaed Mike Pompeo.")
    assert any(c.type == "DEMANDS" and c.object_id.endswith("mike-pompeo") for c in e.claims)


# --- CONDEMNS (CAMEO 111) ------------------------------------------------------------------
@pytest.mark.parametrize("verb", ["decried", "deplored", "castigated", "lambasted"])
def test_verbs_of_denouncing(extractor: Extractor, verb: str) -> None:
    assert ("FRA", "CONDEMNS", "TUR") in facts(run(extractor, f"France {verb} Turkey on Monday."))


def test_lash_out_and_speak_out_against(extractor: Extractor) -> None:
    assert ("GRC", "CONDEMNS", "TUR") in facts(run(extractor, "Greece lashed out at Turkey."))
    assert ("GRC", "CONDEMNS", "TUR") in facts(run(extractor, "Greece spoke out against Turkey."))
    # plain speaking to someone is a conversation, not criticism
    assert not of_type(run(extractor, "Greece spoke with Turkey."), "CONDEMNS")


def test_blast_is_words_only_between_people(extractor: Extractor) -> None:
    e = run(extractor, "Donald Trump blasted Nancy Pelosi on Twitter.")
    assert ("person:donald-trump", "CONDEMNS", "person:nancy-pelosi") in facts(e)
    assert not of_type(run(extractor, "Israel blasted Hamas positions."), "CONDEMNS")


def test_critic_of_is_predicative(extractor: Extractor) -> None:
    e = run(extractor, "Greece is a fierce critic of Turkey.")
    assert ("GRC", "CONDEMNS", "TUR") in facts(e)


def test_condemnation_and_criticism_nouns(extractor: Extractor) -> None:
    assert ("FRA", "CONDEMNS", "TUR") in facts(run(extractor, "France's condemnation of Turkey was swift."))
    assert ("GRC", "CONDEMNS", "TUR") in facts(run(extractor, "Turkey drew criticism from Greece."))
    assert ("GRC", "CONDEMNS", "TUR") in facts(run(extractor, "The criticism of Turkey by Greece was swift."))


# --- ACCUSES (CAMEO 112; PLOVER ACCUSE allege) ---------------------------------------------
def test_charge_with_is_an_accusation_charge_alone_is_not(extractor: Extractor) -> None:
    e = run(extractor, "Russia charged Donald Trump with fraud.")
    assert any(c.type == "ACCUSES" and c.subject_id == "RUS" for c in e.claims)
    assert not of_type(run(extractor, "Russia charged Donald Trump a fee."), "ACCUSES")


def test_allege_involvement_names_the_involved(extractor: Extractor) -> None:
    e = run(extractor, "Saudi Arabia alleged Iranian involvement in the attack.")
    assert ("SAU", "ACCUSES", "IRN") in facts(e)


# --- SANCTIONS (CAMEO 163, 160, 172) -------------------------------------------------------
def test_ban_an_organisation_is_a_sanction(extractor: Extractor) -> None:
    e = run(extractor, "Germany banned Hezbollah on Thursday.")
    assert ("DEU", "SANCTIONS", "group:hezbollah") in facts(e)
    assert ("DEU", "SANCTIONS", "group:hezbollah") not in facts(run(extractor, "Germany will not ban Hezbollah."))


def test_designate_as_terrorist(extractor: Extractor) -> None:
    e = run(extractor, "The United States designated Hezbollah as a terrorist organization.")
    assert ("USA", "SANCTIONS", "group:hezbollah") in facts(e)
    e = run(extractor, "The United States designated Germany as a partner.")
    assert not of_type(e, "SANCTIONS")


def test_levy_sanctions_and_subject_of_sanctions(extractor: Extractor) -> None:
    assert ("USA", "SANCTIONS", "IRN") in facts(run(extractor, "The United States levied sanctions against Iran."))
    e = run(extractor, "Iran has been the subject of United States sanctions since 1979.")
    assert ("USA", "SANCTIONS", "IRN") in facts(e)


# --- CUTS_TIES_WITH (CAMEO 161, 166) --------------------------------------------------------
def test_expelling_a_diplomat_cuts_ties_with_his_state(extractor: Extractor) -> None:
    e = run(extractor, "Greece expelled the Libyan ambassador.")
    assert ("GRC", "CUTS_TIES_WITH", "LBY") in facts(e)
    assert not of_type(run(extractor, "Greece expelled the Libyan footballer."), "CUTS_TIES_WITH")


def test_suspend_relations(extractor: Extractor) -> None:
    assert ("MAR", "CUTS_TIES_WITH", "IRN") in facts(run(extractor, "Morocco suspended relations with Iran."))


# --- COERCES (CAMEO 17) ---------------------------------------------------------------------
def test_arrest_warrant_for_a_person(extractor: Extractor) -> None:
    e = run(extractor, "Iran issued an arrest warrant for Donald Trump.")
    assert ("IRN", "COERCES", "person:donald-trump") in facts(e)
    # a warrant that is not an arrest warrant is a search, not coercion of a person
    assert not of_type(run(extractor, "Iran issued a search warrant for Donald Trump."), "COERCES")


def test_force_to(extractor: Extractor) -> None:
    e = run(extractor, "Russia forced Donald Trump to leave the country.")
    assert any(c.type == "COERCES" and c.subject_id == "RUS" for c in e.claims)


# --- YIELDS_TO (CAMEO 08) -------------------------------------------------------------------
def test_cede_and_relinquish_to(extractor: Extractor) -> None:
    assert ("GBR", "YIELDS_TO", "CHN") in facts(run(extractor, "The United Kingdom relinquished control of Hong Kong to China."))
    assert ("ARM", "YIELDS_TO", "AZE") in facts(run(extractor, "Armenia ceded the districts to Azerbaijan."))


# --- MEETS_WITH / NEGOTIATES_WITH / SIGNS_AGREEMENT_WITH (CAMEO 04, 05) ------------------------
def test_coordinated_subjects_meet_each_other(extractor: Extractor) -> None:
    e = run(extractor, "Vladimir Putin and Recep Tayyip Erdogan met in Sochi.")
    pair = {"person:vladimir-putin", "person:recep-tayyip-erdogan"}
    assert any(c.type == "MEETS_WITH" and {c.subject_id, c.object_id} == pair for c in e.claims)
    # with an object of their own, coordinated subjects met someone else
    e = run(extractor, "Vladimir Putin and Recep Tayyip Erdogan met reporters in Sochi.")
    assert not any(c.type == "MEETS_WITH" and {c.subject_id, c.object_id} == pair for c in e.claims)


def test_spoke_on_the_phone_is_a_conversation_spoke_on_monday_is_not(extractor: Extractor) -> None:
    pair = {"person:donald-trump", "person:recep-tayyip-erdogan"}
    e = run(extractor, "Donald Trump and Recep Tayyip Erdogan spoke on the phone.")
    assert any(c.type == "MEETS_WITH" and {c.subject_id, c.object_id} == pair for c in e.claims)
    e = run(extractor, "Donald Trump and Recep Tayyip Erdogan spoke on Monday.")
    assert not of_type(e, "MEETS_WITH")


def test_phone_conversation_and_call_with(extractor: Extractor) -> None:
    e = run(extractor, "Vladimir Putin had a phone conversation with Recep Tayyip Erdogan.")
    assert ("person:vladimir-putin", "MEETS_WITH", "person:recep-tayyip-erdogan") in facts(e)
    e = run(extractor, "The leak followed Putin's call with Recep Tayyip Erdogan.")
    assert any(c.type == "MEETS_WITH" and c.object_id == "person:recep-tayyip-erdogan" for c in e.claims)


def test_agreement_entered_into_and_pact_between(extractor: Extractor) -> None:
    e = run(extractor, "The Syrian Democratic Forces entered into an agreement with Syria.")
    assert ("group:sdf", "SIGNS_AGREEMENT_WITH", "SYR") in facts(e) or ("SYR", "SIGNS_AGREEMENT_WITH", "group:sdf") in facts(e)
    e = run(extractor, "Brazil is part of a pact between the European Union and Mercosur.")
    assert {("org:european-union", "SIGNS_AGREEMENT_WITH", "org:mercosur"), ("org:mercosur", "SIGNS_AGREEMENT_WITH", "org:european-union")} & facts(e)


def test_strike_a_deal_is_not_an_attack(extractor: Extractor) -> None:
    e = run(extractor, "Iran struck a deal with Russia.")
    assert {("IRN", "SIGNS_AGREEMENT_WITH", "RUS"), ("RUS", "SIGNS_AGREEMENT_WITH", "IRN")} & triples(e)
    assert not of_type(e, "ATTACKS")


# --- COOPERATES_MILITARILY (CAMEO 062) -------------------------------------------------------
def test_cooperation_with_armed_forces_is_military(extractor: Extractor) -> None:
    e = run(extractor, "Iran increased cooperation with the navy of China.")
    assert {("IRN", "COOPERATES_MILITARILY", "CHN"), ("CHN", "COOPERATES_MILITARILY", "IRN")} & facts(e)
    e = run(extractor, "Iran increased cooperation with China on trade.")
    assert not of_type(e, "COOPERATES_MILITARILY")


def test_in_cooperation_with_takes_the_actions_subject(extractor: Extractor) -> None:
    e = run(extractor, "France fought Al-Qaeda in cooperation with the Malian army.")
    assert {("FRA", "COOPERATES_MILITARILY", "MLI"), ("MLI", "COOPERATES_MILITARILY", "FRA")} & facts(e)


# --- ATTACKS (CAMEO 18-20) ---------------------------------------------------------------------
def test_shoot_down_and_fire_at(extractor: Extractor) -> None:
    assert ("IRN", "ATTACKS", "UKR") in facts(run(extractor, "Iran shot down a Ukrainian airliner."))
    assert ("IRN", "ATTACKS", "ISR") in facts(run(extractor, "Iran fired missiles at Israel."))
    # a dismissal is not a shot
    assert not of_type(run(extractor, "Iran fired the ambassador to Israel."), "ATTACKS")


def test_launch_needs_a_projectile(extractor: Extractor) -> None:
    assert ("IRN", "ATTACKS", "ISR") in facts(run(extractor, "Iran launched drones against Israel."))
    assert not of_type(run(extractor, "Iran launched a campaign against Israel."), "ATTACKS")


def test_killing_of_and_target_of(extractor: Extractor) -> None:
    e = run(extractor, "The United States' killing of Qasem Soleimani angered Iran.")
    assert ("USA", "ATTACKS", "person:qasem-soleimani") in facts(e)
    e = run(extractor, "Abqaiq was the target of an Al-Qaeda attack.")
    assert ("group:al-qaeda", "ATTACKS", "city:sau:abqaiq") in facts(e)


def test_attack_conducted_by(extractor: Extractor) -> None:
    e = run(extractor, "The attack on Kabul, conducted by the Taliban, killed dozens.")
    assert any(c.type == "ATTACKS" and c.subject_id == "group:taliban" for c in e.claims)
    # condemning an attack does not make one its author
    e = run(extractor, "The attack on Kabul, condemned by the Taliban, killed dozens.")
    assert not any(c.type == "ATTACKS" and c.subject_id == "group:taliban" for c in e.claims)


def test_destruction_of_what_belongs_to_a_state_is_not_an_attack_on_it(extractor: Extractor) -> None:
    e = run(extractor, "Russia ordered the destruction of Ukraine's air force.")
    assert ("RUS", "ATTACKS", "UKR") in facts(e)
    e = run(extractor, "The report details the destruction of Syria's heritage by Daesh.")
    assert not of_type(e, "ATTACKS")


# --- SUPPORTS (CAMEO 051) ---------------------------------------------------------------------
def test_backed_compound_participle(extractor: Extractor) -> None:
    e = run(extractor, "Hezbollah is an Iranian-backed group.")
    assert ("IRN", "SUPPORTS", "group:hezbollah") in facts(e)


def test_praise_a_named_actor_not_their_decision(extractor: Extractor) -> None:
    assert ("FRA", "SUPPORTS", "DEU") in facts(run(extractor, "France praised Germany."))
    assert not of_type(run(extractor, "France praised Germany's decision."), "SUPPORTS")


# --- PROTESTS_AGAINST / REJECTS / DENIES ----------------------------------------------------------
def test_march_against_and_demonstration_against(extractor: Extractor) -> None:
    assert any(c.type == "PROTESTS_AGAINST" and c.object_id == "USA" for c in run(extractor, "Iranians marched against the United States.").claims)


def test_decline_an_offer_rejects_who_made_it(extractor: Extractor) -> None:
    e = run(extractor, "Germany declined France's offer.")
    assert ("DEU", "REJECTS", "FRA") in facts(e)
    assert not of_type(run(extractor, "Germany declined to comment on France."), "REJECTS")


def test_dismiss_a_claim_denies_its_source(extractor: Extractor) -> None:
    assert ("RUS", "DENIES", "DEU") in facts(run(extractor, "Russia dismissed the claim from Germany."))
    # dismissing an official is not a denial
    assert not of_type(run(extractor, "Russia dismissed the German ambassador."), "DENIES")


# --- THREATENS (CAMEO 13): the target of the threatened action ----------------------------------
def test_threaten_to_names_the_target_of_the_action(extractor: Extractor) -> None:
    e = run(extractor, "Donald Trump threatened to impose sanctions on Turkey.")
    assert ("person:donald-trump", "THREATENS", "TUR") in facts(e)
    # the sanctions themselves are only threatened
    assert ("person:donald-trump", "SANCTIONS", "TUR") not in facts(e)
    assert not of_type(run(extractor, "Donald Trump threatened to resign."), "THREATENS")


# --- restrictions on what goes to a state ---------------------------------------------------------
def test_restrictions_on_flights_to_a_state_sanction_it(extractor: Extractor) -> None:
    e = run(extractor, "The United States announced new restrictions on flights to Cuba.")
    assert ("USA", "SANCTIONS", "CUB") in facts(e)
    assert not of_type(run(extractor, "The United States lifted restrictions on flights to Cuba."), "SANCTIONS")


def test_allege_that_accuses_the_clause_subject(extractor: Extractor) -> None:
    e = run(extractor, "Germany alleged that Iran had supported the attack.")
    assert ("DEU", "ACCUSES", "IRN") in facts(e)
    e = run(extractor, "Germany did not allege that Iran had supported the attack.")
    assert ("DEU", "ACCUSES", "IRN") not in facts(e)


# --- a stance on an event is a stance on its author ---------------------------------------------
def test_condemning_an_attack_by_someone_condemns_them(extractor: Extractor) -> None:
    assert ("GRC", "CONDEMNS", "TUR") in facts(run(extractor, "Greece condemned the attack by Turkey."))
    assert ("GRC", "CONDEMNS", "TUR") not in facts(run(extractor, "Greece did not condemn the attack by Turkey."))
    # a `by` phrase of place is not an author
    assert not of_type(run(extractor, "Greece praised the meeting by the river."), "SUPPORTS")


def test_charges_against(extractor: Extractor) -> None:
    e = run(extractor, "Russia filed charges against Donald Trump.")
    assert ("RUS", "ACCUSES", "person:donald-trump") in facts(e)


# --- a request's addressee is whoever acts at it; a proxy possessor is its state --------------------
def test_acting_at_a_request_makes_the_actor_its_addressee(extractor: Extractor) -> None:
    e = run(extractor, "U.S. troops returned to Iraq at the Iraqi government's request.")
    assert ("IRQ", "DEMANDS", "USA") in facts(e)
    e = run(extractor, "U.S. troops returned to Iraq despite the Iraqi government's request.")
    assert not of_type(e, "DEMANDS")


def test_a_proxy_possessor_is_the_agent(extractor: Extractor) -> None:
    e = run(extractor, "The Iraqi government's condemnation of Turkey was swift.")
    assert ("IRQ", "CONDEMNS", "TUR") in facts(e)
