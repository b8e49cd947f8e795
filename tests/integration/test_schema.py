"""Constraints and indexes on the real Neo4j: present, online, idempotent, used."""

from __future__ import annotations

import neo4j
import pytest
from h5_support import AZE, IRN, claim, extraction

from graph.loader import Loader
from graph.schema import ARTICLE_TEXT_INDEX, ENTITY_NAMES_INDEX, ensure_schema

pytestmark = pytest.mark.neo4j


def _schema(driver, db):
    with driver.session(database=db) as s:
        constraints = {
            (r["labelsOrTypes"][0], r["properties"][0])
            for r in s.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS'")
        }
        indexes = {r["name"]: r for r in s.run("SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties")}
    return constraints, indexes


def test_every_merge_key_is_unique_and_indexes_are_online(neo4j_driver, clean_db):
    ensure_schema(neo4j_driver, clean_db)
    ensure_schema(neo4j_driver, clean_db)  # idempotent: no error, nothing added
    constraints, indexes = _schema(neo4j_driver, clean_db)
    assert {("Entity", "id"), ("Article", "id"), ("Claim", "id")} <= constraints
    assert indexes[ENTITY_NAMES_INDEX]["type"] == "FULLTEXT"
    assert indexes[ENTITY_NAMES_INDEX]["properties"] == ["name", "aliases"]
    assert indexes[ARTICLE_TEXT_INDEX]["type"] == "FULLTEXT"
    assert indexes[ARTICLE_TEXT_INDEX]["properties"] == ["title", "standfirst", "text"]
    assert "article_titles" not in indexes  # superseded by article_text
    for name in ("article_published", "claim_event_date"):
        assert indexes[name]["type"] == "RANGE"
    assert all(r["state"] == "ONLINE" for r in indexes.values())
    before = len(indexes)
    ensure_schema(neo4j_driver, clean_db)
    assert len(_schema(neo4j_driver, clean_db)[1]) == before


def test_constraint_refuses_a_duplicate_entity(neo4j_driver, clean_db):
    with neo4j_driver.session(database=clean_db) as s:
        s.run("CREATE (:Entity {id: 'X'})").consume()
        with pytest.raises(neo4j.exceptions.ConstraintError):
            s.run("CREATE (:Entity {id: 'X'})").consume()


def test_full_text_finds_entities_by_alias_and_articles_by_title(neo4j_driver, clean_db):
    url = "https://example.org/fulltext"
    Loader(neo4j_driver, database=clean_db).load([extraction(url, [claim(url, "ACCUSES", AZE, IRN, 0)], [AZE, IRN])])
    with neo4j_driver.session(database=clean_db) as s:
        hits = s.run(
            "CALL db.index.fulltext.queryNodes($index, 'Azeri') YIELD node RETURN node.id", index=ENTITY_NAMES_INDEX
        ).value()
        assert hits == ["AZE"]
        titles = s.run(
            "CALL db.index.fulltext.queryNodes($index, 'fulltext') YIELD node RETURN node.id",
            index=ARTICLE_TEXT_INDEX,
        ).value()
        assert titles == [url]
