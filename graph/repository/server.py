"""Health, stats and the researcher's read-only Cypher."""

from __future__ import annotations

from typing import Any

import neo4j

from graph.cypher import read as q
from graph.repository.base import RepositoryBase
from graph.user_query import CypherLimits, run_user_cypher
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
        self, query: str, params: dict[str, Any] | None = None, *, limits: CypherLimits | None = None
    ) -> CypherResult:
        """Run one researcher statement: see graph.user_query (refused unless a
        plain read by its plan; time, memory, row and byte limits)."""
        return await run_user_cypher(self._driver, self._database, query, params, limits or CypherLimits())
