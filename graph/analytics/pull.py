"""Pull the analysed subgraph out of Neo4j (sync for the CLI, async for the API).

Both run the same read query (graph.cypher.analytics.SUBGRAPH) in READ
routing and hand the rows to the pure graph.analytics.network.graph_from_records,
so everything after the pull is plain networkx.
"""

from __future__ import annotations

import networkx as nx
import neo4j
from neo4j import AsyncDriver, Driver, RoutingControl

from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import graph_from_records
from graph.cypher import analytics as cypher
from graph.errors import InvalidQuery, Neo4jUnavailable


def _translate(e: Exception) -> Exception:
    if isinstance(e, (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired)):
        return Neo4jUnavailable(f"Neo4j did not answer the analytics query: {e}; is the server running?")
    return InvalidQuery(f"the analytics query was refused: {e}")


def fetch_subgraph(driver: Driver, flt: SubgraphFilter, database: str = "neo4j") -> nx.MultiDiGraph:
    try:
        records, _, _ = driver.execute_query(
            cypher.SUBGRAPH, flt.cypher_params(), database_=database, routing_=RoutingControl.READ
        )
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as e:
        raise _translate(e) from e
    return graph_from_records(r.data() for r in records)


async def afetch_subgraph(
    driver: AsyncDriver, flt: SubgraphFilter, database: str = "neo4j"
) -> nx.MultiDiGraph:
    try:
        records, _, _ = await driver.execute_query(
            cypher.SUBGRAPH, flt.cypher_params(), database_=database, routing_=RoutingControl.READ
        )
    except (neo4j.exceptions.Neo4jError, neo4j.exceptions.DriverError) as e:
        raise _translate(e) from e
    return graph_from_records(r.data() for r in records)

