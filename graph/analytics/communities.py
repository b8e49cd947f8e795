"""Communities of entities that are often reported together (Louvain).

Louvain (networkx.community.louvain_communities) on the undirected projection,
edge weight = evidence (claims), with a fixed seed so a result can be
reproduced. Communities group *interaction*, friendly or hostile alike; for
friend/foe blocs see graph.analytics.balance.signed_blocs.

Each community is labelled by its strongest members ("Azerbaijan, Armenia,
Turkey + 4 more") and by its sign mix: its internal dyads by net sign
(positive / negative / neutral, the dyad's summed goldstein x evidence) and a
`tone`: cooperative or hostile when at least two thirds of the signed dyads
inside agree, mixed otherwise, neutral without signed dyads.
"""

from __future__ import annotations

import dataclasses
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


LABEL_MEMBERS = 3


@dataclass(frozen=True, slots=True)
class SignMix:
    positive: int  # internal dyads with a positive net sign
    negative: int
    neutral: int
    net: float  # summed net of the internal dyads


@dataclass(frozen=True, slots=True)
class Community:
    index: int  # 0 = largest
    label: str  # the strongest members' names
    tone: str  # cooperative, hostile, mixed or neutral (see the module docstring)
    sign_mix: SignMix
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


def sign_mix(inside: nx.Graph) -> SignMix:
    nets = [float(d["net"]) for _, _, d in inside.edges(data=True)]
    return SignMix(
        positive=sum(1 for x in nets if x > 0),
        negative=sum(1 for x in nets if x < 0),
        neutral=sum(1 for x in nets if x == 0),
        net=round(sum(nets), 6),
    )


def tone(mix: SignMix) -> str:
    signed = mix.positive + mix.negative
    if signed == 0:
        return "neutral"
    if 3 * mix.positive >= 2 * signed:
        return "cooperative"
    if 3 * mix.negative >= 2 * signed:
        return "hostile"
    return "mixed"


def label(members: list[Member]) -> str:
    """The strongest members' names, and how many more there are."""
    names = ", ".join(m.name for m in members[:LABEL_MEMBERS])
    rest = len(members) - LABEL_MEMBERS
    return f"{names} + {rest} more" if rest > 0 else names


def communities(
    g: nx.MultiDiGraph,
    *,
    limit: int | None = 20,
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
        mix = sign_mix(inside)
        built.append(
            Community(
                index=0,
                label=label(members),
                tone=tone(mix),
                sign_mix=mix,
                size=len(part),
                internal_weight=internal,
                external_weight=external,
                members=members,
                edges=refs[:edges_per_community],
            )
        )
    built.sort(key=lambda c: (-c.size, -c.internal_weight, c.members[0].id))
    numbered = [dataclasses.replace(c, index=i) for i, c in enumerate(built)]
    return CommunitiesResult(
        communities=numbered if limit is None else numbered[: max(limit, 0)],
        community_count=len(numbered),
        modularity=round(modularity, 6),
        node_count=p.number_of_nodes(),
        dyad_count=p.number_of_edges(),
        resolution=resolution,
        seed=seed,
    )
