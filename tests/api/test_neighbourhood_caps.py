"""The neighbourhood's caps (fanout per node, frontier per hop, node limit)
through HTTP against the real Neo4j, on a hub-and-spoke graph written here:

- HUB (a country) has 12 spokes S01..S12: fact edge HUB-MEETS_WITH->Sii
  attested by i articles, so S12 is the strongest;
- every spoke Sii has 3 leaves: Sii-SUPPLIES_ARMS->Lii_j attested by j
  articles (j = 1..3), so Lii_3 is its strongest leaf.

Fact edges are written directly (the read side only needs their properties);
how the loader derives them is tested with the loader.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from neo4j import Driver

from graph.repository import MAX_FANOUT, MAX_FRONTIER
from graph.settings import Neo4jSettings

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

SPOKES = 12
LEAVES = 3


def spoke(i: int) -> str:
    return f"S{i:02d}"


def leaf(i: int, j: int) -> str:
    return f"L{i:02d}_{j}"


@pytest.fixture(scope="module")
def hub_graph(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> str:
    db = neo4j_settings.database
    entities = [{"id": "HUB", "name": "Hub Country", "label": "Country"}]
    meets, supplies = [], []
    for i in range(1, SPOKES + 1):
        entities.append({"id": spoke(i), "name": f"Spoke {i}", "label": "Organization"})
        meets.append({"a": "HUB", "b": spoke(i), "articles": i})
        for j in range(1, LEAVES + 1):
            entities.append({"id": leaf(i, j), "name": f"Leaf {i} {j}", "label": "Person"})
            supplies.append({"a": spoke(i), "b": leaf(i, j), "articles": j})
    with neo4j_driver.session(database=db) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
        session.run(
            "UNWIND $rows AS row CREATE (:Entity {id: row.id, name: row.name, kind: row.label})", rows=entities
        ).consume()
        # Kind labels as the loader sets them (labels cannot be parameters).
        for label in ("Country", "Organization", "Person"):
            session.run(f"MATCH (e:Entity {{kind: '{label}'}}) SET e:{label}").consume()
        for rtype, rows in (("MEETS_WITH", meets), ("SUPPLIES_ARMS", supplies)):
            session.run(
                f"UNWIND $rows AS row MATCH (a:Entity {{id: row.a}}), (b:Entity {{id: row.b}}) "
                f"CREATE (a)-[:{rtype} {{source: 'article', claims: row.articles, articles: row.articles, "
                "outlets: 1, confidence: 0.5, first_seen: date('2024-01-01'), last_seen: date('2024-02-01')}]->(b)",
                rows=rows,
            ).consume()
    return db


@pytest.fixture
async def client(hub_graph: str, make_client: Callable[..., Any]) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as c:
        yield c


async def hood(client: httpx.AsyncClient, entity: str = "HUB", **params: Any) -> dict[str, Any]:
    r = await client.get(f"/v1/entities/{entity}/neighborhood", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def at_depth(body: dict[str, Any], depth: int) -> set[str]:
    return {n["id"] for n in body["nodes"] if n["depth"] == depth}


async def test_whole_neighbourhood_is_not_truncated(client: httpx.AsyncClient) -> None:
    body = await hood(client)
    assert at_depth(body, 1) == {spoke(i) for i in range(1, SPOKES + 1)}
    assert len(body["edges"]) == SPOKES
    assert body["truncated"] is False and body["truncated_by"] == []
    assert body["fanout"] == 100  # depth 1: the node limit


async def test_hub_over_the_fanout_returns_its_strongest_edges_and_says_so(client: httpx.AsyncClient) -> None:
    body = await hood(client, fanout=5)
    assert at_depth(body, 1) == {spoke(i) for i in range(8, SPOKES + 1)}
    assert sorted((e["articles"] for e in body["edges"]), reverse=True) == [12, 11, 10, 9, 8]
    assert body["truncated"] is True and body["truncated_by"] == ["fanout"]
    assert body["fanout"] == 5


async def test_node_limit_keeps_the_strongest(client: httpx.AsyncClient) -> None:
    body = await hood(client, limit=4)
    assert at_depth(body, 1) == {spoke(12), spoke(11), spoke(10)}
    assert body["truncated"] is True and "limit" in body["truncated_by"]
    assert all({e["subject"], e["object"]} <= {n["id"] for n in body["nodes"]} for e in body["edges"])


async def test_second_hop_follows_the_fanout_of_every_node(client: httpx.AsyncClient) -> None:
    body = await hood(client, depth=2, fanout=2)
    assert at_depth(body, 1) == {spoke(12), spoke(11)}
    # Each spoke's two strongest edges: back to the hub (12 or 11 articles) and its strongest leaf.
    assert at_depth(body, 2) == {leaf(12, 3), leaf(11, 3)}
    assert body["truncated_by"] == ["fanout"] and body["fanout"] == 2


async def test_frontier_cap_expands_only_the_strongest_nodes(client: httpx.AsyncClient) -> None:
    body = await hood(client, depth=2, fanout=5, frontier=2)
    assert at_depth(body, 1) == {spoke(i) for i in range(8, SPOKES + 1)}
    # Only S12 and S11 (the strongest edges) are expanded; each has 4 edges, within the fanout.
    assert at_depth(body, 2) == {leaf(i, j) for i in (12, 11) for j in range(1, LEAVES + 1)}
    assert body["truncated_by"] == ["fanout", "frontier"] and body["frontier"] == 2


async def test_deeper_defaults_bound_a_hub(client: httpx.AsyncClient) -> None:
    body = await hood(client, depth=3)
    # Default fanout 10 at depth > 1: the hub's 10 strongest spokes, then their leaves.
    assert at_depth(body, 1) == {spoke(i) for i in range(3, SPOKES + 1)}
    assert at_depth(body, 2) == {leaf(i, j) for i in range(3, SPOKES + 1) for j in range(1, LEAVES + 1)}
    # The 30 leaves reached at depth 2 exceed the default frontier of 20 for the third hop.
    assert body["truncated_by"] == ["fanout", "frontier"] and body["fanout"] == 10 and body["frontier"] == 20


async def test_caps_out_of_range_are_refused(client: httpx.AsyncClient) -> None:
    for params in ({"fanout": 0}, {"fanout": MAX_FANOUT + 1}, {"frontier": 0}, {"frontier": MAX_FRONTIER + 1}):
        r = await client.get("/v1/entities/HUB/neighborhood", params=params)
        assert r.status_code == 422, (params, r.text)
