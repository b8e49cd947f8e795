"""Reference (backbone) edges beside article-derived ones: told apart by
`provenance`, kept or dropped by include_reference, never counted as evidence."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from graph.cypher.write import UPSERT_REFERENCE_EDGES, fact_parameters
from graph.ontology import relation_type

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]


@pytest.fixture(scope="module")
def with_borders(loaded_graph: str, neo4j_driver: Driver) -> str:
    """The test graph plus reference BORDERS edges ARM-AZE and AZE-IRN (canonical order)."""
    rtype = relation_type("BORDERS")
    neo4j_driver.execute_query(
        UPSERT_REFERENCE_EDGES["BORDERS"],
        rows=[{"a": "ARM", "b": "AZE"}, {"a": "AZE", "b": "IRN"}],
        database_=loaded_graph,
        **fact_parameters(rtype),
    )
    return loaded_graph


async def test_reference_edges_join_the_neighbourhood_unless_excluded(
    with_borders: str, client: httpx.AsyncClient
) -> None:
    body = (await client.get("/v1/entities/AZE/neighborhood", params={"types": "BORDERS"})).json()
    assert {n["id"] for n in body["nodes"]} == {"AZE", "ARM", "IRN"}
    assert {e["id"] for e in body["edges"]} == {"ARM-BORDERS->AZE#reference", "AZE-BORDERS->IRN#reference"}
    assert all(e["provenance"] == "reference" and e["claims"] is None for e in body["edges"])
    # Evidence filters apply to article edges only; the backbone passes them.
    filtered = (await client.get("/v1/entities/AZE/neighborhood", params={"min_articles": 2, "since": "2022-12-01"})).json()
    assert {"ARM", "IRN"} <= {n["id"] for n in filtered["nodes"]}
    without = (await client.get("/v1/entities/AZE/neighborhood", params={"include_reference": False})).json()
    assert "IRN" not in {n["id"] for n in without["nodes"]}
    assert all(e["provenance"] == "article" for e in without["edges"])


async def test_reference_edges_in_relations_paths_and_stats(with_borders: str, client: httpx.AsyncClient) -> None:
    rels = (await client.get("/v1/relations", params={"subject": "IRN", "object": "AZE"})).json()
    assert [e["id"] for e in rels["items"]] == ["AZE-BORDERS->IRN#reference"]  # symmetric: either way round
    assert (await client.get("/v1/relations", params={"type": "BORDERS", "include_reference": False})).json()["total"] == 0
    path = (await client.get("/v1/paths", params={"source": "TUR", "target": "IRN"})).json()
    assert [n["id"] for n in path["items"][0]["nodes"]] == ["TUR", "AZE", "IRN"]
    assert (await client.get("/v1/stats")).json()["relation_types"]["BORDERS"] == 2
    # Evidence for a backbone-only pair: the reference edge, and no claims.
    ev = (await client.get("/v1/relations/evidence", params={"subject": "AZE", "type": "BORDERS", "object": "IRN"})).json()
    assert ev["items"] == [] and [e["provenance"] for e in ev["edges"]] == ["reference"]
