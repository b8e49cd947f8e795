"""API settings, from the environment (prefix GEOKG_API_) and `.env`."""

from __future__ import annotations

from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.user_query import CypherLimits


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="GEOKG_API_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    host: str = "127.0.0.1"
    port: int = 8000
    key: SecretStr | None = None  # required for writes and /v1/cypher; None: writes refused
    cypher_open: bool = False  # allow /v1/cypher without the key
    cypher_timeout_s: float = 10.0
    cypher_row_cap: int = 1000
    cypher_response_bytes: int = 8_000_000  # the JSON of a /v1/cypher result's rows
    cypher_value_bytes: int = 1_000_000  # the JSON of any one value in it
    # Server-side timeout of the routes that read the whole fact graph
    # (/v1/analytics/*, /v1/export): Neo4j stops the read past it.
    graph_read_timeout_s: float = 60.0
    max_body_bytes: int = 2_000_000
    cors_origins: list[str] = []  # closed unless configured
    # Serving (`geokg serve`). Workers are processes sharing nothing but
    # Neo4j: each has its own driver, so the connections to Neo4j are
    # workers x driver_pool_size. A worker runs one event loop on one core and
    # Neo4j runs a handful of queries at once on a small machine, so a small
    # pool per worker is enough; requests past it wait for a connection
    # (driver_acquire_timeout_s) instead of queueing inside Neo4j.
    workers: int = 1
    driver_pool_size: int = 16
    driver_acquire_timeout_s: float = 10.0
    # HTTP keep-alive between requests of one client connection: long enough
    # that a client (or a reverse proxy, whose own idle timeout should be
    # shorter) reuses its connection instead of a new TCP handshake per request.
    keep_alive_s: int = 30
    # Add `X-Geokg-Worker: <pid>` to every response: which worker answered
    # (for checking a multi-worker deployment); off by default.
    worker_header: bool = False

    def cypher_limits(self) -> CypherLimits:
        return CypherLimits(
            timeout_s=self.cypher_timeout_s,
            row_cap=self.cypher_row_cap,
            response_bytes=self.cypher_response_bytes,
            value_bytes=self.cypher_value_bytes,
        )


@lru_cache(maxsize=1)
def get_settings() -> ApiSettings:
    return ApiSettings()
