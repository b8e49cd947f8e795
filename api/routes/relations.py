from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import ClaimFilters, EdgeFilters, Repo, parse_types
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.schemas import MAX_LIMIT, MAX_OFFSET, ErrorBody
from graph.cypher.read import RelationSort
from graph.repository.timelines import MAX_PERIODS
from graph.views import Edge, Evidence, Page, Timeline, TimelineInterval

router = APIRouter(prefix="/v1/relations", tags=["relations"])

Id = Annotated[str, Query(min_length=1, max_length=500)]
PeriodLimit = Annotated[int, Query(ge=1, le=MAX_PERIODS, description="periods per page (default: all)")]


@router.get("", response_model=Page[Edge], responses={**CSV_RESPONSE, 404: {"model": ErrorBody}})
async def relations(
    request: Request,
    repo: Repo,
    filters: EdgeFilters,
    subject: Annotated[str | None, Query(max_length=500)] = None,
    object: Annotated[str | None, Query(max_length=500)] = None,
    type: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: Annotated[
        RelationSort,
        Query(description="articles: most attested first; last_seen: newest first; confidence; goldstein: "
                          "most cooperative first (-goldstein: most hostile first)"),
    ] = "articles",
    fmt: ListFormat = None,
) -> Page[Edge] | Response:
    """Fact edges (affirmed, asserted claims aggregated), most attested first."""
    page = await repo.relations(
        subject=subject,
        object=object,
        types=parse_types(type),
        filters=filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return listing(request, page, fmt, "relations")


@router.get("/evidence", response_model=Evidence, responses={**CSV_RESPONSE, 404: {"model": ErrorBody}})
async def evidence(
    request: Request,
    repo: Repo,
    subject: Id,
    object: Id,
    flt: ClaimFilters,
    direction: Annotated[
        Literal["either", "forward"] | None,
        Query(description="either: both ways (default without `type`); forward: subject -> object "
                          "(default with `type`; symmetric types match either way)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: ListFormat = None,
) -> Evidence | Response:
    """The claims between two entities (`items`, newest first) with sentence,
    character offsets into the article text, article URL and outlet; negated
    and hypothetical ones included and labelled (`polarity`, `modality`,
    `is_fact`); and the fact edges they add up to. Every type unless `type`."""
    either = (direction or ("forward" if flt.types else "either")) == "either"
    page = await repo.evidence(subject, object, flt, either=either, limit=limit, offset=offset)
    return listing(request, page, fmt, "evidence")


@router.get("/timeline", response_model=Timeline, responses={**CSV_RESPONSE, 404: {"model": ErrorBody}})
async def dyad_timeline(
    request: Request,
    repo: Repo,
    subject: Id,
    object: Id,
    flt: ClaimFilters,
    interval: TimelineInterval = "month",
    direction: Literal["either", "forward"] = "either",
    limit: PeriodLimit = MAX_PERIODS,
    offset: Annotated[int, Query(ge=0, le=MAX_PERIODS)] = 0,
    fmt: ListFormat = None,
) -> Timeline | Response:
    """The claims between two entities per period (every period from the first
    to the last, or `since` to `until`, empty ones as zeros) and per type:
    affirmed facts as cooperation/conflict/neutral by the type's weight,
    negated and unasserted (alleged, planned, hypothetical) apart, every
    claim by modality."""
    page = await repo.dyad_timeline(
        subject, object, interval, flt, either=direction == "either", limit=limit, offset=offset
    )
    return listing(request, page, fmt, "dyad-timeline")
