"""Every read endpoint through HTTP against the real Neo4j holding the
hand-built graph of conftest.py (expected answers are stated there)."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

A1 = "https://example.org/news/baku-rules-out-strikes"
A2 = "https://example.org/news/gantz-visit"


def edge_keys(edges: list[dict]) -> set[tuple[str, str, str]]:
    return {(e["subject"], e["type"], e["object"]) for e in edges}


async def test_health_reports_versions(client: httpx.AsyncClient) -> None:
    r = await client.get("/health")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status"] == "ok"
    assert body["neo4j"]["reachable"] is True
    assert body["neo4j"]["server_version"].startswith("5.")
    assert body["neo4j"]["driver_version"]


async def test_stats_counts_labels_types_and_claim_qualifiers(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/stats")).json()
    assert body["labels"]["Entity"] == 6
    assert body["labels"]["Country"] == 5 and body["labels"]["Person"] == 1
    assert body["labels"]["Article"] == 2 and body["labels"]["Claim"] == 9
    rel = body["relation_types"]
    assert rel["SUPPLIES_ARMS"] == 2 and rel["FIGHTS"] == 1 and rel["REJECTS"] == 1
    assert rel["MEETS_WITH"] == 1 and rel["ATTACKS"] == 0  # hypothetical and negated: no edge
    assert rel["ASSERTS"] == 9
    assert body["claims_by_polarity"] == {"affirmed": 8, "negated": 1}
    assert body["claims_by_modality"]["hypothetical"] == 1


async def test_entity_search_by_prefix_alias_and_misspelling(client: httpx.AsyncClient) -> None:
    prefix = (await client.get("/v1/entities", params={"q": "Azer"})).json()
    assert prefix["items"][0]["id"] == "AZE" and prefix["total"] >= 1
    alias = (await client.get("/v1/entities", params={"q": "Turkiye"})).json()
    assert [e["id"] for e in alias["items"]][:1] == ["TUR"]
    fuzzy = (await client.get("/v1/entities", params={"q": "Armenai"})).json()
    assert "ARM" in [e["id"] for e in fuzzy["items"]]
    # One misspelt word of two: no name matches every word by prefix, so spelling decides.
    two_words = (await client.get("/v1/entities", params={"q": "Benny Gants"})).json()
    assert [e["id"] for e in two_words["items"]] == ["benny-gantz"]
    person = (await client.get("/v1/entities", params={"q": "gantz", "kind": "Person"})).json()
    assert [e["id"] for e in person["items"]] == ["benny-gantz"] and person["items"][0]["kind"] == "Person"
    none = (await client.get("/v1/entities", params={"q": "gantz", "kind": "Country"})).json()
    assert none == {"items": [], "total": 0, "limit": 20, "offset": 0, "next": None, "fuzzy": False}


async def test_entity_list_pages_with_total(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/entities", params={"limit": 2})).json()
    second = (await client.get("/v1/entities", params={"limit": 2, "offset": 2})).json()
    assert first["total"] == second["total"] == 6
    assert [e["name"] for e in first["items"]] == ["Armenia", "Azerbaijan"]
    assert [e["name"] for e in second["items"]] == ["Benny Gantz", "Iran"]


async def test_lucene_syntax_in_search_is_literal(client: httpx.AsyncClient) -> None:
    for q in ['Azer"', "Azer*~^", "(AND OR", "\\", "a:b/c", "]]", "NOT", "&&||!"]:
        r = await client.get("/v1/entities", params={"q": q})
        assert r.status_code == 200, (q, r.text)


async def test_get_entity_with_counts(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/entities/AZE")).json()
    assert body["name"] == "Azerbaijan" and body["kind"] == "Country" and body["aliases"] == ["Azeri"]
    assert body["articles"] == 2
    assert body["claims_as_subject"] == 2  # REJECTS, FIGHTS (a1)
    assert body["claims_as_object"] == 6
    rels = {(r["type"], r["direction"]): r["count"] for r in body["relations"]}
    assert rels == {("SUPPLIES_ARMS", "in"): 2, ("REJECTS", "out"): 1, ("FIGHTS", "both"): 1, ("MEETS_WITH", "in"): 1}


async def test_neighbourhood_depth_one(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/entities/AZE/neighborhood")).json()
    assert {n["id"] for n in body["nodes"]} == {"AZE", "ISR", "TUR", "ARM", "benny-gantz"}
    assert edge_keys(body["edges"]) == {
        ("AZE", "REJECTS", "ISR"), ("ISR", "SUPPLIES_ARMS", "AZE"), ("TUR", "SUPPLIES_ARMS", "AZE"),
        ("ARM", "FIGHTS", "AZE"), ("benny-gantz", "MEETS_WITH", "AZE"),
    }
    assert body["truncated"] is False
    supplies = next(e for e in body["edges"] if e["id"] == "ISR-SUPPLIES_ARMS->AZE")
    assert supplies["claims"] == 2 and supplies["articles"] == 2 and supplies["outlets"] == 2
    assert supplies["first_seen"] == "2022-10-03" and supplies["last_seen"] == "2022-12-16"
    fights = next(e for e in body["edges"] if e["type"] == "FIGHTS")
    assert fights["symmetric"] is True and fights["claims"] == 2
    centre = next(n for n in body["nodes"] if n["id"] == "AZE")
    assert centre["depth"] == 0


async def test_neighbourhood_filters(client: httpx.AsyncClient) -> None:
    async def ids(**params: object) -> set[str]:
        r = await client.get("/v1/entities/AZE/neighborhood", params=params)
        assert r.status_code == 200, r.text
        return {n["id"] for n in r.json()["nodes"]}

    # Symmetric FIGHTS matches either direction; the stored direction decides the rest.
    assert await ids(direction="out") == {"AZE", "ISR", "ARM"}
    assert await ids(direction="in") == {"AZE", "ISR", "TUR", "ARM", "benny-gantz"}
    assert await ids(types="supplies_arms") == {"AZE", "ISR", "TUR"}
    assert await ids(types="SUPPLIES_ARMS,MEETS_WITH") == {"AZE", "ISR", "TUR", "benny-gantz"}
    assert await ids(min_articles=2) == {"AZE", "ISR", "ARM"}
    assert await ids(since="2022-12-01") == {"AZE", "ISR", "TUR", "ARM"}
    assert await ids(until="2022-10-31") == {"AZE", "ISR", "ARM", "benny-gantz"}
    assert await ids(min_confidence=0.8) == {"AZE", "ISR", "ARM"}  # noisy-or of two 0.7 claims
    assert await ids(depth=3, types="ATTACKS") == {"AZE"}  # claims only, no fact edge


async def test_neighbourhood_limit_truncates(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/entities/AZE/neighborhood", params={"limit": 2, "depth": 3})).json()
    assert len(body["nodes"]) == 2 and body["truncated"] is True
    assert all({e["subject"], e["object"]} <= {n["id"] for n in body["nodes"]} for e in body["edges"])


async def test_neighbourhood_depth_two_reaches_through_hubs(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/entities/TUR/neighborhood", params={"depth": 2})).json()
    depth = {n["id"]: n["depth"] for n in body["nodes"]}
    assert depth == {"TUR": 0, "AZE": 1, "ISR": 2, "ARM": 2, "benny-gantz": 2}


async def test_relations_filters_and_symmetric_pairs(client: httpx.AsyncClient) -> None:
    everything = (await client.get("/v1/relations")).json()
    assert everything["total"] == 5
    assert everything["items"][0]["articles"] == 2  # most attested first
    supplies = (await client.get("/v1/relations", params={"type": "SUPPLIES_ARMS"})).json()
    assert edge_keys(supplies["items"]) == {("ISR", "SUPPLIES_ARMS", "AZE"), ("TUR", "SUPPLIES_ARMS", "AZE")}
    # Stored ARM->AZE, asked AZE->ARM: symmetric, so it matches.
    fights = (await client.get("/v1/relations", params={"subject": "AZE", "object": "ARM"})).json()
    assert edge_keys(fights["items"]) == {("ARM", "FIGHTS", "AZE")}
    # Directed types keep their direction.
    reverse = (await client.get("/v1/relations", params={"subject": "AZE", "object": "ISR"})).json()
    assert edge_keys(reverse["items"]) == {("AZE", "REJECTS", "ISR")}
    into = (await client.get("/v1/relations", params={"object": "AZE", "since": "2022-11-01"})).json()
    assert edge_keys(into["items"]) == {("ISR", "SUPPLIES_ARMS", "AZE"), ("TUR", "SUPPLIES_ARMS", "AZE"), ("ARM", "FIGHTS", "AZE")}
    paged = (await client.get("/v1/relations", params={"limit": 2, "offset": 4})).json()
    assert paged["total"] == 5 and len(paged["items"]) == 1


async def test_evidence_includes_and_labels_non_facts(client: httpx.AsyncClient) -> None:
    hypo = (await client.get("/v1/relations/evidence", params={"subject": "ISR", "type": "ATTACKS", "object": "IRN"})).json()
    assert hypo["edges"] == [] and len(hypo["items"]) == 1
    claim = hypo["items"][0]
    assert claim["modality"] == "hypothetical" and claim["polarity"] == "affirmed" and claim["is_fact"] is False
    assert claim["sentence"] == "Azerbaijan will not let Israel strike Iran from its soil."
    assert claim["article"]["id"] == A1 and claim["article"]["published"] == "2022-12-16"

    negated = (await client.get("/v1/relations/evidence", params={"subject": "ISR", "type": "attacks", "object": "AZE"})).json()
    assert [c["polarity"] for c in negated["items"]] == ["negated"] and negated["edges"] == []

    fights = (await client.get("/v1/relations/evidence", params={"subject": "AZE", "type": "FIGHTS", "object": "ARM"})).json()
    assert fights["edges"][0]["claims"] == 2 and len(fights["items"]) == 2
    assert all(c["is_fact"] for c in fights["items"])
    assert {c["article"]["id"] for c in fights["items"]} == {A1, A2}
    assert fights["subject"]["name"] == "Azerbaijan" and fights["object"]["name"] == "Armenia"


async def test_shortest_paths(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/paths", params={"source": "TUR", "target": "ARM"})).json()
    assert [[n["id"] for n in p["nodes"]] for p in body["items"]] == [["TUR", "AZE", "ARM"]]
    assert body["items"][0]["length"] == 2 and body["total"] == 1
    # Two edges join ISR and AZE: still one path (one node sequence), both edges on its hop.
    two = (await client.get("/v1/paths", params={"source": "ISR", "target": "TUR"})).json()
    assert len(two["items"]) == 1
    assert {e["type"] for e in two["items"][0]["hops"][0]["edges"]} == {"REJECTS", "SUPPLIES_ARMS"}
    typed = (await client.get("/v1/paths", params={"source": "ISR", "target": "TUR", "types": "SUPPLIES_ARMS"})).json()
    assert [e["type"] for e in typed["items"][0]["edges"]] == ["SUPPLIES_ARMS", "SUPPLIES_ARMS"]
    none = (await client.get("/v1/paths", params={"source": "AZE", "target": "IRN"})).json()
    assert none["items"] == [] and none["total"] == 0
    short = (await client.get("/v1/paths", params={"source": "TUR", "target": "ARM", "max_hops": 1})).json()
    assert short["items"] == []
    same = (await client.get("/v1/paths", params={"source": "TUR", "target": "TUR"})).json()
    assert same["items"][0]["length"] == 0


async def test_timeline_by_month_and_week(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/entities/AZE/timeline", params={"interval": "month"})).json()
    periods = {p["period"]: p for p in body["items"]}
    assert list(periods) == ["2022-10-01", "2022-11-01", "2022-12-01"]  # the empty month too
    assert periods["2022-12-01"] | {} == {
        "period": "2022-12-01", "cooperation": 2, "conflict": 2, "neutral": 0, "negated": 1,
        "unasserted": 0, "claims": 5, "by_modality": {"asserted": 5}}
    assert periods["2022-11-01"]["claims"] == 0
    assert periods["2022-10-01"]["cooperation"] == 2 and periods["2022-10-01"]["conflict"] == 1
    points = {(p["period"], p["type"]): (p["affirmed"], p["negated"]) for p in body["points"]}
    assert points[("2022-12-01", "ATTACKS")] == (0, 1)
    assert points[("2022-12-01", "SUPPLIES_ARMS")] == (2, 0)
    weekly = (await client.get("/v1/entities/AZE/timeline", params={"interval": "week"})).json()
    weeks = [p["period"] for p in weekly["items"] if p["claims"]]
    assert weeks == ["2022-10-03", "2022-12-12"]  # Mondays
    assert len(weekly["items"]) == 11  # every week from the first to the last


async def test_articles_list_search_and_detail(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/v1/articles")).json()
    assert [a["id"] for a in listed["items"]] == [A1, A2] and listed["total"] == 2
    window = (await client.get("/v1/articles", params={"since": "2022-11-01"})).json()
    assert [a["id"] for a in window["items"]] == [A1]
    found = (await client.get("/v1/articles", params={"q": "gantz"})).json()
    assert [a["id"] for a in found["items"]] == [A2]

    detail = await client.get("/v1/articles/" + quote(A1, safe=""))
    assert detail.status_code == 200, detail.text
    body = detail.json()
    assert body["title"] == "Baku rules out strikes on Iran from its soil" and body["outlet"] == "Example News"
    assert len(body["claims"]) == 6
    assert [c["type"] for c in body["claims"]][:2] in (["REJECTS", "ATTACKS"], ["ATTACKS", "REJECTS"])
    assert sum(not c["is_fact"] for c in body["claims"]) == 2
    assert {e["id"] for e in body["entities"]} == {"AZE", "ISR", "IRN", "ARM", "TUR"}
    # Unencoded slashes reach the same article.
    assert (await client.get("/v1/articles/" + A1)).json()["id"] == A1


async def test_openapi_documents_every_route(client: httpx.AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    for p in ("/health", "/v1/stats", "/v1/entities", "/v1/entities/{entity_id}", "/v1/entities/{entity_id}/neighborhood",
              "/v1/entities/{entity_id}/timeline", "/v1/relations", "/v1/relations/evidence", "/v1/paths",
              "/v1/articles", "/v1/articles/{article_id}", "/v1/cypher"):
        assert p in paths
    assert (await client.get("/docs")).status_code == 200
