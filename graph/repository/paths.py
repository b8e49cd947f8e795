"""Shortest paths between two entities: distinct node sequences, each with
the fact edges along its hops, the hops' signs and their product."""

from __future__ import annotations

from collections.abc import Sequence

from graph.cypher import paths as pq
from graph.repository.base import KIND_LABELS, EdgeFilter, RepositoryBase
from graph.views import Edge, GraphNode, Path, PathHop, Paths, PathSort

# Distinct node sequences kept at most (each gets its edges read and sorted).
MAX_SEQUENCES = 1000


def _sign(net: float) -> int:
    return 1 if net > 0 else -1 if net < 0 else 0


def _hop(start: str, end: str, edges: list[Edge]) -> PathHop:
    # The same evidence weight as the analytics' dyads: claims, a reference edge once.
    net = round(sum((e.goldstein or 0.0) * max(e.claims or 0, 1) for e in edges), 6)
    return PathHop(start=start, end=end, edges=edges, net=net, sign=_sign(net))


def _path(nodes: list[GraphNode], hops: list[PathHop]) -> Path:
    sign = 1
    for hop in hops:
        sign *= hop.sign
    evidence = min((sum(max(e.claims or 0, 1) for e in h.edges) for h in hops), default=0)
    edges = [e for h in hops for e in h.edges]
    return Path(nodes=nodes, hops=hops, edges=edges, length=len(hops), sign=sign, evidence=evidence)


def _order(paths: list[Path], sort: PathSort) -> list[Path]:
    if sort == "name":
        return sorted(paths, key=lambda p: ([n.name.casefold() for n in p.nodes], [n.id for n in p.nodes]))
    total = lambda p: sum(max(e.claims or 0, 1) for e in p.edges)  # noqa: E731
    return sorted(paths, key=lambda p: (-p.evidence, -total(p), [n.id for n in p.nodes]))


class PathReads(RepositoryBase):
    async def shortest_paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        types: Sequence[str] | None = None,
        filters: EdgeFilter = EdgeFilter(),
        sort: PathSort = "evidence",
        limit: int = 10,
        offset: int = 0,
    ) -> Paths:
        """The shortest undirected paths over fact edges passing `filters`,
        one per distinct node sequence, strongest weakest link first (`sort`)."""
        query = pq.path_sequences_query(types, max_hops)
        found = await self._require_entities(source, target)
        if source == target:
            node = found[source]
            only = _path([GraphNode(id=node.id, name=node.name, kind=node.kind)], [])
            return Paths(items=[only], total=1, limit=limit, offset=offset, source=source, target=target, length=0)
        params = filters.params()
        rows = await self._rows(query, source=source, target=target, scan=pq.MAX_SCANNED_PATHS, **params)
        scanned = rows[0]["scanned"] if rows else 0
        sequences: list[list[str]] = sorted(rows[0]["sequences"]) if rows else []
        exact = scanned < pq.MAX_SCANNED_PATHS and len(sequences) <= MAX_SEQUENCES
        total = len(sequences)
        sequences = sequences[:MAX_SEQUENCES]
        pairs = sorted({(a, b) for seq in sequences for a, b in zip(seq, seq[1:])})
        edge_rows = await self._rows(
            pq.hop_edges_query(types), pairs=[list(p) for p in pairs], kinds=KIND_LABELS, **params
        )
        by_pair = {tuple(r["pair"]): [self._edge(e) for e in r["edges"]] for r in edge_rows}
        ids = sorted({i for seq in sequences for i in seq})
        node_rows = await self._rows(pq.NODES_BY_ID, ids=ids, kinds=KIND_LABELS)
        nodes = {r["node"]["id"]: r["node"] for r in node_rows}
        paths = []
        for seq in sequences:
            hops = [_hop(a, b, sorted(by_pair.get((a, b), []), key=lambda e: e.id)) for a, b in zip(seq, seq[1:])]
            paths.append(_path([GraphNode(**nodes[i], depth=d) for d, i in enumerate(seq)], hops))
        page = _order(paths, sort)[offset : offset + limit]
        return Paths(
            items=page,
            total=total,
            limit=limit,
            offset=offset,
            source=source,
            target=target,
            length=len(sequences[0]) - 1 if sequences else None,
            truncated=len(page) < total or not exact,
            total_exact=exact,
        )
