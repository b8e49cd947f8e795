"""The real local Neo4j server: version, round trip, Browser page, idempotent schema."""

from __future__ import annotations

import httpx
import pytest
from neo4j import Driver

from graph.server.install import NEO4J_VERSION
from graph.settings import Neo4jSettings

pytestmark = pytest.mark.neo4j


def test_server_is_the_pinned_community_version(neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition",
        database_="system",
    )
    kernel = [r for r in records if r["name"] == "Neo4j Kernel"]
    assert len(kernel) == 1
    assert kernel[0]["versions"] == [NEO4J_VERSION]
    assert kernel[0]["edition"] == "community"
    assert NEO4J_VERSION.startswith("5.26.")


def test_write_and_read_back(neo4j_driver: Driver, clean_db: str) -> None:
    neo4j_driver.execute_query(
        "CREATE (:ServerProbe {name: $a})-[:NEXT_TO {km: $km}]->(:ServerProbe {name: $b})",
        a="Baku", b="Tbilisi", km=445.5, database_=clean_db,
    )  # fmt: skip
    records, _, _ = neo4j_driver.execute_query(
        "MATCH (a:ServerProbe)-[r:NEXT_TO]->(b:ServerProbe) RETURN a.name AS a, r.km AS km, b.name AS b",
        database_=clean_db,
    )
    assert [r.data() for r in records] == [{"a": "Baku", "km": 445.5, "b": "Tbilisi"}]


def test_clean_db_starts_from_an_empty_graph(neo4j_driver: Driver, clean_db: str) -> None:
    neo4j_driver.execute_query("UNWIND range(1, 25) AS i CREATE (:ServerProbe {i: i})", database_=clean_db)
    records, _, _ = neo4j_driver.execute_query("MATCH (n) RETURN count(n) AS n", database_=clean_db)
    assert records[0]["n"] == 25


def test_browser_page_is_served(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> None:
    if not neo4j_settings.managed:
        pytest.fail("This test checks the local server's Browser; unset NEO4J_URI to run it.")
    response = httpx.get(f"http://127.0.0.1:{neo4j_settings.http_port}/browser/", timeout=30)
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "<title>Neo4j Browser</title>" in response.text


def test_http_discovery_names_the_pinned_version(neo4j_settings: Neo4jSettings, neo4j_driver: Driver) -> None:
    if not neo4j_settings.managed:
        pytest.fail("This test checks the local server's HTTP endpoint; unset NEO4J_URI to run it.")
    info = httpx.get(f"http://127.0.0.1:{neo4j_settings.http_port}/", timeout=30).json()
    assert info["neo4j_version"] == NEO4J_VERSION
    assert info["neo4j_edition"] == "community"


def test_ensure_schema_twice_keeps_one_of_each_constraint(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> None:
    from graph.schema import ensure_schema

    database = neo4j_settings.database
    ensure_schema(neo4j_driver, database)
    ensure_schema(neo4j_driver, database)
    records, _, _ = neo4j_driver.execute_query(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties "
        "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties AS props",
        database_=database,
    )
    found = sorted((r["label"], tuple(r["props"])) for r in records)
    for key in [("Article", ("id",)), ("Claim", ("id",)), ("Entity", ("id",))]:
        assert found.count(key) == 1, f"{key} constraint: {found}"
    assert len(found) == len(set(found))


def test_the_running_server_keeps_its_home_to_its_owner(neo4j_driver: Driver, neo4j_settings: Neo4jSettings) -> None:
    """Files the server wrote since it started (logs, store, auth.ini) are owner-only too: its umask is 077."""
    import os
    import stat
    from pathlib import Path

    from graph.server.home import home_dir

    if not neo4j_settings.managed:
        pytest.fail("this test checks the project's own server: unset NEO4J_URI", pytrace=False)
    home = home_dir(neo4j_settings)
    pid = int((home / "run" / "neo4j.pid").read_text().strip())
    umask = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("Umask:"))
    assert umask.split()[1] == "0077", umask
    for name in ("data/dbms/auth.ini", "conf/neo4j.conf", "password", "logs/neo4j.log", "logs/debug.log"):
        path = home / name
        if path.exists():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, (name, oct(path.stat().st_mode))
    loose = [str(p) for p in (home, *home.rglob("*")) if not p.is_symlink() and stat.S_IMODE(p.lstat().st_mode) & 0o077]
    assert loose == [], loose[:10]
    assert os.access(home / "conf" / "neo4j.conf", os.R_OK)  # still readable by its owner
