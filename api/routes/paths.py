from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import EdgeFilters, Repo, parse_types
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.schemas import MAX_OFFSET, ErrorBody
from graph.cypher.read import MAX_PATH_HOPS
from graph.views import Paths, PathSort

router = APIRouter(prefix="/v1", tags=["paths"])

Id = Annotated[str, Query(min_length=1, max_length=500)]


@router.get("/paths", response_model=Paths, responses={**CSV_RESPONSE, 404: {"model": ErrorBody}})
async def paths(
    request: Request,
    repo: Repo,
    source: Id,
    target: Id,
    filters: EdgeFilters,
    max_hops: Annotated[int, Query(ge=1, le=MAX_PATH_HOPS)] = 4,
    types: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    sort: Annotated[
        PathSort, Query(description="evidence: strongest weakest hop first; name: by the nodes' names")
    ] = "evidence",
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: ListFormat = None,
) -> Paths | Response:
    """The shortest paths between two entities over fact edges (either
    direction), one item per distinct sequence of entities, with every
    qualifying edge of each hop, the hop's sign (+1/-1/0 from the summed
    goldstein weights) and the path's `sign`, their product. `total` counts
    the distinct sequences, `truncated` says more exist than returned.
    `include_reference=false` leaves the reference backbone (borders,
    capitals) out; the other filters apply to article-derived edges."""
    page = await repo.shortest_paths(
        source,
        target,
        max_hops=max_hops,
        types=parse_types(types),
        filters=filters,
        sort=sort,
        limit=limit,
        offset=offset,
    )
    return listing(request, page, fmt, "paths")
