"""Signed-network analysis: friends, enemies, and whether triangles add up.

Signs come from the ontology (graph.ontology: PLOVER-style conflict/cooperation
weights, `goldstein`). Definitions, kept deliberately simple:

- **Dyad net score**: for two entities, the sum of goldstein x evidence over every
  fact edge between them, both directions (evidence = claims; a reference
  edge counts once). Its sign (+1 / -1 / 0) is the dyad's sign. Neutral dyads
  (only 0-sign types such as BORDERS or LEADER_OF, or exact ties) are not part
  of the signed network.
- **Triangles**: three entities whose three dyads are all signed. A triangle
  is balanced when the product of its signs is positive (Cartwright-Harary
  structural balance: +++ "friends of friends", +-- "the enemy of my enemy
  is my friend"), unbalanced when it is negative (++-, and --- under the
  strict product rule).
- **Enemy-of-my-enemy candidates**: A-B negative and B-C negative, while A-C
  is missing, neutral or negative: balance theory predicts A and C should be
  friendly, and they are not (yet) seen so.
- **Blocs**: Louvain (seeded) on the positive dyads only, weight = net score;
  entities with no positive dyad are left alone. Reported: blocs of two or
  more, the negative dyads *inside* a bloc and the positive dyads *between*
  blocs (together the "frustration" of the partition: 0 means the blocs
  explain every sign).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from graph.analytics.network import EdgeRef, dyads

PATTERNS: tuple[str, ...] = ("+++", "+--", "++-", "---")
# The patterns whose sign product is positive (see the module docstring).
BALANCED_PATTERNS: frozenset[str] = frozenset({"+++", "+--"})


@dataclass(frozen=True, slots=True)
class Dyad:
    a: str
    a_name: str
    b: str
    b_name: str
    net: float  # sum of goldstein x evidence over the pair's edges
    sign: int  # +1, -1 or 0
    weight: int  # evidence (claims) on the pair's edges
    edges: list[EdgeRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Triangle:
    nodes: tuple[str, str, str]
    names: tuple[str, str, str]
    pattern: str  # "+++", "+--", "++-" or "---"
    balanced: bool
    dyads: list[Dyad]


@dataclass(frozen=True, slots=True)
class EnemyOfEnemy:
    a: str
    a_name: str
    c: str
    c_name: str
    common_enemies: list[str]  # the B's (ids)
    common_enemy_names: list[str]
    ac_sign: int | None  # None: no edge at all; 0: neutral; -1: hostile
    dyads: list[Dyad]  # the A-B and B-C dyads the candidate rests on


@dataclass(frozen=True, slots=True)
class Bloc:
    index: int  # 0 = largest
    members: list[str]
    names: list[str]
    positive_dyads: int  # inside the bloc
    negative_dyads: int  # inside the bloc (frustration)


@dataclass(frozen=True, slots=True)
class BalanceResult:
    dyad_count: int  # every pair with a fact edge: signed_dyads + neutral_dyads (as in centrality)
    signed_dyads: int  # positive + negative: the signed network (neutral dyads are not part of it)
    positive_dyads: int
    negative_dyads: int
    neutral_dyads: int
    triangle_count: int
    balanced_count: int
    unbalanced_count: int
    patterns: dict[str, int]
    balance_ratio: float | None  # balanced / triangles; None without triangles
    dyads: list[Dyad]  # strongest by |net|, up to `limit`
    unbalanced_triangles: list[Triangle]
    balanced_triangles: list[Triangle]
    enemy_of_enemy: list[EnemyOfEnemy]
    blocs: list[Bloc]
    intra_bloc_negative: list[Dyad]
    inter_bloc_positive: list[Dyad]
    frustration: int  # len(intra_bloc_negative) + len(inter_bloc_positive), before `limit`
    seed: int


def _sign(net: float) -> int:
    return 1 if net > 0 else -1 if net < 0 else 0


def signed_dyads(g: nx.MultiDiGraph) -> nx.Graph:
    """The projection with `sign` on every pair (including neutral ones)."""
    p = dyads(g)
    for _, _, d in p.edges(data=True):
        d["sign"] = _sign(d["net"])
    return p


def _dyad(p: nx.Graph, u: str, v: str, evidence: int) -> Dyad:
    a, b = sorted((u, v))
    d = p[a][b]
    return Dyad(
        a=a,
        a_name=p.nodes[a].get("name") or a,
        b=b,
        b_name=p.nodes[b].get("name") or b,
        net=d["net"],
        sign=d["sign"],
        weight=int(d["weight"]),
        edges=d["edges"][:evidence],
    )


def _signed_only(p: nx.Graph) -> nx.Graph:
    s = nx.Graph()
    s.add_nodes_from(p.nodes(data=True))
    s.add_edges_from((u, v, d) for u, v, d in p.edges(data=True) if d["sign"] != 0)
    s.remove_nodes_from([n for n in list(s.nodes) if s.degree(n) == 0])
    return s


def triangles(s: nx.Graph) -> list[tuple[str, str, str]]:
    """Every triangle of `s` once, as sorted node triples, in sorted order."""
    out: list[tuple[str, str, str]] = []
    for u in sorted(s.nodes):
        higher = sorted(v for v in s[u] if v > u)
        for i, v in enumerate(higher):
            for w in higher[i + 1 :]:
                if s.has_edge(v, w):
                    out.append((u, v, w))
    return out


def _pattern(signs: list[int]) -> str:
    positives = sum(1 for x in signs if x > 0)
    return {3: "+++", 2: "++-", 1: "+--", 0: "---"}[positives]


def _bloc_partition(s: nx.Graph, seed: int, resolution: float) -> list[set[str]]:
    pos = nx.Graph()
    pos.add_nodes_from(s.nodes)
    pos.add_edges_from((u, v, {"weight": d["net"]}) for u, v, d in s.edges(data=True) if d["sign"] > 0)
    if pos.number_of_edges() == 0:
        return [{v} for v in s.nodes]
    return nx.community.louvain_communities(pos, weight="weight", resolution=resolution, seed=seed)


def balance(
    g: nx.MultiDiGraph,
    *,
    limit: int | None = 20,
    evidence_per_dyad: int = 3,
    seed: int = 42,
    resolution: float = 1.0,
) -> BalanceResult:
    p = signed_dyads(g)
    s = _signed_only(p)
    cap = None if limit is None else max(limit, 0)

    signs = [d["sign"] for _, _, d in p.edges(data=True)]
    positive = sum(1 for x in signs if x > 0)
    negative = sum(1 for x in signs if x < 0)
    neutral = sum(1 for x in signs if x == 0)

    strongest = sorted(s.edges(data=True), key=lambda e: (-abs(e[2]["net"]), min(e[0], e[1]), max(e[0], e[1])))
    dyad_list = [_dyad(s, u, v, evidence_per_dyad) for u, v, _ in strongest[:cap]]

    # Triangles and their balance.
    patterns = {k: 0 for k in PATTERNS}
    unbalanced: list[Triangle] = []
    balanced: list[Triangle] = []
    for u, v, w in triangles(s):
        ds = [_dyad(s, u, v, evidence_per_dyad), _dyad(s, v, w, evidence_per_dyad), _dyad(s, u, w, evidence_per_dyad)]
        pattern = _pattern([d.sign for d in ds])
        patterns[pattern] += 1
        is_balanced = pattern in BALANCED_PATTERNS
        tri = Triangle(
            nodes=(u, v, w),
            names=tuple(s.nodes[x].get("name") or x for x in (u, v, w)),  # type: ignore[arg-type]
            pattern=pattern,
            balanced=is_balanced,
            dyads=ds,
        )
        (balanced if is_balanced else unbalanced).append(tri)
    total = sum(patterns.values())
    balanced_n = sum(patterns[k] for k in BALANCED_PATTERNS)

    def tri_key(t: Triangle) -> tuple[float, tuple[str, str, str]]:
        return (-sum(abs(d.net) for d in t.dyads), t.nodes)

    unbalanced.sort(key=tri_key)
    balanced.sort(key=tri_key)

    # Enemy of my enemy: A-B-C with both dyads negative, A-C not positive.
    via: dict[tuple[str, str], list[str]] = defaultdict(list)
    for b in sorted(s.nodes):
        enemies = sorted(x for x in s[b] if s[b][x]["sign"] < 0)
        for a, c in combinations(enemies, 2):
            if p.has_edge(a, c) and p[a][c]["sign"] > 0:
                continue
            via[(a, c)].append(b)
    candidates: list[EnemyOfEnemy] = []
    for (a, c), bs in via.items():
        ac_sign = p[a][c]["sign"] if p.has_edge(a, c) else None
        cited = [_dyad(s, a, b, evidence_per_dyad) for b in bs] + [_dyad(s, b, c, evidence_per_dyad) for b in bs]
        candidates.append(
            EnemyOfEnemy(
                a=a,
                a_name=s.nodes[a].get("name") or a,
                c=c,
                c_name=s.nodes[c].get("name") or c,
                common_enemies=bs,
                common_enemy_names=[s.nodes[b].get("name") or b for b in bs],
                ac_sign=ac_sign,
                dyads=cited,
            )
        )
    candidates.sort(key=lambda e: (-len(e.common_enemies), -sum(abs(d.net) for d in e.dyads), e.a, e.c))

    # Blocs from the positive dyads; frustration from the signs they fail to explain.
    parts = _bloc_partition(s, seed, resolution) if s.number_of_nodes() else []
    bloc_of = {v: i for i, part in enumerate(parts) for v in part}
    intra_negative: list[Dyad] = []
    inter_positive: list[Dyad] = []
    inside_pos: dict[int, int] = defaultdict(int)
    inside_neg: dict[int, int] = defaultdict(int)
    for u, v, d in s.edges(data=True):
        same = bloc_of[u] == bloc_of[v]
        if same and d["sign"] < 0:
            intra_negative.append(_dyad(s, u, v, evidence_per_dyad))
            inside_neg[bloc_of[u]] += 1
        elif same:
            inside_pos[bloc_of[u]] += 1
        elif d["sign"] > 0:
            inter_positive.append(_dyad(s, u, v, evidence_per_dyad))
    by_strength = lambda d: (-abs(d.net), d.a, d.b)  # noqa: E731
    intra_negative.sort(key=by_strength)
    inter_positive.sort(key=by_strength)
    multi = [(i, sorted(part)) for i, part in enumerate(parts) if len(part) >= 2]
    multi.sort(key=lambda x: (-len(x[1]), x[1][0]))
    blocs = [
        Bloc(
            index=n,
            members=members,
            names=[s.nodes[v].get("name") or v for v in members],
            positive_dyads=inside_pos[i],
            negative_dyads=inside_neg[i],
        )
        for n, (i, members) in enumerate(multi)
    ]

    return BalanceResult(
        dyad_count=positive + negative + neutral,
        signed_dyads=positive + negative,
        positive_dyads=positive,
        negative_dyads=negative,
        neutral_dyads=neutral,
        triangle_count=total,
        balanced_count=balanced_n,
        unbalanced_count=total - balanced_n,
        patterns=patterns,
        balance_ratio=round(balanced_n / total, 6) if total else None,
        dyads=dyad_list,
        unbalanced_triangles=unbalanced[:cap],
        balanced_triangles=balanced[:cap],
        enemy_of_enemy=candidates[:cap],
        blocs=blocs[:cap],
        intra_bloc_negative=intra_negative[:cap],
        inter_bloc_positive=inter_positive[:cap],
        frustration=len(intra_negative) + len(inter_positive),
        seed=seed,
    )
