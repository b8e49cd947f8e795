"""GET /v1/analytics/* and /v1/export through the app, on the real Neo4j."""

from __future__ import annotations

import io
import zipfile

import networkx as nx
import pytest
from fastapi.testclient import TestClient
from neo4j import Driver

from api.app import create_app
from graph.ontology import relation_type
from graph.settings import get_settings

pytestmark = pytest.mark.neo4j


def seed(driver: Driver, database: str) -> None:
    """Allied triangles AAA-BBB-CCC and DDD-EEE-FFF; AAA and BBB attack DDD;
    CCC and EEE trade (a positive link between the blocs); HUB meets everyone
    once in 2018 (outside a 2020 window)."""
    ids = ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "HUB"]
    driver.execute_query(
        "UNWIND $ids AS id CREATE (:Entity:Country {id: id, name: 'State ' + id, kind: 'Country', iso3: id, aliases: []})",
        ids=ids, database_=database,
    )
    facts = [(a, "ALLIED_WITH", b, 3, "2020-01-05") for a, b in
             [("AAA", "BBB"), ("BBB", "CCC"), ("AAA", "CCC"), ("DDD", "EEE"), ("EEE", "FFF"), ("DDD", "FFF")]]
    facts += [("AAA", "ATTACKS", "DDD", 2, "2020-02-01"), ("BBB", "ATTACKS", "DDD", 1, "2020-02-02"),
              ("CCC", "TRADES_WITH", "EEE", 1, "2020-03-01")]
    facts += [("HUB", "MEETS_WITH", x, 1, "2018-06-01") for x in ids[:-1]]
    for s, t, o, claims, day in facts:
        rt = relation_type(t)
        driver.execute_query(
            f"MATCH (a:Entity {{id: $s}}), (b:Entity {{id: $o}}) CREATE (a)-[:{rt.name} {{source: 'article', "
            "claims: $claims, articles: $claims, first_seen: date($day), last_seen: date($day), sign: $sign}]->(b)",
            s=s, o=o, claims=claims, day=day, sign=rt.sign, database_=database,
        )


@pytest.fixture
def client(clean_db, neo4j_driver):  # noqa: ANN001, ANN201
    seed(neo4j_driver, get_settings().database)
    with TestClient(create_app()) as c:
        yield c


def test_centrality_ranks_the_hub_then_windows_it_out(client: TestClient) -> None:
    r = client.get("/v1/analytics/centrality", params={"limit": 3, "by": "degree"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["node_count"] == 7 and body["edge_count"] == 15 and len(body["nodes"]) == 3
    top = body["nodes"][0]
    assert (top["id"], top["degree"], top["kind"]) == ("HUB", 6, "Country")
    assert top["betweenness"] == max(n["betweenness"] for n in body["nodes"])
    assert {e["type"] for e in top["edges"]} == {"MEETS_WITH"} and all(e["subject"] == "HUB" for e in top["edges"])

    windowed = client.get("/v1/analytics/centrality", params={"since": "2020-01-01", "by": "betweenness"}).json()
    assert "HUB" not in [n["id"] for n in windowed["nodes"]] and windowed["filter"]["since"] == "2020-01-01"
    # Without the hub, DDD (attacked by AAA and BBB) and the CCC-EEE trade link bridge the blocs.
    assert [n["id"] for n in windowed["nodes"][:3]] == ["DDD", "EEE", "CCC"]
    assert windowed["nodes"][-1]["betweenness"] == 0.0


def test_communities_are_the_two_blocs(client: TestClient) -> None:
    body = client.get("/v1/analytics/communities", params={"since": "2020-01-01", "seed": 1}).json()
    assert body["community_count"] == 2
    assert sorted(sorted(m["id"] for m in c["members"]) for c in body["communities"]) == [
        ["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]
    ]
    assert all(e["type"] == "ALLIED_WITH" for c in body["communities"] for e in c["edges"])


def test_balance_counts_triangles_and_frustration(client: TestClient) -> None:
    body = client.get("/v1/analytics/balance", params={"types": "ALLIED_WITH,ATTACKS,TRADES_WITH"}).json()
    assert body["patterns"] == {"+++": 2, "+--": 1, "++-": 0, "---": 0}
    assert (body["positive_dyads"], body["negative_dyads"]) == (7, 2)
    assert sorted(b["members"] for b in body["blocs"]) == [["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]]
    # The CCC-EEE trade link is positive between blocs: the one frustrated dyad.
    assert body["frustration"] == 1
    assert [(d["a"], d["b"]) for d in body["inter_bloc_positive"]] == [("CCC", "EEE")]
    assert body["inter_bloc_positive"][0]["edges"][0]["type"] == "TRADES_WITH"


def test_bad_parameters_are_422(client: TestClient) -> None:
    for params in ({"types": "INVADES"}, {"kinds": "Planet"}, {"since": "2020-02-01", "until": "2020-01-01"},
                   {"limit": 0}, {"by": "fame"}):
        r = client.get("/v1/analytics/centrality", params=params)
        assert r.status_code == 422, (params, r.text)
        assert r.json()["error"]["code"] == "validation_error"


def test_export_endpoint_formats(client: TestClient) -> None:
    r = client.get("/v1/export", params={"format": "graphml", "since": "2020-01-01"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/graphml+xml")
    assert "attachment" in r.headers["content-disposition"]
    h = nx.read_graphml(io.BytesIO(r.content))
    assert h.number_of_edges() == 9 and "HUB" not in h
    z = client.get("/v1/export", params={"format": "csv", "types": "ATTACKS"})
    with zipfile.ZipFile(io.BytesIO(z.content)) as zf:
        assert zf.read("edges.csv").decode().count("\n") == 3  # header + two attacks
    j = client.get("/v1/export", params={"format": "json"}).json()
    assert len(j["edges"]) == 15 and len(j["nodes"]) == 7
    p = client.get("/v1/export", params={"format": "plover"}).json()
    assert p["events"] == [] and p["geokg"]["format"] == "geokg-plover"  # no :Claim nodes were seeded
    assert client.get("/v1/export", params={"format": "pajek"}).status_code == 422


def test_rank_kinds_lists_only_those_kinds(client: TestClient, neo4j_driver) -> None:  # noqa: ANN001
    neo4j_driver.execute_query(
        "MATCH (h:Entity {id: 'HUB'}) CREATE (p:Entity:Person {id: 'p-1', name: 'A Person', kind: 'Person'})"
        "-[:LEADER_OF {source: 'article', claims: 1, articles: 1, sign: 0.0}]->(h)",
        database_=get_settings().database,
    )
    ranked = client.get("/v1/analytics/centrality", params={"rank_kinds": "Country", "limit": 50}).json()
    assert ranked["node_count"] == 8 and {n["kind"] for n in ranked["nodes"]} == {"Country"} and len(ranked["nodes"]) == 7
    cut = client.get("/v1/analytics/centrality", params={"kinds": "Country", "limit": 50}).json()
    assert cut["node_count"] == 7
    assert client.get("/v1/analytics/centrality", params={"rank_kinds": "Planet"}).status_code == 422



def test_whole_graph_reads_stop_at_the_server_side_timeout(clean_db: str, neo4j_driver: Driver) -> None:
    from api.settings import ApiSettings

    seed(neo4j_driver, clean_db)
    # 20,000 more fact edges, so the pull takes longer than its 1 ms budget:
    # Neo4j stops it and the route says which limit, as a 422 (narrow the
    # filter), not a 503 or a 500.
    neo4j_driver.execute_query(
        "UNWIND range(1, 200) AS i CREATE (:Entity:Country {id: 'X' + i, name: 'X' + i, kind: 'Country', aliases: []})",
        database_=clean_db,
    )
    neo4j_driver.execute_query(
        "MATCH (a:Entity) WHERE a.id STARTS WITH 'X' MATCH (b:Entity) WHERE b.id STARTS WITH 'X' AND a.id < b.id "
        "WITH a, b LIMIT 20000 CREATE (a)-[:MEETS_WITH {source: 'article', claims: 1, articles: 1, "
        "first_seen: date('2020-01-01'), last_seen: date('2020-01-01'), sign: 0}]->(b)",
        database_=clean_db,
    )
    with TestClient(create_app(ApiSettings(_env_file=None, graph_read_timeout_s=0.001))) as c:
        for path in ("/v1/analytics/centrality", "/v1/export?format=json"):
            r = c.get(path)
            assert r.status_code == 422, (path, r.text)
            assert r.json()["error"]["code"] == "query_timeout"
