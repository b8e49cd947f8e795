from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Request
from fastapi.responses import Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from api.dependencies import Repo, get_resources, require_api_key
from api.ingest_service import ingest_articles
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.resources import GraphResources
from api.schemas import (
    MAX_ARTICLES_PER_POST,
    MAX_LIMIT,
    MAX_OFFSET,
    ArticleIn,
    ErrorBody,
    IngestResult,
)
from graph.repository.articles import ArticleSort
from graph.views import ArticleDetail, ArticleSummary, Page

router = APIRouter(prefix="/v1/articles", tags=["articles"])

ArticlesIn = ArticleIn | Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES_PER_POST)]


@router.get("", response_model=Page[ArticleSummary], responses={**CSV_RESPONSE, 404: {"model": ErrorBody}})
async def search_articles(
    request: Request,
    repo: Repo,
    q: Annotated[str | None, Query(max_length=200, description="words of the title, standfirst or text")] = None,
    entity: Annotated[str | None, Query(max_length=500, description="only articles that mention this entity id")] = None,
    since: date | None = None,
    until: date | None = None,
    sort: Annotated[ArticleSort | None, Query(description="default: relevance with `q`, else newest")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    fmt: ListFormat = None,
) -> Page[ArticleSummary] | Response:
    """Articles containing every word of `q` (by prefix) in the title,
    standfirst or text, mentioning `entity` (by any name), published in the
    window; best match first with `q`, else newest first."""
    page = await repo.search_articles(
        q, entity=entity, since=since, until=until, sort=sort, limit=limit, offset=offset
    )
    return listing(request, page, fmt, "articles")


@router.post(
    "",
    response_model=IngestResult,
    dependencies=[Depends(require_api_key)],
    responses={401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 413: {"model": ErrorBody}},
)
async def post_articles(
    body: Annotated[ArticlesIn, Body()],
    resources: Annotated[GraphResources, Depends(get_resources)],
) -> IngestResult:
    """Ingest one article or a list (needs X-API-Key): read, extract, load; returns the report."""
    items = body if isinstance(body, list) else [body]
    return await run_in_threadpool(ingest_articles, resources, items)


# Article ids are URLs, so the id may contain slashes: URL-encode it.
@router.get("/{article_id:path}", response_model=ArticleDetail, responses={404: {"model": ErrorBody}})
async def get_article(repo: Repo, article_id: str) -> ArticleDetail:
    """One article with its claims (all of them, labelled) and the entities it mentions."""
    return await repo.get_article(article_id)
