"""Who is central: degree, strength (undirected, in, out, signed), PageRank
and betweenness, all with networkx's own algorithms.

- degree: number of distinct counterparts (undirected);
- strength: summed evidence on the entity's fact edges (claims; a reference
  edge counts once); in_strength / out_strength: as object / as subject (a
  symmetric type, FIGHTS or ALLIED_WITH, is mutual and counts both ways);
- signed_strength: sum of goldstein x evidence over its edges (>0: its
  relations are mostly cooperative, <0: mostly hostile); signed_in /
  signed_out split it into what others did to it and what it did;
- pagerank: `nx.pagerank` on the directed projection (graph.analytics.network
  .directed), weight = evidence, damping 0.85. Rank flows from subject to
  object, so an entity ranks high when many well-ranked actors act on it
  (attack, supply, meet it); who attacked whom is kept;
- betweenness: `nx.betweenness_centrality` on the undirected projection
  (hop counts, normalised: brokers between otherwise separate parts); above
  `sample_above` nodes it is estimated from `sample_size` seeded pivots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from graph.analytics.network import EdgeRef, directed, dyads, incident_edges, node_info

SortKey = Literal[
    "pagerank", "betweenness", "degree", "strength", "in_strength", "out_strength", "signed_strength"
]
SORT_KEYS: tuple[str, ...] = (
    "pagerank", "betweenness", "degree", "strength", "in_strength", "out_strength", "signed_strength",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NodeCentrality:
    id: str
    name: str
    kind: str | None
    iso3: str | None
    degree: int
    strength: int
    in_strength: int
    out_strength: int
    signed_strength: float
    signed_in: float
    signed_out: float
    articles: int
    pagerank: float
    betweenness: float
    edges: list[EdgeRef] = field(default_factory=list)  # the strongest incident fact edges


@dataclass(frozen=True, slots=True)
class CentralityResult:
    nodes: list[NodeCentrality]
    listed: int  # entities that qualify for the list (after `kinds`), before `limit`
    node_count: int  # entities in the analysed subgraph
    edge_count: int  # fact edges in the analysed subgraph
    dyad_count: int  # pairs of entities with at least one fact edge
    sort_by: str
    betweenness_sample: int | None  # pivots used when betweenness was sampled, else None
    seed: int


def directed_pagerank(d: nx.DiGraph, damping: float = 0.85) -> dict[str, float]:
    """networkx's weighted PageRank of the directed projection (sums to 1)."""
    if d.number_of_nodes() == 0:
        return {}
    return nx.pagerank(d, alpha=damping, weight="weight")


def centrality(
    g: nx.MultiDiGraph,
    *,
    sort_by: str = "pagerank",
    limit: int | None = 20,
    kinds: tuple[str, ...] | None = None,
    evidence_per_node: int = 5,
    sample_above: int = 500,
    sample_size: int = 200,
    seed: int = 42,
) -> CentralityResult:
    """Rank entities of `g` by `sort_by` and return the top `limit` (None: all).

    `kinds` restricts which entities are *listed* (e.g. only Country); the
    measures are always computed on the whole subgraph.
    """
    if sort_by not in SORT_KEYS:
        raise ValueError(f"sort_by must be one of {', '.join(SORT_KEYS)}, not {sort_by!r}")
    p = dyads(g)
    d = directed(g)
    n = p.number_of_nodes()
    pr = directed_pagerank(d)
    sampled = n > sample_above
    k = min(sample_size, n) if sampled else None
    bc = nx.betweenness_centrality(p, k=k, normalized=True, seed=seed) if n else {}

    rows: list[NodeCentrality] = []
    for v in p.nodes:
        info = node_info(p, v)
        if kinds and info["kind"] not in kinds:
            continue
        signed_in = sum(a["signed"] for _, _, a in d.in_edges(v, data=True))
        signed_out = sum(a["signed"] for _, _, a in d.out_edges(v, data=True))
        rows.append(
            NodeCentrality(
                id=v,
                name=info["name"],
                kind=info["kind"],
                iso3=info["iso3"],
                degree=p.degree(v),
                strength=int(p.degree(v, weight="weight")),
                in_strength=int(d.in_degree(v, weight="weight")),
                out_strength=int(d.out_degree(v, weight="weight")),
                signed_strength=round(sum(a["net"] for a in p[v].values()), 6),
                signed_in=round(signed_in, 6),
                signed_out=round(signed_out, 6),
                articles=sum(int(a["articles"]) for a in p[v].values()),
                pagerank=pr.get(v, 0.0),
                betweenness=bc.get(v, 0.0),
                edges=incident_edges(p, v, evidence_per_node),
            )
        )
    rows.sort(key=lambda r: (-getattr(r, sort_by), r.id))
    return CentralityResult(
        nodes=rows if limit is None else rows[: max(limit, 0)],
        listed=len(rows),
        node_count=n,
        edge_count=g.number_of_edges(),
        dyad_count=p.number_of_edges(),
        sort_by=sort_by,
        betweenness_sample=k,
        seed=seed,
    )
