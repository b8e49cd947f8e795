"""One-to-one matching of predictions to gold items."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

P = TypeVar("P")
G = TypeVar("G")


def greedy_match(
    preds: Sequence[P],
    golds: Sequence[G],
    score: Callable[[P, G], float | None],
) -> dict[int, int]:
    """Pairs prediction index -> gold index, each used at most once.

    `score` returns None when the two cannot match, else a closeness (higher is
    better: e.g. characters of overlap). Pairs are taken best first, ties in
    text order, so the result is deterministic; on the small candidate sets of
    one document this is as good as an optimal assignment in practice.
    """
    candidates: list[tuple[float, int, int]] = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = score(p, g)
            if s is not None:
                candidates.append((-s, i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs: dict[int, int] = {}
    for _, i, j in candidates:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs[i] = j
    return pairs
