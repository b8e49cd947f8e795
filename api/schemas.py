"""Request and response bodies of the API.

Read responses are the `graph.views` models (their field names are the wire
contract; routes import them from there); this module holds the API's own
envelopes, request bodies and limits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graph.cypher.guard import MAX_QUERY_CHARS
from graph.changes import WatchedSource
from graph.views import ServerInfo

MAX_LIMIT = 200
MAX_OFFSET = 100_000
MAX_ARTICLES_PER_POST = 100


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


class Health(BaseModel):
    status: str
    api_version: str
    ontology_version: str
    neo4j: ServerInfo
    # Each source `geokg watch` polls: its last success and last error.
    watched_sources: list[WatchedSource] = Field(default_factory=list)


class ArticleIn(BaseModel):
    """One article to ingest. Only `text` is required; the id is the canonical
    URL when given, else a hash of the normalised text."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    standfirst: str | None = Field(default=None, max_length=5000)
    outlet: str | None = Field(default=None, max_length=200)
    author: str | None = Field(default=None, max_length=500)
    published: date | None = None
    license: str | None = Field(default=None, max_length=200)


class SkippedOut(BaseModel):
    source: str
    reason: str
    detail: str | None = None


class IngestResult(BaseModel):
    """What POST /v1/articles did: the ingest pipeline's report."""

    received: int
    loaded: int
    skipped: list[SkippedOut]
    article_ids: list[str]
    report: dict[str, Any]  # the pipeline's full report, as it serialises it


class CypherRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    query: str = Field(min_length=1, max_length=MAX_QUERY_CHARS)
    params: dict[str, Any] = Field(default_factory=dict)
