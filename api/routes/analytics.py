"""Network analytics over the fact-edge graph: centrality, communities, balance.

Each endpoint pulls the filtered subgraph in READ mode with the app's async
driver, runs the pure networkx functions of graph.analytics in a worker
thread (they are CPU-bound) and returns typed results. Every list is the one
envelope (`items`, `total`, `limit`, `offset`, `next`, CSV with format=csv),
with the analysed graph's figures and the filter beside it. Every figure cites
the fact edges it rests on (subject, type, object, claims, articles); drill
down to sentences with GET /v1/relations/evidence?subject=&object=&type=.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field
from pydantic.dataclasses import dataclass as pydantic_dataclass
from starlette.concurrency import run_in_threadpool

from api.dependencies import Filter, GraphDriver, ReadTimeout
from api.errors import BadParameter
from api.listing import CSV_RESPONSE, ListFormat, listing
from api.schemas import MAX_OFFSET, ErrorBody
from graph.analytics.balance import BalanceResult, Bloc, Dyad, EnemyOfEnemy, Triangle, balance
from graph.analytics.centrality import NodeCentrality, SortKey, centrality
from graph.analytics.communities import Community, communities
from graph.analytics.filters import SubgraphFilter, entity_kinds
from graph.analytics.pull import afetch_subgraph
from graph.errors import InvalidQuery
from graph.views import Page

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])

MAX_ROWS = 500

Limit = Annotated[int, Query(ge=1, le=MAX_ROWS, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
Seed = Annotated[int, Query(ge=0, le=2**31 - 1, description="random seed (Louvain, sampled betweenness)")]
# 422: a bad filter, or the pull passed GEOKG_API_GRAPH_READ_TIMEOUT_S or the memory limit.
ERRORS: dict[int | str, dict[str, Any]] = {**CSV_RESPONSE, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}}


# --- response models -----------------------------------------------------------------
# The result dataclasses of graph.analytics are the wire shape of the items
# (one definition of each field); the API adds the envelope and the filter.


class FilterOut(BaseModel):
    types: list[str] | None = Field(description="None: every relation type")
    since: str | None
    until: str | None
    min_articles: int
    min_claims: int
    kinds: list[str] | None
    include_reference: bool
    preset: str | None = None


class CentralityPage(Page[NodeCentrality]):
    node_count: int  # entities in the analysed subgraph
    edge_count: int  # fact edges in it
    dyad_count: int  # pairs of entities with at least one fact edge
    sort_by: str
    betweenness_sample: int | None
    seed: int
    filter: FilterOut


class CommunitiesPage(Page[Community]):
    modularity: float
    node_count: int
    dyad_count: int
    resolution: float
    seed: int
    filter: FilterOut


@pydantic_dataclass(frozen=True)
class BalanceOut(BalanceResult):
    filter: FilterOut


class BalancePage(Page[Any]):
    """One of balance's lists, with the counts of the signed network."""

    dyad_count: int
    signed_dyads: int
    seed: int
    filter: FilterOut


class DyadPage(BalancePage):
    items: list[Dyad]


class TrianglePage(BalancePage):
    items: list[Triangle]


class EnemyOfEnemyPage(BalancePage):
    items: list[EnemyOfEnemy]


class BlocPage(BalancePage):
    items: list[Bloc]


def _filter_out(flt: SubgraphFilter) -> FilterOut:
    return FilterOut(**flt.describe())


# --- routes ------------------------------------------------------------------------------


@router.get("/centrality", response_model=CentralityPage, responses=ERRORS)
async def centrality_route(
    request: Request,
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    limit: Limit = 20,
    offset: Offset = 0,
    sort: Annotated[SortKey | None, Query(description="the measure to rank by (default pagerank)")] = None,
    by: Annotated[SortKey | None, Query(deprecated=True, description="the old name of `sort`")] = None,
    rank_kinds: Annotated[
        str | None,
        Query(description="comma-separated kinds to list (e.g. Country); measures still use the whole subgraph",
              max_length=200),
    ] = None,
    seed: Seed = 42,
    fmt: ListFormat = None,
) -> CentralityPage | Response:
    """Entities ranked by networkx's directed, evidence-weighted PageRank (rank
    flows from subject to object), or betweenness (undirected), degree,
    strength, in/out strength or signed strength (goldstein x evidence).
    `preset=events` leaves the structural types (officials, membership) out.
    `kinds` cuts the graph (both ends); `rank_kinds` only picks who is listed."""
    try:
        listed = entity_kinds([rank_kinds]) if rank_kinds else None
    except InvalidQuery as e:
        raise BadParameter(f"rank_kinds: {e}") from e
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    order = sort or by or "pagerank"
    r = await run_in_threadpool(centrality, g, sort_by=order, limit=None, kinds=listed, seed=seed)
    page = CentralityPage(
        items=r.nodes[offset : offset + limit], total=r.listed, limit=limit, offset=offset,
        node_count=r.node_count, edge_count=r.edge_count, dyad_count=r.dyad_count, sort_by=r.sort_by,
        betweenness_sample=r.betweenness_sample, seed=r.seed, filter=_filter_out(flt),
    )  # fmt: skip
    return listing(request, page, fmt, "centrality")


@router.get("/communities", response_model=CommunitiesPage, responses=ERRORS)
async def communities_route(
    request: Request,
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    limit: Limit = 20,
    offset: Offset = 0,
    resolution: Annotated[float, Query(gt=0.0, le=10.0, description="Louvain resolution (>1: smaller)")] = 1.0,
    seed: Seed = 42,
    fmt: ListFormat = None,
) -> CommunitiesPage | Response:
    """Louvain communities of entities reported together (friendly or hostile
    alike), largest first, each labelled by its strongest members and its
    sign mix (`tone`: cooperative, hostile, mixed or neutral)."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    r = await run_in_threadpool(communities, g, limit=None, resolution=resolution, seed=seed)
    page = CommunitiesPage(
        items=r.communities[offset : offset + limit], total=r.community_count, limit=limit, offset=offset,
        modularity=r.modularity, node_count=r.node_count, dyad_count=r.dyad_count, resolution=r.resolution,
        seed=r.seed, filter=_filter_out(flt),
    )  # fmt: skip
    return listing(request, page, fmt, "communities")


@router.get("/balance", response_model=BalanceOut, responses=ERRORS)
async def balance_route(
    graph: GraphDriver, flt: Filter, timeout_s: ReadTimeout, limit: Limit = 20, seed: Seed = 42
) -> BalanceOut:
    """Signed-network analysis with the ontology's goldstein weights: the
    counts (`dyad_count` every pair with a fact edge, `signed_dyads` the
    positive and negative ones, `neutral_dyads` apart), balanced and
    unbalanced triangles, enemy-of-my-enemy candidates, blocs and their
    frustration; each list its first `limit` (every list paged, and as CSV,
    at /v1/analytics/balance/{list})."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    result = await run_in_threadpool(balance, g, limit=limit, seed=seed)
    return BalanceOut(**_fields(result), filter=_filter_out(flt))


BalanceList = Literal[
    "dyads", "unbalanced_triangles", "balanced_triangles", "enemy_of_enemy", "blocs",
    "intra_bloc_negative", "inter_bloc_positive",
]  # fmt: skip
_LIST_PAGES: dict[str, type[BalancePage]] = {
    "dyads": DyadPage, "unbalanced_triangles": TrianglePage, "balanced_triangles": TrianglePage,
    "enemy_of_enemy": EnemyOfEnemyPage, "blocs": BlocPage, "intra_bloc_negative": DyadPage,
    "inter_bloc_positive": DyadPage,
}  # fmt: skip
DyadSort = Literal["strength", "net", "-net"]


@router.get(
    "/balance/{list_name}",
    response_model=DyadPage | TrianglePage | EnemyOfEnemyPage | BlocPage,
    responses=ERRORS,
)
async def balance_list_route(
    request: Request,
    graph: GraphDriver,
    flt: Filter,
    timeout_s: ReadTimeout,
    list_name: BalanceList,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Annotated[
        DyadSort, Query(description="dyad lists: strength (|net|, default), net (most cooperative), -net (most hostile)")
    ] = "strength",
    seed: Seed = 42,
    fmt: ListFormat = None,
) -> BalancePage | Response:
    """One of balance's lists, paged: signed dyads, unbalanced or balanced
    triangles, enemy-of-my-enemy candidates, blocs, or the dyads the blocs fail
    to explain (negative inside a bloc, positive between blocs)."""
    driver, database = graph
    g = await afetch_subgraph(driver, flt, database, timeout_s=timeout_s)
    r = await run_in_threadpool(balance, g, limit=None, seed=seed)
    items: list[Any] = list(getattr(r, list_name))
    if _LIST_PAGES[list_name] is DyadPage and sort != "strength":
        items.sort(key=lambda d: ((-d.net if sort == "net" else d.net), d.a, d.b))
    page = _LIST_PAGES[list_name](
        items=items[offset : offset + limit], total=len(items), limit=limit, offset=offset,
        dyad_count=r.dyad_count, signed_dyads=r.signed_dyads, seed=r.seed, filter=_filter_out(flt),
    )  # fmt: skip
    return listing(request, page, fmt, f"balance-{list_name}")


def _fields(result: Any) -> dict[str, Any]:
    """The top-level fields of a result dataclass, as they are (not copied deep like asdict)."""
    return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)}
