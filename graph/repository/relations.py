"""Fact edges and their evidence."""

from __future__ import annotations

from collections.abc import Sequence

from graph.cypher import evidence as ev
from graph.cypher import read as q
from graph.repository.base import EVIDENCE_MAX_CLAIMS, EdgeFilter, RepositoryBase
from graph.repository.timelines import ClaimFilter
from graph.views import Edge, Evidence, Page


class RelationReads(RepositoryBase):
    async def relations(
        self,
        *,
        subject: str | None = None,
        object: str | None = None,
        types: Sequence[str] | None = None,
        filters: EdgeFilter = EdgeFilter(),
        sort: q.RelationSort = "articles",
        limit: int = 50,
        offset: int = 0,
    ) -> Page[Edge]:
        """Fact edges, most attested first. A symmetric type matches a
        subject/object pair either way round."""
        params = filters.params()
        params.update(subject=subject, object=object)
        anchor = subject or object
        if anchor is not None:
            query = q.anchored_relations_query(types, sort)
            await self._require_entities(*(i for i in (subject, object) if i is not None))
            total, items = await self._page(query, limit, offset, anchor=anchor, **params)
        else:
            total, items = await self._page(q.relations_query(types, sort), limit, offset, **params)
        return Page[Edge](items=[self._edge(r) for r in items], total=total, limit=limit, offset=offset)

    async def evidence(
        self,
        subject: str,
        object: str,
        flt: ClaimFilter = ClaimFilter(),
        *,
        either: bool = True,
        limit: int = 50,
        offset: int = 0,
    ) -> Evidence:
        """The claims between two entities with their sentences, offsets and
        articles, newest first, negated and non-asserted ones included
        (`is_fact` False), filtered by `flt`; and the fact edges between them.
        `either`: both directions (else subject -> object, symmetric types
        either way)."""
        found = await self._require_entities(subject, object)
        params = {"a": subject, "b": object, "either": either, **flt.params()}
        total, items = await self._page(ev.PAIR_EVIDENCE, min(limit, EVIDENCE_MAX_CLAIMS), offset, **params)
        edge_rows = await self._rows(ev.pair_fact_edges(flt.types), **params)
        return Evidence(
            subject=found[subject],
            object=found[object],
            types=flt.types,
            edges=[self._edge(r["edge"]) for r in edge_rows],
            items=[self._claim(r["claim"], r["article"]) for r in items],
            total=total,
            limit=limit,
            offset=offset,
        )
