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

from graph.errors import GraphError, Neo4jUnavailable

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
    except nx.TransientError as e:
        raise Neo4jUnavailable(f"Neo4j is busy ({e.code}): try again shortly") from e
    except nx.Neo4jError as e:
        message = e.message or str(e)
        if "fulltext" in message.lower() and "index" in message.lower() and query_error is GraphError:
            message += " (create the schema with `geokg init`)"
        raise query_error(f"{e.code}: {message}") from e
    except nx.DriverError as e:
        raise Neo4jUnavailable(f"the Neo4j driver failed: {e}") from e
