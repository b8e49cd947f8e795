"""Fact edges, their evidence, and paths between entities."""

from __future__ import annotations

from collections.abc import Sequence

from graph.cypher import read as q
from graph.ontology import (
    RELATION_TYPES,
)
from graph.repository.base import (
    EVIDENCE_MAX_CLAIMS,
    KIND_LABELS,
    EdgeFilter,
    RepositoryBase,
)
from graph.views import (
    Edge,
    Evidence,
    GraphNode,
    Page,
    Path,
    Paths,
)


class RelationReads(RepositoryBase):
    async def relations(
        self,
        *,
        subject: str | None = None,
        object: str | None = None,
        types: Sequence[str] | None = None,
        filters: EdgeFilter = EdgeFilter(),
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Edge]:
        """Fact edges, most attested first. A symmetric type matches a
        subject/object pair either way round."""
        params = filters.params()
        params.update(subject=subject, object=object)
        anchor = subject or object
        if anchor is not None:
            query = q.anchored_relations_query(types)
            await self._require_entities(*(i for i in (subject, object) if i is not None))
            total, items = await self._page(query, limit, offset, anchor=anchor, **params)
        else:
            total, items = await self._page(q.relations_query(types), limit, offset, **params)
        return Page[Edge](items=[self._edge(r) for r in items], total=total, limit=limit, offset=offset)

    async def evidence(self, subject: str, rtype: str, object: str) -> Evidence:
        """Every claim of `rtype` between the two entities with its sentence and
        article, negated and non-asserted ones included (`is_fact` False), and
        the fact edge they add up to, if any."""
        name = q.relation_type_names([rtype])[0]
        found = await self._require_entities(subject, object)
        symmetric = RELATION_TYPES[name].symmetric
        claim_rows = await self._rows(
            q.EVIDENCE, subject=subject, object=object, type=name,
            is_symmetric=symmetric, limit=EVIDENCE_MAX_CLAIMS,
        )
        edge_rows = await self._rows(
            q.fact_edges_between(name), subject=subject, object=object, symmetric=q.SYMMETRIC_TYPES
        )
        edges = [self._edge(r["edge"]) for r in edge_rows]
        edge = next((e for e in edges if e.origin == "article"), edges[0] if edges else None)
        return Evidence(
            subject=found[subject],
            object=found[object],
            type=name,
            edge=edge,
            claims=[self._claim(r["claim"], r["article"]) for r in claim_rows],
        )

    # --- paths ---------------------------------------------------------------------------------

    async def shortest_paths(
        self,
        source: str,
        target: str,
        *,
        max_hops: int = 4,
        types: Sequence[str] | None = None,
        limit: int = 10,
    ) -> Paths:
        """Every shortest undirected path over fact edges (at most `limit`)."""
        query = q.shortest_paths_query(types, max_hops)
        found = await self._require_entities(source, target)
        if source == target:
            node = found[source]
            only = Path(nodes=[GraphNode(id=node.id, name=node.name, kind=node.kind)], edges=[], length=0)
            return Paths(source=source, target=target, paths=[only])
        rows = await self._rows(query, source=source, target=target, limit=limit, kinds=KIND_LABELS)
        paths = []
        for row in rows:
            nodes = [GraphNode(**n, depth=i) for i, n in enumerate(row["nodes"])]
            edges = [self._edge(e) for e in row["edges"]]
            paths.append(Path(nodes=nodes, edges=edges, length=len(edges)))
        return Paths(source=source, target=target, paths=paths)

