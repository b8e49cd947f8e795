"""A researcher hammering /v1/cypher with hostile statements while `geokg
ingest`'s pipeline loads articles (real spaCy extractor, real loader, real
Neo4j) must leave the graph identical to a clean ingest of the same articles.
The attacker is given the live transaction ids (as if SHOW TRANSACTIONS had
leaked them), so a TERMINATE that got through would kill a loader batch."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

import pytest
from neo4j import Driver

from graph.loader import Loader
from graph.models import Article
from ingest.extract import Extractor
from ingest.pipeline import run
from ingest.readers import article_from_text
from tests.api.conftest import graph_fingerprint

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

# Sentences written for this test.
TEXTS = [
    "France and Germany signed a defence agreement in Paris on Tuesday.",
    "The United States imposed new sanctions on Iran over its nuclear programme.",
    "Russia deployed troops to the border with Ukraine, officials in Kyiv said.",
    "Japan and South Korea agreed to share military intelligence.",
    "Canada closed its embassy in Venezuela on Friday.",
    "Turkey condemned the attack on Syria's border posts.",
]
HOSTILE = [
    "TERMINATE TRANSACTIONS $ids",
    "TERMINATE TRANSACTIONS '{tx}'",
    "/**/TERMINATE TRANSACTIONS '{tx}'",
    "\\u0054ERMINATE TRANSACTIONS '{tx}'",
    "SHOW TRANSACTIONS YIELD transactionId AS t TERMINATE TRANSACTIONS t",
    "MATCH (n) DETACH DELETE n",
    "MATCH (c:Claim) SET c.confidence = 0",
    "RETURN 1 //\rMATCH (n) DETACH DELETE n",
    "RETURN 1 //\\u000dMATCH (n) DETACH DELETE n",
    "CALL db.clearQueryCaches()",
    "LOAD CSV FROM 'http://127.0.0.1:7430/' AS l CREATE (:Hacked {l: l})",
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def articles() -> list[Article]:
    return [article_from_text(t, url=f"https://t.example/hostile/{n}") for n, t in enumerate(TEXTS)]


def claims_per_article(driver: Driver, database: str) -> dict[str, int]:
    records, _, _ = driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, COUNT { (a)-[:ASSERTS]->() } AS n", database_=database
    )
    return {r["id"]: r["n"] for r in records}


async def test_hostile_statements_during_an_ingest_change_nothing(
    neo4j_driver: Driver, clean_db: str, extractor: Extractor, make_client: Callable[..., Any], api_key: str
) -> None:
    clean = run(articles(), extractor, Loader(neo4j_driver, clean_db, batch_size=1), batch_size=1, n_process=1)
    assert clean.ok and clean.articles_loaded == len(TEXTS), clean.summary()
    expected = (graph_fingerprint(neo4j_driver, clean_db), claims_per_article(neo4j_driver, clean_db))
    neo4j_driver.execute_query("MATCH (n) DETACH DELETE n", database_=clean_db)

    result: dict[str, Any] = {}

    def ingest() -> None:
        result["report"] = run(
            articles(), extractor, Loader(neo4j_driver, clean_db, batch_size=1), batch_size=1, n_process=1
        )

    loader = threading.Thread(target=ingest)
    statuses: list[int] = []
    live_ids: set[str] = set()
    async with make_client() as c:
        loader.start()
        while loader.is_alive():
            records, _, _ = neo4j_driver.execute_query(
                "SHOW TRANSACTIONS YIELD transactionId, currentQuery "
                "WHERE NOT currentQuery STARTS WITH 'SHOW' RETURN transactionId",
                database_=clean_db,
            )
            ids = [r["transactionId"] for r in records]
            live_ids.update(ids)
            for query in HOSTILE:
                for tx in ids or ["neo4j-transaction-1"]:
                    r = await c.post(
                        "/v1/cypher",
                        json={"query": query.replace("{tx}", tx), "params": {"ids": ids}},
                        headers={"X-API-Key": api_key},
                    )
                    statuses.append(r.status_code)
            await asyncio.sleep(0)
        loader.join()

    report = result["report"]
    assert report.ok and report.articles_loaded == len(TEXTS) and report.failed == [], report.summary()
    assert statuses and set(statuses) == {400}, sorted(set(statuses))
    assert (graph_fingerprint(neo4j_driver, clean_db), claims_per_article(neo4j_driver, clean_db)) == expected
    # The attack ran while loader transactions were live (otherwise this proves little).
    assert live_ids, "no loader transaction was seen while the ingest ran"
