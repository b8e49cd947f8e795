from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.dependencies import EdgeFilters, Repo, parse_types
from api.errors import BadParameter
from api.schemas import MAX_LIMIT, MAX_OFFSET, ErrorBody
from graph.views import Edge, Evidence, Page

router = APIRouter(prefix="/v1/relations", tags=["relations"])

Id = Annotated[str, Query(min_length=1, max_length=500)]


@router.get("", response_model=Page[Edge], responses={404: {"model": ErrorBody}})
async def relations(
    repo: Repo,
    filters: EdgeFilters,
    subject: Annotated[str | None, Query(max_length=500)] = None,
    object: Annotated[str | None, Query(max_length=500)] = None,
    type: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[Edge]:
    """Fact edges (affirmed, asserted claims aggregated), most attested first."""
    return await repo.relations(
        subject=subject,
        object=object,
        types=parse_types(type),
        filters=filters,
        limit=limit,
        offset=offset,
    )


@router.get("/evidence", response_model=Evidence, responses={404: {"model": ErrorBody}})
async def evidence(repo: Repo, subject: Id, type: Annotated[str, Query(max_length=100)], object: Id) -> Evidence:
    """The claims, sentences and articles behind an edge, negated and hypothetical
    ones included and labelled (`polarity`, `modality`, `is_fact`)."""
    names = parse_types(type)
    if not names or len(names) != 1:
        raise BadParameter("type: give exactly one relation type")
    return await repo.evidence(subject, names[0], object)
