"""POST /v1/articles: the seed article through the real pipeline (readers,
spaCy extractor, loader) into the real Neo4j, then read back through the API."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytestmark = [pytest.mark.anyio, pytest.mark.neo4j]

SEED_URL = "https://example.org/seed/azerbaijan-israel-iran"


@pytest.fixture
def seed_text(shared_dir: Path) -> str:
    return next((shared_dir / "corpus" / "seed").glob("*.txt")).read_text(encoding="utf-8")


async def test_post_seed_article_then_read_it_back(
    clean_db: str, make_client: Callable[..., Any], api_key: str, seed_text: str
) -> None:
    article = {"text": seed_text, "url": SEED_URL, "title": "Azerbaijan will not allow Israel to attack Iran",
               "published": "2022-12-16", "outlet": "Example"}
    async with make_client() as c:
        r = await c.post("/v1/articles", json=article, headers={"X-API-Key": api_key})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["received"] == 1 and body["loaded"] == 1 and body["skipped"] == []
        report = body["report"]
        assert report["articles_loaded"] == 1 and report["claims"] > 0 and report["aborted"] is None
        article_id = body["article_ids"][0]

        stored = (await c.get("/v1/articles/" + quote(article_id, safe=""))).json()
        assert stored["published"] == "2022-12-16" and len(stored["claims"]) == report["claims"]
        assert {"AZE", "ISR", "IRN"} <= {e["id"] for e in stored["entities"]}

        # "Baku would not allow Tel Aviv to attack Iran": the attack is a claim, never a fact edge.
        ev = (await c.get("/v1/relations/evidence", params={"subject": "ISR", "type": "ATTACKS", "object": "IRN"})).json()
        assert ev["edges"] == [] and ev["items"] and not any(cl["is_fact"] for cl in ev["items"])
        hood = (await c.get("/v1/entities/AZE/neighborhood")).json()
        assert "ISR" in {n["id"] for n in hood["nodes"]}
        assert all(e["type"] != "ATTACKS" for e in hood["edges"])

        # Loading the same article again changes no count.
        stats_before = (await c.get("/v1/stats")).json()
        again = await c.post("/v1/articles", json=[article], headers={"X-API-Key": api_key})
        assert again.status_code == 200 and again.json()["loaded"] == 1
        assert (await c.get("/v1/stats")).json() == stats_before


async def test_post_needs_the_key_and_valid_bodies(clean_db: str, make_client: Callable[..., Any], api_key: str) -> None:
    async with make_client() as c:
        one = {"text": "Israel supplies weapons to Azerbaijan."}
        assert (await c.post("/v1/articles", json=one)).status_code == 401
        assert (await c.post("/v1/articles", json=one, headers={"X-API-Key": api_key + "x"})).status_code == 403
        for bad in ({}, {"text": ""}, [], {"text": "x", "published": "not a date"}, {"text": "x", "unknown": 1},
                    [{"text": "x"}] * 101):
            r = await c.post("/v1/articles", json=bad, headers={"X-API-Key": api_key})
            assert r.status_code == 422, (bad if not isinstance(bad, list) else len(bad), r.text)
        # A text the reader refuses is reported as skipped, with its reason; nothing is loaded.
        r = await c.post("/v1/articles", json={"text": "   \n\n   \t"}, headers={"X-API-Key": api_key})
        assert r.status_code == 200, r.text
        assert r.json()["loaded"] == 0 and r.json()["skipped"][0]["reason"]
    async with make_client(key=None) as closed:
        assert (await closed.post("/v1/articles", json=one, headers={"X-API-Key": "x"})).status_code == 403


async def test_a_partial_load_is_an_error_status_listing_what_failed(
    clean_db: str, make_client: Callable[..., Any], api_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graph.loader import Loader

    real_load = Loader.load

    def load_refusing_one(self: Loader, extractions: Any) -> Any:
        # The real loader, except that it refuses one article (as it refuses an invalid extraction).
        if any("Freedonia recalled" in ex.article.text for ex in extractions):
            raise ValueError("refused by the test")
        return real_load(self, extractions)

    monkeypatch.setattr(Loader, "load", load_refusing_one)
    articles = [
        {"text": "France and Germany signed a defence agreement in Paris on Tuesday.", "url": "https://t.example/ok"},
        {"text": "Freedonia recalled its ambassador to Ruritania on Monday.", "url": "https://t.example/refused"},
    ]
    async with make_client() as c:
        r = await c.post("/v1/articles", json=articles, headers={"X-API-Key": api_key})
        assert r.status_code == 500, r.text
        error = r.json()["error"]
        assert error["code"] == "articles_not_loaded"
        assert "1 of 2 articles were not loaded" in error["message"] and "POST them again" in error["message"]
        assert [f["reason"] for f in error["details"]["failed"]] == ["load-failed"]
        assert "refused" in error["details"]["failed"][0]["source"]
        assert error["details"]["loaded"] == 1
        # The other article is in the graph.
        assert (await c.get("/v1/articles/" + quote("https://t.example/ok", safe=""))).status_code == 200
        assert (await c.get("/v1/articles/" + quote("https://t.example/refused", safe=""))).status_code == 404
