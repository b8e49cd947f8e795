"""Paths as distinct node sequences with their edges, hop signs and their
product, `total`/`truncated`, reference edges optional, sort and CSV; the
relations list's sort and CSV and the PLOVER export on the same graph.

The graph: the API tests' two articles (conftest) plus one written here:
"Turkey supplies weapons to Iran. Iran attacked Armenia." and a reference
BORDERS edge ARM-TUR. So, without the backbone, Turkey reaches Armenia by
two routes of two hops: TUR-AZE-ARM (SUPPLIES_ARMS +7.4, FIGHTS -9.3 x 2
claims) and TUR-IRN-ARM (SUPPLIES_ARMS +7.4, ATTACKS -9.3); with it, in one
hop over the border.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Callable
from datetime import date
from typing import Any

import httpx
import pytest
from neo4j import Driver

from graph.cypher.write import UPSERT_REFERENCE_EDGES, fact_parameters
from graph.loader import Loader
from graph.models import Article, Extraction
from graph.ontology import relation_type
from graph.settings import Neo4jSettings
from tests.api.conftest import ENTITIES, _claim, _mentions, extractions
from tests.plover_spec import check_plover_record

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

A4 = "https://example.org/news/turkey-iran-arms"


def _routes_article() -> Extraction:
    s1 = "Turkey supplies weapons to Iran."
    s2 = "Iran attacked Armenia."
    art = Article(id=A4, url=A4, title="Arms and attacks", text=f"{s1} {s2}", outlet="Third Desk",
                  published=date(2023, 1, 5))  # fmt: skip
    claims = [
        _claim(art, s1, 0, "SUPPLIES_ARMS", "TUR", "Turkey", "supplies", "IRN", "Iran"),
        _claim(art, s2, 1, "ATTACKS", "IRN", "Iran", "attacked", "ARM", "Armenia"),
    ]
    ids = ("TUR", "IRN", "ARM")
    return Extraction(
        article=art,
        entities={k: ENTITIES[k] for k in ids},
        mentions=_mentions(art, {"TUR": "Turkey", "IRN": "Iran", "ARM": "Armenia"}),
        claims=claims,
    )


@pytest.fixture(scope="module")
def paths_db(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> str:
    db = neo4j_settings.database
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=db)
    Loader(neo4j_driver, db).load([*extractions(), _routes_article()])
    neo4j_driver.execute_query(
        UPSERT_REFERENCE_EDGES["BORDERS"], rows=[{"a": "ARM", "b": "TUR"}], database_=db,
        **fact_parameters(relation_type("BORDERS")),
    )  # fmt: skip
    return db


@pytest.fixture
async def client(paths_db: str, make_client: Callable[..., Any]) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as c:
        yield c


async def get(client: httpx.AsyncClient, **params: Any) -> dict[str, Any]:
    r = await client.get("/v1/paths", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def sequences(body: dict[str, Any]) -> list[list[str]]:
    return [[n["id"] for n in p["nodes"]] for p in body["items"]]


async def test_distinct_node_sequences_with_every_edge_of_a_hop(client: httpx.AsyncClient) -> None:
    # ISR and AZE are joined by two edges (REJECTS, SUPPLIES_ARMS): one route, not two.
    body = await get(client, source="ISR", target="TUR", include_reference=False)
    assert sequences(body) == [["ISR", "AZE", "TUR"]]
    assert (body["total"], body["truncated"], body["length"], body["total_exact"]) == (1, False, 2, True)
    first, second = body["items"][0]["hops"]
    assert (first["start"], first["end"]) == ("ISR", "AZE")
    assert {e["type"] for e in first["edges"]} == {"REJECTS", "SUPPLIES_ARMS"}
    assert first["net"] == pytest.approx(-4.2 + 7.4 * 2) and first["sign"] == 1
    assert [e["type"] for e in second["edges"]] == ["SUPPLIES_ARMS"] and second["sign"] == 1
    assert body["items"][0]["sign"] == 1 and len(body["items"][0]["edges"]) == 3


async def test_two_routes_signs_product_and_evidence_order(client: httpx.AsyncClient) -> None:
    body = await get(client, source="TUR", target="ARM", include_reference=False)
    # Both routes' weakest hop has one claim; TUR-AZE-ARM has more claims in all.
    assert sequences(body) == [["TUR", "AZE", "ARM"], ["TUR", "IRN", "ARM"]]
    assert body["total"] == 2 and body["truncated"] is False
    # An ally's enemy: + x - = -.
    assert [p["sign"] for p in body["items"]] == [-1, -1]
    assert [[h["sign"] for h in p["hops"]] for p in body["items"]] == [[1, -1], [1, -1]]
    assert [p["evidence"] for p in body["items"]] == [1, 1]
    by_name = await get(client, source="TUR", target="ARM", include_reference=False, sort="name")
    assert sequences(by_name) == [["TUR", "AZE", "ARM"], ["TUR", "IRN", "ARM"]]  # Azerbaijan < Iran
    one = await get(client, source="TUR", target="ARM", include_reference=False, limit=1)
    assert (len(one["items"]), one["total"], one["truncated"]) == (1, 2, True)
    assert one["next"] is not None and "offset=1" in one["next"]
    rest = (await client.get(one["next"])).json()
    assert sequences(rest) == [["TUR", "IRN", "ARM"]] and rest["next"] is None


async def test_reference_edges_are_optional(client: httpx.AsyncClient) -> None:
    # Like the other routes, the backbone is in by default: the border is one hop.
    direct = await get(client, source="TUR", target="ARM")
    assert sequences(direct) == [["TUR", "ARM"]] and direct["length"] == 1
    edge = direct["items"][0]["hops"][0]["edges"][0]
    assert edge["type"] == "BORDERS" and edge["provenance"] == "reference"
    assert direct["items"][0]["sign"] == 0  # a neutral hop makes the product 0
    typed = await get(client, source="TUR", target="ARM", types="ATTACKS,SUPPLIES_ARMS")
    assert sequences(typed) == [["TUR", "IRN", "ARM"]]


async def test_filters_none_same_and_unknown(client: httpx.AsyncClient) -> None:
    # Edges last seen in 2023 or later: only the third article's, so only the route through Iran.
    late = await get(client, source="TUR", target="ARM", include_reference=False, since="2023-01-01")
    assert sequences(late) == [["TUR", "IRN", "ARM"]]
    short = await get(client, source="TUR", target="ARM", include_reference=False, max_hops=1)
    assert (short["items"], short["total"], short["length"], short["truncated"]) == ([], 0, None, False)
    same = await get(client, source="TUR", target="TUR")
    assert same["total"] == 1 and same["items"][0]["length"] == 0 and same["items"][0]["sign"] == 1
    missing = await client.get("/v1/paths", params={"source": "TUR", "target": "nowhere"})
    assert missing.status_code == 404 and "nowhere" in missing.json()["error"]["message"]


async def test_paths_as_csv(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/paths", params={"source": "TUR", "target": "ARM", "include_reference": "false",
                                              "format": "csv"})  # fmt: skip
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 and r.headers["x-total-count"] == "2"
    assert [row["sign"] for row in rows] == ["-1", "-1"] and rows[0]["length"] == "2"


async def test_relations_sort_next_and_csv(client: httpx.AsyncClient) -> None:
    hostile = (await client.get("/v1/relations", params={"sort": "-goldstein", "include_reference": False})).json()
    assert [e["goldstein"] for e in hostile["items"][:2]] == [-9.3, -9.3]
    assert {e["type"] for e in hostile["items"][:2]} == {"FIGHTS", "ATTACKS"}
    assert hostile["items"][0]["subject"] and "source" not in hostile["items"][0]
    friendly = (await client.get("/v1/relations", params={"sort": "goldstein", "limit": 2})).json()
    assert friendly["items"][0]["goldstein"] == 7.4 and "offset=2" in friendly["next"]
    r = await client.get("/v1/relations", params={"limit": 200}, headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert r.headers["x-total-count"] == str(len(rows))
    assert {"subject", "object", "type", "provenance", "goldstein"} <= set(rows[0])
    assert {row["provenance"] for row in rows} == {"article", "reference"}
    assert (await client.get("/v1/relations", params={"sort": "fame"})).status_code == 422


async def test_plover_export_through_the_api(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/export", params={"format": "plover"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    records = [json.loads(line) for line in r.text.splitlines()]
    # Every claim of the three articles is of an event type: 6 + 3 + 2.
    assert len(records) == 11
    for rec in records:
        check_plover_record(rec)
    article = (await client.get(f"/v1/articles/{A4}")).json()
    attack = next(x for x in records if x["geokg"]["article_id"] == A4 and x["event"] == ["ASSAULT"])
    span = article["text"][attack["text_info"]["start"] : attack["text_info"]["end"]]
    assert span == "Iran attacked Armenia" and attack["text"] == "Iran attacked Armenia."
    assert attack["cite_info"]["publication"] == "Third Desk" and attack["date"] == "2023-01-05"
    negated = [x for x in records if x.get("context") == ["negation"]]
    assert [(x["actor"][0]["geokg_id"], x["event"]) for x in negated] == [("ISR", ["ASSAULT"])]
    fights = [x for x in records if x["geokg"]["type"] == "FIGHTS"]
    assert len(fights) == 2 and all(len(x["actor"]) == 2 and "recipient" not in x for x in fights)
