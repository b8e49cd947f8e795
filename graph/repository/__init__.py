"""Typed, read-only access to the graph for the API.

`Repository` wraps one `neo4j.AsyncDriver` (created by the caller, e.g. the
API's lifespan) and returns `graph.views` models, never driver records. Every
query runs in a READ-mode managed transaction. Driver failures become
`graph.errors`: Neo4jUnavailable when the server cannot be reached,
InvalidQuery for a refused query, NotFound for an unknown id.

One module per resource (entities, relations, timelines, articles, server),
each a mixin over `base.RepositoryBase`; the Cypher is in graph/cypher/.
"""

from __future__ import annotations

from graph.repository.articles import ArticleReads
from graph.repository.base import (
    DEFAULT_FANOUT,
    DEFAULT_FRONTIER,
    EVIDENCE_MAX_CLAIMS,
    HOP_ROWS_MAX,
    KIND_LABELS,
    MAX_DEPTH,
    MAX_FANOUT,
    MAX_FRONTIER,
    EdgeFilter,
    edge_id,
    lucene_query,
    native,
)
from graph.repository.entities import EntityReads
from graph.repository.relations import RelationReads
from graph.repository.server import ServerReads
from graph.repository.timelines import TimelineReads


class Repository(ServerReads, EntityReads, RelationReads, TimelineReads, ArticleReads):
    """Read queries over the geokg graph, returning typed models."""


__all__ = [
    "DEFAULT_FANOUT",
    "DEFAULT_FRONTIER",
    "EVIDENCE_MAX_CLAIMS",
    "HOP_ROWS_MAX",
    "KIND_LABELS",
    "MAX_DEPTH",
    "MAX_FANOUT",
    "MAX_FRONTIER",
    "EdgeFilter",
    "Repository",
    "edge_id",
    "lucene_query",
    "native",
]
