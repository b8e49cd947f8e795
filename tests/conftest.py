"""Fixtures shared by every test package.

Neo4j tests run against the real server (`scripts/test.sh` starts it; to run
them by hand: `geokg neo4j start`, with your own NEO4J_HOME / NEO4J_BOLT_PORT /
NEO4J_HTTP_PORT if you need a separate server). An unreachable server FAILS the
tests that need it, with or without CI=true; nothing is skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from neo4j import Driver
from neo4j.exceptions import AuthError

from graph.settings import Neo4jSettings

if TYPE_CHECKING:
    from graph.models import Extraction
    from ingest.extract import Extractor

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (REPO_ROOT / ".." / "shared").resolve()
_DELETE_BATCH = 10_000


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the server as `neo4j` (select with -m neo4j / -m 'not neo4j')."""
    for item in items:
        if "neo4j_driver" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)


@pytest.fixture(scope="session")
def neo4j_settings() -> Neo4jSettings:
    """Settings from the environment and .env, as the product reads them."""
    return Neo4jSettings()


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Neo4jSettings) -> Iterator[Driver]:
    """One driver for the whole session, connected and with the graph's schema in place."""
    from graph.driver import create_driver, verify
    from graph.errors import GraphError
    from graph.schema import ensure_schema

    s = neo4j_settings
    where = (
        f"NEO4J_HOME={s.home} NEO4J_BOLT_PORT={s.bolt_port} NEO4J_HTTP_PORT={s.http_port}; "
        "`bash scripts/test.sh` starts the server itself"
        if s.managed
        else f"NEO4J_URI={s.uri}"
    )
    ci = " (CI=true)" if os.environ.get("CI", "").lower() == "true" else ""
    problem: str | None = None
    driver: Driver | None = None
    try:
        driver = create_driver(s)
        verify(driver, s)
    except (GraphError, AuthError) as e:
        problem = str(e)
        if driver is not None:
            driver.close()
    if problem is not None or driver is None:
        # Outside the except block, so the report is the message and not a chained traceback.
        pytest.fail(f"Neo4j is needed by this test and is unavailable{ci}: {problem} [{where}]", pytrace=False)
    # Tests expect the constraints and indexes `geokg init` creates.
    ensure_schema(driver, s.database)
    yield driver
    driver.close()


@pytest.fixture
def clean_db(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> str:
    """Delete every node and relationship (schema stays), then return the database name."""
    database = neo4j_settings.database
    with neo4j_driver.session(database=database) as session:
        # In batches, so a big graph does not need one huge transaction.
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS",
            batch=_DELETE_BATCH,
        ).consume()
        left = session.run("MATCH (n) RETURN count(n) AS n").single(strict=True)["n"]
    assert left == 0, f"clean_db left {left} nodes in database {database!r}"
    return database


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's read-only shared data (../shared next to the repo)."""
    if not SHARED_DIR.is_dir():
        pytest.fail(
            f"{SHARED_DIR} does not exist: these tests read the shared corpus and gold data "
            "from ../shared next to the repository. Put it there (it is not part of the repo).",
            pytrace=False,
        )
    return SHARED_DIR


@pytest.fixture(scope="session")
def session_extractor() -> Extractor:
    """One Extractor (the configured spaCy model and the gazetteer, loaded once)
    for the tests that share extractions; stateless, so sharing changes nothing."""
    from ingest.extract import Extractor

    return Extractor()


def _fingerprint(extractions: tuple[Extraction, ...]) -> list[tuple[object, ...]]:
    return [
        (ex.article.id, tuple(sorted(ex.entities)), tuple(ex.mentions), tuple(c.id for c in ex.claims))
        for ex in extractions
    ]


@pytest.fixture(scope="session")
def wikinews_extractions(shared_dir: Path, session_extractor: Extractor) -> Iterator[tuple[Extraction, ...]]:
    """The whole Wikinews corpus (../shared, 295 articles) read by the real
    reader and extracted ONCE per session, kept in memory: extracting it takes
    minutes on the shared machine, so every test that needs it shares this.

    Shared, so read-only: a test that changes an Extraction fails at the end of
    the session (the fingerprint check below) instead of corrupting the others."""
    from graph.models import Article
    from ingest.readers import read_paths

    path = shared_dir / "corpus" / "wikinews" / "wikinews-2019-2020.jsonl"
    articles = [r for r in read_paths([path]) if isinstance(r, Article)]
    extractions = tuple(session_extractor.extract(articles, batch_size=32))
    # One Extraction per article, in order, or the sharing tests would test less.
    assert [ex.article.id for ex in extractions] == [a.id for a in articles]
    before = _fingerprint(extractions)
    yield extractions
    assert _fingerprint(extractions) == before, "a test changed the shared Wikinews extractions; copy them first"
