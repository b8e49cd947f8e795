"""The clause layer (ingest/relations/frames.py): every predicate becomes a frame,
typed through the verbal lexicon, and every frame goes through the context
analysis. Hand-written sentences, one per construction, positive and negative.

Real pipeline (spaCy + gazetteer + resolve + relations): the frames are only
meaningful on real parses.
"""

from __future__ import annotations

import pytest

from graph.models import Article, Claim, Extraction
from graph.ontology import Modality, Polarity, is_fact
from ingest.extract import Extractor
from ingest.relations.frames import frame_of, sentence_frames


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def run(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Article(id=f"test:{hash(text)}", text=text))


def claim(e: Extraction, s: str, t: str, o: str) -> Claim:
    found = [c for c in e.claims if (c.subject_id, c.type, c.object_id) == (s, t, o)]
    assert found, f"no {s} {t} {o} in {[(c.subject_id, c.type, c.object_id) for c in e.claims]}"
    return found[0]


def triples(e: Extraction) -> set[tuple[str, str, str]]:
    return {(c.subject_id, c.type, c.object_id) for c in e.claims}


def fact(c: Claim) -> bool:
    return is_fact(c.polarity, c.modality)


# --- relative clauses ---------------------------------------------------------------------
def test_relative_clause_subject_is_the_modified_noun(extractor: Extractor) -> None:
    e = run(extractor, "Hezbollah, which fought a long war with Israel in 2006, rejected the offer.")
    assert fact(claim(e, "group:hezbollah", "FIGHTS", "ISR"))  # "with" hangs on the object noun "war"


def test_passive_relative_clause_with_by_phrase(extractor: Extractor) -> None:
    e = run(extractor, "The Global Coalition, which was later joined by Australia, sent ships.")
    c = claim(e, "AUS", "MEMBER_OF", "org:global-coalition-against-daesh")
    assert "passive" in c.rule and "relcl" in c.rule


def test_object_relative_pronoun_is_the_modified_noun(extractor: Extractor) -> None:
    e = run(extractor, "Lebanon, which Israel invaded in 1982, protested.")
    assert fact(claim(e, "ISR", "ATTACKS", "LBN"))
    assert ("LBN", "ATTACKS", "ISR") not in triples(e)


def test_relative_clause_inherits_reported_speech(extractor: Extractor) -> None:
    e = run(extractor, "Officials said that Hezbollah, which attacked Israel, would withdraw.")
    c = claim(e, "group:hezbollah", "ATTACKS", "ISR")
    assert c.modality == Modality.REPORTED


def test_relative_clause_under_a_hypothetical_is_not_a_fact(extractor: Extractor) -> None:
    e = run(extractor, "If Hamas, which attacks Israel, wins the vote, Egypt will mediate.")
    assert not fact(claim(e, "group:hamas", "ATTACKS", "ISR"))


def test_relative_clause_is_not_under_the_main_negation(extractor: Extractor) -> None:
    # what a relative clause says of its noun is presupposed, not negated
    e = run(extractor, "Turkey did not condemn Hezbollah, which attacked Israel.")
    assert claim(e, "TUR", "CONDEMNS", "group:hezbollah").polarity == Polarity.NEGATED
    assert claim(e, "group:hezbollah", "ATTACKS", "ISR").polarity == Polarity.AFFIRMED


def test_apposition_and_copula_nouns_stand_for_their_name(extractor: Extractor) -> None:
    e = run(extractor, "Hezbollah, a group backed by Iran, fired rockets.")
    assert fact(claim(e, "IRN", "SUPPORTS", "group:hezbollah"))
    e = run(extractor, "Hamas is the group that attacked Israel.")
    assert fact(claim(e, "group:hamas", "ATTACKS", "ISR"))
    e = run(extractor, "Hamas is not the group that attacked Israel.")
    assert claim(e, "group:hamas", "ATTACKS", "ISR").polarity == Polarity.NEGATED


# --- participial and reduced clauses --------------------------------------------------------
def test_participial_clause_takes_the_main_subject(extractor: Extractor) -> None:
    e = run(extractor, "Russian jets fired rockets into Syria, striking Damascus.")
    c = claim(e, "RUS", "ATTACKS", "SYR")
    assert fact(c)


def test_participial_clause_inherits_negation(extractor: Extractor) -> None:
    e = run(extractor, "Russian jets did not fire rockets into Syria, striking Damascus.")
    assert claim(e, "RUS", "ATTACKS", "SYR").polarity == Polarity.NEGATED


def test_participial_clause_inherits_the_future(extractor: Extractor) -> None:
    e = run(extractor, "Russian jets will fire rockets into Syria, striking Damascus.")
    assert claim(e, "RUS", "ATTACKS", "SYR").modality == Modality.PLANNED


def test_participle_on_a_message_is_its_authors_act(extractor: Extractor) -> None:
    e = run(extractor, "Antony Blinken published a statement on Facebook condemning Russia for the raid.")
    assert fact(claim(e, "person:antony-blinken", "CONDEMNS", "RUS"))
    assert not any(c.subject_text == "Facebook" for c in e.claims)
    e = run(extractor, "Antony Blinken did not publish a statement condemning Russia.")
    assert claim(e, "person:antony-blinken", "CONDEMNS", "RUS").polarity == Polarity.NEGATED


def test_participle_on_a_weapon_is_its_users_act(extractor: Extractor) -> None:
    e = run(extractor, "Iran launched missiles targeting American troops in Iraq.")
    assert fact(claim(e, "IRN", "ATTACKS", "USA"))
    e = run(extractor, "Iran will not launch missiles targeting American troops.")
    assert not fact(claim(e, "IRN", "ATTACKS", "USA"))


def test_participle_on_a_noun_takes_the_noun(extractor: Extractor) -> None:
    e = run(extractor, "French diplomats urging Iran to release the prisoners arrived in Geneva.")
    assert ("FRA", "DEMANDS", "IRN") in triples(e)


def test_participle_on_a_plain_noun_is_not_its_governors_act(extractor: Extractor) -> None:
    # a drone that attacks ships is the drone's act, not the interceptor's
    e = run(extractor, "Israel intercepted a drone attacking Egypt.")
    assert ("ISR", "ATTACKS", "EGY") not in triples(e)


def test_a_nouns_infinitive_is_its_possessors_or_users_aim(extractor: Extractor) -> None:
    e = run(extractor, "Russia's decision to attack Ukraine shocked Europe.")
    c = claim(e, "RUS", "ATTACKS", "UKR")
    assert not fact(c) and c.modality == Modality.PLANNED
    e = run(extractor, "The Global Coalition made efforts to defeat ISIL.")
    assert ("org:global-coalition-against-daesh", "FIGHTS", "group:isil") in triples(e)
    e = run(extractor, "Germany gave Israel permission to attack Hamas.")
    assert ("DEU", "ATTACKS", "group:hamas") not in triples(e)


# --- coordination ---------------------------------------------------------------------------
def test_conjoined_verbs_share_subject_and_object(extractor: Extractor) -> None:
    e = run(extractor, "Germany condemned and sanctioned Belarus.")
    assert fact(claim(e, "DEU", "CONDEMNS", "BLR"))
    assert fact(claim(e, "DEU", "SANCTIONS", "BLR"))


def test_conjoined_bare_verbs_share_negation(extractor: Extractor) -> None:
    e = run(extractor, "Germany will not condemn or attack Belarus.")
    assert claim(e, "DEU", "ATTACKS", "BLR").polarity == Polarity.NEGATED
    assert claim(e, "DEU", "CONDEMNS", "BLR").polarity == Polarity.NEGATED


def test_coordinated_objects_with_appositions_each_get_the_frame(extractor: Extractor) -> None:
    e = run(
        extractor,
        "Abdel Fattah el-Sisi met his Greek counterpart, Nikos Dendias, and the Cypriot president, Nicos Anastasiades.",
    )
    assert ("person:abdel-fattah-el-sisi", "MEETS_WITH", "person:nikos-dendias") in triples(e)
    assert ("person:abdel-fattah-el-sisi", "MEETS_WITH", "person:nicos-anastasiades") in triples(e)


def test_coordinated_subjects(extractor: Extractor) -> None:
    e = run(extractor, "France and Germany condemned Belarus.")
    assert {("FRA", "CONDEMNS", "BLR"), ("DEU", "CONDEMNS", "BLR")} <= triples(e)


def test_conjoined_passive_in_a_relative_clause_takes_its_noun(extractor: Extractor) -> None:
    e = run(extractor, "The Golan Heights, which belonged to Syria and was occupied by Israel, is disputed.")
    assert ("ISR", "ATTACKS", "region:golan-heights") in triples(e)
    assert ("SYR", "ATTACKS", "region:golan-heights") not in triples(e)


def test_coordinated_agents_of_a_reciprocal_cue_are_each_others_party(extractor: Extractor) -> None:
    e = run(extractor, "Turkey and Libya signed an agreement.")
    assert ("TUR", "SIGNS_AGREEMENT_WITH", "LBY") in triples(e)
    e = run(extractor, "Turkey and Libya attacked the rebels.")
    assert ("TUR", "ATTACKS", "LBY") not in triples(e)  # not a reciprocal type
    e = run(extractor, "Turkey and Libya met journalists.")
    assert ("TUR", "MEETS_WITH", "LBY") not in triples(e)  # the other party is named, though no entity


# --- typing ----------------------------------------------------------------------------------
def test_a_required_object_noun_stands_for_its_owner(extractor: Extractor) -> None:
    e = run(extractor, "Athens expelled the Libyan ambassador over the deal.")
    assert fact(claim(e, "GRC", "CUTS_TIES_WITH", "LBY"))
    e = run(extractor, "Athens expelled the protesters from Libya.")
    assert not any(c.type == "CUTS_TIES_WITH" for c in e.claims)


def test_a_stance_on_an_act_is_a_stance_on_its_agent(extractor: Extractor) -> None:
    e = run(extractor, "Germany condemned the decision by Russia to annex Crimea.")
    assert fact(claim(e, "DEU", "CONDEMNS", "RUS"))
    # not for acts of violence: attacking a convoy is not attacking whoever sent it
    e = run(extractor, "Germany attacked the convoy sent by Russia.")
    assert ("DEU", "ATTACKS", "RUS") not in triples(e)


# --- passives, control, raising -------------------------------------------------------------
def test_conjoined_passives_share_subject_and_agent(extractor: Extractor) -> None:
    e = run(extractor, "Abu Bakr al-Baghdadi was struck and killed by Iraqi forces.")
    rules = {c.rule for c in e.claims if (c.subject_id, c.type) == ("IRQ", "ATTACKS")}
    assert any("shared-agent" in r for r in rules) and any("conj-subject" in r for r in rules)


def test_passive_with_and_without_by_phrase(extractor: Extractor) -> None:
    e = run(extractor, "Belarus was sanctioned by Germany.")
    assert fact(claim(e, "DEU", "SANCTIONS", "BLR"))
    e = run(extractor, "Belarus was sanctioned on Monday.")
    assert not e.claims  # no agent, no two-place claim


def test_raising_passive_takes_the_raised_subject(extractor: Extractor) -> None:
    e = run(extractor, "Russian jets were reported to have bombed Damascus.")
    c = claim(e, "RUS", "ATTACKS", "SYR")
    assert not fact(c)  # "reported to have" is an allegation


def test_object_control_is_a_directive_not_an_event(extractor: Extractor) -> None:
    e = run(extractor, "Egypt urged Israel to attack Hamas.")
    assert fact(claim(e, "EGY", "DEMANDS", "ISR"))
    assert claim(e, "ISR", "ATTACKS", "group:hamas").modality == Modality.PLANNED
    e = run(extractor, "Israel was urged to attack Hamas.")
    assert not fact(claim(e, "ISR", "ATTACKS", "group:hamas"))


def test_subject_control_under_a_negation(extractor: Extractor) -> None:
    e = run(extractor, "Israel did not agree to attack Hamas.")
    assert claim(e, "ISR", "ATTACKS", "group:hamas").polarity == Polarity.NEGATED


# --- the frames themselves ------------------------------------------------------------------
def test_frames_name_their_roles_and_constructions(extractor: Extractor) -> None:
    doc = extractor.nlp("The Global Coalition, which was joined by Australia, sent ships.")
    frames = {f.predicate.lemma_: f for f in sentence_frames(next(iter(doc.sents)))}
    join = frames["join"]
    assert join.passive and [t.text for t in join.agents] == ["Australia"]
    assert [t.text for t in join.patients] == ["Coalition"] and "relcl" in join.how
    assert join.kind == "verbal"
    assert frame_of(doc[1]) is None  # not a verb
