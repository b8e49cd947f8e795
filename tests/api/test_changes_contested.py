"""/v1/changes, /v1/contested and /health's watched sources, over articles
written for these tests, extracted by the real pipeline and loaded into the
real Neo4j."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from neo4j import Driver

from graph.browser import saved_queries
from graph.changes import write_watched_sources
from graph.loader import Loader
from ingest.extract import Extractor
from ingest.readers import article_from_text

pytestmark = [pytest.mark.neo4j, pytest.mark.anyio]

# (url, outlet, published, text)
ARTICLES = [
    ("https://wire-one.test/drones", "Wire One", "2021-03-02",
     "Turkey supplied drones to Azerbaijan last month, the defence ministry in Ankara said on Tuesday."),
    ("https://wire-two.test/denial", "Wire Two", "2021-03-04",
     "Turkey denied that it had supplied drones to Azerbaijan.\n\nOfficials in Ankara called the report false."),
    ("https://wire-one.test/raid", "Wire One", "2021-03-10",
     "Kenyan troops attacked al-Shabaab positions in Somalia on 3 March 2021."),
    ("https://wire-three.test/raid", "Wire Three", "2021-03-11",
     "Kenyan troops attacked al-Shabaab positions in Somalia on 9 March 2021."),
    ("https://wire-three.test/talks", "Wire Three", "2021-03-12",
     "Serbia and Hungary signed an agreement on border security."),
]  # fmt: skip


def _load(driver: Driver, db: str, extractor: Extractor, rows: list[tuple[str, str, str, str]]) -> None:
    articles = [article_from_text(t, url=u, outlet=o, published=p, title=u.rsplit("/", 1)[-1], detect_language=False)
                for u, o, p, t in rows]  # fmt: skip
    Loader(driver, db).load(list(extractor.extract(articles)))


@pytest.fixture
def graph(neo4j_driver: Driver, clean_db: str, session_extractor: Extractor) -> str:
    _load(neo4j_driver, clean_db, session_extractor, ARTICLES)
    return clean_db


async def test_contested_lists_denials_and_date_conflicts_with_both_sides(
    graph: str, make_client: Callable[..., Any], neo4j_driver: Driver
) -> None:
    async with make_client() as client:
        page = (await client.get("/v1/contested")).json()
        answer = page["items"]
        assert page["total"] == len(answer) and page["next"] is None
        by_kind = {c["kind"]: c for c in answer}
        assert set(by_kind) == {"negated", "dates"}
        denial = by_kind["negated"]
        assert (denial["subject"]["id"], denial["type"], denial["object"]["id"]) == ("TUR", "SUPPLIES_ARMS", "AZE")
        assert denial["claimed"]["article"]["outlet"] == "Wire One"
        assert denial["claimed"]["claim"]["polarity"] == "affirmed"
        assert denial["contested"]["article"]["outlet"] == "Wire Two"
        assert denial["contested"]["claim"]["polarity"] == "negated"
        assert "denied" in denial["contested"]["claim"]["sentence"]
        dates = by_kind["dates"]
        assert dates["type"] == "ATTACKS" and dates["subject"]["id"] == "KEN"
        assert {dates["claimed"]["claim"]["event_date"], dates["contested"]["claim"]["event_date"]} == {
            "2021-03-03", "2021-03-09",
        }  # fmt: skip

        # Filters: pair (either order), type, entity, and the later article's date.
        assert [c["kind"] for c in (await client.get("/v1/contested", params={"pair": "AZE,TUR"})).json()["items"]] == ["negated"]
        assert [c["kind"] for c in (await client.get("/v1/contested", params={"type": "attacks"})).json()["items"]] == ["dates"]
        assert (await client.get("/v1/contested", params={"entity": "SRB"})).json()["items"] == []
        assert [c["kind"] for c in (await client.get("/v1/contested", params={"since": "2021-03-05"})).json()["items"]] == [
            "dates"
        ]
        assert [c["kind"] for c in (await client.get("/v1/contested", params={"until": "2021-03-05"})).json()["items"]] == [
            "negated"
        ]
        assert (await client.get("/v1/contested", params={"pair": "TUR"})).status_code == 422
        api_pairs = {(c["claimed"]["claim"]["id"], c["contested"]["claim"]["id"])
                     for c in (await client.get("/v1/contested", params={"entity": "KEN"})).json()["items"]}  # fmt: skip

    # The Browser's saved query finds the same pairs.
    with neo4j_driver.session(database=graph) as session:
        rows = session.run(saved_queries()["Contested claims"], id="KEN").data()
    assert {(r["claimed_id"], r["contested_id"]) for r in rows} == api_pairs and len(api_pairs) == 1


async def test_an_allegation_contests_a_fact(
    neo4j_driver: Driver, clean_db: str, session_extractor: Extractor, make_client: Callable[..., Any]
) -> None:
    _load(neo4j_driver, clean_db, session_extractor, [
        ARTICLES[0],
        ("https://wire-four.test/claim", "Wire Four", "2021-03-05", "Turkey allegedly supplied drones to Azerbaijan."),
    ])  # fmt: skip
    async with make_client() as client:
        page = (await client.get("/v1/contested")).json()
        answer = page["items"]
        assert page["total"] == len(answer) and page["next"] is None
    assert [(c["kind"], c["contested"]["article"]["outlet"], c["contested"]["claim"]["modality"]) for c in answer] == [
        ("alleged", "Wire Four", "alleged")
    ]


async def test_changes_since_lists_new_then_changed_edges_and_a_reload_changes_nothing(
    neo4j_driver: Driver, clean_db: str, session_extractor: Extractor, make_client: Callable[..., Any]
) -> None:
    before = datetime.now(UTC) - timedelta(seconds=1)
    _load(neo4j_driver, clean_db, session_extractor, [ARTICLES[4]])
    async with make_client() as client:
        first = (await client.get("/v1/changes", params={"since": before.isoformat()})).json()
        assert [(e["change"], e["subject"]["id"], e["type"], e["object"]["id"]) for e in first["edges"]] == [
            ("new", "HUN", "SIGNS_AGREEMENT_WITH", "SRB")
        ]
        assert first["edges"][0]["evidence"]["sentence"].startswith("Serbia and Hungary signed")
        assert first["edges"][0]["article"]["outlet"] == "Wire Three"
        assert {n["entity"]["id"] for n in first["entities"]} >= {"SRB", "HUN"}

        middle = datetime.now(UTC)
        _load(neo4j_driver, clean_db, session_extractor, [ARTICLES[4]])  # the same article again
        assert (await client.get("/v1/changes", params={"since": middle.isoformat()})).json()["edges"] == []

        second_outlet = ("https://wire-five.test/talks", "Wire Five", "2021-03-13",
                         "Hungary and Serbia signed an agreement on rail links on Friday.")  # fmt: skip
        _load(neo4j_driver, clean_db, session_extractor, [second_outlet])
        later = (await client.get("/v1/changes", params={"since": middle.isoformat()})).json()
        assert [(e["change"], e["articles"], e["outlets"]) for e in later["edges"]] == [("changed", 2, 2)]
        assert later["edges"][0]["article"]["outlet"] == "Wire Five"  # the newest evidence
        assert later["entities"] == []
        assert (await client.get("/v1/changes", params={"since": "2021-13-01"})).status_code == 422


async def test_health_shows_each_watched_sources_last_success_and_error(
    neo4j_driver: Driver, clean_db: str, make_client: Callable[..., Any]
) -> None:
    now = datetime.now(UTC)
    write_watched_sources(neo4j_driver, clean_db, [
        {"source": "https://ok.test/feed", "last_success": now, "last_error": None, "last_error_at": None,
         "failures": 0, "next_try": None},
        {"source": "https://down.test/feed", "last_success": None, "last_error": "HTTP 500 from https://down.test/feed",
         "last_error_at": now, "failures": 3, "next_try": now + timedelta(minutes=8)},
    ])  # fmt: skip
    async with make_client() as client:
        body = (await client.get("/health")).json()
    sources = {s["source"]: s for s in body["watched_sources"]}
    assert sources["https://ok.test/feed"]["last_success"] is not None
    assert sources["https://ok.test/feed"]["last_error"] is None
    assert sources["https://down.test/feed"]["last_error"].startswith("HTTP 500")
    assert sources["https://down.test/feed"]["failures"] == 3
