"""Hand-built fact graphs for the analytics and export tests (H8), written with
plain Cypher so the tests check the pull against exactly what is stored.
Labels and relationship types come from graph.ontology, never from data."""

from __future__ import annotations

from datetime import date
from typing import Any

from neo4j import Driver

from graph.ontology import EntityKind, relation_type


def create_entities(driver: Driver, database: str, entities: list[tuple[str, str, str, str | None]]) -> None:
    """(id, name, kind, iso3) each, as :Entity:<Kind> nodes."""
    for eid, name, kind, iso3 in entities:
        label = EntityKind(kind).value
        driver.execute_query(
            f"CREATE (:Entity:{label} {{id: $id, name: $name, kind: $kind, iso3: $iso3, aliases: [], source: 'article'}})",
            id=eid,
            name=name,
            kind=label,
            iso3=iso3,
            database_=database,
        )


def create_fact(
    driver: Driver,
    database: str,
    subject: str,
    rtype: str,
    obj: str,
    *,
    claims: int = 1,
    articles: int = 1,
    first_seen: date | None = date(2020, 1, 1),
    last_seen: date | None = date(2020, 1, 1),
    source: str = "article",
) -> None:
    rt = relation_type(rtype)
    props: dict[str, Any] = {"source": source, "sign": rt.sign, "symmetric": rt.symmetric}
    if source == "article":
        props.update(
            claims=claims,
            articles=articles,
            outlets=1,
            first_seen=first_seen,
            last_seen=last_seen,
            confidence=0.5,
            cameo=rt.cameo,
            plover=rt.plover,
        )
    driver.execute_query(
        f"MATCH (a:Entity {{id: $a}}) MATCH (b:Entity {{id: $b}}) CREATE (a)-[r:{rt.name}]->(b) SET r = $props",
        a=subject,
        b=obj,
        props=props,
        database_=database,
    )


def countries(driver: Driver, database: str, ids: list[str]) -> None:
    create_entities(driver, database, [(i, f"State {i}", "Country", i) for i in ids])


def two_blocs(driver: Driver, database: str) -> None:
    """Allied triangles AAA-BBB-CCC and DDD-EEE-FFF, AAA and BBB both attack DDD."""
    countries(driver, database, ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF"])
    for a, b in [("AAA", "BBB"), ("BBB", "CCC"), ("AAA", "CCC"), ("DDD", "EEE"), ("EEE", "FFF"), ("DDD", "FFF")]:
        create_fact(driver, database, a, "ALLIED_WITH", b, claims=3, articles=2)
    create_fact(driver, database, "AAA", "ATTACKS", "DDD", claims=2, articles=2)
    create_fact(driver, database, "BBB", "ATTACKS", "DDD", claims=1, articles=1)
