"""Articles: search and one article with its claims."""

from __future__ import annotations

from datetime import date

from graph.cypher import read as q
from graph.errors import NotFound
from graph.repository.base import KIND_LABELS, RepositoryBase, lucene_query
from graph.schema import ARTICLE_TITLES_INDEX
from graph.views import (
    ArticleDetail,
    ArticleSummary,
    EntitySummary,
    Page,
)


class ArticleReads(RepositoryBase):
    # --- articles ---------------------------------------------------------------------------------

    async def search_articles(
        self,
        text: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[ArticleSummary]:
        """Articles whose title matches `text` (best first), or every article,
        newest first, within the optional publication window."""
        if text and text.strip():
            lucene = lucene_query(text)
            if lucene is None:
                return Page[ArticleSummary](items=[], total=0, limit=limit, offset=offset)
            total, items = await self._page(
                q.SEARCH_ARTICLES, limit, offset,
                index=ARTICLE_TITLES_INDEX, lucene=lucene, since=since, until=until,
            )
        else:
            total, items = await self._page(q.LIST_ARTICLES, limit, offset, since=since, until=until)
        return Page[ArticleSummary](
            items=[ArticleSummary(**r) for r in items], total=total, limit=limit, offset=offset
        )

    async def get_article(self, article_id: str) -> ArticleDetail:
        rows = await self._rows(q.GET_ARTICLE, id=article_id, kinds=KIND_LABELS)
        if not rows:
            raise NotFound(f"no article with id {article_id!r}: find ids with GET /v1/articles")
        row = rows[0]
        return ArticleDetail(
            **row["article"],
            standfirst=row["standfirst"],
            source=row["source"],
            claims=[self._claim(c) for c in row["claims"]],
            entities=[EntitySummary(**e) for e in row["entities"]],
        )

