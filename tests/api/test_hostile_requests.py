"""Hostile requests: injection through ids, search text and type filters; the
body size cap; CORS closed unless configured. The database must not change."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

HOSTILE_IDS = [
    "AZE'}) DETACH DELETE n //",
    'AZE"}) MATCH (n) DETACH DELETE n RETURN 1 //',
    "AZE` ) DETACH DELETE n //",
    "AZE\n CREATE (x:Hacked)",
    "$id",
    "{id: 'AZE'}",
    "' OR 1=1 --",
    "AZE\x00",
]

HOSTILE_TYPES = [
    "ATTACKS]->() DETACH DELETE n //",
    "ATTACKS|FIGHTS]-(x) DETACH DELETE x //",
    "ATTACKS`]-() CREATE (x:Hacked) //",
    "*1..100",
    "ATTACKS*",
    ":ATTACKS",
]


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
async def test_ids_are_parameters_not_cypher(
    client: httpx.AsyncClient, fingerprint: Callable[[], dict[str, Any]], hostile: str
) -> None:
    before = fingerprint()
    encoded = quote(hostile, safe="")
    responses = [
        await client.get(f"/v1/entities/{encoded}"),
        await client.get(f"/v1/entities/{encoded}/neighborhood", params={"depth": 3}),
        await client.get(f"/v1/entities/{encoded}/timeline"),
        await client.get(f"/v1/articles/{encoded}"),
        await client.get("/v1/relations", params={"subject": hostile}),
        await client.get("/v1/relations", params={"object": hostile, "subject": "AZE"}),
        await client.get("/v1/relations/evidence", params={"subject": hostile, "type": "FIGHTS", "object": "AZE"}),
        await client.get("/v1/paths", params={"source": "AZE", "target": hostile}),
    ]
    for r in responses:
        assert r.status_code in (404, 422), (r.request.url, r.status_code, r.text)
        assert "error" in r.json()
    for r in (await client.get("/v1/entities", params={"q": hostile}), await client.get("/v1/articles", params={"q": hostile})):
        assert r.status_code == 200, r.text
    assert fingerprint() == before


@pytest.mark.parametrize("hostile", HOSTILE_TYPES)
async def test_type_filters_only_take_vocabulary_names(
    client: httpx.AsyncClient, fingerprint: Callable[[], dict[str, Any]], hostile: str
) -> None:
    before = fingerprint()
    for path, params in (
        ("/v1/entities/AZE/neighborhood", {"types": hostile, "depth": 3}),
        ("/v1/relations", {"type": hostile}),
        ("/v1/relations/evidence", {"subject": "AZE", "type": hostile, "object": "ARM"}),
        ("/v1/paths", {"source": "AZE", "target": "ISR", "types": hostile}),
    ):
        r = await client.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        assert r.json()["error"]["code"] == "validation_error"
    assert fingerprint() == before


async def test_huge_limits_and_depths_are_refused_not_run(client: httpx.AsyncClient) -> None:
    for path, params in (
        ("/v1/entities/AZE/neighborhood", {"depth": 10**6}),
        ("/v1/entities/AZE/neighborhood", {"limit": 10**12}),
        ("/v1/relations", {"limit": 10**6}),
        ("/v1/relations", {"offset": 10**12}),
        ("/v1/paths", {"source": "AZE", "target": "ARM", "max_hops": 99}),
        ("/v1/paths", {"source": "AZE", "target": "ARM", "limit": 10**6}),
        ("/v1/articles", {"limit": 10**6}),
    ):
        r = await client.get(path, params=params)
        assert r.status_code == 422, (path, params, r.text)


# --- body size cap ------------------------------------------------------------------


@pytest.fixture
async def small_body_client(make_client: Callable[..., Any], loaded_graph: str) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(max_body_bytes=1000) as c:
        yield c


async def test_declared_oversized_body_is_413(small_body_client: httpx.AsyncClient, api_key: str) -> None:
    body = {"query": "RETURN 1", "params": {"pad": "x" * 5000}}
    for path in ("/v1/cypher", "/v1/articles"):
        r = await small_body_client.post(path, json=body, headers={"X-API-Key": api_key})
        assert r.status_code == 413, r.text
        assert r.json()["error"]["code"] == "body_too_large"


async def test_streamed_oversized_body_without_length_is_413(small_body_client: httpx.AsyncClient, api_key: str) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "RETURN 1", "params": {"pad": "'
        for _ in range(50):
            yield b"x" * 100
        yield b'"}}'

    r = await small_body_client.post(
        "/v1/cypher", content=chunks(), headers={"X-API-Key": api_key, "Content-Type": "application/json"}
    )
    assert r.status_code == 413, r.text


async def test_body_under_the_cap_passes(small_body_client: httpx.AsyncClient, api_key: str) -> None:
    r = await small_body_client.post("/v1/cypher", json={"query": "RETURN 1 AS one"}, headers={"X-API-Key": api_key})
    assert r.status_code == 200 and r.json()["rows"] == [[1]]


async def test_lying_content_length_is_413(small_body_client: httpx.AsyncClient, api_key: str) -> None:
    r = await small_body_client.post(
        "/v1/cypher", content=b"{}", headers={"X-API-Key": api_key, "Content-Type": "application/json", "Content-Length": "999999999"}
    )
    assert r.status_code == 413


# --- CORS -----------------------------------------------------------------------------


async def test_cors_closed_by_default(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/stats", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    pre = await client.options(
        "/v1/cypher", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
    )
    assert "access-control-allow-origin" not in pre.headers


async def test_cors_allows_only_configured_origins(make_client: Callable[..., Any], loaded_graph: str) -> None:
    async with make_client(cors_origins=["https://viewer.example"]) as c:
        ok = await c.get("/v1/stats", headers={"Origin": "https://viewer.example"})
        assert ok.headers.get("access-control-allow-origin") == "https://viewer.example"
        other = await c.get("/v1/stats", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = await c.options(
            "/v1/cypher",
            headers={"Origin": "https://viewer.example", "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "X-API-Key"},
        )
        assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == "https://viewer.example"
