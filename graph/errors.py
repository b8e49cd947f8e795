"""Errors of the graph package. `api` maps them to HTTP status codes."""

from __future__ import annotations


class GraphError(Exception):
    """Base of every error raised by `graph`."""


class Neo4jUnavailable(GraphError):
    """The Neo4j server cannot be reached."""


class Neo4jServerError(GraphError):
    """The local Neo4j server could not be installed, started or stopped."""


class NotFound(GraphError):
    """An entity, article or relation asked for does not exist."""


class InvalidQuery(GraphError):
    """A query or its parameters were refused (bad Cypher, a write, a bad filter)."""


class QueryTooCostly(GraphError):
    """A query hit a server-side limit: its time limit or the memory one
    transaction may use. The caller's query is at fault, not the server;
    retrying the same query fails the same way. `limit` is "time" or "memory"."""

    limit = "cost"


class QueryTimedOut(QueryTooCostly):
    limit = "time"


class QueryOutOfMemory(QueryTooCostly):
    limit = "memory"
