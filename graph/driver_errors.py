"""Neo4j driver exceptions as graph.errors, in one place for every read path
(the repository, the analytics pull and the exports; sync or async code), and
the one list of the exceptions that mean "Neo4j is unavailable" (also used by
graph.driver, graph.server.process and api.errors).

A plain context manager: exceptions cross a sync `with` inside a coroutine
just as well, so async callers use it too.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import neo4j.exceptions as nx

from graph.errors import (
    GraphError,
    Neo4jUnavailable,
    QueryOutOfMemory,
    QueryTimedOut,
    QueryTooCostly,
)

# Neo4j status codes that mean the query itself was too costly (5.26).
TIMEOUT_CODES = frozenset(
    {
        "Neo.ClientError.Transaction.TransactionTimedOut",
        "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
    }
)
MEMORY_CODES = frozenset(
    {
        "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        "Neo.TransientError.General.OutOfMemoryError",
        "Neo.TransientError.General.StackOverFlowError",
    }
)
NARROW_HINT = (
    "narrow the query: start from an indexed property (Entity.id, a full-text search) instead of "
    "scanning, bound variable-length patterns (*1..3), aggregate or LIMIT before collect(), and "
    "return only the properties you need"
)


def cost_error(e: nx.Neo4jError) -> QueryTooCostly | None:
    """The QueryTooCostly a Neo4j error stands for, or None when it is another error."""
    code = e.code or ""
    if code in TIMEOUT_CODES:
        return QueryTimedOut(f"the query ran past its time limit and was stopped ({code}); {NARROW_HINT}")
    if code in MEMORY_CODES:
        return QueryOutOfMemory(
            f"the query needed more memory than one transaction may use ({code}: {e.message}); {NARROW_HINT}"
        )
    return None

# The driver's own exceptions for "the server cannot be reached / went away".
# The API maps these (raw, when they escape a translate_errors block) to 503.
DRIVER_UNAVAILABLE: tuple[type[Exception], ...] = (nx.ServiceUnavailable, nx.SessionExpired)
# What every place that asks "is Neo4j down?" catches: the driver's exceptions
# and the socket errors that can surface unwrapped on connect.
NEO4J_UNAVAILABLE: tuple[type[Exception], ...] = (*DRIVER_UNAVAILABLE, OSError)


@contextmanager
def translate_errors(query_error: type[GraphError] = GraphError) -> Iterator[None]:
    """Driver exceptions as graph.errors. `query_error` is what a Neo4j client
    error (a refused query) becomes: InvalidQuery for user Cypher, GraphError
    for the project's own queries (a client error there is a bug or a
    missing index, not the caller's fault)."""
    try:
        yield
    except nx.AuthError as e:
        raise Neo4jUnavailable(
            f"Neo4j refused the credentials ({e.message}): check NEO4J_USER / NEO4J_PASSWORD"
        ) from e
    except NEO4J_UNAVAILABLE as e:
        raise Neo4jUnavailable(
            f"Neo4j does not answer ({e}): start it with `geokg neo4j start` or check NEO4J_URI"
        ) from e
    except nx.Neo4jError as e:
        # Time and memory limits first: some are TransientErrors, but the same
        # query would fail again, so they are not "busy, try again".
        too_costly = cost_error(e)
        if too_costly is not None:
            raise too_costly from e
        if isinstance(e, nx.TransientError):
            raise Neo4jUnavailable(f"Neo4j is busy ({e.code}): try again shortly") from e
        message = e.message or str(e)
        if "fulltext" in message.lower() and "index" in message.lower() and query_error is GraphError:
            message += " (create the schema with `geokg init`)"
        raise query_error(f"{e.code}: {message}") from e
    except nx.DriverError as e:
        raise Neo4jUnavailable(f"the Neo4j driver failed: {e}") from e
