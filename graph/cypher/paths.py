"""Path Cypher: the shortest routes between two entities as distinct node
sequences, then the fact edges along each hop.

`allShortestPaths` yields one path per combination of parallel edges (two
entities joined by REJECTS and SUPPLIES_ARMS give two "paths" with the same
nodes), so the first query keeps only the distinct node sequences and the
second reads every qualifying edge between the consecutive nodes once.
Relationship types are spliced from the ontology only (`relationship_filter`);
`max_hops` is a range-checked integer.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.cypher.read import _EDGE_FIELDS, _EDGE_FILTER, _NODE_FIELDS, MAX_PATH_HOPS, relationship_filter
from graph.errors import InvalidQuery

# Relationship paths read at most, before the distinct node sequences are
# taken: a bound on the work between two hubs joined by many parallel edges.
# When it is reached the sequences found are a lower bound (`total_exact` false).
MAX_SCANNED_PATHS = 20_000


def path_sequences_query(types: Iterable[str] | None, max_hops: int) -> str:
    """The distinct node-id sequences of the shortest undirected paths over
    fact edges of `types` passing the edge filter, up to `max_hops` hops.
    Returns one row: `sequences` (sorted lists of ids) and `scanned` (the
    relationship paths read, at most $scan)."""
    if not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InvalidQuery(f"max_hops must be an integer from 1 to {MAX_PATH_HOPS}")
    rel = relationship_filter(types)
    return f"""
MATCH (s:Entity {{id: $source}}), (t:Entity {{id: $target}})
OPTIONAL MATCH p = allShortestPaths((s)-[{rel}*..{int(max_hops)}]-(t))
WHERE all(r IN relationships(p) WHERE {_EDGE_FILTER})
WITH p LIMIT $scan
WITH count(p) AS scanned, collect(DISTINCT [x IN nodes(p) | x.id]) AS sequences
RETURN scanned, sequences
"""


def hop_edges_query(types: Iterable[str] | None) -> str:
    """For each pair [a, b] in $pairs: its nodes and the qualifying fact edges
    between them (either direction; the edge keeps its stored direction)."""
    rel = relationship_filter(types)
    return f"""
UNWIND $pairs AS pair
MATCH (a:Entity {{id: pair[0]}})-[r{rel}]-(b:Entity {{id: pair[1]}})
WHERE {_EDGE_FILTER}
WITH DISTINCT pair, r
WITH pair, collect({_EDGE_FIELDS}) AS edges
RETURN pair, edges
"""

NODES_BY_ID = f"""
UNWIND $ids AS id
MATCH (x:Entity {{id: id}})
RETURN {_NODE_FIELDS} AS node
"""
