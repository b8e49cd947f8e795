from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import ClaimFilters, EdgeFilters, Repo, parse_types
from api.errors import BadParameter
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.names import resolve_name
from api.schemas import MAX_LIMIT, MAX_OFFSET, ErrorBody
from graph.analytics.filters import entity_kinds
from graph.errors import InvalidQuery
from graph.repository import (
    DEFAULT_FANOUT,
    DEFAULT_FRONTIER,
    MAX_DEPTH,
    MAX_FANOUT,
    MAX_FRONTIER,
)
from graph.repository.entities import EntitySort
from graph.repository.timelines import MAX_PERIODS
from graph.views import EntityDetail, EntityPage, Subgraph, Timeline, TimelineInterval

router = APIRouter(prefix="/v1/entities", tags=["entities"])

NOT_FOUND = {404: {"model": ErrorBody, "description": "unknown entity id"}}
MAX_NEIGHBOURHOOD_NODES = 500


@router.get("", response_model=EntityPage, responses=CSV_RESPONSE)
async def search_entities(
    request: Request,
    repo: Repo,
    q: Annotated[
        str | None,
        Query(max_length=200, description="a name, alias, demonym or metonym; then prefix; fuzzy only as a fallback"),
    ] = None,
    kind: Annotated[
        str | None, Query(max_length=200, description="comma-separated kinds, any case (country, City,Person)")
    ] = None,
    sort: Annotated[EntitySort, Query(description="a list without `q`: by name or by articles mentioning it")] = "name",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: ListFormat = None,
) -> EntityPage | Response:
    """Entities for `q`, best first: those the ingest's resolution rules give
    for the whole text ("Azeri" -> Azerbaijan, "the Kremlin" -> Russia; each
    item's `match` names the rule), then names and aliases matching every
    word by prefix (`match: "prefix"`). Only when neither finds anything, up
    to 10 by spelling (`match: "fuzzy"`, and the page's `fuzzy` is true).
    Without `q`, every entity."""
    try:
        kinds = entity_kinds([kind]) if kind else None
    except InvalidQuery as e:
        raise BadParameter(f"kind: {e}") from e
    resolved = resolve_name(q) if q and q.strip() else []
    page = await repo.search_entities(q, kinds, limit=limit, offset=offset, resolved=resolved, sort=sort)
    return listing(request, page, fmt, "entities")


@router.get("/{entity_id}/neighborhood", response_model=Subgraph, responses=NOT_FOUND)
async def neighborhood(
    repo: Repo,
    entity_id: str,
    filters: EdgeFilters,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 1,
    types: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    direction: Literal["out", "in", "both"] = "both",
    limit: Annotated[int, Query(ge=1, le=MAX_NEIGHBOURHOOD_NODES, description="max nodes")] = 100,
    fanout: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_FANOUT,
            description=f"edges followed per node per hop, its strongest; default `limit` at depth 1, "
            f"{DEFAULT_FANOUT} deeper",
        ),
    ] = None,
    frontier: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_FRONTIER,
            description=f"nodes expanded per hop after the first, those reached by the strongest edges; "
            f"default {DEFAULT_FRONTIER}",
        ),
    ] = None,
) -> Subgraph:
    """The entity and its fact edges up to `depth` hops: nodes + edges for a graph view.

    Strongest edges first (most articles, then confidence). Each hop follows at
    most `fanout` edges per node from at most `frontier` nodes, so a hub's
    neighbourhood costs the same as anyone's. `truncated` is true when a cap cut
    something off (the neighbourhood is partial) and `truncated_by` names the caps:
    `limit`, `fanout`, `frontier`; `fanout` and `frontier` echo the caps applied."""
    return await repo.neighbourhood(
        entity_id,
        depth=depth,
        types=parse_types(types),
        direction=direction,
        filters=filters,
        limit=limit,
        fanout=fanout,
        frontier=frontier,
    )


@router.get("/{entity_id}/timeline", response_model=Timeline, responses={**CSV_RESPONSE, **NOT_FOUND})
async def timeline(
    request: Request,
    repo: Repo,
    entity_id: str,
    flt: ClaimFilters,
    interval: TimelineInterval = "month",
    limit: Annotated[int, Query(ge=1, le=MAX_PERIODS, description="periods per page (default: all)")] = MAX_PERIODS,
    offset: Annotated[int, Query(ge=0, le=MAX_PERIODS)] = 0,
    fmt: ListFormat = None,
) -> Timeline | Response:
    """Claims naming the entity per period (every period from the first to the
    last, or `since` to `until`, empty ones as zeros) and per type: affirmed
    facts as cooperation/conflict/neutral, negated and unasserted (alleged,
    planned, hypothetical: never counted as affirmed) apart, and by modality."""
    page = await repo.timeline(entity_id, interval, flt, limit=limit, offset=offset)
    return listing(request, page, fmt, "timeline")


@router.get("/{entity_id}", response_model=EntityDetail, responses=NOT_FOUND)
async def get_entity(repo: Repo, entity_id: str) -> EntityDetail:
    """One entity with its mention and claim counts and its fact edges by type."""
    return await repo.get_entity(entity_id)
