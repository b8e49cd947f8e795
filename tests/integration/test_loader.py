"""The loader against the real Neo4j: the exact graph of hand-built extractions,
idempotence, re-ingestion, symmetric storage, fact-edge rules and atomicity."""

from __future__ import annotations

from datetime import date

import pytest
from h5_support import ALIYEV, AZE, BAKU, IRN, ISR, claim, counts, extraction, fact_edges

from graph.cypher import ranking
from graph.cypher import write as cypher
from graph.loader import InvalidExtraction, Loader, plan_batch
from graph.models import Entity
from graph.ontology import EntityKind, Modality, Polarity

pytestmark = pytest.mark.neo4j

A1 = "https://example.org/news/1"
A2 = "https://example.org/news/2"


def first_article(version: str = "1"):
    claims = [
        claim(A1, "SUPPLIES_ARMS", ISR, AZE, 0, confidence=0.8, version=version),
        claim(A1, "SUPPLIES_ARMS", ISR, AZE, 100, confidence=0.5, version=version),
        # Symmetric: both raw directions feed one edge stored AZE -> IRN.
        claim(A1, "FIGHTS", IRN, AZE, 200, confidence=0.6, version=version),
        claim(A1, "FIGHTS", AZE, IRN, 300, confidence=0.5, version=version),
        # Not facts: negated, hypothetical, alleged.
        claim(A1, "ATTACKS", IRN, ISR, 400, polarity=Polarity.NEGATED, version=version),
        claim(A1, "ATTACKS", IRN, AZE, 500, modality=Modality.HYPOTHETICAL, version=version),
        claim(A1, "SANCTIONS", ISR, IRN, 550, modality=Modality.ALLEGED, version=version),
        # Reported speech: a fact, attributed to the speaker.
        claim(
            A1,
            "ACCUSES",
            AZE,
            IRN,
            600,
            modality=Modality.REPORTED,
            attributed_to=ALIYEV.id,
            event_date=date(2022, 12, 14),
            version=version,
        ),
    ]
    return extraction(
        A1,
        claims,
        [AZE, ISR, IRN, BAKU, ALIYEV],
        mentions={"AZE": 3, "ISR": 2, "IRN": 2, "Q9248": 1, "ilham-aliyev": 1},
    )


def second_article():
    israel = Entity("ISR", "State of Israel", EntityKind.COUNTRY, aliases=("Israel",), iso3="ISR")
    return extraction(
        A2,
        [claim(A2, "SUPPLIES_ARMS", israel, AZE, 0, confidence=0.7)],
        [israel, AZE],
        outlet="Other Post",
        published=date(2023, 1, 5),
    )


def test_exact_graph_of_two_articles(neo4j_driver, clean_db):
    db = clean_db
    report = Loader(neo4j_driver, database=db).load([first_article(), second_article()])

    assert (report.articles, report.entities, report.claims, report.mentions) == (2, 5, 9, 7)
    assert report.fact_edges == 3 and report.fact_edges_deleted == 0 and report.batches == 1
    assert counts(neo4j_driver, db) == {
        "label:Entity": 5,
        "label:Country": 3,
        "label:City": 1,
        "label:Person": 1,
        "label:Article": 2,
        "label:Claim": 9,
        "rel:ASSERTS:": 9,
        "rel:SUBJECT:": 9,
        "rel:OBJECT:": 9,
        "rel:ATTRIBUTED_TO:": 1,
        "rel:MENTIONS:": 7,
        "rel:SUPPLIES_ARMS:article": 1,
        "rel:FIGHTS:article": 1,
        "rel:ACCUSES:article": 1,
        # Azeri, Islamic Republic of Iran, and "State of Israel" from article 2.
        "aliases": 3,
    }

    facts = fact_edges(neo4j_driver, db)
    assert set(facts) == {
        ("SUPPLIES_ARMS", "ISR", "AZE"),
        ("FIGHTS", "AZE", "IRN"),
        ("ACCUSES", "AZE", "IRN"),
    }
    arms = facts[("SUPPLIES_ARMS", "ISR", "AZE")]
    assert (arms["claims"], arms["articles"], arms["outlets"]) == (3, 2, 2)
    assert arms["first_seen"].to_native() == date(2022, 12, 16)
    assert arms["last_seen"].to_native() == date(2023, 1, 5)
    assert arms["confidence"] == pytest.approx(1 - 0.2 * 0.5 * 0.3)
    assert (arms["sign"], arms["cameo"], arms["plover"]) == (7.4, "072", "AID")
    fights = facts[("FIGHTS", "AZE", "IRN")]
    assert (fights["claims"], fights["articles"], fights["symmetric"]) == (2, 1, True)
    assert fights["confidence"] == pytest.approx(0.8)
    accuses = facts[("ACCUSES", "AZE", "IRN")]
    assert accuses["first_seen"].to_native() == date(2022, 12, 14)  # the event date wins

    with neo4j_driver.session(database=db) as s:
        israel = s.run("MATCH (e:Entity {id: 'ISR'}) RETURN e").single()["e"]
        assert israel["name"] == "Israel" and israel["aliases"] == ["State of Israel"]
        assert set(israel.labels) == {"Entity", "Country"}
        # Claims keep their raw direction even where the fact edge is canonical.
        raw = s.run(
            "MATCH (c:Claim {type: 'FIGHTS'})-[:SUBJECT]->(s), (c)-[:OBJECT]->(o) "
            "RETURN s.id + '>' + o.id AS d ORDER BY d"
        ).value()
        assert raw == ["AZE>IRN", "IRN>AZE"]
        speaker = s.run(
            "MATCH (c:Claim {type: 'ACCUSES'})-[:ATTRIBUTED_TO]->(p:Person) "
            "RETURN p.id AS p, c.modality AS m, c.event_date AS d"
        ).single()
        assert (speaker["p"], speaker["m"], speaker["d"].to_native()) == (
            "ilham-aliyev",
            "reported",
            date(2022, 12, 14),
        )
        article = s.run("MATCH (a:Article {id: $id}) RETURN a", id=A1).single()["a"]
        assert article["published"].to_native() == date(2022, 12, 16)
        assert article["extractor_version"] == "1" and article["outlet"] == "Example Times"
        mention = s.run(
            "MATCH (:Article {id: $id})-[m:MENTIONS]->(:Entity {id: 'AZE'}) RETURN m.count", id=A1
        ).single()
        assert mention[0] == 3


def test_loading_again_changes_nothing(neo4j_driver, clean_db):
    db = clean_db
    loader = Loader(neo4j_driver, database=db)
    loader.load([first_article(), second_article()])
    before_counts, before_facts = counts(neo4j_driver, db), fact_edges(neo4j_driver, db)

    again = loader.load([first_article(), second_article()])
    # One article per batch this time: batching must not change the result either.
    Loader(neo4j_driver, database=db, batch_size=1).load([second_article(), first_article()])

    assert counts(neo4j_driver, db) == before_counts
    assert fact_edges(neo4j_driver, db) == before_facts
    assert again.claims_removed == 0 and again.fact_edges_deleted == 0


def test_reingest_replaces_old_claims_and_updates_fact_edges(neo4j_driver, clean_db):
    db = clean_db
    loader = Loader(neo4j_driver, database=db)
    loader.load([first_article(), second_article()])

    # A new extractor version: the arms claims and the fights are gone, the
    # accusation turned out negated (same id), and a condemnation is new.
    changed = first_article(version="2")
    old_accuses = next(c for c in changed.claims if c.type == "ACCUSES")
    kept_accuses = claim(
        A1, "ACCUSES", AZE, IRN, 600, polarity=Polarity.NEGATED, attributed_to=ALIYEV.id, version="2"
    )
    assert kept_accuses.id == old_accuses.id
    changed.claims = [
        c for c in changed.claims if c.type in ("ATTACKS", "SANCTIONS")
    ] + [kept_accuses, claim(A1, "CONDEMNS", ISR, IRN, 700, confidence=0.9, version="2")]
    changed.mentions = [m for m in changed.mentions if m.entity_id != BAKU.id]

    report = loader.load([changed])

    assert report.claims_removed == 4  # 2 arms + 2 fights
    assert report.fact_edges_deleted == 2  # FIGHTS and ACCUSES
    facts = fact_edges(neo4j_driver, db)
    assert set(facts) == {("SUPPLIES_ARMS", "ISR", "AZE"), ("CONDEMNS", "ISR", "IRN")}
    arms = facts[("SUPPLIES_ARMS", "ISR", "AZE")]
    assert (arms["claims"], arms["articles"], arms["outlets"]) == (1, 1, 1)
    assert arms["first_seen"].to_native() == date(2023, 1, 5)
    assert arms["confidence"] == pytest.approx(0.7)

    c = counts(neo4j_driver, db)
    assert c["label:Claim"] == 6 and c["rel:ASSERTS:"] == 6
    assert c["rel:MENTIONS:"] == 6  # Baku is no longer mentioned by article 1
    assert "rel:FIGHTS:article" not in c and "rel:ACCUSES:article" not in c
    with neo4j_driver.session(database=db) as s:
        versions = s.run(
            "MATCH (:Article {id: $id})-[:ASSERTS]->(c:Claim) RETURN collect(DISTINCT c.extractor_version)",
            id=A1,
        ).single()[0]
        assert versions == ["2"]
        assert s.run("MATCH (a:Article {id: $id}) RETURN a.extractor_version", id=A1).single()[0] == "2"
        polarity = s.run("MATCH (c:Claim {id: $id}) RETURN c.polarity", id=old_accuses.id).single()[0]
        assert polarity == "negated"
        # No claim node is left without its article.
        assert s.run("MATCH (c:Claim) WHERE NOT (c)<-[:ASSERTS]-() RETURN count(c)").single()[0] == 0

    # Re-ingesting with no claims at all removes the rest of article 1's claims.
    empty = first_article(version="3")
    empty.claims = []
    loader.load([empty])
    assert set(fact_edges(neo4j_driver, db)) == {("SUPPLIES_ARMS", "ISR", "AZE")}
    assert counts(neo4j_driver, db)["label:Claim"] == 1


def test_fact_modalities_are_configurable(neo4j_driver, clean_db):
    db = clean_db
    loader = Loader(neo4j_driver, database=db, fact_modalities={Modality.ASSERTED, Modality.ALLEGED})
    loader.load([first_article()])
    assert set(fact_edges(neo4j_driver, db)) == {
        ("SUPPLIES_ARMS", "ISR", "AZE"),
        ("FIGHTS", "AZE", "IRN"),
        ("SANCTIONS", "ISR", "IRN"),  # alleged counts under this rule
        # ACCUSES is reported: not in this rule's modalities.
    }


class FailingLoader(Loader):
    """Raises after the batch's nodes and claims are written, before facts."""

    def _write_relationships(self, tx, plan, report):  # type: ignore[override]
        super()._write_relationships(tx, plan, report)
        raise RuntimeError("injected failure in the middle of the batch")


def test_failure_in_the_middle_of_a_batch_writes_nothing(neo4j_driver, clean_db):
    db = clean_db
    Loader(neo4j_driver, database=db).load([second_article()])
    before_counts, before_facts = counts(neo4j_driver, db), fact_edges(neo4j_driver, db)

    with pytest.raises(RuntimeError, match="injected failure"):
        FailingLoader(neo4j_driver, database=db).load([first_article()])

    assert counts(neo4j_driver, db) == before_counts
    assert fact_edges(neo4j_driver, db) == before_facts
    with neo4j_driver.session(database=db) as s:
        assert s.run("MATCH (a:Article {id: $id}) RETURN count(a)", id=A1).single()[0] == 0


def test_invalid_extraction_is_refused_before_writing(neo4j_driver, clean_db):
    bad = first_article()
    del bad.entities["IRN"]
    with pytest.raises(InvalidExtraction, match="'IRN'.*not in the extraction's entities"):
        Loader(neo4j_driver, database=clean_db).load([second_article(), bad])
    assert counts(neo4j_driver, clean_db) == {"aliases": 0}


def test_plan_canonicalises_symmetric_pairs_and_skips_self_loops():
    ex = first_article()
    ex.claims.append(claim(A1, "MEETS_WITH", AZE, AZE, 900))
    plan = plan_batch([ex])
    assert ("FIGHTS", "AZE", "IRN") in plan.fact_keys
    assert ("FIGHTS", "IRN", "AZE") not in plan.fact_keys
    assert not any(k[0] == "MEETS_WITH" for k in plan.fact_keys)
    assert len(plan.claims) == 9  # the self-loop stays a claim


def _operators(plan: dict) -> set[str]:
    ops = {plan["operatorType"].split("@")[0]}
    for child in plan.get("children", []):
        ops |= _operators(child)
    return ops


def test_statements_planned_on_an_empty_database_seek_by_index(neo4j_driver, clean_db):
    """The loader's statements keep their first plan (`CYPHER replan=skip`), so
    that plan, compiled while the database is empty, must already look nodes up
    by index: a label scan there would scan every claim of a large graph."""
    statements = {
        name: getattr(cypher, name)
        for name in (
            "UPSERT_ENTITIES",
            "EXISTING_ARTICLES",
            "UPSERT_ARTICLES",
            "CREATE_ARTICLES",
            "DELETE_STALE_CLAIMS",
            "DELETE_STALE_MENTIONS",
            "UPSERT_MENTIONS",
            "CREATE_MENTIONS",
            "UPSERT_CLAIMS",
            "CREATE_CLAIMS",
            "CREATE_ATTRIBUTIONS",
        )
    }
    statements.update({f"RECOMPUTE_FACTS[{t}]": q for t, q in cypher.RECOMPUTE_FACTS.items()})
    statements["REFRESH_TOP_EDGES"] = ranking.REFRESH_TOP_EDGES
    statements["MERGE_TOP_EDGES"] = ranking.MERGE_TOP_EDGES
    params = {"rows": [], "ids": [], "pairs": [], "listed": [], "modalities": [], "sign": 0.0, "cameo": "", "plover": "",
              "tier": "", "symmetric": False}  # fmt: skip
    with neo4j_driver.session(database=clean_db) as s:
        s.run("CALL db.clearQueryCaches()").consume()
        for name, statement in statements.items():
            assert statement.lstrip().startswith("CYPHER replan=skip"), name
            explain = statement.replace("CYPHER replan=skip", "CYPHER replan=skip EXPLAIN", 1)
            plan = s.run(explain, params).consume().plan
            scans = {op for op in _operators(plan) if "Scan" in op}
            assert not scans, f"{name} plans {scans} on an empty database"
