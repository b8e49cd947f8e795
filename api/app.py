"""The FastAPI application factory.

`create_app()` builds the app; its lifespan creates ONE async Neo4j driver
(closed on shutdown). Nothing connects at import time, and the app starts
while Neo4j is down (requests get 503 until it is back)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.docs import install_docs
from api.errors import install_error_handlers
from api.middleware import BodySizeLimit, WorkerHeader
from api.resources import GraphResources
from api.routes import ROUTERS
from api.settings import ApiSettings
from api.settings import get_settings as get_api_settings
from graph.settings import Neo4jSettings
from graph.settings import get_settings as get_neo4j_settings


def create_app(
    settings: ApiSettings | None = None, neo4j_settings: Neo4jSettings | None = None
) -> FastAPI:
    api_settings = settings or get_api_settings()
    graph_settings = neo4j_settings or get_neo4j_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        resources = GraphResources(
            graph_settings,
            pool_size=api_settings.driver_pool_size,
            acquire_timeout_s=api_settings.driver_acquire_timeout_s,
        )
        resources.open()
        app.state.resources = resources
        try:
            yield
        finally:
            await resources.close()

    app = FastAPI(
        title="geokg",
        summary="A knowledge graph of geopolitical entities built from news.",
        version="1",
        lifespan=lifespan,
        # No 307 to the slash-less URL: an unknown path is a plain 404 in the error shape.
        redirect_slashes=False,
        # The CDN-free pages of api.docs instead of FastAPI's.
        docs_url=None,
        redoc_url=None,
    )
    install_docs(app)
    app.state.api_settings = api_settings
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)

    if api_settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=api_settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    if api_settings.worker_header:
        app.add_middleware(WorkerHeader)
    # Added last, so it runs first: oversized bodies never reach routing or CORS.
    app.add_middleware(BodySizeLimit, max_body_bytes=api_settings.max_body_bytes)
    return app
