from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from api.dependencies import Repo
from api.schemas import ErrorBody, Health
from graph.changes import build_sources
from graph.cypher.changes import READ_WATCHED_SOURCES
from graph.ontology import ONTOLOGY_VERSION

router = APIRouter(tags=["health"])


def _api_version() -> str:
    try:
        return version("geokg")
    except PackageNotFoundError:
        return "unknown"


@router.get("/health", response_model=Health, responses={503: {"model": ErrorBody}})
async def health(repo: Repo) -> Health:
    """Neo4j reachable, and the versions of the API, ontology, server and driver (503 when Neo4j is down)."""
    info = await repo.server_info()
    sources = build_sources(await repo.read_rows(READ_WATCHED_SOURCES, {}))
    return Health(
        status="ok", api_version=_api_version(), ontology_version=ONTOLOGY_VERSION, neo4j=info,
        watched_sources=sources,
    )
