"""Network analytics over the fact-edge graph: centrality, communities, balance.

Each endpoint pulls the filtered subgraph in READ mode with the app's async
driver, runs the pure networkx functions of graph.analytics in a worker
thread (they are CPU-bound) and returns typed results. Every figure cites the
fact edges it rests on (subject, type, object, claims, articles); drill down
to sentences with GET /v1/relations/evidence?subject=&type=&object=.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field
from pydantic.dataclasses import dataclass as pydantic_dataclass
from starlette.concurrency import run_in_threadpool

from api.dependencies import Filter, GraphDriver, ReadTimeout
from api.errors import BadParameter
from api.schemas import ErrorBody
from graph.analytics.balance import BalanceResult, balance
from graph.analytics.centrality import CentralityResult, centrality
from graph.analytics.communities import CommunitiesResult, communities
from graph.analytics.filters import entity_kinds
from graph.analytics.pull import afetch_subgraph
from graph.errors import InvalidQuery

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])

MAX_ROWS = 500
# 422: a bad filter, or the pull passed GEOKG_API_GRAPH_READ_TIMEOUT_S or the memory limit.
_ERRORS: dict[int | str, dict[str, Any]] = {422: {"model": ErrorBody}, 503: {"model": ErrorBody}}

Limit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="rows per list")]
Seed = Annotated[int, Query(ge=0, le=2**31 - 1, description="random seed (Louvain, sampled betweenness)")]


# --- response models -----------------------------------------------------------------
# The result dataclasses of graph.analytics are the wire shape (one definition
# of each field); the API adds the filter it applied.


class FilterOut(BaseModel):
    types: list[str] | None = Field(description="None: every relation type")
    since: str | None
    until: str | None
    min_articles: int
    min_claims: int
    kinds: list[str] | None
    include_reference: bool


@pydantic_dataclass(frozen=True)
class CentralityOut(CentralityResult):
    filter: FilterOut


@pydantic_dataclass(frozen=True)
class CommunitiesOut(CommunitiesResult):
    filter: FilterOut


@pydantic_dataclass(frozen=True)
class BalanceOut(BalanceResult):
    filter: FilterOut


# --- routes ------------------------------------------------------------------------------


@router.get("/centrality", response_model=CentralityOut, responses=_ERRORS)
async def centrality_route(
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    limit: Limit = 20,
    by: Annotated[Literal["pagerank", "betweenness", "degree", "strength"], Query()] = "pagerank",
    rank_kinds: Annotated[
        str | None,
        Query(description="comma-separated kinds to list (e.g. Country); measures still use the whole subgraph",
              max_length=200),
    ] = None,
    seed: Seed = 42,
) -> CentralityOut:
    """Entities ranked by PageRank (or betweenness, degree, strength) on the undirected,
    claim-weighted fact graph; betweenness is sampled above 500 entities.
    `kinds` cuts the graph (both ends); `rank_kinds` only picks who is listed."""
    try:
        listed = entity_kinds([rank_kinds]) if rank_kinds else None
    except InvalidQuery as e:
        raise BadParameter(f"rank_kinds: {e}") from e
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    result = await run_in_threadpool(centrality, g, sort_by=by, limit=limit, kinds=listed, seed=seed)
    return CentralityOut(**_fields(result), filter=FilterOut(**flt.describe()))


@router.get("/communities", response_model=CommunitiesOut, responses=_ERRORS)
async def communities_route(
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    limit: Limit = 20,
    resolution: Annotated[float, Query(gt=0.0, le=10.0, description="Louvain resolution (>1: smaller)")] = 1.0,
    seed: Seed = 42,
) -> CommunitiesOut:
    """Louvain communities of entities reported together (friendly or hostile alike)."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    result = await run_in_threadpool(communities, g, limit=limit, resolution=resolution, seed=seed)
    return CommunitiesOut(**_fields(result), filter=FilterOut(**flt.describe()))


@router.get("/balance", response_model=BalanceOut, responses=_ERRORS)
async def balance_route(
    graph: GraphDriver, flt: Filter, timeout_s: ReadTimeout, limit: Limit = 20, seed: Seed = 42
) -> BalanceOut:
    """Signed-network analysis with the ontology's signs: dyad net signs, balanced and
    unbalanced triangles, enemy-of-my-enemy candidates, blocs and their frustration."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    result = await run_in_threadpool(balance, g, limit=limit, seed=seed)
    return BalanceOut(**_fields(result), filter=FilterOut(**flt.describe()))


def _fields(result: Any) -> dict[str, Any]:
    """The top-level fields of a result dataclass, as they are (not copied deep like asdict)."""
    return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
