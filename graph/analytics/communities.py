"""Communities of entities that are often reported together (Louvain).

Louvain (networkx.community.louvain_communities) on the undirected projection,
edge weight = evidence (claims), with a fixed seed so a result can be
reproduced. Communities group *interaction*, friendly or hostile alike; for
friend/foe blocs see graph.analytics.balance.signed_blocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from graph.analytics.network import EdgeRef, dyads, node_info


@dataclass(frozen=True, slots=True)
class Member:
    id: str
    name: str
    kind: str | None
    iso3: str | None
    strength: int  # evidence on the member's edges inside the community


@dataclass(frozen=True, slots=True)
class Community:
    index: int  # 0 = largest
    size: int
    internal_weight: int  # evidence on edges inside the community
    external_weight: int  # evidence on edges leaving it
    members: list[Member]
    edges: list[EdgeRef] = field(default_factory=list)  # strongest internal fact edges


@dataclass(frozen=True, slots=True)
class CommunitiesResult:
    communities: list[Community]
    community_count: int  # before `limit`
    modularity: float
    node_count: int
    dyad_count: int
    resolution: float
    seed: int


def communities(
    g: nx.MultiDiGraph,
    *,
    limit: int = 20,
    resolution: float = 1.0,
    seed: int = 42,
    edges_per_community: int = 10,
    min_size: int = 1,
) -> CommunitiesResult:
    p = dyads(g)
    if p.number_of_nodes() == 0:
        return CommunitiesResult([], 0, 0.0, 0, 0, resolution, seed)
    parts = nx.community.louvain_communities(p, weight="weight", resolution=resolution, seed=seed)
    modularity = nx.community.modularity(p, parts, weight="weight", resolution=resolution)

    built: list[Community] = []
    for part in parts:
        if len(part) < min_size:
            continue
        inside = p.subgraph(part)
        internal = int(inside.size(weight="weight"))
        external = int(sum(p.degree(v, weight="weight") for v in part)) - 2 * internal
        members = [
            Member(**node_info(p, v), strength=int(inside.degree(v, weight="weight"))) for v in part
        ]
        members.sort(key=lambda m: (-m.strength, m.id))
        refs = [ref for _, _, d in inside.edges(data=True) for ref in d["edges"]]
        refs.sort(key=lambda e: (-e.claims, -e.articles, e.type, e.subject, e.object))
        built.append(
            Community(
                index=0,
                size=len(part),
                internal_weight=internal,
                external_weight=external,
                members=members,
                edges=refs[:edges_per_community],
            )
        )
    built.sort(key=lambda c: (-c.size, -c.internal_weight, c.members[0].id))
    numbered = [
        Community(i, c.size, c.internal_weight, c.external_weight, c.members, c.edges)
        for i, c in enumerate(built)
    ]
    return CommunitiesResult(
        communities=numbered[: max(limit, 0)],
        community_count=len(numbered),
        modularity=round(modularity, 6),
        node_count=p.number_of_nodes(),
        dyad_count=p.number_of_edges(),
        resolution=resolution,
        seed=seed,
    )
