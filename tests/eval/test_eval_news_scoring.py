"""The news-gold scorer (recall, precision, violations, traps) on a tiny hand-made article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import EntityKind, Modality, Polarity
from ingest.evaluation.entity_traps import entity_checks
from ingest.evaluation.news_gold import NewsGoldError, NewsResult, find_articles, score_news, score_news_article

TEXT = (
    "Ruritania attacked Freedonia on Monday. "
    "Strelsau's minister Rudolf Rassendyll met the Freedonian president. "
    "Ruritania may sign a deal with Freedonia."
)
S2 = TEXT.index("Strelsau")
S3 = TEXT.index("Ruritania may")

GOLD = {
    "url": "https://news.example.org/wiki/Ruritania",
    "title": "Ruritania and Freedonia",
    "entities": [
        {"canonical": "Ruritania", "kind": "Country", "iso3": "RUR", "mentions": ["Ruritania", "Strelsau"]},
        {"canonical": "Freedonia", "kind": "Country", "iso3": "FRE", "mentions": ["Freedonia", "Freedonian"]},
        {"canonical": "Rudolf Rassendyll", "kind": "Person", "mentions": ["Rudolf Rassendyll"]},
    ],
    "must": [
        {"subject": "Ruritania", "type": "ATTACKS", "object": "Freedonia", "fact": True,
         "why": "Ruritania attacked Freedonia", "alt_types": ["FIGHTS"]},
        {"subject": "Rudolf Rassendyll", "type": "OFFICIAL_OF", "object": "Ruritania", "fact": True,
         "why": "Strelsau's minister Rudolf Rassendyll"},
        {"subject": "Freedonia", "type": "MEETS_WITH", "object": "Rudolf Rassendyll", "fact": True,
         "why": "met the Freedonian president", "implicit": True},
        {"subject": "Ruritania", "type": "SIGNS_AGREEMENT_WITH", "object": "Freedonia", "fact": False,
         "why": "may sign a deal with Freedonia"},
    ],
    "must_not_facts": [{"subject": "Freedonia", "type": "ATTACKS", "object": "Ruritania", "why": "nothing"}],
    "must_not_entities": [
        "'Strelsau' resolved as a Person",
        "'Rassendyll' and 'Rudolf Rassendyll' as two people",
        "'Strelsau' as an actor separate from Ruritania (it is the capital)",
        "'Freedonian' as the president's nationality when it is a Tuesday",
    ],
}

RUR = Entity("RUR", "Ruritania", EntityKind.COUNTRY, iso3="RUR")
FRE = Entity("FRE", "Republic of Freedonia", EntityKind.COUNTRY, iso3="FRE")
RUDOLF = Entity("person:rudolf", "Rudolf Rassendyll", EntityKind.PERSON)


def claim(rtype: str, subj: Entity, subj_text: str, obj: Entity, obj_text: str,
          modality: Modality = Modality.ASSERTED, polarity: Polarity = Polarity.AFFIRMED) -> Claim:
    s, o = TEXT.index(subj_text), TEXT.index(obj_text)
    return Claim(
        article_id="a", type=rtype, subject_id=subj.id, object_id=obj.id,
        subject_text=subj_text, subject_start=s, subject_end=s + len(subj_text),
        object_text=obj_text, object_start=o, object_end=o + len(obj_text),
        trigger_text="", trigger_start=0, trigger_end=0, sentence=f"sentence of {subj_text}", sentence_index=0,
        polarity=polarity, modality=modality,
    )


def extraction(claims: list[Claim], strelsau: Entity = RUR) -> Extraction:
    article = Article(id="a", text=TEXT, url=GOLD["url"])
    mentions = [
        Mention("RUR", "Ruritania", 0, 9, "exact", 0),
        Mention("FRE", "Freedonia", 19, 28, "exact", 0),
        Mention(strelsau.id, "Strelsau", S2, S2 + 8, "capital-metonymy", 1),
        Mention(RUDOLF.id, "Rudolf Rassendyll", TEXT.index("Rudolf"), TEXT.index("Rudolf") + 17, "exact", 1),
        Mention("RUR", "Ruritania", S3, S3 + 9, "exact", 2),
    ]
    ents = {e.id: e for e in (RUR, FRE, RUDOLF, strelsau)}
    return Extraction(article=article, entities=ents, mentions=mentions, claims=claims)


def test_recall_counts_fact_claims_only_and_alt_types_count() -> None:
    ex = extraction([
        claim("FIGHTS", RUR, "Ruritania", FRE, "Freedonia"),  # alt type of the ATTACKS gold
        claim("OFFICIAL_OF", RUDOLF, "Rudolf Rassendyll", RUR, "Strelsau", modality=Modality.PLANNED),
    ])
    result = NewsResult("g", "c", articles=[score_news_article(ex, GOLD)])
    by_key = {(m.subject, m.type): m for m in result.articles[0].musts}
    assert by_key[("Ruritania", "ATTACKS")].found_fact
    official = by_key[("Rudolf Rassendyll", "OFFICIAL_OF")]
    assert official.found_any and not official.found_fact  # planned: not a fact claim
    assert result.recall(result.musts()) == {"found": 1, "total": 3, "recall": 0.3333, "found_any_claim": 2}
    assert result.recall(result.musts(explicit_only=True))["total"] == 2  # the implicit one left out


def test_meets_with_matches_either_direction_and_gold_mentions_resolve() -> None:
    # The host named second: "Rudolf met Freedonia" matches gold "Freedonia MEETS_WITH Rudolf";
    # FRE is called "Republic of Freedonia" here and still matches by ISO3.
    ex = extraction([claim("MEETS_WITH", RUDOLF, "Rudolf Rassendyll", FRE, "Freedonian")])
    article = score_news_article(ex, GOLD)
    meets = next(m for m in article.musts if m.type == "MEETS_WITH")
    assert meets.found_fact
    assert [f.outcome for f in article.fact_claims] == ["tp"]


def test_precision_over_distinct_fact_claims_and_violations() -> None:
    ex = extraction([
        claim("ATTACKS", RUR, "Ruritania", FRE, "Freedonia"),
        claim("ATTACKS", RUR, "Ruritania", FRE, "Freedonia"),  # the same triple again: one claim
        claim("ATTACKS", FRE, "Freedonia", RUR, "Ruritania"),  # a must_not_facts trap
        claim("SIGNS_AGREEMENT_WITH", FRE, "Freedonia", RUR, "Ruritania"),  # gold fact: false, symmetric
        claim("SUPPORTS", RUR, "Ruritania", FRE, "Freedonia"),  # no gold claim of that type
        claim("CONDEMNS", RUR, "Ruritania", FRE, "Freedonia", polarity=Polarity.NEGATED),  # not a fact
    ])
    article = score_news_article(ex, GOLD)
    outcomes = sorted((f.type, f.outcome) for f in article.fact_claims)
    assert outcomes == [("ATTACKS", "tp"), ("ATTACKS", "violation"), ("SIGNS_AGREEMENT_WITH", "violation"),
                        ("SUPPORTS", "fp")]
    result = NewsResult("g", "c", articles=[article])
    assert result.precision(result.claims()) == {"tp": 1, "fact_claims": 4, "precision": 0.25}
    fp = next(f for f in article.fact_claims if f.outcome == "fp")
    assert fp.why == "wrong type (gold: ATTACKS)"
    records = result.error_records("extractor")
    assert {r["error"] for r in records if r["task"] == "news-claim"} == {"FP", "VIOLATION"}
    assert all(r["sentence"] for r in records)


def test_misses_say_whether_both_arguments_share_a_sentence() -> None:
    article = score_news_article(extraction([]), GOLD)
    by_type = {m.type: m for m in article.musts}
    assert by_type["ATTACKS"].layer == "relation"  # Ruritania and Freedonia in sentence 0
    assert by_type["OFFICIAL_OF"].layer == "relation"  # Strelsau (= Ruritania) and Rudolf in sentence 1
    assert by_type["ATTACKS"].sentence == "Ruritania attacked Freedonia on Monday."
    # Freedonia is only mentioned in sentence 0, Rudolf only in sentence 1
    assert by_type["MEETS_WITH"].layer == "entity" and by_type["MEETS_WITH"].both_in_article


def test_entity_traps_fire_and_free_text_stays_unchecked() -> None:
    checks, unchecked = entity_checks(GOLD)
    assert unchecked == ["'Freedonian' as the president's nationality when it is a Tuesday"]
    assert not score_news_article(extraction([]), GOLD).traps_fired
    strelsau_person = Entity("person:strelsau", "Strelsau", EntityKind.PERSON)
    rassendyll = Entity("person:rassendyll", "Rassendyll", EntityKind.PERSON)
    ex = extraction([claim("ATTACKS", strelsau_person, "Strelsau", FRE, "Freedonia")], strelsau=strelsau_person)
    ex.entities[rassendyll.id] = rassendyll
    ex.mentions.append(Mention(rassendyll.id, "Rassendyll", len(TEXT) - 10, len(TEXT), "exact", 2))
    fired = score_news_article(ex, GOLD).traps_fired
    assert set(fired) == set(GOLD["must_not_entities"][:3])


def test_articles_are_found_by_url_and_missing_ones_reported(tmp_path: Path) -> None:
    other = dict(GOLD, url="https://news.example.org/wiki/Elsewhere")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text(json.dumps(GOLD) + "\n" + json.dumps(other) + "\n", encoding="utf-8")
    corpus = {GOLD["url"]: Article(id="a", text=TEXT, url=GOLD["url"])}
    pairs, missing = find_articles([GOLD, other], corpus)
    assert [g["url"] for g, _ in pairs] == [GOLD["url"]] and missing == [other["url"]]
    result = score_news(lambda a: extraction([]), gold_file, tmp_path, articles=corpus)
    assert result.not_found == [other["url"]] and len(result.articles) == 1
    with pytest.raises(NewsGoldError, match="none of the 2 articles"):
        score_news(lambda a: extraction([]), gold_file, tmp_path, articles={})
