"""Articles: search over their text, and one article with its claims."""

from __future__ import annotations

from datetime import date
from typing import Literal

from graph.cypher import read as q
from graph.cypher import search as sq
from graph.errors import NotFound
from graph.repository.base import KIND_LABELS, RepositoryBase, lucene_query
from graph.schema import ARTICLE_TEXT_INDEX
from graph.views import ArticleDetail, ArticleSummary, EntitySummary, Page

ArticleSort = Literal["relevance", "newest", "oldest"]


class ArticleReads(RepositoryBase):
    async def search_articles(
        self,
        text: str | None = None,
        *,
        entity: str | None = None,
        since: date | None = None,
        until: date | None = None,
        sort: ArticleSort | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[ArticleSummary]:
        """Articles whose title, standfirst or text contains every word of
        `text` (by prefix), that mention `entity` (by any name: the mention
        links of the ingest), within the publication window. Best match first
        when searching, newest first otherwise (`sort` overrides)."""
        lucene = lucene_query(text, fuzzy=False) if text and text.strip() else None
        if text and text.strip() and lucene is None:
            return Page[ArticleSummary](items=[], total=0, limit=limit, offset=offset)
        if entity is not None:
            await self._require_entities(entity)
        total, items = await self._page(
            sq.article_search_query(by_text=lucene is not None), limit, offset,
            index=ARTICLE_TEXT_INDEX, lucene=lucene, entity=entity, since=since, until=until,
            sort=sort or ("relevance" if lucene else "newest"),
        )  # fmt: skip
        return Page[ArticleSummary](
            items=[ArticleSummary(**r) for r in items], total=total, limit=limit, offset=offset
        )

    async def get_article(self, article_id: str) -> ArticleDetail:
        """One article, its claims (all of them, labelled) and the entities it
        mentions. Where it was read from on the server is not part of it."""
        rows = await self._rows(q.GET_ARTICLE, id=article_id, kinds=KIND_LABELS)
        if not rows:
            raise NotFound(f"no article with id {article_id!r}: find ids with GET /v1/articles")
        row = rows[0]
        return ArticleDetail(
            **row["article"],
            standfirst=row["standfirst"],
            text=row["text"],
            claims=[self._claim(c) for c in row["claims"]],
            entities=[EntitySummary(**e) for e in row["entities"]],
        )
