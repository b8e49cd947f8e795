"""What changed since a time, and contested claims: for a researcher who polls
the graph while `geokg watch` keeps it up to date (graph.changes)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from api.dependencies import Repo, parse_types
from api.errors import BadParameter
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.schemas import ErrorBody
from graph.changes import (
    MAX_ROWS,
    Changes,
    Contested,
    build_changes,
    build_contested,
    changes_queries,
    contested_query,
    utc,
)
from graph.views import Page

router = APIRouter(prefix="/v1", tags=["changes"])

Id = Annotated[str | None, Query(min_length=1, max_length=500)]
Limit = Annotated[int, Query(ge=1, le=MAX_ROWS)]


@router.get("/changes", response_model=Changes, responses={422: {"model": ErrorBody}})
async def changes(
    repo: Repo,
    since: Annotated[datetime, Query(description="ISO date or datetime (UTC when no zone is given)")],
    entity: Id = None,
    type: Annotated[str | None, Query(description="comma-separated relation types", max_length=1000)] = None,
    limit: Limit = 200,
) -> Changes:
    """Fact edges created or changed in the graph since `since` (newest first,
    each with its newest evidence) and entities first seen since then."""
    try:
        since = utc(since)
    except OverflowError as e:  # e.g. year 1 with a positive offset
        raise BadParameter(f"since: {since.isoformat()} is out of range") from e
    queries = changes_queries(since, entity, parse_types(type), limit)
    rows = [await repo.read_rows(query, params) for query, params in queries]
    return build_changes(since, rows)


@router.get("/contested", response_model=Page[Contested], responses={**CSV_RESPONSE, 422: {"model": ErrorBody}})
async def contested(
    request: Request,
    repo: Repo,
    entity: Id = None,
    pair: Annotated[str | None, Query(description="two entity ids, comma-separated", max_length=1001)] = None,
    type: Annotated[str | None, Query(description="one relation type", max_length=100)] = None,
    since: Annotated[date | None, Query(description="the later article on or after this date")] = None,
    until: Annotated[date | None, Query(description="the later article on or before this date")] = None,
    limit: Limit = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_ROWS)] = 0,
    fmt: ListFormat = None,
) -> Page[Contested] | Response:
    """Claims of one (subject, type, object) that another article denies or
    negates (`negated`), reports only as an allegation (`alleged`), or dates
    differently (`dates`); each with both sentences, articles, outlets and speakers."""
    names = parse_types(type)
    if names and len(names) != 1:
        raise BadParameter("type: give one relation type")
    ids = None
    if pair is not None:
        parts = [p.strip() for p in pair.split(",")]
        if len(parts) != 2 or not all(parts):
            raise BadParameter("pair: give two entity ids separated by a comma, e.g. pair=RUS,UKR")
        ids = (parts[0], parts[1])
    # Every match up to the row cap, so the page knows its total (at most MAX_ROWS).
    query, params = contested_query(
        entity=entity, pair=ids, type=names[0] if names else None, since=since, until=until, limit=MAX_ROWS
    )
    found = build_contested(await repo.read_rows(query, params))
    page = Page[Contested](items=found[offset : offset + limit], total=len(found), limit=limit, offset=offset)
    return listing(request, page, fmt, "contested")
