"""Network analytics over the fact-edge graph: centrality, communities, balance.

Each endpoint pulls the filtered subgraph in READ mode with the app's async
driver, runs the pure networkx functions of graph.analytics in a worker
thread (they are CPU-bound) and returns typed results. Every figure cites the
fact edges it rests on (subject, type, object, claims, articles); drill down
to sentences with GET /v1/relations/evidence?subject=&type=&object=.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from api.dependencies import Filter, GraphDriver
from api.errors import BadParameter
from api.schemas import ErrorBody
from graph.analytics.balance import balance
from graph.analytics.centrality import centrality
from graph.analytics.communities import communities
from graph.analytics.filters import SubgraphFilter
from graph.analytics.pull import afetch_subgraph
from graph.errors import InvalidQuery

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])

MAX_ROWS = 500

Limit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="rows per list")]
Seed = Annotated[int, Query(ge=0, le=2**31 - 1, description="random seed (Louvain, sampled betweenness)")]


# --- response models (validated from graph.analytics' dataclasses) ---------------------


class _FromAttributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class FilterOut(BaseModel):
    types: list[str] | None = Field(description="None: every relation type")
    since: str | None
    until: str | None
    min_articles: int
    min_claims: int
    kinds: list[str] | None
    include_reference: bool


class EdgeRefOut(_FromAttributes):
    """A fact edge a figure rests on; its claims: /v1/relations/evidence?subject=&type=&object=."""

    subject: str
    subject_name: str
    type: str
    object: str
    object_name: str
    claims: int
    articles: int
    sign: float
    first_seen: str | None
    last_seen: str | None
    source: str


class NodeCentralityOut(_FromAttributes):
    id: str
    name: str
    kind: str | None
    iso3: str | None
    degree: int = Field(description="distinct counterparts")
    strength: int = Field(description="claims on the entity's fact edges (a reference edge counts once)")
    articles: int
    pagerank: float
    betweenness: float
    edges: list[EdgeRefOut] = Field(description="the strongest incident fact edges")


class CentralityOut(_FromAttributes):
    nodes: list[NodeCentralityOut]
    node_count: int
    edge_count: int
    dyad_count: int
    sort_by: str
    betweenness_sample: int | None = Field(description="pivots used when betweenness was sampled")
    seed: int
    filter: FilterOut


class MemberOut(_FromAttributes):
    id: str
    name: str
    kind: str | None
    iso3: str | None
    strength: int


class CommunityOut(_FromAttributes):
    index: int
    size: int
    internal_weight: int
    external_weight: int
    members: list[MemberOut]
    edges: list[EdgeRefOut]


class CommunitiesOut(_FromAttributes):
    communities: list[CommunityOut]
    community_count: int
    modularity: float
    node_count: int
    dyad_count: int
    resolution: float
    seed: int
    filter: FilterOut


class DyadOut(_FromAttributes):
    a: str
    a_name: str
    b: str
    b_name: str
    net: float = Field(description="sum of sign x claims over the pair's edges, both directions")
    sign: int
    weight: int
    edges: list[EdgeRefOut]


class TriangleOut(_FromAttributes):
    nodes: list[str]
    names: list[str]
    pattern: str
    balanced: bool
    dyads: list[DyadOut]


class EnemyOfEnemyOut(_FromAttributes):
    a: str
    a_name: str
    c: str
    c_name: str
    common_enemies: list[str]
    common_enemy_names: list[str]
    ac_sign: int | None = Field(description="None: no edge; 0: neutral; -1: hostile")
    dyads: list[DyadOut]


class BlocOut(_FromAttributes):
    index: int
    members: list[str]
    names: list[str]
    positive_dyads: int
    negative_dyads: int


class BalanceOut(_FromAttributes):
    dyad_count: int
    positive_dyads: int
    negative_dyads: int
    neutral_dyads: int
    triangle_count: int
    balanced_count: int
    unbalanced_count: int
    patterns: dict[str, int]
    balance_ratio: float | None
    dyads: list[DyadOut]
    unbalanced_triangles: list[TriangleOut]
    balanced_triangles: list[TriangleOut]
    enemy_of_enemy: list[EnemyOfEnemyOut]
    blocs: list[BlocOut]
    intra_bloc_negative: list[DyadOut]
    inter_bloc_positive: list[DyadOut]
    frustration: int
    seed: int
    filter: FilterOut


# --- routes ------------------------------------------------------------------------------


@router.get("/centrality", response_model=CentralityOut, responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
async def centrality_route(
    graph: GraphDriver,
    flt: Filter,
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
        listed = SubgraphFilter.build(kinds=[rank_kinds]).kinds if rank_kinds else None
    except InvalidQuery as e:
        raise BadParameter(f"rank_kinds: {e}") from e
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database)
    result = await run_in_threadpool(centrality, g, sort_by=by, limit=limit, kinds=listed, seed=seed)
    return CentralityOut.model_validate({**_attrs(result), "filter": flt.describe()})


@router.get("/communities", response_model=CommunitiesOut, responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
async def communities_route(
    graph: GraphDriver,
    flt: Filter,
    limit: Limit = 20,
    resolution: Annotated[float, Query(gt=0.0, le=10.0, description="Louvain resolution (>1: smaller)")] = 1.0,
    seed: Seed = 42,
) -> CommunitiesOut:
    """Louvain communities of entities reported together (friendly or hostile alike)."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database)
    result = await run_in_threadpool(communities, g, limit=limit, resolution=resolution, seed=seed)
    return CommunitiesOut.model_validate({**_attrs(result), "filter": flt.describe()})


@router.get("/balance", response_model=BalanceOut, responses={422: {"model": ErrorBody}, 503: {"model": ErrorBody}})
async def balance_route(graph: GraphDriver, flt: Filter, limit: Limit = 20, seed: Seed = 42) -> BalanceOut:
    """Signed-network analysis with the ontology's signs: dyad net signs, balanced and
    unbalanced triangles, enemy-of-my-enemy candidates, blocs and their frustration."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database)
    result = await run_in_threadpool(balance, g, limit=limit, seed=seed)
    return BalanceOut.model_validate({**_attrs(result), "filter": flt.describe()})


def _attrs(result: object) -> dict[str, object]:
    """Top-level fields of a result dataclass (nested ones validate from attributes)."""
    return {name: getattr(result, name) for name in result.__dataclass_fields__}  # type: ignore[attr-defined]
