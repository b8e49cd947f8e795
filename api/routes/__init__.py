"""One router per resource. To add one (e.g. analytics), write
`api/routes/<name>.py` with a module-level `router` and append it to ROUTERS."""

from __future__ import annotations

from fastapi import APIRouter

from api.routes import analytics, articles, changes, cypher, entities, export, health, paths, relations, stats

ROUTERS: list[APIRouter] = [
    health.router,
    stats.router,
    entities.router,
    relations.router,
    paths.router,
    articles.router,
    cypher.router,
    analytics.router,
    export.router,
    changes.router,
]
