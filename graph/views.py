"""Typed read models returned by `graph.repository.Repository`.

These are what the API serialises, so their field names are the API's wire
contract: add fields with defaults; the names follow the table in docs/api.md
(subject/object, provenance, goldstein), the same in the exports. Pydantic models (frozen) so
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
    # The URL of the next page (same query, offset + limit), None on the last.
    next: str | None = None


class EntitySummary(_View):
    id: str
    name: str
    kind: str | None = None
    aliases: list[str] = Field(default_factory=list)
    iso3: str | None = None
    wikidata: str | None = None
    provenance: str | None = None  # "article" or "reference"; the Neo4j node property `source`
    score: float | None = None  # full-text relevance, when the list came from a search
    # How a search found it: the ingest's resolution rule ("exact", "alias",
    # "demonym", "institution-metonymy", "capital-metonymy"), or "prefix"
    # (full-text, every word by prefix) or "fuzzy" (by spelling, the fallback).
    match: str | None = None


class EntityPage(Page[EntitySummary]):
    """A search's page; `fuzzy` is true when the items were found by spelling
    only (nothing matched by a rule or by prefix)."""

    fuzzy: bool = False


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

    id: str  # "subject-TYPE->object" (+ "#reference" for backbone edges), stable across loads
    type: str
    subject: str  # entity id (for a symmetric type, the canonical order: lower id first)
    object: str
    # "article" (derived from claims) or "reference" (the backbone); the Neo4j
    # relationship property `source` (see docs/api.md, the names table).
    provenance: str = "article"
    symmetric: bool = False
    # The type's Goldstein-style weight, -10 (conflict) .. +10 (cooperation);
    # the Neo4j relationship property `sign`.
    goldstein: float | None = None
    claims: int | None = None
    sentences: int | None = None  # distinct sentences (per outlet, or per story when syndicated)
    articles: int | None = None  # distinct stories: near-duplicate articles count once
    outlets: int | None = None
    first_seen: date | None = None  # event dates where the text gives them, else publication
    last_seen: date | None = None
    date_source: str | None = None  # "event", "article" or "mixed": where first/last_seen come from
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
    score: float | None = None  # full-text relevance, when the list came from a text search


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
    event_date_precision: str | None = None  # day, week, month, year or decade
    event_date_text: str | None = None  # the words that gave the date
    event_ongoing: bool | None = None  # "since 1993": began then, holds at publication
    location_id: str | None = None  # where the event happened ("met X in Baghdad"), an entity id
    location_text: str | None = None
    title: str | None = None
    confidence: float | None = None
    extractor: str | None = None
    extractor_version: str | None = None
    # Character offsets into the article's text (GET /v1/articles/{id} `text`),
    # end exclusive: text[subject_start:subject_end] == subject_text.
    subject_start: int | None = None
    subject_end: int | None = None
    object_start: int | None = None
    object_end: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    # True when the claim counts towards fact edges under the documented default
    # (affirmed, and asserted/reported/historical); negated and hypothetical
    # claims are returned too, labelled by polarity/modality and is_fact=False.
    is_fact: bool = False
    article: ArticleSummary | None = None


class Evidence(Page[ClaimView]):
    """The claims between two entities (`items`, newest first), negated and
    non-asserted ones included and labelled, and the fact edges they add up to."""

    subject: EntitySummary
    object: EntitySummary
    types: list[str] | None = None  # the type filter; None: every type
    edges: list[Edge] = Field(default_factory=list)  # the fact edges between the pair (of those types)


class ArticleDetail(ArticleSummary):
    """An article; claims' character offsets index `text`. (No `source`: the
    path the server read it from is the server's business.)"""

    standfirst: str | None = None
    text: str | None = None  # None for articles loaded before the text was stored
    claims: list[ClaimView] = Field(default_factory=list)
    entities: list[EntitySummary] = Field(default_factory=list)


class PathHop(_View):
    """One step of a path: the fact edges joining two consecutive nodes."""

    start: str  # entity id, in path order (an edge keeps its stored direction)
    end: str
    edges: list[Edge]
    # Sum of goldstein x evidence (claims; a reference edge counts once) over
    # the hop's edges, and its sign: +1 cooperative, -1 hostile, 0 neutral.
    net: float
    sign: int


class Path(_View):
    """A distinct sequence of entities with every qualifying edge along it."""

    nodes: list[GraphNode]
    hops: list[PathHop]
    edges: list[Edge]  # the hops' edges, hop by hop
    length: int  # hops
    # The product of the hops' signs (balance along the route: the friend of
    # an enemy is -1); 0 when any hop is neutral.
    sign: int
    evidence: int  # the weakest hop's evidence: a route is as strong as its weakest link


PathSort = Literal["evidence", "name"]


class Paths(Page[Path]):
    """The shortest paths between two entities, one item per distinct node
    sequence. `truncated`: more paths exist than `items` holds."""

    source: str
    target: str
    length: int | None = None  # hops of the shortest paths; None when none was found
    truncated: bool = False
    # False when the scan bound stopped the search: `total` is then a lower bound.
    total_exact: bool = True


class TimelinePoint(_View):
    period: date  # first day of the year, month, week (Monday) or the day
    type: str
    goldstein: float  # the type's Goldstein-style weight: >0 cooperation, <0 conflict, 0 neutral
    affirmed: int  # affirmed and asserted, reported or historical (facts)
    negated: int
    unasserted: int = 0  # affirmed but alleged, planned or hypothetical: not counted as affirmed


class TimelinePeriod(_View):
    """One period; every period from the first to the last is listed, empty ones included."""

    period: date
    cooperation: int  # affirmed (fact) claims of positively weighted types
    conflict: int  # affirmed (fact) claims of negatively weighted types
    neutral: int
    negated: int
    unasserted: int = 0  # affirmed but alleged, planned or hypothetical
    claims: int = 0  # every claim of the period, whatever its qualifiers
    by_modality: dict[str, int] = Field(default_factory=dict)  # every claim by modality


TimelineInterval = Literal["year", "month", "week", "day"]


class Timeline(Page[TimelinePeriod]):
    """Claims per period: `items` are the periods (every one from the first to
    the last, empty ones included; paged like every list), `points` the same
    periods' claims per type."""

    entity_id: str | None = None  # an entity's timeline
    subject: str | None = None  # a dyad's timeline: the pair
    object: str | None = None
    interval: TimelineInterval
    points: list[TimelinePoint]
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
