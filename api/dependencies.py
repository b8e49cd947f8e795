"""FastAPI dependencies: settings, the repository, the API key, type and edge
filters, and the driver and subgraph filter of the analytics and export routes."""

from __future__ import annotations

import hmac
from datetime import date
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from neo4j import AsyncDriver

from api.errors import ApiKeyInvalid, ApiKeyMissing, BadParameter, WritesDisabled
from api.resources import GraphResources
from api.settings import ApiSettings
from graph.analytics.filters import SubgraphFilter
from graph.cypher.read import parse_relation_types
from graph.errors import InvalidQuery
from graph.ontology import Modality, Polarity
from graph.repository import EdgeFilter, Repository
from graph.repository.timelines import ClaimFilter


def get_api_settings(request: Request) -> ApiSettings:
    return request.app.state.api_settings


def get_resources(request: Request) -> GraphResources:
    return request.app.state.resources


async def get_repository(resources: Annotated[GraphResources, Depends(get_resources)]) -> Repository:
    return await resources.repository()


def _check_key(settings: ApiSettings, given: str | None) -> None:
    if settings.key is None or not settings.key.get_secret_value():
        raise WritesDisabled("this endpoint needs an API key and none is configured: set GEOKG_API_KEY")
    if not given:
        raise ApiKeyMissing("send the API key in the X-API-Key header")
    # Constant-time comparison so response timing does not leak the key.
    if not hmac.compare_digest(given.encode("utf-8"), settings.key.get_secret_value().encode("utf-8")):
        raise ApiKeyInvalid("the X-API-Key header does not match the configured key")


def require_api_key(
    settings: Annotated[ApiSettings, Depends(get_api_settings)],
    x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
) -> None:
    _check_key(settings, x_api_key)


def require_cypher_access(
    settings: Annotated[ApiSettings, Depends(get_api_settings)],
    x_api_key: Annotated[str | None, Header(alias="X-API-Key")] = None,
) -> None:
    if not settings.cypher_open:
        _check_key(settings, x_api_key)


def parse_types(types: str | None) -> list[str] | None:
    """`types=ATTACKS,SUPPLIES_ARMS` as validated vocabulary names (422 otherwise)."""
    try:
        names = parse_relation_types([types or ""])
    except InvalidQuery as e:
        raise BadParameter(f"types: {e}") from e
    return names or None


Repo = Annotated[Repository, Depends(get_repository)]


def edge_filter(
    since: Annotated[date | None, Query(description="keep edges last seen on or after this date")] = None,
    until: Annotated[date | None, Query(description="keep edges first seen on or before this date")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    min_articles: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    include_reference: Annotated[bool, Query(description="keep the reference backbone (borders, capitals)")] = True,
) -> EdgeFilter:
    """The evidence filters of /v1/relations and neighbourhoods."""
    return EdgeFilter(since, until, min_confidence, min_articles, include_reference)


EdgeFilters = Annotated[EdgeFilter, Depends(edge_filter)]


# --- the analytics and export routes' driver and filter -------------------------------


async def graph_driver(resources: Annotated[GraphResources, Depends(get_resources)]) -> tuple[AsyncDriver, str]:
    """The app's one async driver and its database (the driver is created on
    demand when it failed at start-up, raising what to do when it still cannot)."""
    return await resources.driver(), resources.settings.database


GraphDriver = Annotated[tuple[AsyncDriver, str], Depends(graph_driver)]


def graph_read_timeout(settings: Annotated[ApiSettings, Depends(get_api_settings)]) -> float:
    """The server-side timeout of reads of the whole fact graph (GEOKG_API_GRAPH_READ_TIMEOUT_S)."""
    return settings.graph_read_timeout_s


ReadTimeout = Annotated[float, Depends(graph_read_timeout)]


def subgraph_filter(
    types: Annotated[
        str | None, Query(description="comma-separated relation types (default: all)", max_length=1000)
    ] = None,
    since: Annotated[date | None, Query(description="keep edges last seen on or after this date")] = None,
    until: Annotated[date | None, Query(description="keep edges first seen on or before this date")] = None,
    min_articles: Annotated[int, Query(ge=0, le=1_000_000, description="evidence floor per edge")] = 1,
    min_claims: Annotated[int, Query(ge=0, le=1_000_000, description="evidence floor per edge")] = 1,
    kinds: Annotated[
        str | None, Query(description="comma-separated entity kinds at both ends, e.g. Country", max_length=200)
    ] = None,
    include_reference: Annotated[
        bool, Query(description="add the reference backbone (borders, capitals)")
    ] = False,
) -> SubgraphFilter:
    try:
        return SubgraphFilter.build(
            types=parse_types(types),
            since=since,
            until=until,
            min_articles=min_articles,
            min_claims=min_claims,
            kinds=[kinds] if kinds else None,
            include_reference=include_reference,
        )
    except InvalidQuery as e:
        raise BadParameter(str(e)) from e


Filter = Annotated[SubgraphFilter, Depends(subgraph_filter)]


# --- the claim filter of evidence and timelines ------------------------------------------


def claim_filter(
    type: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    outlet: Annotated[str | None, Query(max_length=200, description="the article's outlet (any case)")] = None,
    modality: Annotated[
        str | None, Query(max_length=200, description="comma-separated: asserted, reported, alleged, planned, ...")
    ] = None,
    polarity: Polarity | None = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
    since: Annotated[date | None, Query(description="claims dated (event, else published) on or after")] = None,
    until: Annotated[date | None, Query(description="claims dated on or before")] = None,
) -> ClaimFilter:
    modalities: list[str] | None = None
    if modality:
        try:
            modalities = sorted({Modality(m.strip().lower()).value for m in modality.split(",") if m.strip()})
        except ValueError as e:
            valid = ", ".join(m.value for m in Modality)
            raise BadParameter(f"modality: {e}; use one of: {valid}") from e
    return ClaimFilter(
        types=parse_types(type),
        polarity=polarity.value if polarity else None,
        modalities=modalities or None,
        min_confidence=min_confidence,
        outlet=outlet,
        since=since,
        until=until,
    )


ClaimFilters = Annotated[ClaimFilter, Depends(claim_filter)]
