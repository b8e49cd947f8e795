"""Error classes found on re3d-dev (issue #6), each tested on sentences written
for these tests: what the extractor must now read, and the wrong reading it
must no longer produce.

Real pipeline (spaCy + gazetteer + resolve + relations), since the patterns
are only meaningful on real parses.
"""

from __future__ import annotations

import pytest

from graph.models import Article, Extraction
from ingest.extract import Extractor


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"test:{hash(text)}", text=text))


def triples(e: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject_id, c.type, c.object_id) for c in e.claims}


def rules(e: Extraction, rtype: str) -> list[str]:
    return [c.rule for c in e.claims if c.type == rtype]


# --- "support" that is military cooperation ------------------------------------------------
def test_support_through_military_means_is_military_cooperation(extractor: Extractor) -> None:
    e = run(extractor, "NATO supports the Syrian Democratic Forces through training and airstrikes.")
    assert ("org:nato", "COOPERATES_MILITARILY", "group:sdf") in triples(e)
    assert ("org:nato", "SUPPORTS", "group:sdf") not in triples(e)


def test_support_of_armed_forces_is_military_cooperation(extractor: Extractor) -> None:
    e = run(extractor, "Turkey supported Iraqi forces with artillery.")
    assert ("TUR", "COOPERATES_MILITARILY", "IRQ") in triples(e)


def test_support_serving_a_fight_is_military_cooperation(extractor: Extractor) -> None:
    e = run(extractor, "The international coalition is assisting the Iraqi government to degrade and ultimately destroy ISIL.")
    assert ("org:global-coalition-against-daesh", "COOPERATES_MILITARILY", "IRQ") in triples(e)


def test_plain_support_stays_support(extractor: Extractor) -> None:
    e = run(extractor, "France supports Lebanon.")
    assert ("FRA", "SUPPORTS", "LBN") in triples(e)
    assert not rules(e, "COOPERATES_MILITARILY")


def test_a_persons_support_stays_support(extractor: Extractor) -> None:
    # military cooperation is between collective actors
    e = run(extractor, "Joe Biden supports Ukraine through weapons deliveries.")
    assert ("person:joe-biden", "SUPPORTS", "UKR") in triples(e)
    assert not rules(e, "COOPERATES_MILITARILY")


# --- a location attached to the right entity ------------------------------------------------
def test_role_noun_location_belongs_to_the_named_person(extractor: Extractor) -> None:
    e = run(extractor, "Abu Jandal al-Kuwaiti, an ISIL commander in Raqqa, was killed.")
    located = {(s, o) for s, t, o in triples(e) if t == "LOCATED_IN"}
    assert ("person:abu-jandal-al-kuwaiti", "city:syr:ar-raqqah") in located
    assert ("group:isil", "city:syr:ar-raqqah") not in located


def test_group_members_location_is_the_groups(extractor: Extractor) -> None:
    e = run(extractor, "ISIL fighters in Mosul attacked the army.")
    assert ("group:isil", "LOCATED_IN", "city:irq:mosul") in triples(e)


def test_event_location_is_not_the_organisers(extractor: Extractor) -> None:
    # the summit is in Madrid; NATO is not located there by it
    e = run(extractor, "Sergei Lavrov spoke at the NATO summit in Madrid.")
    assert ("org:nato", "LOCATED_IN", "city:esp:madrid") not in triples(e)


def test_a_place_near_a_city_is_not_in_it(extractor: Extractor) -> None:
    e = run(extractor, "Clashes erupted in Tabqa near Raqqa.")
    assert ("place:tabqa", "LOCATED_IN", "city:syr:ar-raqqah") not in triples(e)


# --- fronted place adverbials -----------------------------------------------------------
def test_fronted_place_read_from_words_when_the_parser_misses_it(extractor: Extractor) -> None:
    # a bulleted strike report: the parser takes "Near" for part of a name
    text = "Syria\n.\u00a0 \u00a0Near Raqqa, four strikes engaged two ISIL units; destroyed an ISIL-held building."
    e = run(extractor, text)
    assert ("group:isil", "LOCATED_IN", "city:syr:ar-raqqah") in triples(e)


def test_fronted_place_covers_coordinated_clauses(extractor: Extractor) -> None:
    e = run(extractor, "In Syria, the army attacked Hezbollah fighters and arrested Hamas members.")
    assert ("group:hamas", "LOCATED_IN", "SYR") in triples(e)


def test_fronted_phrase_whose_object_is_not_the_place(extractor: Extractor) -> None:
    e = run(extractor, "In their march toward Raqqa, the SDF captured villages.")
    assert ("group:sdf", "LOCATED_IN", "city:syr:ar-raqqah") not in triples(e)


def test_strikes_against_targets_through_an_instrument_clause(extractor: Extractor) -> None:
    e = run(extractor, "In Syria, coalition forces conducted 12 strikes using fighter aircraft against ISIL targets.")
    t = triples(e)
    assert ("org:global-coalition-against-daesh", "ATTACKS", "group:isil") in t
    assert ("group:isil", "LOCATED_IN", "SYR") in t  # the targets are there
    assert ("org:global-coalition-against-daesh", "LOCATED_IN", "SYR") not in t  # not the launcher


# --- unit chains, assignment, "as part of" ----------------------------------------------------
def test_unit_chain_is_membership(extractor: Extractor) -> None:
    e = run(extractor, "Soldiers from 3rd Battalion, 321st Field Artillery Regiment arrived.")
    # The battalion's id is built from its chain (a bare "3rd Battalion" names no one unit).
    assert ("org:3rd-battalion--321st-field-artillery-regiment", "MEMBER_OF", "org:321st-field-artillery-regiment") in triples(e)


def test_list_of_peer_units_is_not_a_chain(extractor: Extractor) -> None:
    e = run(extractor, "The 1st Brigade, 2nd Brigade and 3rd Brigade advanced.")
    assert not rules(e, "MEMBER_OF")


def test_assignment_is_membership(extractor: Extractor) -> None:
    e = run(extractor, "Staff Sergeant John Smith was assigned to the 82nd Airborne Division.")
    assert rules(e, "MEMBER_OF") == ["member:assigned"]


def test_as_part_of_a_body_is_membership(extractor: Extractor) -> None:
    e = run(extractor, "The UK, as part of the Global Coalition, is committed to continuing.")
    assert ("GBR", "MEMBER_OF", "org:global-coalition-against-daesh") in triples(e)


def test_as_part_of_an_operation_is_not_membership(extractor: Extractor) -> None:
    e = run(extractor, "France joined the strikes as part of Operation Inherent Resolve.")
    assert not rules(e, "MEMBER_OF")


# --- titles in military style ---------------------------------------------------------------
def test_title_set_off_by_commas(extractor: Extractor) -> None:
    e = run(extractor, "Gen. Joseph Votel, commander, U.S. Central Command, met reporters.")
    assert ("person:joseph-votel", "LEADER_OF", "org:centcom") in triples(e)


# --- taking ground from an armed enemy ----------------------------------------------------
def test_taking_ground_from_a_group_is_fighting_it(extractor: Extractor) -> None:
    e = run(extractor, "Syria retook Palmyra from ISIL.")
    assert ("SYR", "FIGHTS", "group:isil") in triples(e)


def test_driving_a_group_out_is_fighting_it(extractor: Extractor) -> None:
    e = run(extractor, "The Peshmerga drove ISIL out of Kobane.")
    assert ("group:peshmerga", "FIGHTS", "group:isil") in triples(e)


def test_clearing_needs_the_from_phrase(extractor: Extractor) -> None:
    assert ("IRQ", "FIGHTS", "group:isil") in triples(run(extractor, "Iraq is clearing Daesh from Anbar."))
    assert not rules(run(extractor, "Iraq cleared the Turkish proposal."), "FIGHTS")


# --- a meeting's place hanging on the person met --------------------------------------------
def test_meeting_place_attached_to_the_person_met(extractor: Extractor) -> None:
    e = run(extractor, "Boris Johnson met the Iraqi Foreign Minister, Ibrahim al-Jaafari in London today.")
    # Where they met is the meeting's place, not where either of them is located (issue 15).
    meeting = next(c for c in e.claims if c.type == "MEETS_WITH")
    assert (meeting.location_id, meeting.location_text) == ("city:gbr:london", "London")
    assert not rules(e, "LOCATED_IN")


# --- a nominal cue's own modifier is its agent ----------------------------------------------
def test_nominal_cue_modifier_is_a_party(extractor: Extractor) -> None:
    e = run(extractor, "The minister reiterated UK support for Iraq in the fight against ISIL.")
    assert ("GBR", "SUPPORTS", "IRQ") in triples(e)


# --- home towns and places listed with "including" -----------------------------------------
def test_home_town_after_name_and_age(extractor: Extractor) -> None:
    e = run(extractor, "Navy Chief Petty Officer Scott C. Dayton, 42, of Woodbridge, Virginia, died Nov. 24 in northern Syria.")
    assert ("person:scott-c-dayton", "LOCATED_IN", "city:usa:woodbridge") in triples(e)


def test_places_listed_with_including(extractor: Extractor) -> None:
    e = run(extractor, "We have supported the liberation of key towns in Northern Iraq including Rabiyah and Zumar.")
    t = triples(e)
    assert ("place:rabiyah", "LOCATED_IN", "IRQ") in t
    assert ("place:zumar", "LOCATED_IN", "IRQ") in t


def test_topic_modifiers_of_a_cue_noun_are_not_parties(extractor: Extractor) -> None:
    # "Brexit" is what the deal is about, not who signed it
    e = run(extractor, "Tom Watson called Prime Minister Theresa May's proposed Brexit deal lousy.")
    assert not rules(e, "SIGNS_AGREEMENT_WITH")


def test_possessor_of_a_campaign_is_where_it_runs(extractor: Extractor) -> None:
    e = run(extractor, "Sixty nations have joined together to counter ISIL's campaign in Iraq and Syria.")
    t = triples(e)
    assert ("group:isil", "LOCATED_IN", "IRQ") in t
    assert ("group:isil", "LOCATED_IN", "SYR") in t


def test_possessor_owning_something_somewhere_is_not_based_there(extractor: Extractor) -> None:
    # a party's primaries, a company's store: owned or held there, not based there
    e = run(extractor, "After winning the Republican Party's primaries in Florida and Illinois on Tuesday, Trump amassed delegates.")
    assert ("org:republican-party", "LOCATED_IN", "place:usa:florida") not in triples(e)
    e = run(extractor, "Costco's store in Canberra also limited the amount.")
    assert ("org:costco", "LOCATED_IN", "city:aus:canberra") not in triples(e)


# --- coming under fire ------------------------------------------------------------------------
def test_receiving_fire_from_a_group_is_being_attacked_by_it(extractor: Extractor) -> None:
    e = run(extractor, "The Kurdish Peshmerga drew mortar fire from ISIL positions.")
    assert ("group:isil", "ATTACKS", "group:peshmerga") in triples(e)
    # receiving a visitor is still a meeting
    e = run(extractor, "Putin received Erdogan in Moscow.")
    assert rules(e, "MEETS_WITH") and not rules(e, "ATTACKS")
