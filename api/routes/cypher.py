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
    responses={
        400: {"model": ErrorBody},
        401: {"model": ErrorBody},
        403: {"model": ErrorBody},
        422: {"model": ErrorBody, "description": "the query passed its time or memory limit"},
    },
)
async def cypher(
    body: CypherRequest, repo: Repo, settings: Annotated[ApiSettings, Depends(get_api_settings)]
) -> CypherResult:
    """One read-only Cypher statement (docs/security.md). Refused (400) unless its
    EXPLAIN plan is a plain read of the graph: no writes, LOAD CSV, SHOW/TERMINATE
    or administration commands, only the full-text and schema procedures. Runs in
    READ mode with a timeout and a memory limit (422 past either, saying which),
    and row and byte caps (`truncated`, `truncated_by`, `truncated_reason`).
    Needs the X-API-Key header unless the server opens it (GEOKG_API_CYPHER_OPEN)."""
    return await repo.run_read_cypher(body.query, body.params, limits=settings.cypher_limits())
