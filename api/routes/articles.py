from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from api.dependencies import Repo, get_resources, require_api_key
from api.ingest_service import ingest_articles
from api.resources import GraphResources
from api.schemas import MAX_ARTICLES_PER_POST, MAX_LIMIT, MAX_OFFSET, ArticleIn, ErrorBody, IngestResult
from graph.views import ArticleDetail, ArticleSummary, Page

router = APIRouter(prefix="/v1/articles", tags=["articles"])

ArticlesIn = ArticleIn | Annotated[list[ArticleIn], Field(min_length=1, max_length=MAX_ARTICLES_PER_POST)]


@router.get("", response_model=Page[ArticleSummary])
async def search_articles(
    repo: Repo,
    q: Annotated[str | None, Query(max_length=200, description="words of the title")] = None,
    since: date | None = None,
    until: date | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Page[ArticleSummary]:
    """Articles whose title matches `q`, or all articles newest first, within the published window."""
    return await repo.search_articles(q, since=since, until=until, limit=limit, offset=offset)


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
