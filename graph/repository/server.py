"""Health, stats and the researcher's read-only Cypher."""

from __future__ import annotations

from typing import Any

import neo4j
from neo4j import AsyncManagedTransaction

from graph.cypher import read as q
from graph.cypher.guard import check_read_query_text
from graph.driver_errors import translate_errors
from graph.errors import InvalidQuery
from graph.repository.base import RepositoryBase, jsonable
from graph.views import (
    CypherResult,
    ServerInfo,
    Stats,
)


class ServerReads(RepositoryBase):
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

    # --- researcher Cypher ------------------------------------------------------------------------

    async def run_read_cypher(
        self,
        query: str,
        params: dict[str, Any] | None = None,
        *,
        timeout: float = 10.0,
        row_cap: int = 1000,
    ) -> CypherResult:
        """Run one read-only Cypher statement from a user.

        Refused (InvalidQuery) unless the text passes `check_read_query_text`
        (one statement, no LOAD CSV, no USE) and Neo4j's own `EXPLAIN` says the
        query type is read-only ('r'); then run in a READ transaction (the
        server refuses any write in it) with a server-side timeout, reading
        at most `row_cap` rows. Neo4j's errors come back as InvalidQuery."""
        text = check_read_query_text(query)
        params = dict(params or {})

        @neo4j.unit_of_work(timeout=timeout)
        async def explain(tx: AsyncManagedTransaction) -> str | None:
            result = await tx.run("EXPLAIN " + text, params)
            summary = await result.consume()
            return summary.query_type

        @neo4j.unit_of_work(timeout=timeout)
        async def run(tx: AsyncManagedTransaction) -> CypherResult:
            result = await tx.run(text, params)
            columns = list(result.keys())
            rows: list[list[Any]] = []
            truncated = False
            async for record in result:
                if len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append([jsonable(v) for v in record.values()])
            await result.consume()
            return CypherResult(columns=columns, rows=rows, row_count=len(rows), truncated=truncated)

        with translate_errors(InvalidQuery):
            async with self._session() as session:
                query_type = await session.execute_read(explain)
                if query_type != "r":
                    raise InvalidQuery(
                        f"only read-only queries are allowed (Neo4j classifies this one as {query_type!r})"
                    )
                return await session.execute_read(run)

