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
    assert body["node_count"] == 7 and body["edge_count"] == 15 and len(body["items"]) == 3
    assert body["total"] == 7 and body["offset"] == 0 and "offset=3" in body["next"]
    top = body["items"][0]
    assert (top["id"], top["degree"], top["kind"]) == ("HUB", 6, "Country")
    assert top["betweenness"] == max(n["betweenness"] for n in body["items"])
    assert {e["type"] for e in top["edges"]} == {"MEETS_WITH"} and all(e["subject"] == "HUB" for e in top["edges"])

    windowed = client.get("/v1/analytics/centrality", params={"since": "2020-01-01", "by": "betweenness"}).json()
    assert "HUB" not in [n["id"] for n in windowed["items"]] and windowed["filter"]["since"] == "2020-01-01"
    # Without the hub, DDD (attacked by AAA and BBB) and the CCC-EEE trade link bridge the blocs.
    assert [n["id"] for n in windowed["items"][:3]] == ["DDD", "EEE", "CCC"]
    assert windowed["items"][-1]["betweenness"] == 0.0


def test_communities_are_the_two_blocs(client: TestClient) -> None:
    body = client.get("/v1/analytics/communities", params={"since": "2020-01-01", "seed": 1}).json()
    assert body["total"] == 2
    assert sorted(sorted(m["id"] for m in c["members"]) for c in body["items"]) == [
        ["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]
    ]
    assert all(e["type"] == "ALLIED_WITH" for c in body["items"] for e in c["edges"])


def test_balance_counts_triangles_and_frustration(client: TestClient) -> None:
    body = client.get("/v1/analytics/balance", params={"types": "ALLIED_WITH,ATTACKS,TRADES_WITH"}).json()
    assert body["patterns"] == {"+++": 2, "+--": 1, "++-": 0, "---": 0}
    assert (body["positive_dyads"], body["negative_dyads"], body["neutral_dyads"]) == (7, 2, 0)
    assert body["signed_dyads"] == 9 and body["dyad_count"] == 9
    assert sorted(b["members"] for b in body["blocs"]) == [["AAA", "BBB", "CCC"], ["DDD", "EEE", "FFF"]]
    # The CCC-EEE trade link is positive between blocs: the one frustrated dyad.
    assert body["frustration"] == 1
    assert [(d["a"], d["b"]) for d in body["inter_bloc_positive"]] == [("CCC", "EEE")]
    assert body["inter_bloc_positive"][0]["edges"][0]["type"] == "TRADES_WITH"


def test_bad_parameters_are_422(client: TestClient) -> None:
    for params in ({"types": "INVADES"}, {"kinds": "Planet"}, {"since": "2020-02-01", "until": "2020-01-01"},
                   {"limit": 0}, {"by": "fame"}, {"sort": "fame"}, {"preset": "gossip"}):
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
    assert len(j["edges"]) == 15 and len(j["nodes"]) == 7 and j["multigraph"] is True
    assert nx.node_link_graph(j, edges="edges").number_of_edges() == 15
    p = client.get("/v1/export", params={"format": "plover"})
    assert p.headers["content-type"].startswith("application/x-ndjson") and "jsonl" in p.headers["content-disposition"]
    assert p.text == ""  # no :Claim nodes were seeded
    assert client.get("/v1/export", params={"format": "plover", "types": "LEADER_OF"}).status_code == 422
    assert client.get("/v1/export", params={"format": "pajek"}).status_code == 422


def test_rank_kinds_lists_only_those_kinds(client: TestClient, neo4j_driver) -> None:  # noqa: ANN001
    neo4j_driver.execute_query(
        "MATCH (h:Entity {id: 'HUB'}) CREATE (p:Entity:Person {id: 'p-1', name: 'A Person', kind: 'Person'})"
        "-[:LEADER_OF {source: 'article', claims: 1, articles: 1, sign: 0.0}]->(h)",
        database_=get_settings().database,
    )
    ranked = client.get("/v1/analytics/centrality", params={"rank_kinds": "Country", "limit": 50}).json()
    assert ranked["node_count"] == 8 and {n["kind"] for n in ranked["items"]} == {"Country"} and ranked["total"] == 7
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


def test_directed_pagerank_and_in_out_signed_strength(client: TestClient) -> None:
    body = client.get("/v1/analytics/centrality", params={"since": "2020-01-01", "sort": "pagerank"}).json()
    by_id = {n["id"]: n for n in body["items"]}
    # DDD is attacked by AAA (2 claims) and BBB (1) and gives nothing back: rank flows to it.
    assert body["items"][0]["id"] == "DDD" and body["sort_by"] == "pagerank"
    ddd = by_id["DDD"]
    assert (ddd["in_strength"], ddd["out_strength"]) == (9, 6)  # alliances count both ways
    assert ddd["signed_in"] == pytest.approx(4.6 * 6 - 9.3 * 3) and ddd["signed_out"] == pytest.approx(4.6 * 6)
    assert by_id["AAA"]["out_strength"] == 8 and by_id["AAA"]["signed_out"] == pytest.approx(4.6 * 6 - 9.3 * 2)
    assert sum(n["pagerank"] for n in body["items"]) == pytest.approx(1.0)
    hostile = client.get("/v1/analytics/centrality", params={"since": "2020-01-01", "sort": "signed_strength"}).json()
    assert hostile["items"][-1]["id"] == "DDD"  # the most hostile relations in all
    page2 = client.get("/v1/analytics/centrality", params={"limit": 2, "offset": 2, "sort": "degree"}).json()
    assert len(page2["items"]) == 2 and page2["total"] == 7 and page2["items"][0]["id"] != "HUB"
    csv_text = client.get("/v1/analytics/centrality", params={"format": "csv"}).text
    header = csv_text.splitlines()[0].split(",")
    assert {"id", "pagerank", "in_strength", "out_strength", "signed_strength"} <= set(header)
    assert len(csv_text.splitlines()) == 8  # header + 7 entities


def test_events_preset_leaves_structural_types_out(client: TestClient, neo4j_driver) -> None:  # noqa: ANN001
    neo4j_driver.execute_query(
        "MATCH (h:Entity {id: 'AAA'}) UNWIND range(1, 5) AS i "
        "CREATE (p:Entity:Person {id: 'official-' + i, name: 'Official ' + i, kind: 'Person'})"
        "-[:OFFICIAL_OF {source: 'article', claims: 1, articles: 1, sign: 0.0}]->(h)",
        database_=get_settings().database,
    )
    everything = client.get("/v1/analytics/centrality", params={"sort": "degree", "limit": 1}).json()
    assert everything["items"][0]["id"] == "AAA" and everything["node_count"] == 12  # the officials count
    events = client.get("/v1/analytics/centrality", params={"sort": "degree", "preset": "events"}).json()
    assert events["node_count"] == 7 and events["filter"]["preset"] == "events"
    assert "OFFICIAL_OF" not in (events["filter"]["types"] or [])
    assert "ATTACKS" in events["filter"]["types"] and "BORDERS" not in events["filter"]["types"]
    structure = client.get("/v1/analytics/centrality", params={"preset": "structure", "types": "ATTACKS"})
    assert structure.status_code == 422


def test_communities_are_labelled_by_members_and_sign_mix(client: TestClient) -> None:
    body = client.get("/v1/analytics/communities", params={"since": "2020-01-01", "seed": 1}).json()
    labels = sorted(c["label"] for c in body["items"])
    assert labels == ["State AAA, State BBB, State CCC", "State DDD, State EEE, State FFF"]
    assert all(c["tone"] == "cooperative" for c in body["items"])
    assert all(c["sign_mix"] == {"positive": 3, "negative": 0, "neutral": 0, "net": pytest.approx(3 * 4.6 * 3)}
               for c in body["items"])
    # Everything together (no window, reference-free): the hub's meetings join the blocs in one.
    one = client.get("/v1/analytics/communities", params={"resolution": 0.1}).json()
    top = one["items"][0]
    assert top["size"] == 7 and top["label"].endswith("+ 4 more")
    # 6 alliances, 6 meetings and a trade link are positive; AAA-DDD and BBB-DDD (attacks) negative.
    assert (top["sign_mix"]["positive"], top["sign_mix"]["negative"], top["sign_mix"]["neutral"]) == (13, 2, 0)
    assert top["tone"] == "cooperative"  # 13 of 15 signed dyads agree


def test_balance_lists_are_paged_sorted_and_csv(client: TestClient) -> None:
    params = {"types": "ALLIED_WITH,ATTACKS,TRADES_WITH"}
    dyads = client.get("/v1/analytics/balance/dyads", params={**params, "sort": "-net", "limit": 2}).json()
    assert dyads["total"] == 9 and len(dyads["items"]) == 2 and dyads["signed_dyads"] == 9
    assert [(d["a"], d["b"], d["sign"]) for d in dyads["items"]] == [("AAA", "DDD", -1), ("BBB", "DDD", -1)]
    assert "offset=2" in dyads["next"]
    tri = client.get("/v1/analytics/balance/balanced_triangles", params=params).json()
    assert tri["total"] == 3 and {t["pattern"] for t in tri["items"]} == {"+++", "+--"}
    blocs = client.get("/v1/analytics/balance/blocs", params={**params, "format": "csv"})
    assert blocs.headers["content-type"].startswith("text/csv") and blocs.headers["x-total-count"] == "2"
    assert client.get("/v1/analytics/balance/rumours").status_code == 422
