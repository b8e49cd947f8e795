"""The seed scorer (must / must_not checks) on a tiny hand-made article and extraction."""

from __future__ import annotations

from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import EntityKind, Modality, Polarity
from ingest.evaluation.seed import score_seed

TEXT = "Ruritania clashed with Freedonia. Strelsau will arm Freedonia.\n\nMost Popular"
#       0         1         2         3         4         5         6
#       0123456789012345678901234567890123456789012345678901234567890123

GOLD = {
    "article": "unused.txt",
    "metadata": {"title": "Ruritania and Freedonia", "published": "2020-01-02", "author": "Desk"},
    "entities": [
        {"canonical": "Ruritania", "kind": "Country", "iso3": "RUR", "mentions": ["Ruritania", "Strelsau"]},
        {"canonical": "Freedonia", "kind": "Country", "iso3": "FRE", "mentions": ["Freedonia"]},
    ],
    "must_not_entities": [
        "'Strelsau' or 'Ruritania' resolved as a Person",
        "'Most Popular' or 'Popular' as an entity",
        "'Strelsau' and 'Ruritania' as two different actors when Strelsau is the one acting",
    ],
    "must": [
        {"subject": "Freedonia", "type": "FIGHTS", "object": "Ruritania", "fact": True},
        {"subject": "Ruritania", "type": "SUPPLIES_ARMS", "object": "Freedonia", "fact": False},
        {"subject": "Freedonia", "type": "SUPPLIES_ARMS", "object": "Ruritania", "fact": True},
    ],
    "must_not_facts": [{"subject": "Freedonia", "type": "FIGHTS", "object": "Ruritania"}],
}

RUR = Entity("RUR", "Ruritania", EntityKind.COUNTRY, iso3="RUR")
FRE = Entity("FRE", "Republic of Freedonia", EntityKind.COUNTRY, iso3="FRE")


def claim(rtype: str, subj: tuple[str, int], obj: tuple[str, int], modality: Modality, sid: str = "RUR") -> Claim:
    return Claim(
        article_id="a", type=rtype, subject_id=sid, object_id="FRE" if sid == "RUR" else "RUR",
        subject_text=subj[0], subject_start=subj[1], subject_end=subj[1] + len(subj[0]),
        object_text=obj[0], object_start=obj[1], object_end=obj[1] + len(obj[0]),
        trigger_text="", trigger_start=0, trigger_end=0, sentence="s", sentence_index=0,
        polarity=Polarity.AFFIRMED, modality=modality,
    )


def extraction(strelsau: Entity = RUR, popular: bool = False) -> Extraction:
    article = Article(id="a", text=TEXT, title="Ruritania and Freedonia", author="Desk")
    ents = {e.id: e for e in (RUR, FRE, strelsau)}
    mentions = [
        Mention("RUR", "Ruritania", 0, 9, "exact", 0),
        Mention("FRE", "Freedonia", 23, 32, "exact", 0),
        Mention(strelsau.id, "Strelsau", 34, 42, "capital-metonymy", 1),
        Mention("FRE", "Freedonia", 52, 61, "exact", 1),
    ]
    if popular:
        ents["popular"] = Entity("popular", "Most Popular", EntityKind.ORGANIZATION)
        mentions.append(Mention("popular", "Most Popular", 64, 76, "ner", 2))
    claims = [
        claim("FIGHTS", ("Ruritania", 0), ("Freedonia", 23), Modality.ASSERTED),
        claim("SUPPLIES_ARMS", ("Strelsau", 34), ("Freedonia", 52), Modality.PLANNED, sid=strelsau.id),
    ]
    return Extraction(article=article, entities=ents, mentions=mentions, claims=claims)


def test_musts_found_with_symmetry_and_fact_status() -> None:
    result = score_seed(extraction(), GOLD)
    by_key = {(m.subject, m.type, m.object): m for m in result.musts}
    assert by_key[("Freedonia", "FIGHTS", "Ruritania")].found  # symmetric: either order
    assert by_key[("Freedonia", "FIGHTS", "Ruritania")].full
    arms = by_key[("Ruritania", "SUPPLIES_ARMS", "Freedonia")]
    assert arms.found and not arms.fact_actual and arms.full  # planned: not a fact, as expected
    assert not by_key[("Freedonia", "SUPPLIES_ARMS", "Ruritania")].found  # not symmetric
    assert (result.found, result.full, result.total) == (2, 2, 3)


def test_fact_eligible_must_not_is_a_violation() -> None:
    result = score_seed(extraction(), GOLD)
    facts = [v for v in result.violations if v.kind == "must_not_fact"]
    assert len(facts) == 1 and "FIGHTS" in facts[0].rule


def test_entity_must_nots() -> None:
    clean = score_seed(extraction(), GOLD)
    assert [v for v in clean.violations if v.kind == "must_not_entity"] == []
    assert clean.unchecked == []
    city_as_person = Entity("strelsau", "Strelsau", EntityKind.PERSON)
    bad = score_seed(extraction(strelsau=city_as_person, popular=True), GOLD)
    rules = {v.rule for v in bad.violations if v.kind == "must_not_entity"}
    assert rules == set(GOLD["must_not_entities"])


def test_metadata_compared_with_the_article() -> None:
    result = score_seed(extraction(), GOLD)
    assert result.metadata["title"]["ok"] and result.metadata["author"]["ok"]
    assert not result.metadata["published"]["ok"]  # the article has no date
