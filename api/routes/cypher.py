from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from api.dependencies import Repo, get_api_settings, require_cypher_access
from api.schemas import CypherRequest, ErrorBody
from api.settings import ApiSettings
from graph.views import CypherResult

router = APIRouter(prefix="/v1", tags=["cypher"])


@router.post(
    "/cypher",
    response_model=CypherResult,
    dependencies=[Depends(require_cypher_access)],
    responses={400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}},
)
async def cypher(
    body: CypherRequest, repo: Repo, settings: Annotated[ApiSettings, Depends(get_api_settings)]
) -> CypherResult:
    """One read-only Cypher statement. Refused unless Neo4j's EXPLAIN classifies it
    as read-only; no LOAD CSV; runs in READ mode with a timeout and a row cap.
    Needs the X-API-Key header unless the server opens it (GEOKG_API_CYPHER_OPEN)."""
    return await repo.run_read_cypher(
        body.query, body.params, timeout=settings.cypher_timeout_s, row_cap=settings.cypher_row_cap
    )
