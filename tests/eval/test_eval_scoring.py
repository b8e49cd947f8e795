"""The scorer's arithmetic on tiny hand-made gold and prediction sets."""

from __future__ import annotations

import pytest

from graph.ontology import EntityKind, Modality, Polarity
from ingest.evaluation.entity_scoring import match_entities
from ingest.evaluation.metrics import PRF
from ingest.evaluation.predictions import PredClaim, PredMention
from ingest.evaluation.proper_names import is_proper_name
from ingest.evaluation.re3d import GoldEntity, GoldRelation
from ingest.evaluation.relation_scoring import match_relations, predictions_from_claims

# "Iraqi forces attacked ISIL in Mosul."
#  0123456789012345678901234567890123456
TEXT = "Iraqi forces attacked ISIL in Mosul."


def gold_entities() -> list[GoldEntity]:
    return [
        GoldEntity(0, 12, "Organisation", "Iraqi forces"),
        GoldEntity(22, 26, "Organisation", "ISIL"),
        GoldEntity(30, 35, "Location", "Mosul"),
    ]


def test_prf_figures() -> None:
    prf = PRF(tp=3, fp=1, fn=2)
    assert prf.precision == pytest.approx(0.75)
    assert prf.recall == pytest.approx(0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0


def test_lenient_and_strict_entity_match() -> None:
    preds = [
        PredMention(0, 5, "Iraqi", EntityKind.COUNTRY, "demonym"),  # overlaps "Iraqi forces"
        PredMention(22, 26, "ISIL", EntityKind.GROUP),  # exact
        PredMention(30, 35, "Mosul", EntityKind.PERSON),  # wrong type
    ]
    lenient = match_entities(preds, gold_entities(), strict=False)
    assert lenient.overall == PRF(tp=2, fp=1, fn=1)
    assert lenient.per_type["Organisation"] == PRF(tp=2)
    assert lenient.per_type["Location"] == PRF(fn=1)
    assert lenient.per_type["Person"] == PRF(fp=1)
    strict = match_entities(preds, gold_entities(), strict=True)
    assert strict.overall == PRF(tp=1, fp=2, fn=2)
    assert strict.overall.precision == pytest.approx(1 / 3)
    assert strict.overall.recall == pytest.approx(1 / 3)


def test_each_gold_entity_matched_once() -> None:
    preds = [
        PredMention(0, 5, "Iraqi", EntityKind.COUNTRY, "demonym"),
        PredMention(6, 12, "forces", EntityKind.GROUP),
    ]
    result = match_entities(preds, gold_entities()[:1], strict=False)
    # the larger overlap wins the one gold entity; the other is a false positive
    assert result.overall == PRF(tp=1, fp=1, fn=0)
    assert result.matches[0][0].text == "forces"


def test_country_matches_organisation_or_location_and_demonym_nationality() -> None:
    golds = [
        GoldEntity(0, 4, "Organisation", "Iraq"),
        GoldEntity(10, 14, "Location", "Iraq"),
        GoldEntity(20, 25, "Nationality", "Iraqi"),
    ]
    preds = [
        PredMention(0, 4, "Iraq", EntityKind.COUNTRY, "exact"),
        PredMention(10, 14, "Iraq", EntityKind.COUNTRY, "exact"),
        PredMention(20, 25, "Iraqi", EntityKind.COUNTRY, "demonym"),
    ]
    assert match_entities(preds, golds, strict=True).overall == PRF(tp=3)
    # a non-demonym Country mention does not match a Nationality
    no_demonym = [PredMention(20, 25, "Iraqi", EntityKind.COUNTRY, "exact")]
    assert match_entities(no_demonym, golds[2:], strict=False).overall == PRF(fp=1, fn=1)


def claim(
    rtype: str,
    subj: tuple[int, int],
    obj: tuple[int, int],
    polarity: Polarity = Polarity.AFFIRMED,
) -> PredClaim:
    return PredClaim(
        type=rtype,
        subject_text=TEXT[subj[0] : subj[1]],
        subject_start=subj[0],
        subject_end=subj[1],
        object_text=TEXT[obj[0] : obj[1]],
        object_start=obj[0],
        object_end=obj[1],
        polarity=polarity,
        modality=Modality.ASSERTED,
    )


def grel(rtype: str, head: tuple[int, int], tail: tuple[int, int], text: str = TEXT) -> GoldRelation:
    return GoldRelation(
        rtype, text[head[0] : head[1]], head[0], head[1], "", text[tail[0] : tail[1]],
        tail[0], tail[1], "", "",
    )


def test_relation_match_by_overlap_type_and_direction() -> None:
    golds = [grel("FightingAgainst", (0, 12), (22, 26)), grel("CoLocated", (22, 26), (30, 35))]
    preds = predictions_from_claims(
        [
            claim("ATTACKS", (0, 5), (22, 26)),  # TP: subject overlaps head, object = tail
            claim("ATTACKS", (22, 26), (0, 5)),  # reversed: FP (not symmetric)
            claim("LOCATED_IN", (30, 35), (22, 26)),  # reversed CoLocated: FP
        ]
    )
    result = match_relations(preds, golds)
    assert result.overall == PRF(tp=1, fp=2, fn=1)
    assert result.per_type["FightingAgainst"] == PRF(tp=1, fp=1)
    assert result.per_type["CoLocated"] == PRF(fp=1, fn=1)


def test_symmetric_types_match_either_order_and_gold_matched_once() -> None:
    golds = [grel("CommWith", (0, 12), (22, 26))]
    preds = predictions_from_claims(
        [claim("MEETS_WITH", (22, 26), (0, 5)), claim("NEGOTIATES_WITH", (22, 26), (6, 12))]
    )
    result = match_relations(preds, golds)
    assert result.overall == PRF(tp=1, fp=1, fn=0)


def test_negated_and_unmapped_claims_are_not_predictions() -> None:
    preds = predictions_from_claims(
        [
            claim("ATTACKS", (0, 5), (22, 26), Polarity.NEGATED),
            claim("BORDERS", (0, 5), (30, 35)),
        ]
    )
    assert preds == []


def test_same_re3d_type_on_same_spans_is_one_prediction() -> None:
    preds = predictions_from_claims(
        [claim("SUPPORTS", (0, 5), (22, 26)), claim("PROVIDES_AID", (0, 5), (22, 26))]
    )
    assert len(preds) == 1
    assert len(preds[0].claims) == 2


def test_proper_name_subset_counts() -> None:
    text = "We attacked ISIL. Iraq attacked ISIL."
    golds = [
        grel("FightingAgainst", (0, 2), (12, 16), text),  # pronoun head: not in subset
        grel("FightingAgainst", (18, 22), (32, 36), text),  # proper
    ]
    p = PredClaim("ATTACKS", "We", 0, 2, "ISIL", 12, 16)
    q = PredClaim("ATTACKS", "ISIL", 12, 16, "Iraq", 18, 22)  # wrong, proper: subset FP
    result = match_relations(predictions_from_claims([p, q]), golds)
    assert result.overall == PRF(tp=1, fp=1, fn=1)
    assert result.proper == PRF(tp=0, fp=1, fn=1)


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("ISIL", True),
        ("Haider al-Abadi", True),
        ("al-Qaida", True),
        ("Iraqi security forces", True),
        ("we", False),
        ("He", False),
        ("the Army", False),
        ("The Members of the Security Council", False),
        ("a coalition aircraft", False),
        ("their supporters", False),
        ("rebels", False),
        ("coalition forces", False),
    ],
)
def test_is_proper_name(text: str, proper: bool) -> None:
    assert is_proper_name(text) is proper


def test_error_records_carry_class_and_sentence() -> None:
    from ingest.evaluation.errors import entity_errors, relation_errors, summarise
    from ingest.evaluation.re3d import GoldDocument

    text = "We attacked ISIL. Iraq attacked ISIL."
    doc = GoldDocument(
        "d1", "test", "", "", text,
        entities=(
            GoldEntity(0, 2, "Organisation", "We"),
            GoldEntity(12, 16, "Organisation", "ISIL"),
            GoldEntity(18, 22, "Organisation", "Iraq"),
            GoldEntity(32, 36, "Organisation", "ISIL"),
        ),
        relations=(grel("FightingAgainst", (18, 22), (32, 36), text),),
    )
    mentions = [
        PredMention(12, 16, "ISIL", EntityKind.GROUP),
        PredMention(18, 22, "Iraq", EntityKind.COUNTRY),
        PredMention(32, 36, "ISIL", EntityKind.PERSON),  # wrong type
    ]
    ents = match_entities(mentions, list(doc.entities), strict=False)
    records = entity_errors("x", doc, mentions, ents)
    classes = sorted((r.error, r.error_class) for r in records)
    assert classes == [
        ("FN", "found with wrong type (gold Organisation)"),
        ("FN", "gold pronoun"),
        ("FP", "type mismatch: Person vs gold Organisation"),
    ]
    assert all(r.sentence in ("We attacked ISIL.", "Iraq attacked ISIL.") for r in records)
    reversed_claim = PredClaim("ATTACKS", "ISIL", 32, 36, "Iraq", 18, 22, sentence="Iraq attacked ISIL.")
    rels = match_relations(predictions_from_claims([reversed_claim]), list(doc.relations))
    rel_records = relation_errors("x", doc, mentions, [reversed_claim], rels)
    assert sorted((r.error, r.error_class) for r in rel_records) == [
        ("FN", "claim in reversed direction"),
        ("FP", "reversed direction"),
    ]
    summary = summarise(records + rel_records)
    assert sum(item["count"] for item in summary) == 5


def test_matching_maximises_the_number_of_matches() -> None:
    # "Iraq and Syria" overlaps both gold entities more than "Syria" overlaps one;
    # the best one-to-one matching still pairs each gold entity with a prediction.
    golds = [GoldEntity(0, 4, "Location", "Iraq"), GoldEntity(9, 14, "Location", "Syria")]
    preds = [
        PredMention(0, 14, "Iraq and Syria", EntityKind.COUNTRY),
        PredMention(9, 14, "Syria", EntityKind.COUNTRY),
    ]
    result = match_entities(preds, golds, strict=False)
    assert result.overall == PRF(tp=2)
    assert sorted((p.text, g.text) for p, g in result.matches) == [
        ("Iraq and Syria", "Iraq"),
        ("Syria", "Syria"),
    ]


def test_sentence_index_keeps_abbreviations_inside_sentences() -> None:
    from ingest.evaluation.spans import SentenceIndex

    text = "Isiah L. Booker met U.S. Army Gen. Votel on Jan. 7. He left.\nNext line"
    index = SentenceIndex(text)
    assert index.sentence_at(text.index("Booker")) == "Isiah L. Booker met U.S. Army Gen. Votel on Jan. 7."
    assert index.sentence_at(text.index("left")) == "He left."
    assert index.sentence_at(text.index("Next")) == "Next line"


def test_symmetric_gold_annotated_both_ways_is_one_relation() -> None:
    from ingest.evaluation.relation_scoring import scored_gold

    golds = [
        grel("CommWith", (0, 12), (22, 26)),
        grel("CommWith", (22, 26), (0, 12)),  # the same meeting, other direction
        grel("FightingAgainst", (0, 12), (22, 26)),
        grel("FightingAgainst", (22, 26), (0, 12)),  # directed: a second relation
        grel("HasAttrOf", (0, 12), (22, 26)),  # no project type: not scored
    ]
    kept = scored_gold(golds)
    assert [g.type for g in kept] == ["CommWith", "FightingAgainst", "FightingAgainst"]
    preds = predictions_from_claims([claim("MEETS_WITH", (22, 26), (0, 5))])
    assert match_relations(preds, kept[:1]).overall == PRF(tp=1)
