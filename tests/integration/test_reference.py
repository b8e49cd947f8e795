"""The reference backbone on the real Neo4j: what it loads, idempotence, and how
it coexists with article-derived facts."""

from __future__ import annotations

import pytest
from h5_support import IRN, claim, counts, extraction, fact_edges

from graph import geodata
from graph.loader import Loader
from graph.models import Entity
from graph.ontology import EntityKind
from graph.reference import load_reference

pytestmark = pytest.mark.neo4j


def test_backbone_loads_countries_capitals_and_borders_once(neo4j_driver, clean_db):
    db = clean_db
    report = load_reference(neo4j_driver, db)
    assert report.countries == len(geodata.countries()) > 190
    assert report.borders == len(geodata.borders()) > 250
    first = counts(neo4j_driver, db)
    assert first["label:Country"] == report.countries
    assert first["rel:BORDERS:reference"] == report.borders
    assert first["rel:CAPITAL_OF:reference"] == report.capitals
    assert not any(key.endswith(":article") for key in first)
    assert "label:Claim" not in first and "label:Article" not in first

    with neo4j_driver.session(database=db) as s:
        aze = s.run("MATCH (e:Entity:Country {id: 'AZE'}) RETURN e").single()["e"]
        assert (aze["name"], aze["iso3"], aze["iso2"], aze["source"]) == ("Azerbaijan", "AZE", "AZ", "reference")
        neighbours = s.run(
            "MATCH (:Country {id: 'AZE'})-[:BORDERS {source: 'reference'}]-(n) RETURN n.id ORDER BY n.id"
        ).value()
        assert neighbours == ["ARM", "GEO", "IRN", "RUS", "TUR"]
        # Symmetric: one edge per pair, lower code first.
        assert s.run(
            "MATCH (a)-[r:BORDERS]->(b) WHERE a.id > b.id OR r.claims IS NOT NULL RETURN count(r)"
        ).single()[0] == 0
        assert s.run(
            "MATCH (a:Country)-[r:BORDERS]-(b:Country) WITH a, b, count(r) AS n WHERE n > 1 RETURN count(*)"
        ).single()[0] == 0
        capital = s.run(
            "MATCH (c:City)-[:CAPITAL_OF {source: 'reference'}]->(:Country {id: 'AZE'}) RETURN c.id, c.name"
        ).single()
        assert (capital[0], capital[1]) == (geodata.city_id("AZE", "Baku"), "Baku")

    load_reference(neo4j_driver, db)
    assert counts(neo4j_driver, db) == first


def test_reference_and_article_facts_coexist(neo4j_driver, clean_db):
    db = clean_db
    load_reference(neo4j_driver, db)
    # The article calls Azerbaijan by another name: the reference name stays the caption.
    aze = Entity("AZE", "Republic of Azerbaijan", EntityKind.COUNTRY, iso3="AZE")
    article = extraction("https://example.org/b", [claim("https://example.org/b", "BORDERS", IRN, aze, 0)], [aze, IRN])
    loader = Loader(neo4j_driver, database=db)
    loader.load([article])

    assert set(fact_edges(neo4j_driver, db)) == {("BORDERS", "AZE", "IRN")}
    edge = fact_edges(neo4j_driver, db)[("BORDERS", "AZE", "IRN")]
    assert (edge["claims"], edge["articles"]) == (1, 1)
    reference = fact_edges(neo4j_driver, db, source="reference")
    assert ("BORDERS", "AZE", "IRN") in reference and "claims" not in reference[("BORDERS", "AZE", "IRN")]
    with neo4j_driver.session(database=db) as s:
        node = s.run("MATCH (e:Entity {id: 'AZE'}) RETURN e.name, e.source, labels(e)").single()
        assert node[0] == "Azerbaijan" and node[1] == "reference" and sorted(node[2]) == ["Country", "Entity"]

    # Withdrawing the article's claim deletes the article edge, not the reference edge.
    article.claims = []
    loader.load([article])
    assert fact_edges(neo4j_driver, db) == {}
    assert ("BORDERS", "AZE", "IRN") in fact_edges(neo4j_driver, db, source="reference")

    # The backbone after articles: the article's alias survives, the name is canonical.
    load_reference(neo4j_driver, db)
    with neo4j_driver.session(database=db) as s:
        aliases = s.run("MATCH (e:Entity {id: 'AZE'}) RETURN e.aliases").single()[0]
        assert "Republic of Azerbaijan" in aliases and "Azerbaijan" not in aliases
