"""POST /v1/cypher: the read-only guard, the key, the timeout and the row cap.
After every refused query the database must be exactly as before."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

WRITES = [
    "CREATE (x:Hacked {at: 1})",
    "MERGE (x:Entity {id: 'HACK'})",
    "MATCH (e:Entity {id: 'AZE'}) SET e.name = 'Hacked'",
    "MATCH (e:Entity {id: 'AZE'}) SET e:Hacked",
    "MATCH (n) DETACH DELETE n",
    "MATCH (c:Claim) DELETE c",
    "MATCH (e:Entity {id: 'AZE'}) REMOVE e.aliases",
    "MATCH (e:Entity {id: 'AZE'}) REMOVE e:Country",
    "CALL db.createLabel('Hacked')",
    "CALL db.createProperty('hacked')",
    "CALL db.createRelationshipType('HACKED')",
    "CALL apoc.create.node(['Hacked'], {})",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "load   csv with headers from 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n",
    "RETURN 1; CREATE (x:Hacked)",
    "MATCH (n) RETURN n // harmless?\nCREATE (x:Hacked)",
    "MATCH (n) RETURN n /* harmless? */ CREATE (x:Hacked)",
    "/* CREATE */ MATCH (n) WITH n LIMIT 1 CREATE (x:Hacked) RETURN x",
    "MATCH (e:Entity) CALL (e) { CREATE (x:Hacked) RETURN x } RETURN count(*)",
    "CALL { CREATE (x:Hacked) RETURN x } RETURN x",
    "MATCH (e:Entity) CALL (e) { SET e.hacked = true } IN TRANSACTIONS RETURN count(*)",
    "UNWIND range(1, 3) AS i CREATE (:Hacked {i: i})",
    "MATCH (e:Entity) FOREACH (x IN [1] | SET e.hacked = true)",
    "CREATE INDEX hacked FOR (n:Hacked) ON (n.x)",
    "DROP CONSTRAINT entity_id",
    "USE system CREATE USER hacker SET PASSWORD 'hacker-password'",
    "USE system SHOW USERS",
    "EXPLAIN CREATE (x:Hacked)",
    "PROFILE MATCH (n) RETURN n",
    "CALL dbms.security.changePassword('hacked-password')",
    "",
    "   // only a comment",
]


@pytest.fixture
def key_header(api_key: str) -> dict[str, str]:
    return {"X-API-Key": api_key}


@pytest.mark.parametrize("query", WRITES)
async def test_writes_and_tricks_are_refused_and_change_nothing(
    client: httpx.AsyncClient, key_header: dict[str, str], fingerprint: Callable[[], dict[str, Any]], query: str
) -> None:
    before = fingerprint()
    r = await client.post("/v1/cypher", json={"query": query, "params": {}}, headers=key_header)
    assert r.status_code in (400, 422), (query, r.status_code, r.text)
    assert r.json()["error"]["code"] in ("invalid_query", "validation_error")
    assert fingerprint() == before, query


async def test_a_read_query_returns_rows_with_graph_values(client: httpx.AsyncClient, key_header: dict[str, str]) -> None:
    r = await client.post(
        "/v1/cypher",
        json={"query": "MATCH (e:Entity {id: $id})-[r:REJECTS]->(o) RETURN e, r, o.id AS target, r.first_seen AS d;",
              "params": {"id": "AZE"}},
        headers=key_header,
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["columns"] == ["e", "r", "target", "d"] and body["row_count"] == 1 and body["truncated"] is False
    node, rel, target, day = body["rows"][0]
    assert node["labels"] == ["Country", "Entity"] and node["properties"]["name"] == "Azerbaijan"
    assert rel["type"] == "REJECTS" and rel["start"] == node["element_id"]
    assert (target, day) == ("ISR", "2022-12-16")


async def test_strings_that_look_like_writes_are_data(client: httpx.AsyncClient, key_header: dict[str, str]) -> None:
    r = await client.post(
        "/v1/cypher",
        json={"query": "RETURN 'CREATE (x); LOAD CSV' AS text, \"a;b\" AS other // trailing comment"},
        headers=key_header,
    )
    assert r.status_code == 200, r.text
    assert r.json()["rows"] == [["CREATE (x); LOAD CSV", "a;b"]]


async def test_row_cap_truncates(make_client: Callable[..., Any], loaded_graph: str, key_header: dict[str, str]) -> None:
    async with make_client(cypher_row_cap=3) as c:
        r = await c.post("/v1/cypher", json={"query": "UNWIND range(1, 100) AS i RETURN i"}, headers=key_header)
    body = r.json()
    assert body["rows"] == [[1], [2], [3]] and body["truncated"] is True and body["row_count"] == 3


async def test_server_side_timeout_is_a_422_that_says_so(
    make_client: Callable[..., Any], loaded_graph: str, key_header: dict[str, str]
) -> None:
    slow = "UNWIND range(1, 1000000000) AS i WITH i WHERE i < 0 RETURN count(i)"
    async with make_client(cypher_timeout_s=0.5) as c:
        r = await c.post("/v1/cypher", json={"query": slow}, headers=key_header)
    # The query's fault (the same query fails again), not a 503 "busy, try again".
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "query_timeout"
    assert "0.5 s limit" in error["message"] and "narrow the query" in error["message"]


async def test_neo4j_errors_come_back_as_400(client: httpx.AsyncClient, key_header: dict[str, str]) -> None:
    r = await client.post("/v1/cypher", json={"query": "MATCH (n RETURN n"}, headers=key_header)
    assert r.status_code == 400 and "SyntaxError" in r.json()["error"]["message"]
    r = await client.post("/v1/cypher", json={"query": "RETURN $missing"}, headers=key_header)
    assert r.status_code == 400 and "missing" in r.json()["error"]["message"].lower()


async def test_key_required_unless_open(
    client: httpx.AsyncClient, make_client: Callable[..., Any], loaded_graph: str
) -> None:
    query = {"query": "RETURN 1 AS one"}
    assert (await client.post("/v1/cypher", json=query)).status_code == 401
    assert (await client.post("/v1/cypher", json=query, headers={"X-API-Key": "wrong"})).json()["error"]["code"] == "api_key_invalid"
    assert (await client.post("/v1/cypher", json=query, headers={"X-API-Key": "wrong"})).status_code == 403
    async with make_client(cypher_open=True) as open_client:
        r = await open_client.post("/v1/cypher", json=query)
        assert r.status_code == 200 and r.json()["rows"] == [[1]]
    async with make_client(key=None) as closed:
        r = await closed.post("/v1/cypher", json=query, headers={"X-API-Key": "anything"})
        assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled"


async def test_request_body_is_validated(client: httpx.AsyncClient, key_header: dict[str, str]) -> None:
    for body in ({}, {"query": 5}, {"query": "RETURN 1", "params": []}, {"query": "RETURN 1", "extra": 1}, {"query": "x" * 30000}):
        r = await client.post("/v1/cypher", json=body, headers=key_header)
        assert r.status_code == 422, (body, r.text)
    r = await client.post("/v1/cypher", content=b"{not json", headers={**key_header, "Content-Type": "application/json"})
    assert r.status_code == 422
