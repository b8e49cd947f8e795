"""Pull the analysed subgraph out of Neo4j (sync for the CLI, async for the API).

Both run the same read query (graph.cypher.analytics.SUBGRAPH) in READ
routing and hand the rows to the pure graph.analytics.network.graph_from_records,
so everything after the pull is plain networkx.
"""

from __future__ import annotations

import networkx as nx
from neo4j import AsyncDriver, Driver, Query, RoutingControl

from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import graph_from_records
from graph.cypher import analytics as cypher
from graph.driver_errors import translate_errors


def fetch_subgraph(driver: Driver, flt: SubgraphFilter, database: str = "neo4j") -> nx.MultiDiGraph:
    with translate_errors():
        records, _, _ = driver.execute_query(
            cypher.SUBGRAPH, flt.cypher_params(), database_=database, routing_=RoutingControl.READ
        )
    return graph_from_records(r.data() for r in records)


async def afetch_subgraph(
    driver: AsyncDriver, flt: SubgraphFilter, database: str = "neo4j", timeout_s: float | None = None
) -> nx.MultiDiGraph:
    """`timeout_s`: Neo4j stops the read past it (QueryTimedOut)."""
    with translate_errors():
        records, _, _ = await driver.execute_query(
            Query(cypher.SUBGRAPH, timeout=timeout_s),
            flt.cypher_params(),
            database_=database,
            routing_=RoutingControl.READ,
        )
    return graph_from_records(r.data() for r in records)

