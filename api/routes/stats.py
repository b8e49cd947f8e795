from __future__ import annotations

from fastapi import APIRouter

from api.dependencies import Repo
from graph.views import Stats

router = APIRouter(prefix="/v1", tags=["stats"])


@router.get("/stats", response_model=Stats)
async def stats(repo: Repo) -> Stats:
    """Node counts by label, relationship counts by type, claims by polarity and modality."""
    return await repo.stats()
