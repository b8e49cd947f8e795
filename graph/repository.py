"""Typed, read-only access to the graph for the API.

`Repository` wraps one `neo4j.AsyncDriver` (created by the caller, e.g. the
API's lifespan) and returns `graph.views` models, never driver records. Every
query runs in a READ-mode managed transaction. Driver failures become
`graph.errors`: Neo4jUnavailable when the server cannot be reached,
InvalidQuery for a refused query, NotFound for an unknown id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import neo4j
from neo4j import READ_ACCESS, AsyncDriver, AsyncManagedTransaction, AsyncSession

from graph.cypher import read as q
from graph.driver_errors import translate_errors
from graph.errors import InvalidQuery, NotFound
from graph.ontology import (
    DEFAULT_FACT_MODALITIES,
    RELATION_TYPES,
    EntityKind,
    Modality,
    Polarity,
)
from graph.schema import ARTICLE_TITLES_INDEX, ENTITY_NAMES_INDEX
from graph.user_query import CypherLimits, run_user_cypher
from graph.views import (
    ArticleDetail,
    ArticleSummary,
    ClaimView,
    CypherResult,
    Edge,
    EntityDetail,
    EntitySummary,
    Evidence,
    GraphNode,
    Page,
    Path,
    Paths,
    RelationCount,
    ServerInfo,
    Stats,
    Subgraph,
    Timeline,
    TimelinePeriod,
    TimelinePoint,
)

Direction = Literal["out", "in", "both"]
Interval = Literal["week", "month"]

KIND_LABELS: list[str] = [k.value for k in EntityKind]
MAX_DEPTH = 3
# Neighbourhood caps. A hop follows at most `fanout` edges per frontier node
# (its strongest) and expands at most `frontier` nodes (those reached by the
# strongest edges), so the work and the response of a hop are bounded by
# frontier x fanout whatever the degree of the hubs on the way (a news graph's
# top country has thousands of fact edges). Depth 1 keeps its old meaning: the
# centre's `limit` strongest edges. Deeper requests default to a small fanout,
# so the node budget reaches the second hop instead of being spent on the
# centre's own neighbours.
DEFAULT_FANOUT = 10
DEFAULT_FRONTIER = 20
MAX_FANOUT = 500
MAX_FRONTIER = 200
# Rows one hop may return at most (a backstop: frontier x fanout is smaller
# with the defaults).
HOP_ROWS_MAX = 5000
EVIDENCE_MAX_CLAIMS = 1000

# Lucene query syntax characters, escaped with a backslash in search terms.
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


def lucene_query(text: str, *, fuzzy: bool = True) -> str | None:
    """A Lucene query matching every word of `text` by prefix (`word*`) or,
    when `fuzzy`, also by spelling (`word~`); None when `text` has no word.
    Terms are lower-cased (the index's analyser lower-cases too), so AND/OR/NOT
    typed by a user stay words, and every syntax character is escaped."""
    clauses = []
    for raw in text.split():
        term = _LUCENE_SPECIAL.sub(r"\\\1", raw.lower())
        if not any(ch.isalnum() for ch in raw):
            continue
        alternatives = [f"{term}^3", f"{term}*"]
        if fuzzy and len(raw) >= 4:
            # Edit distance 1 for short words, 2 for longer: "Iran~2" would match "Iraq".
            alternatives.append(f"{term}~{1 if len(raw) < 7 else 2}")
        clauses.append("(" + " OR ".join(alternatives) + ")")
    return " AND ".join(clauses) if clauses else None


def _default_sign(rtype: str) -> float:
    """The ontology's sign of a claim type; 0 for a type the vocabulary no longer has."""
    known = RELATION_TYPES.get(rtype)
    return known.sign if known is not None else 0.0


def edge_id(edge_type: str, source: str, target: str, origin: str) -> str:
    suffix = "#reference" if origin == "reference" else ""
    return f"{source}-{edge_type}->{target}{suffix}"


def native(value: Any) -> Any:
    """Driver values as plain Python: neo4j temporal types to datetime's."""
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time)):
        return value.to_native()
    if isinstance(value, neo4j.time.Duration):
        return value.iso_format()
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class EdgeFilter:
    """Which fact edges a neighbourhood or relations query keeps. Reference
    (backbone) edges have no counts or dates: they are kept or dropped as a
    whole by `include_reference`."""

    since: date | None = None  # last seen on or after
    until: date | None = None  # first seen on or before
    min_confidence: float | None = None
    min_articles: int | None = None
    include_reference: bool = True

    @property
    def active(self) -> bool:
        """Whether the filter drops anything at all (the queries leave it out otherwise)."""
        return (
            any(v is not None for v in (self.since, self.until, self.min_confidence, self.min_articles))
            or not self.include_reference
        )

    def params(self) -> dict[str, Any]:
        return {
            "since": self.since,
            "until": self.until,
            "min_confidence": self.min_confidence,
            "min_articles": self.min_articles,
            "include_reference": self.include_reference,
            "symmetric": q.SYMMETRIC_TYPES,
        }


class Repository:
    """Read queries over the geokg graph, returning typed models."""

    def __init__(
        self,
        driver: AsyncDriver,
        database: str = "neo4j",
        *,
        fact_modalities: Iterable[Modality] = DEFAULT_FACT_MODALITIES,
        retry_s: float = 2.0,
    ) -> None:
        self._driver = driver
        # How long a managed transaction keeps retrying a lost connection. The
        # driver's 30 s default would hold an HTTP request that long while
        # Neo4j is down; an API should answer 503 at once and let clients retry.
        self._retry_s = retry_s
        self._database = database
        self._fact_modalities = frozenset(Modality(m) for m in fact_modalities)

    # --- plumbing -------------------------------------------------------------------

    def _session(self) -> AsyncSession:
        """A READ-mode session with this repository's retry time."""
        return self._driver.session(
            database=self._database,
            default_access_mode=READ_ACCESS,
            max_transaction_retry_time=self._retry_s,
            # The server warns about labels and types the data has not used
            # yet (the queries name the whole vocabulary): not news.
            notifications_min_severity="OFF",
        )

    async def _read_tx(self, work: Callable[[AsyncManagedTransaction], Any]) -> Any:
        with translate_errors():
            async with self._session() as session:
                return await session.execute_read(work)

    async def _rows(self, query: str, **params: Any) -> list[dict[str, Any]]:
        async def work(tx: AsyncManagedTransaction) -> list[dict[str, Any]]:
            result = await tx.run(query, params)
            return [native(record.data()) for record in [r async for r in result]]

        return await self._read_tx(work)

    async def _page(self, query: str, limit: int, offset: int, **params: Any) -> tuple[int, list[Any]]:
        rows = await self._rows(query, limit=limit, offset=offset, **params)
        if not rows:
            return 0, []
        return rows[0]["total"], rows[0]["items"]

    # --- health and stats ---------------------------------------------------------------

    async def server_info(self) -> ServerInfo:
        """Versions of the server and the driver; Neo4jUnavailable when down."""
        rows = await self._rows(q.SERVER_COMPONENTS)
        kernel = next((r for r in rows if r["name"] == "Neo4j Kernel"), rows[0] if rows else {})
        return ServerInfo(
            reachable=True,
            server_version=kernel.get("version"),
            edition=kernel.get("edition"),
            database=self._database,
            driver_version=neo4j.__version__,
        )

    async def stats(self) -> Stats:
        labels = await self._rows(q.COUNT_LABELS)
        rels = await self._rows(q.COUNT_RELATIONSHIPS)
        qualifiers = await self._rows(q.COUNT_CLAIMS_BY_QUALIFIERS)
        by_polarity: dict[str, int] = {}
        by_modality: dict[str, int] = {}
        for row in qualifiers:
            pol, mod = row["polarity"] or "unknown", row["modality"] or "unknown"
            by_polarity[pol] = by_polarity.get(pol, 0) + row["n"]
            by_modality[mod] = by_modality.get(mod, 0) + row["n"]
        return Stats(
            # A label or type never written has no row at all: report it as 0.
            labels={name: 0 for name in q.STAT_LABELS} | {r["key"]: r["n"] for r in labels},
            relation_types={name: 0 for name in q.STAT_RELATIONSHIP_TYPES} | {r["key"]: r["n"] for r in rels},
            claims_by_polarity=by_polarity,
            claims_by_modality=by_modality,
        )

    # --- entities ---------------------------------------------------------------------------

    async def search_entities(
        self, text: str | None = None, kind: str | None = None, limit: int = 20, offset: int = 0
    ) -> Page[EntitySummary]:
        """Entities whose name or an alias matches every word of `text` by
        prefix, best first; when nothing does, by spelling (fuzzy) instead.
        Every entity by name when `text` is empty.

        Spelling variants are a fallback because a fuzzy Lucene term is
        matched against the whole term dictionary (3-10x the time of a prefix
        query on a 100,000-claim graph) and mostly adds noise when the words
        already match names ("Iran" would bring "Iraq")."""
        kind = EntityKind(kind).value if kind else None
        if text and text.strip():
            prefix = lucene_query(text, fuzzy=False)
            if prefix is None:
                return Page[EntitySummary](items=[], total=0, limit=limit, offset=offset)
            fuzzy = lucene_query(text)

            async def work(tx: AsyncManagedTransaction) -> tuple[int, list[Any]]:
                for lucene in dict.fromkeys((prefix, fuzzy)):
                    result = await tx.run(
                        q.SEARCH_ENTITIES, index=ENTITY_NAMES_INDEX, lucene=lucene, kind=kind,
                        kinds=KIND_LABELS, limit=limit, offset=offset,
                    )  # fmt: skip
                    record = await result.single()
                    if record is not None and record["total"] > 0:
                        return record["total"], native(record["items"])
                return 0, []

            total, items = await self._read_tx(work)
            entities = [EntitySummary(**row["entity"], score=row["score"]) for row in items]
        else:
            total, items = await self._page(q.LIST_ENTITIES, limit, offset, kind=kind, kinds=KIND_LABELS)
            entities = [EntitySummary(**row) for row in items]
        return Page[EntitySummary](items=entities, total=total, limit=limit, offset=offset)

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

    async def _entities(self, ids: Sequence[str]) -> dict[str, EntitySummary]:
        rows = await self._rows(q.GET_ENTITIES, ids=list(ids), kinds=KIND_LABELS)
        return {r["entity"]["id"]: EntitySummary(**r["entity"]) for r in rows}

    async def _require_entities(self, *ids: str) -> dict[str, EntitySummary]:
        found = await self._entities(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"no entity with id {', '.join(map(repr, missing))}")
        return found

    # --- fact edges ----------------------------------------------------------------------------

    @staticmethod
    def _edge(row: dict[str, Any]) -> Edge:
        rtype = RELATION_TYPES.get(row["type"])
        return Edge(
            id=edge_id(row["type"], row["source"], row["target"], row["origin"]),
            symmetric=bool(rtype and rtype.symmetric),
            **row,
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
    ) -> Subgraph:
        """The entity and the fact edges around it, breadth first up to `depth`
        hops, keeping at most `limit` nodes. Each hop follows at most `fanout`
        edges per node, its strongest (most articles, then highest
        confidence), from at most `frontier` nodes of the previous hop (those
        reached by the strongest edges). Defaults: `fanout` is `limit` at depth
        1 and DEFAULT_FANOUT deeper; `frontier` DEFAULT_FRONTIER.
        `truncated` says a cap cut something off and `truncated_by` which."""
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
        hop = q.neighbourhood_hop(types, direction, filtered=filters.active)  # validates the types
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
                result = await tx.run(
                    hop, params, frontier=expand, fanout=fanout, cap=HOP_ROWS_MAX + 1, kinds=KIND_LABELS
                )
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

    # --- claims and evidence ------------------------------------------------------------------

    def _claim(self, row: dict[str, Any], article: dict[str, Any] | None = None) -> ClaimView:
        is_fact = row.get("polarity") == Polarity.AFFIRMED.value and row.get("modality") in {
            m.value for m in self._fact_modalities
        }
        return ClaimView(
            **row,
            is_fact=is_fact,
            article=ArticleSummary(**article) if article else None,
        )

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

    # --- timeline --------------------------------------------------------------------------------

    async def timeline(self, entity_id: str, interval: Interval = "month") -> Timeline:
        """Claims naming the entity (as subject or object) per type and period,
        affirmed and negated counted apart; periods also split by the type's
        sign (cooperation, conflict, neutral)."""
        if interval not in ("week", "month"):
            raise InvalidQuery("interval must be week or month")
        await self._require_entities(entity_id)
        rows = await self._rows(q.TIMELINE, id=entity_id, unit=interval)
        points: dict[tuple[date, str], dict[str, int]] = {}
        periods: dict[date, dict[str, int]] = {}
        undated = 0
        for row in rows:
            period, rtype, n = row["period"], row["type"], row["n"]
            if period is None:
                undated += n
                continue
            negated = row["polarity"] == Polarity.NEGATED.value
            point = points.setdefault((period, rtype), {"affirmed": 0, "negated": 0})
            point["negated" if negated else "affirmed"] += n
            bucket = periods.setdefault(period, {"cooperation": 0, "conflict": 0, "neutral": 0, "negated": 0})
            sign = _default_sign(rtype)
            if negated:
                bucket["negated"] += n
            elif sign > 0:
                bucket["cooperation"] += n
            elif sign < 0:
                bucket["conflict"] += n
            else:
                bucket["neutral"] += n
        return Timeline(
            entity_id=entity_id,
            interval=interval,
            points=[
                TimelinePoint(period=p, type=t, sign=_default_sign(t), **counts)
                for (p, t), counts in sorted(points.items())
            ],
            periods=[TimelinePeriod(period=p, **c) for p, c in sorted(periods.items())],
            undated=undated,
        )

    # --- articles ---------------------------------------------------------------------------------

    async def search_articles(
        self,
        text: str | None = None,
        *,
        since: date | None = None,
        until: date | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> Page[ArticleSummary]:
        """Articles whose title matches `text` (best first), or every article,
        newest first, within the optional publication window."""
        if text and text.strip():
            lucene = lucene_query(text)
            if lucene is None:
                return Page[ArticleSummary](items=[], total=0, limit=limit, offset=offset)
            total, items = await self._page(
                q.SEARCH_ARTICLES, limit, offset,
                index=ARTICLE_TITLES_INDEX, lucene=lucene, since=since, until=until,
            )
        else:
            total, items = await self._page(q.LIST_ARTICLES, limit, offset, since=since, until=until)
        return Page[ArticleSummary](
            items=[ArticleSummary(**r) for r in items], total=total, limit=limit, offset=offset
        )

    async def get_article(self, article_id: str) -> ArticleDetail:
        rows = await self._rows(q.GET_ARTICLE, id=article_id, kinds=KIND_LABELS)
        if not rows:
            raise NotFound(f"no article with id {article_id!r}: find ids with GET /v1/articles")
        row = rows[0]
        return ArticleDetail(
            **row["article"],
            standfirst=row["standfirst"],
            source=row["source"],
            claims=[self._claim(c) for c in row["claims"]],
            entities=[EntitySummary(**e) for e in row["entities"]],
        )

    # --- researcher Cypher ------------------------------------------------------------------------

    async def run_read_cypher(
        self, query: str, params: dict[str, Any] | None = None, *, limits: CypherLimits | None = None
    ) -> CypherResult:
        """Run one researcher statement: see graph.user_query (refused unless a
        plain read by its plan; time, memory, row and byte limits)."""
        return await run_user_cypher(self._driver, self._database, query, params, limits or CypherLimits())
