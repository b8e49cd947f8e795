"""Entity search through the ingest's resolution rules, with fuzzy only as a
labelled, bounded fallback; article search over the text and by entity; no
server path in any article response. Real Neo4j, the graph of research_graph."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from neo4j import Driver

from graph.loader import Loader
from graph.settings import Neo4jSettings
from tests.api.research_graph import A3, research_extractions

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def research_db(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> str:
    db = neo4j_settings.database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    Loader(neo4j_driver, db).load(research_extractions())
    return db


@pytest.fixture
async def client(research_db: str, make_client: Callable[..., Any]) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as c:
        yield c


async def search(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    r = await client.get("/v1/entities", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def ids_and_rules(body: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["id"], e["match"]) for e in body["items"]]


async def test_demonym_and_metonyms_resolve_as_the_ingest_does(client: httpx.AsyncClient) -> None:
    assert ids_and_rules(await search(client, q="Azeri"))[0] == ("AZE", "demonym")
    assert ids_and_rules(await search(client, q="azeris"))[0] == ("AZE", "demonym")
    kremlin = await search(client, q="the Kremlin")
    assert ids_and_rules(kremlin) == [("RUS", "institution-metonymy")] and kremlin["fuzzy"] is False
    # Without "the", any case: still Russia, and never Koszalin by spelling.
    assert ids_and_rules(await search(client, q="KREMLIN")) == [("RUS", "institution-metonymy")]
    assert ids_and_rules(await search(client, q="russian federation"))[0] == ("RUS", "alias")


async def test_prefix_matches_follow_the_resolved_ones(client: httpx.AsyncClient) -> None:
    body = await search(client, q="Azerbaijan")
    assert ids_and_rules(body)[0] == ("AZE", "exact") and body["total"] == 1
    prefix = await search(client, q="Isr")
    assert ids_and_rules(prefix) == [("ISR", "prefix")] and prefix["fuzzy"] is False


async def test_fuzzy_is_a_labelled_fallback(client: httpx.AsyncClient) -> None:
    body = await search(client, q="Armenai")
    assert body["fuzzy"] is True and ("ARM", "fuzzy") in ids_and_rules(body)
    assert all(rule == "fuzzy" for _, rule in ids_and_rules(body)) and body["total"] <= 10


async def test_kind_is_case_insensitive_and_takes_a_list(client: httpx.AsyncClient) -> None:
    countries = await search(client, kind="country", limit=50)
    assert countries["total"] == 6 and {e["kind"] for e in countries["items"]} == {"Country"}
    mixed = await search(client, kind="CITY,person")
    assert {e["id"] for e in mixed["items"]} == {"city:pol:koszalin", "benny-gantz"}
    assert (await search(client, q="Kremlin", kind="city"))["items"] == []
    bad = await client.get("/v1/entities", params={"kind": "nation"})
    assert bad.status_code == 422 and "Country" in bad.json()["error"]["message"]


async def test_lists_page_with_next_until_the_end(client: httpx.AsyncClient) -> None:
    seen: list[str] = []
    url: str | None = "/v1/entities?kind=country&limit=4"
    while url:
        body = (await client.get(url)).json()
        seen += [e["id"] for e in body["items"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == 6
    assert [e["id"] for e in (await search(client, sort="articles", limit=2))["items"]] == ["AZE", "ISR"]


async def test_article_search_reads_the_text_not_only_the_title(client: httpx.AsyncClient) -> None:
    # "drones" is in A3's text only; "tariffs" likewise; "Azerbaijan" is in every text, one title.
    assert [a["id"] for a in (await client.get("/v1/articles", params={"q": "drones"})).json()["items"]] == [A3]
    every = (await client.get("/v1/articles", params={"q": "azerbaijan"})).json()
    assert every["total"] == 3 and all(a["score"] > 0 for a in every["items"])


async def test_article_search_by_entity_and_date(client: httpx.AsyncClient) -> None:
    by_rus = (await client.get("/v1/articles", params={"entity": "RUS"})).json()
    assert [a["id"] for a in by_rus["items"]] == [A3]
    gantz = (await client.get("/v1/articles", params={"entity": "benny-gantz", "q": "weapons"})).json()
    assert [a["id"] for a in gantz["items"]] == ["https://example.org/news/gantz-visit"]
    oldest = (await client.get("/v1/articles", params={"entity": "AZE", "sort": "oldest"})).json()
    assert [a["published"] for a in oldest["items"]] == ["2022-10-03", "2022-12-16", "2023-02-10"]
    missing = await client.get("/v1/articles", params={"entity": "nowhere"})
    assert missing.status_code == 404


async def test_no_server_path_in_article_responses(client: httpx.AsyncClient) -> None:
    detail = await client.get("/v1/articles/" + quote(A3, safe=""))
    assert detail.status_code == 200
    body = detail.json()
    assert "source" not in body and "/srv/private" not in detail.text
    assert body["text"].startswith("The Kremlin condemned Israel")
    # Claim offsets index the text returned with them.
    claim = next(c for c in body["claims"] if c["type"] == "CONDEMNS")
    assert body["text"][claim["subject_start"] : claim["subject_end"]] == "Kremlin"
    listed = await client.get("/v1/articles", params={"q": "Kremlin"})
    assert "/srv/private" not in listed.text


async def test_lists_answer_csv(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/entities", params={"kind": "country", "format": "csv", "limit": 2})
    assert r.headers["content-type"].startswith("text/csv") and r.headers["x-total-count"] == "6"
    lines = r.text.splitlines()
    assert lines[0].split(",")[:3] == ["id", "name", "kind"] and len(lines) == 3
    assert 'rel="next"' in r.headers["link"]
    negotiated = await client.get("/v1/articles", headers={"Accept": "text/csv"})
    assert negotiated.headers["content-type"].startswith("text/csv") and len(negotiated.text.splitlines()) == 4
