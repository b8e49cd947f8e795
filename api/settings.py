"""API settings, from the environment (prefix GEOKG_API_) and `.env`."""

from __future__ import annotations

from functools import lru_cache

from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    max_body_bytes: int = 2_000_000
    cors_origins: list[str] = []  # closed unless configured


@lru_cache(maxsize=1)
def get_settings() -> ApiSettings:
    return ApiSettings()
