"""Typed read models returned by `graph.repository.Repository`.

These are what the API serialises, so their field names are the API's wire
contract: add fields with defaults, never rename. Pydantic models (frozen) so
FastAPI can document and serialise them without a second copy of each.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class Page(_View, Generic[T]):
    """One page of a longer list: `total` counts every match, not just this page."""

    items: list[T]
    total: int
    limit: int
    offset: int


class EntitySummary(_View):
    id: str
    name: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    iso3: str | None = None
    wikidata: str | None = None
    source: str | None = None
    score: float | None = None  # full-text relevance, when the list came from a search


class RelationCount(_View):
    type: str
    direction: Literal["out", "in", "both"]
    count: int


class EntityDetail(EntitySummary):
    articles: int = 0  # distinct articles that mention it
    claims_as_subject: int = 0
    claims_as_object: int = 0
    relations: list[RelationCount] = Field(default_factory=list)


class Edge(_View):
    """A fact edge: the aggregate of affirmed, asserted claims of one type."""

    id: str  # "source-TYPE->target" (+ "#reference" for backbone edges), stable across loads
    type: str
    source: str  # entity id at the stored start (canonical order for symmetric types)
    target: str
    origin: str = "article"  # "article" (derived from claims) or "reference" (the backbone)
    symmetric: bool = False
    sign: float | None = None
    claims: int | None = None
    articles: int | None = None
    outlets: int | None = None
    first_seen: date | None = None
    last_seen: date | None = None
    confidence: float | None = None


class GraphNode(_View):
    id: str
    name: str
    kind: str | None = None
    depth: int = 0  # hops from the centre of a neighbourhood


class Subgraph(_View):
    nodes: list[GraphNode]
    edges: list[Edge]
    truncated: bool = False  # True when a cap cut nodes or edges off: the neighbourhood is partial
    # Which caps cut something off: "limit" (nodes), "fanout" (a node had more
    # edges than the hop follows per node), "frontier" (more nodes reached than
    # the next hop expands), "rows" (a hop's row backstop).
    truncated_by: list[Literal["limit", "fanout", "frontier", "rows"]] = Field(default_factory=list)
    fanout: int | None = None  # edges followed per node per hop (its strongest)
    frontier: int | None = None  # nodes expanded per hop after the first


class ArticleSummary(_View):
    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    language: str | None = None
    license: str | None = None


class ClaimView(_View):
    id: str
    type: str
    subject_id: str
    object_id: str
    subject_text: str | None = None
    object_text: str | None = None
    trigger_text: str | None = None
    sentence: str | None = None
    sentence_index: int | None = None
    polarity: str | None = None
    modality: str | None = None
    attributed_to: str | None = None
    event_date: date | None = None
    title: str | None = None
    confidence: float | None = None
    extractor: str | None = None
    extractor_version: str | None = None
    # True when the claim counts towards fact edges under the documented default
    # (affirmed, and asserted/reported/historical); negated and hypothetical
    # claims are returned too, labelled by polarity/modality and is_fact=False.
    is_fact: bool = False
    article: ArticleSummary | None = None


class Evidence(_View):
    subject: EntitySummary
    object: EntitySummary
    type: str
    edge: Edge | None = None  # the fact edge, when the claims made one
    claims: list[ClaimView]


class ArticleDetail(ArticleSummary):
    standfirst: str | None = None
    source: str | None = None
    claims: list[ClaimView] = Field(default_factory=list)
    entities: list[EntitySummary] = Field(default_factory=list)


class Path(_View):
    nodes: list[GraphNode]
    edges: list[Edge]
    length: int


class Paths(_View):
    source: str
    target: str
    paths: list[Path]


class TimelinePoint(_View):
    period: date  # first day of the week (Monday) or month
    type: str
    sign: float  # the type's default sign: >0 cooperation, <0 conflict, 0 neutral
    affirmed: int
    negated: int


class TimelinePeriod(_View):
    period: date
    cooperation: int  # affirmed claims of positively signed types
    conflict: int  # affirmed claims of negatively signed types
    neutral: int
    negated: int


class Timeline(_View):
    entity_id: str
    interval: Literal["week", "month"]
    points: list[TimelinePoint]
    periods: list[TimelinePeriod]
    undated: int = 0  # claims with neither an event date nor a published date


class Stats(_View):
    labels: dict[str, int]
    relation_types: dict[str, int]
    claims_by_polarity: dict[str, int] = Field(default_factory=dict)
    claims_by_modality: dict[str, int] = Field(default_factory=dict)


class CypherResult(_View):
    columns: list[str]
    rows: list[list[Any]]
    row_count: int
    truncated: bool  # True when a cap stopped the result: see truncated_by
    # Which cap, and what to do about it.
    truncated_by: Literal["row_cap", "response_bytes", "value_bytes"] | None = None
    truncated_reason: str | None = None


class ServerInfo(_View):
    reachable: bool
    server_version: str | None = None
    edition: str | None = None
    database: str | None = None
    driver_version: str | None = None
    message: str | None = None
