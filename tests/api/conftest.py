"""Fixtures for the API tests: the real Neo4j (tests/conftest.py's
`neo4j_driver`, from NEO4J_* settings), a small hand-built graph loaded with
graph.loader.Loader, and an httpx AsyncClient on the app with its lifespan
running.

The graph: two articles with sentences written for these tests. What it must
contain follows from the ontology's rules (fact edges only from affirmed,
asserted claims; symmetric types stored once), so tests can state answers:

- fact edges: AZE-REJECTS->ISR, ISR-SUPPLIES_ARMS->AZE (2 articles),
  TUR-SUPPLIES_ARMS->AZE, ARM-FIGHTS-AZE (symmetric, 2 claims),
  benny-gantz-MEETS_WITH->AZE (October only);
- claims without a fact edge: ISR-ATTACKS->IRN (hypothetical),
  ISR-ATTACKS->AZE (negated).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from typing import Any

import httpx
import pytest
from neo4j import Driver

from api.app import create_app
from api.settings import ApiSettings
from graph.loader import Loader
from graph.models import Article, Claim, Entity, Extraction, Mention
from graph.ontology import EntityKind, Modality, Polarity
from graph.settings import Neo4jSettings

API_KEY = "test-key-0123456789"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def loaded_graph(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> str:
    """An empty database (schema kept) holding the two test articles; returns the database name."""
    db = neo4j_settings.database
    with neo4j_driver.session(database=db) as session:
        session.run("MATCH (n) DETACH DELETE n").consume()
    Loader(neo4j_driver, db).load(extractions())
    return db


def make_settings(**overrides: Any) -> ApiSettings:
    values: dict[str, Any] = {"key": API_KEY, "cors_origins": [], "cypher_open": False}
    values.update(overrides)
    return ApiSettings(_env_file=None, **values)


@asynccontextmanager
async def open_client(
    api_settings: ApiSettings, neo4j_settings: Neo4jSettings
) -> AsyncIterator[httpx.AsyncClient]:
    """A client on a fresh app, its lifespan (the driver) running for the client's life."""
    app = create_app(api_settings, neo4j_settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            yield client


@pytest.fixture
def make_client(neo4j_settings: Neo4jSettings) -> Callable[..., Any]:
    """`async with make_client(cypher_row_cap=3) as c:` -- a client on an app
    with these API settings (and optionally other `neo4j_settings=`)."""

    def factory(neo4j: Neo4jSettings | None = None, **overrides: Any) -> Any:
        return open_client(make_settings(**overrides), neo4j or neo4j_settings)

    return factory


@pytest.fixture
async def client(loaded_graph: str, make_client: Callable[..., Any]) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as c:
        yield c


@pytest.fixture
def api_key() -> str:
    return API_KEY


@pytest.fixture
def fingerprint(neo4j_driver: Driver, loaded_graph: str) -> Callable[[], dict[str, Any]]:
    """A callable returning the database's fingerprint (see graph_fingerprint)."""
    return lambda: graph_fingerprint(neo4j_driver, loaded_graph)


def graph_fingerprint(driver: Driver, database: str) -> dict[str, Any]:
    """Everything a write could change: node and relationship counts, property
    totals, and the label, type and property-key tokens."""
    records, _, _ = driver.execute_query(
        """
        CALL () { MATCH (n) RETURN count(n) AS nodes, sum(size(keys(n))) AS node_props,
                  sum(size(labels(n))) AS node_labels }
        CALL () { MATCH ()-[r]->() RETURN count(r) AS rels, sum(size(keys(r))) AS rel_props }
        CALL () { CALL db.labels() YIELD label RETURN collect(label) AS labels }
        CALL () { CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS types }
        CALL () { CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS keys }
        RETURN nodes, node_props, node_labels, rels, rel_props, labels, types, keys
        """,
        database_=database,
    )
    row = records[0].data()
    for key in ("labels", "types", "keys"):
        row[key] = sorted(row[key])
    return row


# --- the test graph --------------------------------------------------

A1 = "https://example.org/news/baku-rules-out-strikes"
A2 = "https://example.org/news/gantz-visit"

ENTITIES = {
    "AZE": Entity("AZE", "Azerbaijan", EntityKind.COUNTRY, aliases=("Azeri",), iso3="AZE"),
    "ISR": Entity("ISR", "Israel", EntityKind.COUNTRY, iso3="ISR"),
    "IRN": Entity("IRN", "Iran", EntityKind.COUNTRY, iso3="IRN"),
    "ARM": Entity("ARM", "Armenia", EntityKind.COUNTRY, iso3="ARM"),
    "TUR": Entity("TUR", "Turkey", EntityKind.COUNTRY, aliases=("Turkiye",), iso3="TUR"),
    "benny-gantz": Entity("benny-gantz", "Benny Gantz", EntityKind.PERSON),
}


def _claim(
    article: Article, sentence: str, index: int, rtype: str, subj: str, subj_text: str,
    trigger: str, obj: str, obj_text: str, *, polarity: Polarity = Polarity.AFFIRMED,
    modality: Modality = Modality.ASSERTED, confidence: float = 0.7,
) -> Claim:
    base = article.text.index(sentence)
    subj_at = sentence.index(subj_text)
    obj_at = sentence.find(obj_text, subj_at + len(subj_text))
    if obj_at < 0:  # the object comes before the subject
        obj_at = sentence.index(obj_text)
    s, o = base + subj_at, base + obj_at
    t = base + sentence.index(trigger)
    return Claim(
        article_id=article.id, type=rtype, subject_id=subj, object_id=obj,
        subject_text=subj_text, subject_start=s, subject_end=s + len(subj_text),
        object_text=obj_text, object_start=o, object_end=o + len(obj_text),
        trigger_text=trigger, trigger_start=t, trigger_end=t + len(trigger),
        sentence=sentence, sentence_index=index, polarity=polarity, modality=modality,
        confidence=confidence, extractor="api-tests", extractor_version="1", rule="hand-built",
    )


def _mentions(article: Article, names: dict[str, str]) -> list[Mention]:
    out = []
    for entity_id, text in names.items():
        start = article.text.index(text)
        out.append(Mention(entity_id, text, start, start + len(text), "exact", 0))
    return out


def extractions() -> list[Extraction]:
    s1 = "Azerbaijan will not let Israel strike Iran from its soil."
    s2 = "Israel supplies weapons to Azerbaijan."
    s3 = "Turkey supplies weapons to Azerbaijan."
    s4 = "Azerbaijan and Armenia clashed again."
    s5 = "Israel did not attack Azerbaijan."
    a1 = Article(
        id=A1, url=A1, title="Baku rules out strikes on Iran from its soil",
        text=" ".join([s1, s2, s3, s4, s5]), outlet="Example News", published=date(2022, 12, 16),
    )
    c1 = [
        _claim(a1, s1, 0, "REJECTS", "AZE", "Azerbaijan", "will not let", "ISR", "Israel"),
        _claim(a1, s1, 0, "ATTACKS", "ISR", "Israel", "strike", "IRN", "Iran", modality=Modality.HYPOTHETICAL),
        _claim(a1, s2, 1, "SUPPLIES_ARMS", "ISR", "Israel", "supplies", "AZE", "Azerbaijan"),
        _claim(a1, s3, 2, "SUPPLIES_ARMS", "TUR", "Turkey", "supplies", "AZE", "Azerbaijan"),
        _claim(a1, s4, 3, "FIGHTS", "AZE", "Azerbaijan", "clashed", "ARM", "Armenia"),
        _claim(a1, s5, 4, "ATTACKS", "ISR", "Israel", "attack", "AZE", "Azerbaijan", polarity=Polarity.NEGATED),
    ]
    e1 = Extraction(
        article=a1,
        entities={k: ENTITIES[k] for k in ("AZE", "ISR", "IRN", "ARM", "TUR")},
        mentions=_mentions(a1, {"AZE": "Azerbaijan", "ISR": "Israel", "IRN": "Iran", "ARM": "Armenia", "TUR": "Turkey"}),
        claims=c1,
    )

    t1 = "Benny Gantz visited Azerbaijan to discuss defence ties."
    t2 = "Israel supplies weapons to Azerbaijan."
    t3 = "Armenia and Azerbaijan fought along the border."
    a2 = Article(
        id=A2, url=A2, title="Gantz visits Azerbaijan", text=" ".join([t1, t2, t3]),
        outlet="Other Wire", published=date(2022, 10, 3),
    )
    c2 = [
        _claim(a2, t1, 0, "MEETS_WITH", "benny-gantz", "Benny Gantz", "visited", "AZE", "Azerbaijan"),
        _claim(a2, t2, 1, "SUPPLIES_ARMS", "ISR", "Israel", "supplies", "AZE", "Azerbaijan"),
        _claim(a2, t3, 2, "FIGHTS", "ARM", "Armenia", "fought", "AZE", "Azerbaijan"),
    ]
    e2 = Extraction(
        article=a2,
        entities={k: ENTITIES[k] for k in ("AZE", "ISR", "ARM", "benny-gantz")},
        mentions=_mentions(a2, {"benny-gantz": "Benny Gantz", "AZE": "Azerbaijan", "ISR": "Israel", "ARM": "Armenia"}),
        claims=c2,
    )
    return [e1, e2]
