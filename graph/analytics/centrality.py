"""Who is central: degree, weighted strength, PageRank and betweenness.

All measures use the undirected projection (graph.analytics.network.dyads):
in news, being attacked by many and attacking many both make a state central,
and an undirected view is steadier on sparse, noisy extractions.

- degree: number of distinct counterparts;
- strength: summed evidence (claims; a reference edge counts once);
- pagerank: weighted by evidence, damping 0.85 (computed here by power
  iteration, so no scipy is needed);
- betweenness: hop-count shortest paths, normalised; above `sample_above`
  nodes it is estimated from `sample_size` seeded pivot nodes (networkx's `k`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from graph.analytics.network import EdgeRef, dyads, incident_edges, node_info

SortKey = Literal["pagerank", "betweenness", "degree", "strength"]
SORT_KEYS: tuple[str, ...] = ("pagerank", "betweenness", "degree", "strength")


@dataclass(frozen=True, slots=True)
class NodeCentrality:
    id: str
    name: str
    kind: str | None
    iso3: str | None
    degree: int
    strength: int
    articles: int
    pagerank: float
    betweenness: float
    edges: list[EdgeRef] = field(default_factory=list)  # the strongest incident fact edges


@dataclass(frozen=True, slots=True)
class CentralityResult:
    nodes: list[NodeCentrality]
    node_count: int  # entities in the analysed subgraph
    edge_count: int  # fact edges in the analysed subgraph
    dyad_count: int  # pairs of entities with at least one fact edge
    sort_by: str
    betweenness_sample: int | None  # pivots used when betweenness was sampled, else None
    seed: int


def pagerank(p: nx.Graph, damping: float = 0.85, tol: float = 1e-10, max_iter: int = 200) -> dict[str, float]:
    """Weighted PageRank of an undirected graph with edge attribute `weight`.

    Written here because networkx's own `pagerank` needs SciPy, which geokg
    does not otherwise depend on. Power iteration with a uniform teleport. Every node of a `dyads` projection
    has at least one edge, but isolated nodes are handled (their rank is
    spread uniformly) so the function is safe on any graph. Sums to 1.
    """
    nodes = list(p.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    strength = {v: float(p.degree(v, weight="weight")) for v in nodes}
    rank = {v: 1.0 / n for v in nodes}
    for _ in range(max_iter):
        dangling = sum(rank[v] for v in nodes if strength[v] == 0.0)
        base = (1.0 - damping) / n + damping * dangling / n
        new = {v: base for v in nodes}
        for v in nodes:
            if strength[v] == 0.0:
                continue
            share = damping * rank[v] / strength[v]
            for u, data in p[v].items():
                new[u] += share * float(data.get("weight", 1.0))
        change = sum(abs(new[v] - rank[v]) for v in nodes)
        rank = new
        if change < n * tol:
            break
    return rank


def centrality(
    g: nx.MultiDiGraph,
    *,
    sort_by: str = "pagerank",
    limit: int = 20,
    kinds: tuple[str, ...] | None = None,
    evidence_per_node: int = 5,
    sample_above: int = 500,
    sample_size: int = 200,
    seed: int = 42,
) -> CentralityResult:
    """Rank entities of `g` by `sort_by` and return the top `limit`.

    `kinds` restricts which entities are *listed* (e.g. only Country); the
    measures are always computed on the whole subgraph.
    """
    if sort_by not in SORT_KEYS:
        raise ValueError(f"sort_by must be one of {', '.join(SORT_KEYS)}, not {sort_by!r}")
    p = dyads(g)
    n = p.number_of_nodes()
    pr = pagerank(p)
    sampled = n > sample_above
    k = min(sample_size, n) if sampled else None
    bc = nx.betweenness_centrality(p, k=k, normalized=True, seed=seed) if n else {}

    rows: list[NodeCentrality] = []
    for v in p.nodes:
        info = node_info(p, v)
        if kinds and info["kind"] not in kinds:
            continue
        rows.append(
            NodeCentrality(
                id=v,
                name=info["name"],
                kind=info["kind"],
                iso3=info["iso3"],
                degree=p.degree(v),
                strength=int(p.degree(v, weight="weight")),
                articles=sum(int(d["articles"]) for d in p[v].values()),
                pagerank=pr.get(v, 0.0),
                betweenness=bc.get(v, 0.0),
                edges=incident_edges(p, v, evidence_per_node),
            )
        )
    rows.sort(key=lambda r: (-getattr(r, sort_by), r.id))
    return CentralityResult(
        nodes=rows[: max(limit, 0)],
        node_count=n,
        edge_count=g.number_of_edges(),
        dyad_count=p.number_of_edges(),
        sort_by=sort_by,
        betweenness_sample=k,
        seed=seed,
    )
