from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.dependencies import Repo, parse_types
from api.schemas import ErrorBody
from graph.cypher.read import MAX_PATH_HOPS
from graph.views import Paths

router = APIRouter(prefix="/v1", tags=["paths"])

Id = Annotated[str, Query(min_length=1, max_length=500)]


@router.get("/paths", response_model=Paths, responses={404: {"model": ErrorBody}})
async def paths(
    repo: Repo,
    source: Id,
    target: Id,
    max_hops: Annotated[int, Query(ge=1, le=MAX_PATH_HOPS)] = 4,
    types: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> Paths:
    """Every shortest path between two entities over fact edges (undirected)."""
    return await repo.shortest_paths(source, target, max_hops=max_hops, types=parse_types(types), limit=limit)
