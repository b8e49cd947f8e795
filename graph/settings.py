"""Neo4j connection and local-server settings, from the environment and `.env`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Neo4jSettings(BaseSettings):
    """Where the graph lives.

    Leave NEO4J_URI unset to use the project's own local server (installed and
    started by `geokg neo4j start`); set it to use an existing server, and then
    nothing is installed or started.
    """

    model_config = SettingsConfigDict(
        env_prefix="NEO4J_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    uri: str | None = None
    user: str = "neo4j"
    password: SecretStr | None = None  # None: the generated one kept in HOME/password
    database: str = "neo4j"

    # The local server (ignored when `uri` is set).
    home: Path = Path(".neo4j")
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "1g"
    # db.memory.transaction.max: the most heap one transaction may use (a
    # researcher's query, a loader batch). Neo4j's size syntax: 256m, 1g.
    transaction_memory: str = "256m"
    start_timeout_s: float = 300.0  # the launcher and the wait for Bolt each

    @property
    def managed(self) -> bool:
        """True when the project runs its own server rather than using NEO4J_URI."""
        return self.uri is None

    @property
    def effective_uri(self) -> str:
        return self.uri or f"bolt://127.0.0.1:{self.bolt_port}"


@lru_cache(maxsize=1)
def get_settings() -> Neo4jSettings:
    return Neo4jSettings()
