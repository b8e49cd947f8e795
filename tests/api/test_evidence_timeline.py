"""Evidence for a pair without a type, with filters and offsets; the dyad
timeline and the entity timeline's periods, intervals and modality split.
Real Neo4j, the graph of research_graph (answers stated there)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.research_graph import A3
from tests.api.test_search import research_db  # noqa: F401  (the module's graph)

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]


@pytest.fixture
async def client(research_db: str, make_client: Callable[..., Any]) -> AsyncIterator[httpx.AsyncClient]:  # noqa: F811
    async with make_client() as c:
        yield c


async def get(client: httpx.AsyncClient, path: str, **params: Any) -> dict[str, Any]:
    r = await client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


async def test_pair_evidence_without_a_type_covers_both_directions(client: httpx.AsyncClient) -> None:
    body = await get(client, "/v1/relations/evidence", subject="AZE", object="ISR")
    assert body["total"] == 5  # REJECTS (AZE->ISR), SUPPLIES_ARMS x3, ATTACKS negated
    assert {c["type"] for c in body["items"]} == {"REJECTS", "SUPPLIES_ARMS", "ATTACKS"}
    assert {(e["type"], e["subject"]) for e in body["edges"]} == {("SUPPLIES_ARMS", "ISR"), ("REJECTS", "AZE")}
    newest = body["items"][0]
    assert newest["article"]["id"] == A3 and newest["article"]["url"] == A3
    assert newest["article"]["outlet"] == "Example News" and newest["modality"] == "alleged"
    assert newest["trigger_text"] == "supplies" and newest["is_fact"] is False
    forward = await get(client, "/v1/relations/evidence", subject="AZE", object="ISR", direction="forward")
    assert [c["type"] for c in forward["items"]] == ["REJECTS"]


async def test_pair_evidence_filters(client: httpx.AsyncClient) -> None:
    path, pair = "/v1/relations/evidence", {"subject": "ISR", "object": "AZE"}
    assert (await get(client, path, **pair, type="supplies_arms"))["total"] == 3
    assert (await get(client, path, **pair, outlet="other wire"))["total"] == 1
    assert (await get(client, path, **pair, modality="alleged"))["total"] == 1
    assert (await get(client, path, **pair, polarity="negated"))["items"][0]["type"] == "ATTACKS"
    assert (await get(client, path, **pair, since="2023-01-01"))["total"] == 1
    assert (await get(client, path, **pair, until="2022-10-31"))["total"] == 1
    assert (await get(client, path, **pair, min_confidence=0.9))["total"] == 0
    bad = await client.get(path, params={**pair, "modality": "rumoured"})
    assert bad.status_code == 422 and "hypothetical" in bad.json()["error"]["message"]


async def test_evidence_offsets_index_the_article_text(client: httpx.AsyncClient) -> None:
    body = await get(client, "/v1/relations/evidence", subject="RUS", object="ISR")
    claim = body["items"][0]

    text = (await get(client, "/v1/articles/" + quote(A3, safe="")))["text"]
    assert text[claim["subject_start"] : claim["subject_end"]] == claim["subject_text"] == "Kremlin"
    assert text[claim["object_start"] : claim["object_end"]] == "Israel"
    assert text[claim["trigger_start"] : claim["trigger_end"]] == "condemned"


async def test_dyad_timeline_by_month_with_empty_periods_and_modalities(client: httpx.AsyncClient) -> None:
    body = await get(client, "/v1/relations/timeline", subject="ISR", object="AZE")
    months = {p["period"]: p for p in body["items"]}
    assert list(months) == [f"{y}-{m:02d}-01" for y, m in [(2022, 10), (2022, 11), (2022, 12), (2023, 1), (2023, 2)]]
    assert months["2022-11-01"]["claims"] == 0 and months["2023-01-01"]["claims"] == 0
    assert months["2022-12-01"]["cooperation"] == 1
    assert months["2022-12-01"]["conflict"] == 1 and months["2022-12-01"]["negated"] == 1  # REJECTS; ATTACKS negated
    feb = months["2023-02-01"]
    assert feb["unasserted"] == 1 and feb["cooperation"] == 0 and feb["by_modality"] == {"alleged": 1}
    yearly = await get(client, "/v1/relations/timeline", subject="ISR", object="AZE", interval="year")
    assert [p["period"] for p in yearly["items"]] == ["2022-01-01", "2023-01-01"]
    daily = await get(client, "/v1/relations/timeline", subject="ISR", object="AZE", interval="day",
                      since="2022-12-15", until="2022-12-17")  # fmt: skip
    assert [(p["period"], p["claims"]) for p in daily["items"]] == [
        ("2022-12-15", 0), ("2022-12-16", 3), ("2022-12-17", 0)]


async def test_entity_timeline_keeps_planned_out_of_affirmed(client: httpx.AsyncClient) -> None:
    body = await get(client, "/v1/entities/RUS/timeline", interval="year")
    (year,) = body["items"]
    assert year["conflict"] == 1  # CONDEMNS asserted; THREATENS is only planned
    assert year["unasserted"] == 1 and year["by_modality"] == {"asserted": 1, "planned": 1}
    points = {p["type"]: p for p in body["points"]}
    assert points["THREATENS"]["affirmed"] == 0 and points["THREATENS"]["unasserted"] == 1
    typed = await get(client, "/v1/entities/AZE/timeline", type="FIGHTS", since="2022-09-01", until="2022-12-31")
    assert [p["period"] for p in typed["items"]][:2] == ["2022-09-01", "2022-10-01"]
    assert sum(p["conflict"] for p in typed["items"]) == 2 and {p["type"] for p in typed["points"]} == {"FIGHTS"}


async def test_timelines_are_paged_lists_with_csv(client: httpx.AsyncClient) -> None:
    full = await get(client, "/v1/relations/timeline", subject="ISR", object="AZE")
    months = [p["period"] for p in full["items"]]
    assert full["total"] == len(months) and full["next"] is None
    page = await get(client, "/v1/relations/timeline", subject="ISR", object="AZE", limit=2, offset=1)
    assert [p["period"] for p in page["items"]] == months[1:3] and "offset=3" in page["next"]
    assert {p["period"] for p in page["points"]} <= set(months[1:3])
    r = await client.get("/v1/entities/AZE/timeline", params={"interval": "year", "format": "csv"})
    lines = r.text.splitlines()
    assert r.headers["content-type"].startswith("text/csv") and lines[0].startswith("period,")
    assert "by_modality.asserted" in lines[0] and [line[:10] for line in lines[1:]] == ["2022-01-01", "2023-01-01"]
