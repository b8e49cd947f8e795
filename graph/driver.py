"""Driver factories. Nothing connects at import time: callers create one driver
per process (the CLI, or the API's lifespan) and pass it in."""

from __future__ import annotations

from neo4j import AsyncDriver, Driver, GraphDatabase, AsyncGraphDatabase

from graph.driver_errors import NEO4J_UNAVAILABLE
from graph.errors import Neo4jUnavailable
from graph.settings import Neo4jSettings, get_settings


def _auth(settings: Neo4jSettings) -> tuple[str, str]:
    if settings.password is not None:
        return settings.user, settings.password.get_secret_value()
    if settings.managed:
        # The local server's generated password, kept beside its data.
        from graph.server.password import read_password

        return settings.user, read_password(settings)
    raise Neo4jUnavailable(
        "NEO4J_URI is set but NEO4J_PASSWORD is not: set NEO4J_PASSWORD in the environment or .env"
    )


def create_driver(settings: Neo4jSettings | None = None) -> Driver:
    s = settings or get_settings()
    return GraphDatabase.driver(s.effective_uri, auth=_auth(s), max_connection_pool_size=50)


def create_async_driver(
    settings: Neo4jSettings | None = None, *, pool_size: int = 50, acquire_timeout_s: float = 60.0
) -> AsyncDriver:
    s = settings or get_settings()
    return AsyncGraphDatabase.driver(
        s.effective_uri,
        auth=_auth(s),
        max_connection_pool_size=pool_size,
        connection_acquisition_timeout=acquire_timeout_s,
    )


def verify(driver: Driver, settings: Neo4jSettings | None = None) -> None:
    """Raise Neo4jUnavailable with what to do when the server does not answer."""
    s = settings or get_settings()
    try:
        driver.verify_connectivity()
    except NEO4J_UNAVAILABLE as e:
        hint = (
            "start it with `geokg neo4j start`"
            if s.managed
            else f"check that the server at NEO4J_URI={s.effective_uri} is running"
        )
        raise Neo4jUnavailable(f"Neo4j at {s.effective_uri} does not answer: {hint}") from e
