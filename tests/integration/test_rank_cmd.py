"""`geokg rank` ranks a graph written without rankings (e.g. by a bulk import):
afterwards every entity with fact edges carries its lists, strongest first."""

from __future__ import annotations

import pytest
import typer
from neo4j import Driver
from typer.testing import CliRunner

from graph.cli import rank_cmd

pytestmark = pytest.mark.neo4j


def test_rank_fills_the_lists_strongest_first(neo4j_driver: Driver, clean_db: str) -> None:
    with neo4j_driver.session(database=clean_db) as s:
        s.run(
            "CREATE (a:Entity:Country {id: 'A', name: 'A'}), (b:Entity:Country {id: 'B', name: 'B'}), "
            "(c:Entity:Country {id: 'C', name: 'C'}), "
            "(a)-[:ATTACKS {source: 'article', articles: 1, confidence: 0.5}]->(b), "
            "(c)-[:BORDERS {source: 'reference'}]->(a), "
            "(a)-[:MEETS_WITH {source: 'article', articles: 3, confidence: 0.9}]->(c)"
        ).consume()
    app = typer.Typer()
    rank_cmd.register(app)
    app.command("noop")(lambda: None)  # a second command keeps `rank` a subcommand
    result = CliRunner().invoke(app, ["rank"])
    assert result.exit_code == 0, result.output
    assert "ranked the fact edges of 3 entities" in result.output
    with neo4j_driver.session(database=clean_db) as s:
        rows = s.run(
            "MATCH (a:Entity {id: 'A'}) UNWIND range(0, size(a.top_edges) - 1) AS i "
            "MATCH ()-[r]->() WHERE elementId(r) = a.top_edges[i] RETURN i, type(r) AS t ORDER BY i"
        ).data()
        families = s.run("MATCH (a:Entity {id: 'A'}) RETURN size(a.top_edges_S) AS s, size(a.top_edges_E) AS e").single()
    assert [r["t"] for r in rows] == ["MEETS_WITH", "ATTACKS", "BORDERS"]
    assert (families["s"], families["e"]) == (1, 2)
