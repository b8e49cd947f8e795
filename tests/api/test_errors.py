"""Every error path: one JSON shape, the right status, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi import APIRouter

from graph.settings import Neo4jSettings

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]


def assert_error(r: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"} and body["error"]["code"] == code, body
    assert body["error"]["message"]
    assert "Traceback" not in r.text
    return body["error"]


async def test_unknown_ids_are_404(client: httpx.AsyncClient) -> None:
    for path in ("/v1/entities/NOPE", "/v1/entities/NOPE/neighborhood", "/v1/entities/NOPE/timeline",
                 "/v1/articles/https%3A%2F%2Fexample.org%2Fmissing"):
        assert_error(await client.get(path), 404, "not_found")
    for params in ({"source": "NOPE", "target": "AZE"}, {"source": "AZE", "target": "NOPE"}):
        assert_error(await client.get("/v1/paths", params=params), 404, "not_found")
    r = await client.get("/v1/relations/evidence", params={"subject": "AZE", "type": "FIGHTS", "object": "NOPE"})
    assert "NOPE" in assert_error(r, 404, "not_found")["message"]
    assert_error(await client.get("/v1/relations", params={"subject": "NOPE"}), 404, "not_found")
    assert_error(await client.get("/v1/no-such-route"), 404, "not_found")
    assert_error(await client.delete("/v1/stats"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/entities/AZE/neighborhood", {"depth": 4}),
        ("/v1/entities/AZE/neighborhood", {"depth": 0}),
        ("/v1/entities/AZE/neighborhood", {"limit": 100000}),
        ("/v1/entities/AZE/neighborhood", {"direction": "sideways"}),
        ("/v1/entities/AZE/neighborhood", {"min_confidence": 2}),
        ("/v1/entities/AZE/neighborhood", {"since": "last tuesday"}),
        ("/v1/entities/AZE/neighborhood", {"types": "ATTACKS,BOMBS"}),
        ("/v1/entities", {"limit": 0}),
        ("/v1/entities", {"limit": 10**9}),
        ("/v1/entities", {"offset": -1}),
        ("/v1/entities", {"kind": "Planet"}),
        ("/v1/entities", {"q": "x" * 500}),
        ("/v1/entities/AZE/timeline", {"interval": "fortnight"}),
        ("/v1/relations", {"type": "LIKES"}),
        ("/v1/relations/evidence", {"subject": "AZE"}),
        ("/v1/relations/evidence", {"subject": "AZE", "type": "FOUGHT", "object": "ARM"}),
        ("/v1/paths", {"source": "AZE"}),
        ("/v1/paths", {"source": "AZE", "target": "ARM", "max_hops": 50}),
        ("/v1/articles", {"until": "2022-13-45"}),
    ],
)
async def test_bad_parameters_are_422(client: httpx.AsyncClient, path: str, params: dict[str, Any]) -> None:
    assert_error(await client.get(path, params=params), 422, "validation_error")


async def test_validation_error_lists_the_parameter(client: httpx.AsyncClient) -> None:
    err = assert_error(await client.get("/v1/entities/AZE/neighborhood", params={"depth": 9}), 422, "validation_error")
    assert err["details"][0]["loc"] == ["query", "depth"]


async def test_neo4j_down_is_503_and_the_app_still_starts(make_client: Callable[..., Any]) -> None:
    closed_port = Neo4jSettings(_env_file=None, uri="bolt://127.0.0.1:9", password="unused-password")
    async with make_client(neo4j=closed_port) as c:
        for path in ("/health", "/v1/stats", "/v1/entities?q=x", "/v1/entities/AZE/neighborhood", "/v1/relations"):
            err = assert_error(await c.get(path), 503, "neo4j_unavailable")
            assert "geokg neo4j start" in err["message"]
        r = await c.post("/v1/cypher", json={"query": "RETURN 1"}, headers={"X-API-Key": "test-key-0123456789"})
        assert_error(r, 503, "neo4j_unavailable")


async def test_unexpected_errors_are_a_generic_500(make_client: Callable[..., Any], loaded_graph: str) -> None:
    async with make_client() as c:
        app = c._transport.app  # type: ignore[attr-defined]
        boom = APIRouter()

        @boom.get("/boom")
        async def explode() -> None:
            raise RuntimeError("secret internal detail")

        app.include_router(boom)
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as raw:
            r = await raw.get("/boom")
    err = assert_error(r, 500, "internal_error")
    assert "secret" not in r.text and "RuntimeError" not in r.text
    assert err["message"].startswith("internal error")
