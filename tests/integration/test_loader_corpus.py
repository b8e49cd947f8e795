"""The loader on real extractions: the seed article and the Wikinews corpus
(read from ../shared at test time) through H4's Extractor.

The expected graph is computed here, independently of the loader's Cypher,
from the Extraction itself: which nodes and provenance links it implies, and
which fact edges the documented rule (affirmed claims with a fact modality,
grouped by type and canonical pair, noisy-or confidence) implies.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest
from h5_support import counts, fact_edges

from graph.duplicates import band_keys, sentence_key
from graph.loader import Loader
from graph.models import Extraction
from graph.ontology import DEFAULT_FACT_MODALITIES, RELATION_TYPES, Polarity, canonical_pair

pytestmark = pytest.mark.neo4j


def _read(paths: list[Path]):
    from ingest.readers import Skipped, read_paths

    return [r for r in read_paths(paths) if not isinstance(r, Skipped)]


@pytest.fixture(scope="module")
def seed_extraction(session_extractor, shared_dir: Path) -> Extraction:
    articles = _read([shared_dir / "corpus" / "seed"])
    assert len(articles) == 1
    return session_extractor.extract_one(articles[0])


def expected_facts(extractions: list[Extraction]) -> dict[tuple[str, str, str], dict[str, object]]:
    """The fact edges the documented rule implies, computed in Python."""
    modalities = {m.value for m in DEFAULT_FACT_MODALITIES}
    groups: dict[tuple[str, str, str], list] = defaultdict(list)
    for ex in extractions:
        for c in {c.id: c for c in ex.claims}.values():
            if c.polarity != Polarity.AFFIRMED or str(c.modality) not in modalities:
                continue
            if c.subject_id == c.object_id:
                continue
            a, b = canonical_pair(RELATION_TYPES[c.type], c.subject_id, c.object_id)
            groups[(c.type, a, b)].append((c, ex.article))
    out = {}
    for key, items in groups.items():
        # One piece of evidence per sentence of an outlet (these articles have
        # no near-duplicates): its most confident claim counts once.
        evidence: dict[str, float] = {}
        for c, art in items:
            source = f"outlet:{art.outlet}" if art.outlet else art.id
            k = source + "|" + sentence_key(c.sentence)
            evidence[k] = max(evidence.get(k, 0.0), c.confidence)
        q = 1.0
        for conf in evidence.values():
            q *= 1.0 - min(max(conf, 0.0), 1.0)
        out[key] = {
            "claims": len(items),
            "articles": len({art.id for _, art in items}),
            "confidence": round(min(1.0 - q, 0.99), 4),
        }
    return out


def expected_counts(extractions: list[Extraction]) -> dict[str, int]:
    entities = {eid: e for ex in extractions for eid, e in ex.entities.items()}
    claims = {c.id: (c, ex) for ex in extractions for c in ex.claims}
    kinds = Counter(str(e.kind) for e in entities.values())
    out = {"label:Entity": len(entities), "label:Article": len({ex.article.id for ex in extractions})}
    out.update({f"label:{k}": n for k, n in kinds.items()})
    if claims:
        out["label:Claim"] = len(claims)
        for rel in ("ASSERTS", "SUBJECT", "OBJECT"):
            out[f"rel:{rel}:"] = len(claims)
    speakers = sum(1 for c, _ in claims.values() if c.attributed_to and c.attributed_to in entities)
    if speakers:
        out["rel:ATTRIBUTED_TO:"] = speakers
    mentions = sum(len(ex.mention_counts()) for ex in extractions)
    if mentions:
        out["rel:MENTIONS:"] = mentions
    for (rtype, _, _) in expected_facts(extractions):
        out[f"rel:{rtype}:article"] = out.get(f"rel:{rtype}:article", 0) + 1
    # Near-duplicate detection: one TextBand node per band key of the articles'
    # fingerprints, one IN_BAND link per (article, band) (graph.duplicates).
    articles = {ex.article.id: ex.article for ex in extractions}
    bands = [set(band_keys(a.fingerprint)) for a in articles.values() if a.fingerprint]
    if bands:
        out["label:TextBand"] = len(set().union(*bands))
        out["rel:IN_BAND:"] = sum(len(b) for b in bands)
    return out


def test_seed_article_gives_exactly_the_graph_its_extraction_implies(neo4j_driver, clean_db, seed_extraction):
    db = clean_db
    ex = seed_extraction
    # The seed article is about these three states; the rest comes from the extraction.
    assert {"AZE", "ISR", "IRN"} <= set(ex.entities)
    assert ex.claims, "the Extractor found no claim in the seed article"

    loader = Loader(neo4j_driver, database=db)
    report = loader.load([ex])
    graph = counts(neo4j_driver, db)
    graph.pop("aliases")
    assert graph == expected_counts([ex])
    assert report.claims == len({c.id for c in ex.claims})

    stored = fact_edges(neo4j_driver, db)
    assert {k: {p: v[p] for p in ("claims", "articles", "confidence")} for k, v in stored.items()} == expected_facts(
        [ex]
    )
    # Symmetric types stored once, in canonical direction.
    for rtype, a, b in stored:
        if RELATION_TYPES[rtype].symmetric:
            assert a < b

    with neo4j_driver.session(database=db) as s:
        mentions = dict(
            s.run(
                "MATCH (:Article {id: $id})-[m:MENTIONS]->(e) RETURN e.id, m.count", id=ex.article.id
            ).values()
        )
        assert mentions == ex.mention_counts()
        stored_claims = {
            r["id"]: (r["type"], r["s"], r["o"], r["polarity"], r["modality"])
            for r in s.run(
                "MATCH (c:Claim)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o) "
                "RETURN c.id AS id, c.type AS type, s.id AS s, o.id AS o, c.polarity AS polarity, "
                "c.modality AS modality"
            )
        }
        assert stored_claims == {
            c.id: (c.type, c.subject_id, c.object_id, str(c.polarity), str(c.modality)) for c in ex.claims
        }

    # Loading it again changes nothing.
    before = counts(neo4j_driver, db), stored
    again = loader.load([ex])
    assert (counts(neo4j_driver, db), fact_edges(neo4j_driver, db)) == before
    assert again.claims_removed == 0 and again.fact_edges_deleted == 0


@pytest.mark.slow
def test_wikinews_corpus_has_no_duplicate_entities(neo4j_driver, clean_db, wikinews_extractions):
    db = clean_db
    # Extracted once per session (tests/conftest.py), one per article read, in order.
    extractions = list(wikinews_extractions)
    assert len(extractions) > 250
    Loader(neo4j_driver, database=db, batch_size=50).load(extractions)

    graph = counts(neo4j_driver, db)
    graph.pop("aliases")
    assert graph == expected_counts(extractions)
    stored = fact_edges(neo4j_driver, db)
    assert {k: {p: v[p] for p in ("claims", "articles", "confidence")} for k, v in stored.items()} == expected_facts(
        extractions
    )
    with neo4j_driver.session(database=db) as s:
        by_id = s.run("MATCH (e:Entity) WITH e.id AS id, count(*) AS n WHERE n > 1 RETURN id").value()
        assert by_id == []
        # Canonical name: case- and space-insensitive, within one kind label.
        by_name = s.run(
            "MATCH (e:Entity) "
            "WITH e.kind AS kind, toLower(trim(e.name)) AS name, collect(e.id) AS ids "
            "WHERE size(ids) > 1 RETURN kind, name, ids ORDER BY kind, name"
        ).data()
        assert by_name == []
        assert s.run("MATCH (e:Entity) WHERE size(labels(e)) <> 2 RETURN count(e)").single()[0] == 0
