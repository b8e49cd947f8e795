"""Relation extraction on sentences written for these tests: one test per
relation family and per construction (passive, coordination, negation,
modality, refusal, attribution, titles).

They run the real pipeline (spaCy model + gazetteer + resolve + relations)
through `Extractor`, because the patterns are only meaningful on real parses.
"""

from __future__ import annotations

from datetime import date

import pytest

from graph.models import Article, Claim, Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, RELATION_TYPES, Modality, Polarity
from ingest.extract import EXTRACTOR_NAME, EXTRACTOR_VERSION, Extractor
from ingest.relations.lexicon import NOUN_CUES, VERB_CUES


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str, published: date | None = date(2022, 12, 16)) -> Extraction:
    return extractor.extract_one(Article(id=f"test:{hash(text)}", text=text, published=published))


def claims_of(extraction: Extraction, rtype: str) -> list[Claim]:
    return [c for c in extraction.claims if c.type == rtype]


def triples(extraction: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject_id, c.type, c.object_id) for c in extraction.claims}


def one(extraction: Extraction, subject: str, rtype: str, obj: str) -> Claim:
    found = [c for c in extraction.claims if (c.subject_id, c.type, c.object_id) == (subject, rtype, obj)]
    assert found, f"no {subject} {rtype} {obj} in {sorted(triples(extraction))}"
    return found[0]


def is_fact(c: Claim) -> bool:
    return c.polarity == Polarity.AFFIRMED and c.modality in DEFAULT_FACT_MODALITIES


# --- the vocabulary -------------------------------------------------------------------
# Types found by dedicated patterns (titles, locations, membership lists) rather than cues.
PATTERN_TYPES = {"LEADER_OF", "OFFICIAL_OF", "LOCATED_IN", "CAPITAL_OF", "MEMBER_OF"}


def test_every_relation_type_has_a_cue_or_a_pattern() -> None:
    cue_types = {c.type for cues in VERB_CUES.values() for c in cues}
    cue_types |= {c.type for cues in NOUN_CUES.values() for c in cues}
    assert cue_types <= set(RELATION_TYPES), cue_types - set(RELATION_TYPES)
    assert set(RELATION_TYPES) <= cue_types | PATTERN_TYPES, set(RELATION_TYPES) - cue_types - PATTERN_TYPES


# --- relation families ---------------------------------------------------------------------
def test_arms_supply_with_coordinated_subjects(extractor: Extractor) -> None:
    e = run(extractor, "Israel and Turkey supplied drones to Azerbaijan.")
    assert {("ISR", "SUPPLIES_ARMS", "AZE"), ("TUR", "SUPPLIES_ARMS", "AZE")} <= triples(e)


def test_aid_is_not_arms(extractor: Extractor) -> None:
    e = run(extractor, "Saudi Arabia provided humanitarian aid to Yemen.")
    assert ("SAU", "PROVIDES_AID", "YEM") in triples(e)
    assert not claims_of(e, "SUPPLIES_ARMS")


def test_support_verb_and_supporters_of(extractor: Extractor) -> None:
    e = run(extractor, "France supports Ukraine. Poland and Lithuania are strong supporters of Ukraine.")
    assert {("FRA", "SUPPORTS", "UKR"), ("POL", "SUPPORTS", "UKR"), ("LTU", "SUPPORTS", "UKR")} <= triples(e)


def test_attack_active_and_passive(extractor: Extractor) -> None:
    active = run(extractor, "Russia attacked Ukraine.")
    passive = run(extractor, "Ukraine was attacked by Russia.")
    assert ("RUS", "ATTACKS", "UKR") in triples(active)
    c = one(passive, "RUS", "ATTACKS", "UKR")
    assert "passive" in c.rule


def test_clashes_between_is_a_symmetric_fight(extractor: Extractor) -> None:
    e = run(extractor, "Clashes between Armenia and Azerbaijan killed dozens of soldiers.")
    fights = claims_of(e, "FIGHTS")
    assert {frozenset((c.subject_id, c.object_id)) for c in fights} == {frozenset(("ARM", "AZE"))}


def test_launched_strikes_against_takes_the_light_verb_subject(extractor: Extractor) -> None:
    e = run(extractor, "Turkey launched airstrikes against the PKK in northern Iraq.")
    attacks = claims_of(e, "ATTACKS")
    assert attacks and all(c.subject_id == "TUR" for c in attacks)


def test_meetings_and_talks(extractor: Extractor) -> None:
    e = run(extractor, "Iran held talks with Saudi Arabia. Emmanuel Macron met with Olaf Scholz.")
    assert ("IRN", "NEGOTIATES_WITH", "SAU") in triples(e)
    meets = claims_of(e, "MEETS_WITH")
    assert len(meets) == 1 and "Macron" in meets[0].subject_text and "Scholz" in meets[0].object_text


def test_agreement_signed_by_coordinated_parties(extractor: Extractor) -> None:
    e = run(extractor, "Egypt and Israel signed a peace treaty.")
    c = claims_of(e, "SIGNS_AGREEMENT_WITH")
    assert {frozenset((x.subject_id, x.object_id)) for x in c} == {frozenset(("EGY", "ISR"))}


def test_diplomatic_relations_and_cut_ties(extractor: Extractor) -> None:
    e = run(extractor, "Israel and the United Arab Emirates established diplomatic relations.")
    assert {frozenset((c.subject_id, c.object_id)) for c in claims_of(e, "DIPLOMATIC_RELATIONS")} == {
        frozenset(("ISR", "ARE"))
    }
    cut = run(extractor, "Morocco severed ties with Iran.")
    assert ("MAR", "CUTS_TIES_WITH", "IRN") in triples(cut)


def test_embassy_in_a_city_is_an_embassy_in_its_country(extractor: Extractor) -> None:
    e = run(extractor, "The United States opened an embassy in Jerusalem.")
    c = one(e, "USA", "HAS_EMBASSY_IN", "ISR")
    assert c.object_text == "Jerusalem"


def test_borders_verbal_and_nominal(extractor: Extractor) -> None:
    assert ("IRN", "BORDERS", "IRQ") in triples(run(extractor, "Iran borders Iraq."))
    e = run(extractor, "Georgia is a neighbour of Armenia.")
    assert ("GEO", "BORDERS", "ARM") in triples(e)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union imposed sanctions on Russia.", ("org:european-union", "SANCTIONS", "RUS")),
        ("Germany condemned Russia.", ("DEU", "CONDEMNS", "RUS")),
        ("Iran accused Israel of sabotage.", ("IRN", "ACCUSES", "ISR")),
        ("The United States urged Israel to halt the offensive.", ("USA", "DEMANDS", "ISR")),
        ("North Korea threatened Japan.", ("PRK", "THREATENS", "JPN")),
        ("Ukraine rejected Russia's proposal.", ("UKR", "REJECTS", "RUS")),
        ("Russia deployed troops near Ukraine.", ("RUS", "MOBILIZES_AGAINST", "UKR")),
        ("China exports oil to Iran.", ("CHN", "TRADES_WITH", "IRN")),
        ("Japan is a close ally of the United States.", ("JPN", "ALLIED_WITH", "USA")),
        ("Russia and Belarus held joint military exercises.", ("RUS", "COOPERATES_MILITARILY", "BLR")),
    ],
)
def test_pressure_and_cooperation_families(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    e = run(extractor, text)
    sym = RELATION_TYPES[expected[1]].symmetric
    got = triples(e)
    assert expected in got or (sym and (expected[2], expected[1], expected[0]) in got), got


def test_membership_and_capital(extractor: Extractor) -> None:
    assert any(
        (s, t) == ("TUR", "MEMBER_OF") and "nato" in o
        for s, t, o in triples(run(extractor, "Turkey is a member of NATO."))
    )
    e = run(extractor, "Damascus is the capital of Syria.")
    caps = claims_of(e, "CAPITAL_OF")
    assert len(caps) == 1 and caps[0].object_id == "SYR" and caps[0].subject_id != "SYR"
    assert e.entities[caps[0].subject_id].kind.value == "City"


def test_located_in_a_country(extractor: Extractor) -> None:
    e = run(extractor, "Fighting continued in Aleppo, Syria, and in Mosul, Iraq.")
    located = {(c.subject_text, c.object_id) for c in claims_of(e, "LOCATED_IN")}
    assert ("Mosul", "IRQ") in located


# --- titles -------------------------------------------------------------------------------
def test_prenominal_title_gives_official_of_with_title(extractor: Extractor) -> None:
    e = run(extractor, "Russian Foreign Minister Sergei Lavrov arrived in Ankara.")
    c = one(e, "person:sergei-lavrov", "OFFICIAL_OF", "RUS")
    assert c.title == "Foreign Minister"
    assert is_fact(c)


def test_party_leader_gives_leader_of(extractor: Extractor) -> None:
    e = run(extractor, "Likud Party leader Benjamin Netanyahu won the vote.")
    c = [x for x in claims_of(e, "LEADER_OF") if x.subject_id == "person:benjamin-netanyahu"]
    assert c and "likud" in c[0].object_id and c[0].title == "leader"


def test_appositive_title(extractor: Extractor) -> None:
    e = run(extractor, "Antony Blinken, the US Secretary of State, arrived.")
    c = one(e, "person:antony-blinken", "OFFICIAL_OF", "USA")
    assert c.title and c.title.startswith("Secretary")


def test_former_title_is_historical(extractor: Extractor) -> None:
    e = run(extractor, "Former Israeli Prime Minister Ehud Olmert criticised the plan.")
    c = [x for x in claims_of(e, "LEADER_OF") if x.object_id == "ISR"]
    assert c and c[0].modality == Modality.HISTORICAL


# --- polarity, modality, attribution -------------------------------------------------------------
def test_negation_did_not(extractor: Extractor) -> None:
    c = one(run(extractor, "Turkey did not attack Syria."), "TUR", "ATTACKS", "SYR")
    assert c.polarity == Polarity.NEGATED and not is_fact(c)


def test_denied_negates_the_embedded_claim(extractor: Extractor) -> None:
    c = one(run(extractor, "China denied supplying weapons to Russia."), "CHN", "SUPPLIES_ARMS", "RUS")
    assert c.polarity == Polarity.NEGATED


@pytest.mark.parametrize(
    ("text", "triple", "modality"),
    [
        ("Germany will send tanks to Ukraine.", ("DEU", "SUPPLIES_ARMS", "UKR"), Modality.PLANNED),
        ("Russia plans to attack Ukraine.", ("RUS", "ATTACKS", "UKR"), Modality.PLANNED),
        ("Iran allegedly supplied drones to Russia.", ("IRN", "SUPPLIES_ARMS", "RUS"), Modality.ALLEGED),
        ("If Iran attacks Israel, the region will burn.", ("IRN", "ATTACKS", "ISR"), Modality.HYPOTHETICAL),
        (
            "Analysts voiced speculation that Israel would attack Iran.",
            ("ISR", "ATTACKS", "IRN"),
            Modality.HYPOTHETICAL,
        ),
    ],
)
def test_modality(extractor: Extractor, text: str, triple: tuple[str, str, str], modality: Modality) -> None:
    c = one(run(extractor, text), *triple)
    assert c.modality == modality
    assert not is_fact(c)


def test_refusal_is_an_affirmed_rejection_and_a_hypothetical_attack(extractor: Extractor) -> None:
    e = run(extractor, "Azerbaijan will not allow Israel to attack Iran.")
    rejects = one(e, "AZE", "REJECTS", "ISR")
    assert rejects.polarity == Polarity.AFFIRMED and is_fact(rejects)
    attack = one(e, "ISR", "ATTACKS", "IRN")
    assert attack.modality == Modality.HYPOTHETICAL and not is_fact(attack)


def test_reported_speech_is_attributed_to_the_speaker(extractor: Extractor) -> None:
    e = run(extractor, "Sergei Lavrov said that Russia supports Syria.")
    c = one(e, "RUS", "SUPPORTS", "SYR")
    assert c.modality == Modality.REPORTED and is_fact(c)
    assert c.attributed_to == "person:sergei-lavrov"
    assert c.attributed_to in e.entities


def test_event_date_resolved_against_the_article_date(extractor: Extractor) -> None:
    e = run(extractor, "Russia attacked Ukraine on Monday. In October, Iran supplied drones to Russia.")
    assert one(e, "RUS", "ATTACKS", "UKR").event_date == date(2022, 12, 12)
    assert one(e, "IRN", "SUPPLIES_ARMS", "RUS").event_date == date(2022, 10, 1)


# --- claim invariants ---------------------------------------------------------------------------
INVARIANT_TEXT = (
    "Israel and Turkiye are both supporters of Azerbaijan, providing weapons to Azerbaijan's armed forces.\n\n"
    "Russian Foreign Minister Sergei Lavrov said Moscow would not allow NATO to expand. "
    "Iran is a direct neighbor of Azerbaijan. There has been an Israeli embassy in Baku since 1993."
)


def test_offsets_provenance_and_no_self_loops(extractor: Extractor) -> None:
    e = run(extractor, INVARIANT_TEXT)
    text = e.article.text
    assert e.claims
    for c in e.claims:
        assert c.type in RELATION_TYPES
        assert c.subject_id != c.object_id
        assert text[c.subject_start : c.subject_end] == c.subject_text
        assert text[c.object_start : c.object_end] == c.object_text
        assert text[c.trigger_start : c.trigger_end] == c.trigger_text
        assert c.sentence and c.sentence in text
        assert c.subject_id in e.entities and c.object_id in e.entities
        assert c.extractor == EXTRACTOR_NAME and c.extractor_version == EXTRACTOR_VERSION
        assert 0.0 < c.confidence <= 1.0 and c.rule


def test_possessive_object_and_embassy_since(extractor: Extractor) -> None:
    e = run(extractor, INVARIANT_TEXT)
    arms = one(e, "TUR", "SUPPLIES_ARMS", "AZE")
    assert arms.object_text == "Azerbaijan"  # "Azerbaijan's armed forces" -> Azerbaijan
    embassy = one(e, "ISR", "HAS_EMBASSY_IN", "AZE")
    assert embassy.event_date == date(1993, 1, 1)


def test_deterministic_and_without_duplicates(extractor: Extractor) -> None:
    first = run(extractor, INVARIANT_TEXT)
    second = run(extractor, INVARIANT_TEXT)
    assert [c.id for c in first.claims] == [c.id for c in second.claims]
    assert first.claims == second.claims
    ids = [c.id for c in first.claims]
    assert len(ids) == len(set(ids))


def test_extract_batches_like_extract_one(extractor: Extractor) -> None:
    articles = [
        Article(id="a", text="Russia attacked Ukraine."),
        Article(id="b", text=""),
        Article(id="c", text="France supports Ukraine."),
    ]
    batched = list(extractor.extract(articles, batch_size=2))
    assert [x.article.id for x in batched] == ["a", "b", "c"]
    assert batched[1].claims == [] and batched[1].mentions == []
    assert [c.id for c in batched[2].claims] == [c.id for c in extractor.extract_one(articles[2]).claims]


# --- classes of errors found on Wikinews ------------------------------------------------------
def test_purpose_infinitive_is_an_aim_not_an_event(extractor: Extractor) -> None:
    aim = one(run(extractor, "Russia paid the Taliban to attack American soldiers."), "RUS", "ATTACKS", "USA")
    assert aim.modality == Modality.PLANNED and not is_fact(aim)
    ongoing = one(run(extractor, "Russia continued to attack Ukraine."), "RUS", "ATTACKS", "UKR")
    assert is_fact(ongoing)


def test_failed_to_negates(extractor: Extractor) -> None:
    e = run(extractor, "The talks failed to produce an agreement between Israel and Egypt.")
    signed = claims_of(e, "SIGNS_AGREEMENT_WITH")
    assert signed and all(c.polarity == Polarity.NEGATED for c in signed)


def test_people_attacking_each_other_is_criticism(extractor: Extractor) -> None:
    e = run(extractor, "Joe Biden attacked Donald Trump on Tuesday.")
    assert not claims_of(e, "ATTACKS")
    assert one(e, "person:joe-biden", "CONDEMNS", "person:donald-trump")


def test_a_mayor_leads_the_city_not_the_state(extractor: Extractor) -> None:
    e = run(extractor, "The mayor of London, Sadiq Khan, thanked the police.")
    leads = [c for c in claims_of(e, "LEADER_OF") if c.subject_id == "person:sadiq-khan"]
    assert leads and e.entities[leads[0].object_id].kind.value == "City"


def test_a_name_modifier_is_not_a_party_to_a_meeting(extractor: Extractor) -> None:
    e = run(extractor, "The minister met a Google engineer.")
    assert not claims_of(e, "MEETS_WITH")


def test_an_indefinite_leader_title_is_membership(extractor: Extractor) -> None:
    # "a ... leader" is one of the group's many leaders, not the leader of the group
    ex = run(extractor, "Ahmed Ali, a senior Hamas commander in Gaza, was arrested on Monday.")
    assert not claims_of(ex, "LEADER_OF"), sorted(triples(ex))
    one(ex, "person:ahmed-ali", "MEMBER_OF", "group:hamas")
    ex = run(extractor, "Ismail Haniyeh, the Hamas leader, spoke on Monday.")
    assert claims_of(ex, "LEADER_OF"), sorted(triples(ex))


def test_a_demonym_after_a_comma_is_not_the_country_of_the_place(extractor: Extractor) -> None:
    ex = run(extractor, "The minister met companies working in Tashkent, Uzbek students and teachers.")
    assert not claims_of(ex, "LOCATED_IN"), sorted(triples(ex))
    ex = run(extractor, "Bombings hit Istanbul, Turkey on Monday.")
    assert claims_of(ex, "LOCATED_IN"), sorted(triples(ex))


def test_a_scare_quoted_cue_noun_asserts_nothing(extractor: Extractor) -> None:
    ex = run(extractor, "Critics say Assad’s “war” on ISIL is a sham.")
    assert not claims_of(ex, "FIGHTS"), sorted(triples(ex))
    ex = run(extractor, "Assad’s war on ISIL began in 2015.")
    assert claims_of(ex, "FIGHTS"), sorted(triples(ex))


def test_near_locates_with_less_confidence_than_in(extractor: Extractor) -> None:
    near = claims_of(run(extractor, "ISIL fighters near Mosul fired rockets."), "LOCATED_IN")
    inside = claims_of(run(extractor, "ISIL fighters in Mosul fired rockets."), "LOCATED_IN")
    assert near and inside
    assert max(c.confidence for c in near) < min(c.confidence for c in inside)


def test_a_strike_locates_its_target_not_its_launcher(extractor: Extractor) -> None:
    ex = run(extractor, "In Syria, NATO forces conducted 23 strikes against Hezbollah positions.")
    assert ("org:nato", "LOCATED_IN", "SYR") not in triples(ex), sorted(triples(ex))
    ex = run(extractor, "In Syria, Hezbollah fighters attacked ISIL positions.")
    one(ex, "group:hezbollah", "LOCATED_IN", "SYR")
