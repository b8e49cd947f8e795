"""Titles and membership on sentences written for these tests: one test per
construction, positive and negative (negated, hedged, wrong kinds).

The real pipeline (spaCy model + gazetteer + resolve + relations) through
`Extractor`, since the constructions are only meaningful on real parses.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Claim, Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, EntityKind, Modality, Polarity
from ingest.extract import Extractor
from ingest.relations.titles import title_kind


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"test:{hash(text)}", text=text, published=date(2021, 3, 1)))


def found(e: Extraction, subject: str, rtype: str, obj: str) -> list[Claim]:
    return [c for c in e.claims if (c.subject_id, c.type, c.object_id) == (subject, rtype, obj)]


def is_fact(c: Claim) -> bool:
    return c.polarity == Polarity.AFFIRMED and c.modality in DEFAULT_FACT_MODALITIES


def titled(e: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject_id, c.type, c.object_id) for c in e.claims if c.type in ("LEADER_OF", "OFFICIAL_OF", "MEMBER_OF")}


# --- which titles lead -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "kind", "expected"),
    [
        ("acting Prime Minister", EntityKind.COUNTRY, ("LEADER_OF", None)),
        ("caretaker Prime Minister", EntityKind.COUNTRY, ("LEADER_OF", None)),
        ("director", EntityKind.ORGANIZATION, ("LEADER_OF", None)),
        ("Secretary-General", EntityKind.ORGANIZATION, ("LEADER_OF", None)),
        ("director", EntityKind.COUNTRY, ("OFFICIAL_OF", None)),  # "police director": a state's official
        ("commander", EntityKind.COUNTRY, ("OFFICIAL_OF", None)),
        ("deputy commander", EntityKind.GROUP, ("OFFICIAL_OF", None)),
        ("committee chairman", EntityKind.ORGANIZATION, ("OFFICIAL_OF", None)),
        ("Foreign Minister", EntityKind.COUNTRY, ("OFFICIAL_OF", None)),
        ("former President", EntityKind.COUNTRY, ("LEADER_OF", Modality.HISTORICAL)),
        ("then-prime-minister", EntityKind.COUNTRY, ("LEADER_OF", Modality.HISTORICAL)),
        ("President-elect", EntityKind.COUNTRY, ("LEADER_OF", Modality.PLANNED)),
        ("alleged leader", EntityKind.GROUP, ("LEADER_OF", Modality.ALLEGED)),
        ("Presidents", EntityKind.COUNTRY, ("LEADER_OF", None)),
    ],
)
def test_title_kind_follows_the_annotation_rule(title: str, kind: EntityKind, expected: tuple[str, Modality | None]) -> None:
    assert title_kind(title, kind) == expected


def test_acting_head_of_government_leads(extractor: Extractor) -> None:
    e = run(extractor, "Omar Haddad, the acting Prime Minister of Jordan, condemned the bombing.")
    assert found(e, "person:omar-haddad", "LEADER_OF", "JOR")
    assert not found(e, "person:omar-haddad", "OFFICIAL_OF", "JOR")


# --- noun-phrase titles are presupposed ----------------------------------------------------
def test_a_title_inside_an_allegation_is_still_a_fact(extractor: Extractor) -> None:
    e = run(extractor, "The ambassador alleged that the airline had flown weapons for Syrian President Bashar al-Assad.")
    c = found(e, "person:bashar-al-assad", "LEADER_OF", "SYR")
    assert c and is_fact(c[0])


def test_a_former_title_is_historical_even_inside_a_plan(extractor: Extractor) -> None:
    e = run(extractor, "The treaty, which had been agreed under former French President Francois Hollande, will be renewed.")
    c = found(e, "person:francois-hollande", "LEADER_OF", "FRA")
    assert c and c[0].modality == Modality.HISTORICAL and is_fact(c[0])


# --- the name between title and body ------------------------------------------------------------
def test_title_then_name_then_of_state(extractor: Extractor) -> None:
    e = run(extractor, "On Monday, President Emmanuel Macron of France said the talks would resume.")
    assert found(e, "person:emmanuel-macron", "LEADER_OF", "FRA")


def test_two_titles_one_before_the_name_one_after(extractor: Extractor) -> None:
    e = run(extractor, "NATO chairman Prime Minister Mark Rutte of the Netherlands opened the meeting.")
    assert found(e, "person:mark-rutte", "LEADER_OF", "NLD")


def test_a_plain_name_of_a_state_is_no_title(extractor: Extractor) -> None:
    e = run(extractor, "Emmanuel Macron of France said the talks would resume.")
    assert not found(e, "person:emmanuel-macron", "LEADER_OF", "FRA")


# --- apposition ----------------------------------------------------------------------------------
def test_possessor_title_comma_name(extractor: Extractor) -> None:
    e = run(extractor, "The Green Party's leader, Anna Berg, said the vote was unfair.")
    c = [c for c in e.claims if c.type == "LEADER_OF" and c.subject_id == "person:anna-berg"]
    assert c and "green" in c[0].object_id


def test_spokesman_for_a_body(extractor: Extractor) -> None:
    e = run(extractor, "Karim Nasser, a spokesman for Hezbollah, denied the report.")
    assert found(e, "person:karim-nasser", "OFFICIAL_OF", "group:hezbollah") or found(
        e, "person:karim-nasser", "OFFICIAL_OF", "org:hezbollah"
    )


def test_spokesperson_of_a_leader_is_an_official_of_the_state(extractor: Extractor) -> None:
    e = run(extractor, "Austrian Chancellor Karl Nehammer's spokesperson, Daniel Kosak, said the border would stay open.")
    assert found(e, "person:karl-nehammer", "LEADER_OF", "AUT")
    assert found(e, "person:daniel-kosak", "OFFICIAL_OF", "AUT")


def test_and_before_a_name_ends_the_title(extractor: Extractor) -> None:
    e = run(extractor, "The dead included a Hamas commander and Yusuf Adel, a hospital driver.")
    assert not [c for c in e.claims if c.subject_id == "person:yusuf-adel" and c.type in ("LEADER_OF", "OFFICIAL_OF")]


# --- counterparts --------------------------------------------------------------------------------
def test_counterparts_pair_with_their_demonyms(extractor: Extractor) -> None:
    e = run(
        extractor,
        "Spanish foreign minister Jose Albares met his Italian and Portuguese counterparts, "
        "Antonio Tajani and Joao Cravinho, in Madrid.",
    )
    assert found(e, "person:jose-albares", "OFFICIAL_OF", "ESP")
    assert found(e, "person:antonio-tajani", "OFFICIAL_OF", "ITA")
    assert found(e, "person:joao-cravinho", "OFFICIAL_OF", "PRT")
    assert not found(e, "person:antonio-tajani", "OFFICIAL_OF", "PRT")


def test_counterparts_that_do_not_pair_give_nothing(extractor: Extractor) -> None:
    e = run(extractor, "Spanish foreign minister Jose Albares met his Italian and Portuguese counterparts, Antonio Tajani, in Madrid.")
    assert not [c for c in e.claims if c.subject_id == "person:antonio-tajani" and c.type == "OFFICIAL_OF"]


# --- titles a clause states ------------------------------------------------------------------------
def test_copular_title_and_its_negation(extractor: Extractor) -> None:
    e = run(extractor, "Ahmed Saleh was the deputy commander of Hezbollah.")
    c = [c for c in e.claims if c.subject_id == "person:ahmed-saleh" and c.type == "OFFICIAL_OF"]
    assert c and is_fact(c[0])
    e = run(extractor, "Ahmed Saleh was never the deputy commander of Hezbollah.")
    c = [c for c in e.claims if c.subject_id == "person:ahmed-saleh" and c.type == "OFFICIAL_OF"]
    assert c and not is_fact(c[0])


def test_whose_title_is(extractor: Extractor) -> None:
    e = run(extractor, "The Syrian Army, whose commander-in-chief is President Bashar al-Assad, entered the town.")
    assert found(e, "person:bashar-al-assad", "LEADER_OF", "SYR")


# --- titles and portfolios are not bodies ------------------------------------------------------------
def test_a_title_word_is_not_the_organisation(extractor: Extractor) -> None:
    e = run(extractor, "Macau Chief Executive Ho Iat-seng thanked the volunteers.")
    assert not [c for c in e.claims if "executive" in c.subject_id or "executive" in c.object_id]


def test_a_portfolio_is_not_the_organisation(extractor: Extractor) -> None:
    e = run(extractor, "The letter went to Maria Lopez, the Secretary of Transportation.")
    assert not [c for c in e.claims if c.object_id.endswith("transportation")]


def test_a_name_tagged_as_an_organisation_after_a_title_is_a_person(extractor: Extractor) -> None:
    e = run(extractor, "Former US Ambassador to the United Nations Nikki Haley wrote on Twitter.")
    c = found(e, "person:nikki-haley", "OFFICIAL_OF", "USA")
    assert c and c[0].modality == Modality.HISTORICAL


# --- membership ------------------------------------------------------------------------------------
def test_a_group_of_countries_listed(extractor: Extractor) -> None:
    e = run(extractor, "ASEAN is a regional group of ten countries, Vietnam, Thailand, Malaysia and seven others.")
    members = {s for s, t, o in titled(e) if t == "MEMBER_OF" and "asean" in o}
    assert members == {"VNM", "THA", "MYS"}


def test_a_group_of_countries_without_a_named_body_gives_nothing(extractor: Extractor) -> None:
    e = run(extractor, "A group of countries, France and Germany, opposed the plan.")
    assert not [c for c in e.claims if c.type == "MEMBER_OF"]


def test_an_agency_of_a_body(extractor: Extractor) -> None:
    e = run(extractor, "UNICEF, an agency of the United Nations, runs the camp.")
    assert found(e, "org:unicef", "MEMBER_OF", "org:united-nations")


def test_includes_in_a_relative_clause_and_made_up_of(extractor: Extractor) -> None:
    e = run(extractor, "The Islamic Revolutionary Guard Corps, which includes the Quds Force, issued a statement.")
    assert [c for c in e.claims if c.type == "MEMBER_OF" and "quds" in c.subject_id and "irgc" in c.object_id]
    e = run(extractor, "The SDF is largely made up of YPG fighters.")
    assert [c for c in e.claims if c.type == "MEMBER_OF" and "ypg" in c.subject_id and "sdf" in c.object_id]


def test_members_of_a_body_include(extractor: Extractor) -> None:
    e = run(extractor, "NATO's members include Poland and Latvia.")
    assert found(e, "POL", "MEMBER_OF", "org:nato") and found(e, "LVA", "MEMBER_OF", "org:nato")
    e = run(extractor, "NATO's members may include Ukraine one day.")
    c = found(e, "UKR", "MEMBER_OF", "org:nato")
    assert not c or not is_fact(c[0])


# --- party membership ---------------------------------------------------------------------------
def test_party_member_noun_and_party_title(extractor: Extractor) -> None:
    e = run(
        extractor,
        "The Labour Party lost seats. Labour MP Rosa Green said the count was fair. "
        "The Democratic Party met on Monday, and the Democrat Ann Fox spoke.",
    )
    assert found(e, "person:rosa-green", "MEMBER_OF", "org:labour-party")
    assert not found(e, "person:rosa-green", "OFFICIAL_OF", "org:labour-party")
    assert found(e, "person:ann-fox", "MEMBER_OF", "org:democratic-party")


def test_a_party_the_article_never_names_is_not_guessed(extractor: Extractor) -> None:
    e = run(extractor, "The Republican Ann Fox spoke against the bill.")
    assert not [c for c in e.claims if c.type == "MEMBER_OF"]


def test_comprise_said_of_the_parts_is_no_membership(extractor: Extractor) -> None:
    e = run(extractor, "Soldiers from the 10th Mountain Division, who will comprise Task Force Eagle, arrived.")
    assert not [c for c in e.claims if c.type == "MEMBER_OF" and "10th" in c.object_id]


# --- nested bodies and "as" ------------------------------------------------------------------------
def test_head_of_a_bodys_body(extractor: Extractor) -> None:
    e = run(extractor, "Ali Reza, head of the IRGC's Quds Force, was killed.")
    assert [c for c in e.claims if c.type == "LEADER_OF" and c.subject_id == "person:ali-reza" and "quds" in c.object_id]
    assert [c for c in e.claims if c.type == "MEMBER_OF" and "quds" in c.subject_id and "irgc" in c.object_id]
    e = run(extractor, "Lebanon's Hezbollah said it would respond.")
    assert not [c for c in e.claims if c.type == "MEMBER_OF"]  # a state is no body one is a member of


def test_as_titles(extractor: Extractor) -> None:
    e = run(extractor, "Barack Obama, as US President, signed the order.")
    assert found(e, "person:barack-obama", "LEADER_OF", "USA")
    e = run(extractor, "Barack Obama, as a student, visited Kenya.")
    assert not [c for c in e.claims if c.type in ("LEADER_OF", "OFFICIAL_OF")]
    e = run(extractor, "Barack Obama never served as French President.")
    c = found(e, "person:barack-obama", "LEADER_OF", "FRA")
    assert c and not is_fact(c[0])


def test_title_of_a_capital_that_is_a_local_office(extractor: Extractor) -> None:
    e = run(extractor, "The prosecutor general of Cairo, Hamdi Nour, said the trial would start.")
    c = [c for c in e.claims if c.subject_id == "person:hamdi-nour" and c.type == "OFFICIAL_OF"]
    assert c and c[0].object_id.startswith("city:")


def test_relative_copula_with_the_bosses_state(extractor: Extractor) -> None:
    e = run(extractor, "Italian Prime Minister Mario Draghi spoke. Luca Bianchi, who was Draghi's special envoy, resigned.")
    assert found(e, "person:luca-bianchi", "OFFICIAL_OF", "ITA")


def test_party_offices_and_members(extractor: Extractor) -> None:
    e = run(extractor, "The Green Party met. Former Green Party Vice Chairman Ola Berg and Green Governor Per Lund spoke.")
    c = [c for c in e.claims if c.subject_id == "person:ola-berg" and c.type == "OFFICIAL_OF"]
    assert c and "green" in c[0].object_id
    assert [c for c in e.claims if c.subject_id == "person:per-lund" and c.type == "MEMBER_OF" and "green" in c.object_id]


def test_the_body_nearest_the_title(extractor: Extractor) -> None:
    e = run(extractor, "Kenyan Red Cross chair Asha Mohammed said food is needed.")
    assert not found(e, "person:asha-mohammed", "OFFICIAL_OF", "KEN")
