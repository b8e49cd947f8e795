"""POST /v1/articles: articles from JSON through the same stages as `geokg ingest`
(H2's `article_from_text`, H4's Extractor, H5's Loader).

Synchronous and CPU-bound (spaCy), so the route runs it in a worker thread.
The heavy imports happen on first use, never when the API starts."""

from __future__ import annotations

from typing import Any

from api.errors import ArticlesNotLoaded, IngestUnavailable
from api.resources import GraphResources
from api.schemas import ArticleIn, IngestResult, SkippedOut
from graph.errors import Neo4jUnavailable


def ingest_articles(resources: GraphResources, items: list[ArticleIn]) -> IngestResult:
    from graph.loader import Loader
    from ingest.readers import article_from_text
    from ingest.readers.results import InputRejected

    articles = []
    skipped: list[SkippedOut] = []
    for index, item in enumerate(items):
        source = item.url or f"request#{index}"
        try:
            articles.append(
                article_from_text(
                    item.text,
                    url=item.url,
                    title=item.title,
                    published=item.published,
                    author=item.author,
                    standfirst=item.standfirst,
                    outlet=item.outlet,
                    license=item.license,
                    source=source,
                )
            )
        except InputRejected as e:
            skipped.append(SkippedOut(source=source, reason=e.skipped.reason, detail=e.skipped.detail or None))

    report: dict[str, Any] = {}
    loaded = 0
    if articles:
        from ingest.pipeline import run

        try:
            extractor = resources.extractor()
        except (ImportError, OSError) as e:
            raise IngestUnavailable(f"the extractor cannot be loaded ({e}): install the spaCy model") from e
        loader = Loader(resources.sync_driver(), resources.settings.database)
        with resources.ingest_lock:
            result = run(articles, extractor, loader, n_process=1, sink_name="neo4j")
        if result.aborted:
            # Nothing half-written (one transaction per batch); the client may retry.
            raise Neo4jUnavailable(result.aborted)
        report = result.to_dict()
        loaded = result.articles_loaded
        if result.failed:
            # Loud, like `geokg ingest`'s exit 4: a client that checks only the
            # status must not take a partial load for success.
            names = ", ".join(s.source for s in result.failed[:5])
            raise ArticlesNotLoaded(
                f"{len(result.failed)} of {len(articles)} articles were not loaded ({names}"
                f"{', ...' if len(result.failed) > 5 else ''}); the others were. POST them again "
                "(loading is idempotent); error.details.failed says why each failed",
                details={"failed": report["failed"], "loaded": loaded, "report": report},
            )
    return IngestResult(
        received=len(items),
        loaded=loaded,
        skipped=skipped,
        article_ids=[a.id for a in articles],
        report=report,
    )
