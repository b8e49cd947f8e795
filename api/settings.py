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
