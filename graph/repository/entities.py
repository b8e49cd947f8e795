"""Entities: search, one entity, neighbourhoods."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from neo4j import AsyncManagedTransaction

from graph.cypher import ranking
from graph.cypher import read as q
from graph.cypher import search as sq
from graph.errors import InvalidQuery, NotFound
from graph.ontology import (
    RELATION_TYPES,
    EntityKind,
)
from graph.repository.base import (
    DEFAULT_FANOUT,
    DEFAULT_FRONTIER,
    HOP_ROWS_MAX,
    KIND_LABELS,
    MAX_DEPTH,
    MAX_FANOUT,
    MAX_FRONTIER,
    Direction,
    EdgeFilter,
    RepositoryBase,
    lucene_query,
    native,
)
from graph.schema import ENTITY_NAMES_INDEX
from graph.views import (
    Edge,
    EntityDetail,
    EntityPage,
    EntitySummary,
    GraphNode,
    RelationCount,
    Subgraph,
)

# At most this many entities come from a fuzzy (spelling) fallback.
FUZZY_MAX = 10

EntitySort = Literal["name", "articles"]


class EntityReads(RepositoryBase):
    # --- entities ---------------------------------------------------------------------------

    async def search_entities(
        self,
        text: str | None = None,
        kinds: Sequence[str] | None = None,
        limit: int = 20,
        offset: int = 0,
        *,
        resolved: Sequence[tuple[str, str]] = (),
        sort: EntitySort = "name",
    ) -> EntityPage:
        """Entities for `text`, best first: first `resolved`, the (id, rule)
        pairs the caller found by the ingest's own resolution rules (gazetteer
        names, aliases, demonyms, metonyms), then the entities whose name or an
        alias matches every word of `text` by prefix. Only when neither finds
        anything, entities matching by spelling (fuzzy), at most FUZZY_MAX and
        labelled so (`match: "fuzzy"`, the page's `fuzzy: true`). Every entity
        (by name, or by articles mentioning it) when `text` is empty.

        Spelling variants are a fallback because a fuzzy Lucene term is
        matched against the whole term dictionary (3-10x the time of a prefix
        query on a 100,000-claim graph) and mostly adds noise when the words
        already match names ("Iran" would bring "Iraq", "Kremlin" Koszalin)."""
        kind_filter = [EntityKind(k).value for k in kinds] if kinds else None
        if not (text and text.strip()):
            total, items = await self._page(
                sq.LIST_ENTITIES, limit, offset, kind_filter=kind_filter, kinds=KIND_LABELS, sort=sort
            )
            return EntityPage(items=[EntitySummary(**row) for row in items], total=total, limit=limit, offset=offset)
        prefix = lucene_query(text, fuzzy=False)
        fuzzy = lucene_query(text)

        async def work(tx: AsyncManagedTransaction) -> tuple[list[EntitySummary], int, list[EntitySummary], bool]:
            result = await tx.run(
                sq.RESOLVED_ENTITIES, resolved=[{"id": i, "rule": r} for i, r in resolved],
                kind_filter=kind_filter, kinds=KIND_LABELS,
            )  # fmt: skip
            first: dict[str, EntitySummary] = {}
            for record in [native(r.data()) async for r in result]:
                first.setdefault(record["entity"]["id"], EntitySummary(**record["entity"], match=record["rule"]))
            known = list(first.values())
            # The page is known + full-text hits: how many of each it takes.
            own = known[offset : offset + limit]
            hit_offset, hit_limit = max(0, offset - len(known)), limit - len(own)
            attempts = [(prefix, "prefix", None)] + ([(fuzzy, "fuzzy", FUZZY_MAX)] if not known else [])
            for lucene, label, cap in attempts:
                if lucene is None:
                    continue
                found = await tx.run(
                    sq.SEARCH_ENTITIES, index=ENTITY_NAMES_INDEX, lucene=lucene, kind_filter=kind_filter,
                    kinds=KIND_LABELS, exclude=list(first), cap=cap, limit=max(hit_limit, 0), offset=hit_offset,
                )  # fmt: skip
                record = await found.single()
                if record is not None and record["total"] > 0:
                    hits = [
                        EntitySummary(**row["entity"], score=row["score"], match=label)
                        for row in native(record["items"])
                    ]
                    return own, len(known) + record["total"], hits, label == "fuzzy"
            return own, len(known), [], False

        own, total, hits, was_fuzzy = await self._read_tx(work)
        return EntityPage(items=own + hits, total=total, limit=limit, offset=offset, fuzzy=was_fuzzy)

    async def get_entity(self, entity_id: str) -> EntityDetail:
        rows = await self._rows(
            q.ENTITY_DETAIL, id=entity_id, kinds=KIND_LABELS,
            fact_types=list(RELATION_TYPES), symmetric=q.SYMMETRIC_TYPES,
        )
        if not rows:
            raise NotFound(f"no entity with id {entity_id!r}: find ids with GET /v1/entities?q=...")
        row = rows[0]
        counts: dict[tuple[str, str], int] = {}
        for rel in row["rels"]:
            key = (rel["type"], rel["direction"])
            counts[key] = counts.get(key, 0) + 1
        return EntityDetail(
            **row["entity"],
            articles=row["articles"],
            claims_as_subject=row["as_subject"],
            claims_as_object=row["as_object"],
            relations=[
                RelationCount(type=t, direction=d, count=n)  # type: ignore[arg-type]
                for (t, d), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        )

    async def neighbourhood(
        self,
        entity_id: str,
        *,
        depth: int = 1,
        types: Sequence[str] | None = None,
        direction: Direction = "both",
        filters: EdgeFilter = EdgeFilter(),
        limit: int = 100,
        fanout: int | None = None,
        frontier: int | None = None,
        ranked: bool = True,
    ) -> Subgraph:
        """The entity and the fact edges around it, breadth first up to `depth`
        hops, keeping at most `limit` nodes. Each hop follows at most `fanout`
        edges per node, its strongest (most articles, then highest
        confidence), from at most `frontier` nodes of the previous hop (those
        reached by the strongest edges). Defaults: `fanout` is `limit` at depth
        1 and DEFAULT_FANOUT deeper; `frontier` DEFAULT_FRONTIER.
        `truncated` says a cap cut something off and `truncated_by` which.

        When the request can be answered from the rankings the writers keep
        (graph.cypher.ranking: every type or one family, both directions, no
        evidence filter, a fanout the lists cover), a hop reads each node's
        ranked edges by id instead of scanning its edges; `ranked=False`
        always scans (the same answer; for comparisons and benchmarks)."""
        if not 1 <= depth <= MAX_DEPTH:
            raise InvalidQuery(f"depth must be from 1 to {MAX_DEPTH}")
        if direction not in ("out", "in", "both"):
            raise InvalidQuery("direction must be out, in or both")
        if limit < 1:
            raise InvalidQuery("limit must be at least 1")
        if fanout is None:
            fanout = min(limit, MAX_FANOUT) if depth == 1 else DEFAULT_FANOUT
        if frontier is None:
            frontier = DEFAULT_FRONTIER
        if not 1 <= fanout <= MAX_FANOUT:
            raise InvalidQuery(f"fanout must be from 1 to {MAX_FANOUT}")
        if not 1 <= frontier <= MAX_FRONTIER:
            raise InvalidQuery(f"frontier must be from 1 to {MAX_FRONTIER}")
        ranked_list = (
            ranking.ranked_list(q.relation_type_names(types))  # validates the types
            if ranked and direction == "both" and not filters.active and fanout < ranking.TOP_EDGES_KEPT
            else None
        )
        hop = q.neighbourhood_hop(types, direction, filtered=filters.active, ranked=ranked_list)
        params = filters.params()

        # One transaction for the lookup and every hop: one round of BEGIN/COMMIT.
        async def work(tx: AsyncManagedTransaction) -> Subgraph:
            found = await tx.run(q.GET_ENTITIES, ids=[entity_id], kinds=KIND_LABELS)
            record = await found.single()
            if record is None:
                raise NotFound(f"no entity with id {entity_id!r}: find ids with GET /v1/entities?q=...")
            centre = EntitySummary(**record["entity"])
            nodes = {centre.id: GraphNode(id=centre.id, name=centre.name, kind=centre.kind, depth=0)}
            edges: dict[str, Edge] = {}
            cut: set[str] = set()
            expand = [centre.id]
            for level in range(1, depth + 1):
                ranking_params = await self._frontier_lists(tx, ranked_list, expand, fanout) if ranked_list else {}
                result = await tx.run(
                    hop, params, frontier=expand, fanout=fanout, cap=HOP_ROWS_MAX + 1, kinds=KIND_LABELS,
                    **ranking_params,
                )  # fmt: skip
                rows = [native(r.data()) async for r in result]
                if len(rows) > HOP_ROWS_MAX:
                    cut.add("rows")
                    rows = rows[:HOP_ROWS_MAX]
                reached: list[str] = []
                for row in rows:
                    if row["cut"]:
                        cut.add("fanout")
                    other = row["node"]
                    if other["id"] not in nodes:
                        if len(nodes) >= limit:
                            cut.add("limit")
                            continue
                        nodes[other["id"]] = GraphNode(**other, depth=level)
                        reached.append(other["id"])
                    edge = self._edge(row["edge"])
                    edges.setdefault(edge.id, edge)
                # Rows come strongest first, so `reached` is in order of strength.
                if level < depth and len(reached) > frontier:
                    cut.add("frontier")
                expand = reached[:frontier]
                if not expand:
                    break
            return Subgraph(
                nodes=list(nodes.values()),
                edges=list(edges.values()),
                truncated=bool(cut),
                truncated_by=sorted(cut),
                fanout=fanout,
                frontier=frontier,
            )

        return await self._read_tx(work)

    @staticmethod
    async def _frontier_lists(
        tx: AsyncManagedTransaction, prop: str, frontier: list[str], fanout: int
    ) -> dict[str, object]:
        """A ranked hop's parameters: each frontier node's list cut to fanout
        + 1 (`lists`, and all their ids in `ids`), and the nodes without one
        (`unranked`, ranked by the scan)."""
        result = await tx.run(ranking.FRONTIER_LISTS, frontier=frontier, prop=prop)
        lists: dict[str, list[str]] = {}
        unranked: list[str] = []
        async for record in result:
            if record["ids"] is None:
                unranked.append(record["id"])
            else:
                lists[record["id"]] = list(record["ids"][: fanout + 1])
        return {"lists": lists, "ids": [i for ids in lists.values() for i in ids], "unranked": unranked}
