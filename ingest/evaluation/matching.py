"""One-to-one matching of predictions to gold items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import networkx as nx

P = TypeVar("P")
G = TypeVar("G")


def best_match(
    preds: Sequence[P],
    golds: Sequence[G],
    score: Callable[[P, G], float | None],
) -> dict[int, int]:
    """Pairs prediction index -> gold index, each used at most once.

    `score` returns None when the two cannot match, else a closeness (higher is
    better, e.g. characters of overlap). The matching first maximises the number
    of pairs, then the total closeness: a long prediction that overlaps two gold
    items must not take the one a second prediction could only match. Solved as
    a maximum-weight bipartite matching (networkx); a document's candidate sets
    are small.
    """
    graph = nx.Graph()
    edges: list[tuple[tuple[str, int], tuple[str, int], float]] = []
    max_score = 0.0
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s is not None:
                edges.append((("p", i), ("g", j), s))
                max_score = max(max_score, s)
    if not edges:
        return {}
    # Every edge outweighs any sum of closeness bonuses, so cardinality comes first.
    bonus_scale = 1.0 / (max_score * (len(edges) + 1) + 1.0)
    for a, b, s in edges:
        graph.add_edge(a, b, weight=1.0 + s * bonus_scale)
    pairs: dict[int, int] = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=True):
        if a[0] == "g":
            a, b = b, a
        pairs[a[1]] = b[1]
    return dict(sorted(pairs.items()))
