"""The API key, as a caller meets it: every wrong key is refused the same way
whatever its length or bytes (the comparison is hmac.compare_digest, which
takes time independent of where the keys differ), never with a 500, and the
key is only read from the X-API-Key header.

The guard, caps, body size and CORS are in tests/api/test_hostile_requests.py
and tests/api/test_cypher_guard.py; this adds what they do not cover.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator

import httpx
import pytest
from neo4j import Driver

from api.app import create_app
from api.settings import ApiSettings
from graph.settings import Neo4jSettings

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

KEY = "k3y-0123456789-abcdefghij"
QUERY = {"query": "RETURN 1 AS one"}

WRONG_KEYS = [
    "x" * len(KEY),  # same length, every byte wrong
    KEY[:-1] + ("k" if KEY[-1] != "k" else "j"),  # same length, last byte wrong
    "k" + "x" * (len(KEY) - 1),  # same length, first byte right
    KEY[:-1],  # a prefix
    KEY + "0",  # one byte longer
    KEY.upper(),
    f" {KEY}",  # padded (httpx keeps inner spaces; the server must not strip into a match)
    "k",
    "x" * 4096,  # far longer
    "kéy-0123456789-abcdefghij",  # non-ASCII, same length in characters
]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(ApiSettings(_env_file=None, key=KEY, cors_origins=[], cypher_open=False), neo4j_settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            yield c


@pytest.mark.parametrize("wrong", WRONG_KEYS)
async def test_wrong_keys_are_403_whatever_their_length(client: httpx.AsyncClient, wrong: str) -> None:
    headers = {"X-API-Key": wrong.encode("utf-8")}  # raw UTF-8 bytes on the wire
    for path, body in (("/v1/cypher", QUERY), ("/v1/articles", {"text": "Ruritania closed its border."})):
        r = await client.post(path, json=body, headers=headers)
        assert r.status_code == 403, (path, wrong[:20], r.status_code, r.text)
        assert r.json()["error"]["code"] == "api_key_invalid"


async def test_every_wrong_key_is_compared_with_compare_digest(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No early exit (==, a length check first): each refusal went through
    hmac.compare_digest with the key as sent."""
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    for wrong in WRONG_KEYS[:5]:
        assert (await client.post("/v1/cypher", json=QUERY, headers={"X-API-Key": wrong})).status_code == 403
    assert [a for a, _ in calls] == [w.encode("utf-8") for w in WRONG_KEYS[:5]]
    assert {b for _, b in calls} == {KEY.encode("utf-8")}


async def test_the_right_key_passes_and_only_in_the_header(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/cypher", json=QUERY, headers={"X-API-Key": KEY})
    assert r.status_code == 200 and r.json()["rows"] == [[1]]
    for params, headers in (({"api_key": KEY}, {}), ({"X-API-Key": KEY}, {}), ({}, {"Authorization": f"Bearer {KEY}"})):
        r = await client.post("/v1/cypher", json=QUERY, params=params, headers=headers)
        assert r.status_code == 401, (params, headers, r.text)
        assert r.json()["error"]["code"] == "api_key_missing"


async def test_empty_key_is_missing_not_a_match(client: httpx.AsyncClient) -> None:
    r = await client.post("/v1/cypher", json=QUERY, headers={"X-API-Key": ""})
    assert r.status_code == 401


async def test_an_empty_configured_key_refuses_writes(neo4j_settings: Neo4jSettings, neo4j_driver: Driver) -> None:
    """GEOKG_API_KEY set to the empty string must not mean 'any empty key matches'."""
    app = create_app(ApiSettings(_env_file=None, key="", cypher_open=False), neo4j_settings)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as c:
            for headers in ({}, {"X-API-Key": ""}, {"X-API-Key": "anything"}):
                r = await c.post("/v1/cypher", json=QUERY, headers=headers)
                assert r.status_code == 403 and r.json()["error"]["code"] == "writes_disabled", r.text
